#pragma once
// The shape of an audit record: schemas/audit.schema.json (compiled into the
// program) checked with valijson, against the branch of the record's type so
// that the reason names the field at fault.

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace valijson {
class Schema;
class Validator;
}  // namespace valijson

namespace offsetctl::audit {

class AuditSchema {
 public:
  AuditSchema();
  ~AuditSchema();
  AuditSchema(const AuditSchema&) = delete;
  AuditSchema& operator=(const AuditSchema&) = delete;

  // nullopt when `record` is a well-formed record of its type; else why not,
  // e.g. "missing field 'target'", "field 'partition': not an integer".
  // Not thread-safe (valijson caches compiled patterns): one per thread.
  std::optional<std::string> check(const nlohmann::json& record) const;

 private:
  std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> by_type_;
  std::unique_ptr<valijson::Validator> validator_;
  std::string load_error_;  // set only if the embedded schema is broken (a build defect)
};

}  // namespace offsetctl::audit
