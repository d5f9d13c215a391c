#include "audit/verify.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include "audit/compact.h"
#include "audit/lines.h"
#include "audit/record.h"
#include "audit/schema.h"
#include "util/plural.h"
#include "util/time.h"

namespace offsetctl::audit {
namespace {

using util::plural;

bool is_hex64(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || !it->is_string()) return false;
  const auto& s = it->get_ref<const std::string&>();
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::optional<int64_t> seq_of(const nlohmann::json& record) {
  auto it = record.find("seq");
  if (it == record.end()) return std::nullopt;
  if (it->is_number_unsigned()) {
    auto v = it->get<uint64_t>();
    if (v >= 1 && v <= static_cast<uint64_t>(kMaxSeq)) return static_cast<int64_t>(v);
  } else if (it->is_number_integer()) {
    auto v = it->get<int64_t>();
    if (v >= 1 && v <= kMaxSeq) return v;
  }
  return std::nullopt;
}

const char* json_kind(const nlohmann::json& v) {
  if (v.is_array()) return "an array";
  if (v.is_string()) return "a string";
  if (v.is_number()) return "a number";
  if (v.is_boolean()) return "a boolean";
  return "null";
}

class Verifier {
 public:
  // schema: null to compile one when the first record needs it (garbage needs none).
  Verifier(const RecordVisitor& visit, const AuditSchema* schema) : visit_(visit), schema_(schema) {
    report_.last_hash = std::string(kZeroHash);
  }

  void line(const RawLine& raw) {
    if (failed_) {
      refine(raw);
      return;
    }
    if (pending_torn_) {  // a record cut short, and the file goes on: a later run continued it
      report_.interrupted_lines.push_back(*pending_torn_);
      if (!torn_before_next_) torn_before_next_ = pending_torn_;
      pending_torn_.reset();
    }
    LineParse parsed = parse_line(raw.text);
    switch (parsed.kind) {
      case LineParse::Kind::Torn:
        pending_torn_ = raw.number;
        return;
      case LineParse::Kind::Garbage:
        fail_at(raw.number, "not an audit record (" + parsed.why + ")");
        return;
      case LineParse::Kind::Json:
        check(raw, parsed.value);
        return;
    }
  }

  VerifyReport finish(size_t lines) {
    report_.lines = lines;
    if (!failed_ && pending_torn_) {
      report_.truncated_tail = true;
      report_.truncated_line = *pending_torn_;
    }
    if (failed_ && jump_) report_.error += jump_found_ ? "" : jump_missing_note_;
    report_.ok = !failed_;
    return std::move(report_);
  }

 private:
  void fail_at(size_t line, std::string why) {
    failed_ = true;
    report_.bad_line = line;
    report_.error = std::move(why);
  }

  // After a seq jump, look further for the seqs that are missing here: found means reordered.
  void refine(const RawLine& raw) {
    if (!jump_ || jump_found_) return;
    LineParse parsed = parse_line(raw.text);
    if (parsed.kind != LineParse::Kind::Json || !parsed.value.is_object()) return;
    auto seq = seq_of(parsed.value);
    if (!seq || *seq < jump_->first || *seq > jump_->second) return;
    jump_found_ = true;
    report_.error = jump_prefix_ + "records were reordered (seq " + std::to_string(*seq) + " is at line " +
                    std::to_string(raw.number) + ")";
  }

