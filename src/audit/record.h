#pragma once
// The audit log's line format, shared by the writer and the verifier: the
// canonical JSON form, the hash chain, and how to tell a record from a torn
// write (a crash mid-line) or from garbage. docs/audit-log.md is the reference.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace offsetctl::audit {

// prev_hash of the first record of a file.
inline constexpr std::string_view kZeroHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
// No record offsetctl writes comes near these; anything beyond is refused unparsed,
// so that a hostile file cannot exhaust memory or the stack.
inline constexpr size_t kMaxRecordBytes = 1u << 20;
inline constexpr int kMaxRecordDepth = 16;
// seq stays within the integers every JSON reader represents exactly.
inline constexpr int64_t kMaxSeq = 9007199254740991;  // 2^53 - 1

// The record types, in the order a run writes them.
inline constexpr std::string_view kRunStarted = "run_started";
inline constexpr std::string_view kChangeIntent = "change_intent";
inline constexpr std::string_view kChangeResult = "change_result";
inline constexpr std::string_view kRunFinished = "run_finished";
bool is_record_type(std::string_view type);

// The canonical text of a JSON value: nlohmann's compact dump (no spaces, keys
// sorted by their UTF-8 bytes, UTF-8 strings, only '"', '\' and control characters
// escaped). Invalid UTF-8 (possible only in values built in memory) becomes U+FFFD.
std::string canonical_json(const nlohmann::json& value);

// sha256 hex of prev_hash + canonical_json(record without its "hash" field).
std::string record_hash(std::string_view prev_hash, const nlohmann::json& record);
// The same from that canonical text, when the writer has it already.
std::string record_hash_of_text(std::string_view prev_hash, std::string_view unhashed_canonical);

// What one line of the file (without its '\n') is.
struct LineParse {
  enum class Kind {
    Json,     // parsed: `value` holds it (not yet checked to be a record)
    Torn,     // the beginning of a JSON object cut short: a write interrupted by a crash
    Garbage,  // anything else: `why` says what
  };
  Kind kind = Kind::Garbage;
  nlohmann::json value;
  std::string why;
};
LineParse parse_line(std::string_view line);

// The deepest nesting of arrays and objects in `text`, outside strings; stops
// counting at `limit` + 1, so it is cheap on hostile input.
int json_depth(std::string_view text, int limit);

}  // namespace offsetctl::audit
