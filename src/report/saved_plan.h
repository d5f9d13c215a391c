#pragma once
// The saved plan: what `offsetctl plan --out FILE` writes and `offsetctl apply
// FILE` executes. It holds the resolved change of every partition with the
// committed offset observed at plan time (apply's drift check compares against
// it), the group states, the sha256 of every plan file, where the plan was made
// (endpoint, region) and by which version. Never any credential.
//
// The file is JSON (schemas/saved-plan.schema.json) with sorted keys and one
// partition per line, so two saved plans diff well, and a checksum over its
// contents, so a hand-edited file is refused instead of applied.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "planner/plan_result.h"
#include "util/result.h"

namespace offsetctl::report {

struct PlanFileHash {
  std::string path;
  std::string sha256;  // lower-case hex of the file's bytes
};

struct SavedPlan {
  planner::PlanResult result;
  std::vector<PlanFileHash> files;  // written sorted by path
  std::string endpoint;             // written without any user:password@ part
  std::string region;               // the default region; groups carry their own
  int64_t created_at_ms = 0;
  std::string tool_version;
};

inline constexpr int kSavedPlanFormatVersion = 1;

// The file's text: deterministic (same plan, same bytes), ending in a newline.
std::string saved_plan_to_json(const SavedPlan& plan);

// "sha256:…": the checksum member of saved_plan_to_json's text ("" when there
// is none), which reports quote so that a reviewer can match the file applied.
std::string saved_plan_checksum(std::string_view json);

// Reads a saved plan strictly: any syntax error, unknown or missing field,
// wrong type, unsupported format_version or checksum mismatch is an error that
// names `path`, the line and column, and the field.
// checksum, when given, is set to the one verified ("sha256:…", for reports to quote).
Result<SavedPlan> parse_saved_plan(std::string_view json, const std::string& path, std::string* checksum = nullptr);

// A saved plan holds ~200 bytes per partition: a million partitions make
// ~200 MB, past util::read_file's default cap (meant for plan files).
inline constexpr uint64_t kMaxSavedPlanBytes = 2ull << 30;

// The file forms: write atomically (a crash leaves the old file or the new),
// read with the saved-plan size cap and parse. checksum, when given, is set to
// the written file's ("sha256:…", for the report to quote).
Status<> write_saved_plan(const std::string& path, const SavedPlan& plan, std::string* checksum = nullptr);
// sha256, when given, is set to the file's (for the audit log's run_started); checksum to
// the verified checksum member (as parse_saved_plan).
Result<SavedPlan> read_saved_plan(const std::string& path, std::string* sha256 = nullptr,
                                  std::string* checksum = nullptr);

// "https://user:secret@host/x" -> "https://host/x": an endpoint may carry
// credentials, and a saved plan is shared in pull requests and CI artifacts.
std::string redact_endpoint(std::string_view endpoint);

namespace detail {
// The document without its "checksum" member (what the checksum covers), and
// the byte offset where that member belongs.
std::string saved_plan_unsigned_json(const SavedPlan& plan, size_t& checksum_at);
// The sha256 (hex) of that document, hashed as it is written: a million-partition
// plan is checked without holding a second copy of its text.
std::string saved_plan_unsigned_sha256(const SavedPlan& plan);

// Writes that document into `out`; when `drain` is set, hands it on in pieces
// of about kDrainBytes (clearing `out` each time). Returns the offset of the
// checksum member in the whole document.
using Drain = std::function<void(std::string_view)>;
inline constexpr size_t kDrainBytes = 1u << 20;
size_t write_unsigned_saved_plan(const SavedPlan& plan, std::string& out, const Drain& drain);
}  // namespace detail

}  // namespace offsetctl::report