  void check(const RawLine& raw, const nlohmann::json& record) {
    const size_t n = raw.number;
    if (!record.is_object())
      return fail_at(n, std::string("not an audit record (") + json_kind(record) + ", not an object)");
    auto seq = seq_of(record);
    if (!seq || !is_hex64(record, "hash") || !is_hex64(record, "prev_hash")) {
      auto why = schema().check(record);
      return fail_at(n, why ? *why : "field 'seq', 'hash' or 'prev_hash' is not valid");
    }
    const auto& hash = record["hash"].get_ref<const std::string&>();
    const auto& prev_hash = record["prev_hash"].get_ref<const std::string&>();
    if (record_hash(prev_hash, record) != hash) {
      return fail_at(n, "hash mismatch: the record was changed after it was written");
    }
    const int64_t expected = report_.last_seq + 1;
    if (torn_before_next_ && (*seq != expected || prev_hash != report_.last_hash)) {
      // A real interrupted write is followed by a record that continues the chain from before it.
      return fail_at(*torn_before_next_,
                     "a damaged record: the line is cut short, yet line " + std::to_string(n) +
                         " does not continue the chain from " +
                         (report_.records == 0 ? std::string("the start of the file")
                                               : "line " + std::to_string(last_record_line_)));
    }
    if (*seq > expected) {
      jump_prefix_ = "seq " + std::to_string(*seq) +
                     (report_.records == 0 ? " is the first record's: "
                                           : " follows seq " + std::to_string(report_.last_seq) + ": ");
      int64_t missing = *seq - expected;
      jump_ = std::make_pair(expected, *seq - 1);
      jump_missing_note_ = missing == 1 ? " (seq " + std::to_string(expected) + " is missing)"
                                        : " (seq " + std::to_string(expected) + " to " +
                                              std::to_string(*seq - 1) + " are missing)";
      return fail_at(n, jump_prefix_ + (missing == 1 ? "a record was removed"
                                                     : std::to_string(missing) + " records were removed"));
    }
    if (*seq < expected) {
      return fail_at(n, "seq " + std::to_string(*seq) + " follows seq " + std::to_string(report_.last_seq) +
                            ": records were reordered or copied");
    }
    if (prev_hash != report_.last_hash) {
      if (report_.records == 0) {
        return fail_at(n, "prev_hash is not 64 zeros: the first record must start the chain");
      }
      return fail_at(n, "prev_hash does not match line " + std::to_string(last_record_line_) +
                            ": records were reordered or removed");
    }
    if (auto why = schema().check(record)) return fail_at(n, *why);
    const auto& type = record["type"].get_ref<const std::string&>();
    if (type == kChangeIntent || type == kChangeResult) {
      if (auto why = check_change_record(record)) return fail_at(n, *why);
    }
    if (raw.text != canonical_json(record)) {
      return fail_at(n, "not in canonical form: the line was edited after it was written");
    }
    if (!util::parse_rfc3339(record["time"].get_ref<const std::string&>())) {
      return fail_at(n, "field 'time': not a valid date and time");
    }
    if (!check_run(n, record)) return;

    report_.records += 1;
    report_.last_seq = *seq;
    report_.last_hash = hash;
    last_record_line_ = n;
    torn_before_next_.reset();
    if (visit_) visit_(n, record);
  }

  // Records of a run follow its run_started, nothing follows its run_finished,
  // and only a new run follows a record cut short by a crash.
  bool check_run(size_t n, const nlohmann::json& record) {
    const auto& type = record["type"].get_ref<const std::string&>();
    const auto& run_id = record["run_id"].get_ref<const std::string&>();
    if (torn_before_next_ && type != kRunStarted) {
      fail_at(n, "a " + type + " record follows the record cut short at line " +
                     std::to_string(*torn_before_next_) +
                     ": only a new run (run_started) can follow an interrupted write");
      return false;
    }
    if (type == kRunStarted) {
      if (auto seen = run_lines_.find(run_id); seen != run_lines_.end()) {
        fail_at(n, "run_id " + run_id + " was already used by the run started at line " +
                       std::to_string(seen->second));
        return false;
      }
      run_lines_.emplace(run_id, n);
      report_.runs += 1;
      report_.last_run_id = run_id;
      run_line_ = n;
      run_finished_ = false;
      return true;
    }
    if (report_.runs == 0) {
      fail_at(n, "a " + type + " record before any run_started: the log does not start with a run");
      return false;
    }
    if (run_id != report_.last_run_id) {
      fail_at(n, "run_id " + run_id + " is not the run started at line " + std::to_string(run_line_) + " (" +
                     report_.last_run_id + ")");
      return false;
    }
    if (run_finished_) {
      fail_at(n, "a " + type + " record after the run_finished of its run at line " +
                     std::to_string(finished_line_));
      return false;
    }
    if (type == kRunFinished) {
      run_finished_ = true;
      finished_line_ = n;
    }
    return true;
  }

  const AuditSchema& schema() {
    if (!schema_) {
      own_schema_ = std::make_unique<AuditSchema>();
      schema_ = own_schema_.get();
    }
    return *schema_;
  }

