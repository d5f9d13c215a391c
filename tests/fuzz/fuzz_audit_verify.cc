// audit::verify_audit_bytes on arbitrary bytes: never a crash or a hang, and
// a report that is consistent with itself (a verdict, a reason and a line for a
// bad log, counts that fit the lines read). The schema is compiled once: that
// costs far more than checking a small log.

#include <string>
#include <string_view>

#include "audit/schema.h"
#include "audit/verify.h"
#include "fuzz_check.h"

namespace offsetctl::fuzz {

int fuzz_audit_verify(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const audit::AuditSchema schema;  // one per process: the fuzzer runs one input at a time
  audit::VerifyReport report = audit::verify_audit_bytes(bytes, schema);
  const std::string summary = report.summary("fuzz.jsonl");
  const std::string json = report.to_json("fuzz.jsonl").dump();
  FUZZ_CHECK(!summary.empty() && !json.empty(), "empty summary");
  FUZZ_CHECK(report.records <= report.lines, summary);
  FUZZ_CHECK(report.runs <= report.records, summary);
  if (report.ok) {
    FUZZ_CHECK(report.bad_line == 0 && report.error.empty(), summary);
  } else {
    FUZZ_CHECK(!report.error.empty(), "a failed verification without a reason");
    FUZZ_CHECK(report.bad_line == 0 || report.bad_line <= report.lines + 1, summary);
  }
  if (report.truncated_tail) FUZZ_CHECK(report.truncated_line >= 1, summary);
  return 0;
}

}  // namespace offsetctl::fuzz

OFFSETCTL_FUZZ_ENTRY(fuzz_audit_verify)