  const RecordVisitor& visit_;
  const AuditSchema* schema_;
  std::unique_ptr<AuditSchema> own_schema_;
  VerifyReport report_;
  bool failed_ = false;
  size_t last_record_line_ = 0;
  std::optional<size_t> pending_torn_;      // the latest line, cut short
  std::optional<size_t> torn_before_next_;  // the next record must start a run
  std::map<std::string, size_t> run_lines_;
  size_t run_line_ = 0;
  bool run_finished_ = false;
  size_t finished_line_ = 0;
  // A seq jump: missing range, message prefix, and whether the range shows up later.
  std::optional<std::pair<int64_t, int64_t>> jump_;
  std::string jump_prefix_;
  std::string jump_missing_note_;
  bool jump_found_ = false;
};

}  // namespace

std::string VerifyReport::summary(const std::string& path) const {
  if (!ok) {
    if (bad_line == 0) return path + ": error: " + error;
    return path + ":" + std::to_string(bad_line) + ": error: " + error;
  }
  std::string text = path + ": " + plural(records, "record", "records") + " in " +
                     plural(runs, "run", "runs") + ", chain intact.";
  if (!interrupted_lines.empty()) {
    std::string lines_text;
    for (size_t l : interrupted_lines) lines_text += (lines_text.empty() ? "" : ", ") + std::to_string(l);
    text += (interrupted_lines.size() == 1 ? " Line " : " Lines ") + lines_text +
            (interrupted_lines.size() == 1 ? ": a record cut short by an interrupted run"
                                           : ": records cut short by interrupted runs") +
            " (a crash, not tampering); the chain continues across.";
  }
  if (truncated_tail) {
    text +=
        " The last line (" + std::to_string(truncated_line) +
        ") is a record cut short by an interrupted run (a crash, not tampering); the next run continues the "
        "chain from the record before it.";
  }
  return text;
}

nlohmann::json VerifyReport::to_json(const std::string& path) const {
  nlohmann::json j;
  j["file"] = path;
  j["ok"] = ok;
  j["records"] = records;
  j["runs"] = runs;
  j["lines"] = lines;
  j["error"] =
      ok ? nlohmann::json(nullptr)
         : nlohmann::json{{"line", bad_line == 0 ? nlohmann::json(nullptr) : nlohmann::json(bad_line)},
                          {"message", error}};
  j["truncated_tail"] = truncated_tail;
  j["truncated_line"] = truncated_tail ? nlohmann::json(truncated_line) : nlohmann::json(nullptr);
  j["interrupted_lines"] = interrupted_lines;
  j["last_seq"] = last_seq;
  j["last_hash"] = records == 0 ? nlohmann::json(nullptr) : nlohmann::json(last_hash);
  j["last_run_id"] = last_run_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(last_run_id);
  return j;
}

VerifyReport verify_audit_bytes(std::string_view bytes, const RecordVisitor& visit) {
  Verifier verifier(visit, nullptr);
  LineSplitter splitter(kMaxRecordBytes, [&](const RawLine& line) { verifier.line(line); });
  splitter.feed(bytes);
  return verifier.finish(splitter.finish());
}

VerifyReport verify_audit_bytes(std::string_view bytes, const AuditSchema& schema) {
  RecordVisitor none;
  Verifier verifier(none, &schema);
  LineSplitter splitter(kMaxRecordBytes, [&](const RawLine& line) { verifier.line(line); });
  splitter.feed(bytes);
  return verifier.finish(splitter.finish());
}

VerifyReport verify_audit_log(const std::string& path, const RecordVisitor& visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    VerifyReport report;
    report.error = std::string("cannot open: ") + std::strerror(errno);
    return report;
  }
  Verifier verifier(visit, nullptr);
  LineSplitter splitter(kMaxRecordBytes, [&](const RawLine& line) { verifier.line(line); });
  std::string buffer(1 << 16, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    auto got = in.gcount();
    if (got > 0) splitter.feed(std::string_view(buffer.data(), static_cast<size_t>(got)));
  }
  if (in.bad()) {
    VerifyReport report;
    report.error = "cannot read: " + std::string(std::strerror(errno));
    return report;
  }
  return verifier.finish(splitter.finish());
}

}  // namespace offsetctl::audit
