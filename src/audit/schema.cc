#include "audit/schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <exception>
#include <string_view>

namespace offsetctl::embedded {
extern const std::string_view audit_schema;
}

namespace offsetctl::audit {
namespace {

// valijson's context ["<root>", "[plan_files]", "[0]", "[sha256]"] -> "plan_files[0].sha256".
std::string field_path(const std::vector<std::string>& context) {
  std::string path;
  for (const auto& part : context) {
    if (part.size() < 2 || part.front() != '[' || part.back() != ']') continue;
    std::string name = part.substr(1, part.size() - 2);
    bool index = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
    if (index)
      path += "[" + name + "]";
    else
      path += (path.empty() ? "" : ".") + name;
  }
  return path;
}

std::string describe(const valijson::ValidationResults::Error& e) {
  const std::string& d = e.description;
  std::string where = field_path(e.context);
  auto quoted = [&](std::string_view prefix) -> std::optional<std::string> {
    if (d.rfind(prefix, 0) != 0) return std::nullopt;
    auto first = d.find('\'', prefix.size() - 1);
    auto last = d.rfind('\'');
    if (first == std::string::npos || last <= first) return std::nullopt;
    return d.substr(first + 1, last - first - 1);
  };
  std::string prefix = where.empty() ? "" : where + ".";
  if (auto name = quoted("Missing required property '")) return "missing field '" + prefix + *name + "'";
  if (d.rfind("Object contains a property that could not be validated", 0) == 0) {
    auto last = d.rfind('\'');
    auto first = last == std::string::npos || last == 0 ? std::string::npos : d.rfind('\'', last - 1);
    if (first != std::string::npos)
      return "unknown field '" + prefix + d.substr(first + 1, last - first - 1) + "'";
  }
  std::string field = where.empty() ? "the record" : "field '" + where + "'";
  if (d.rfind("Value type not permitted", 0) == 0) return field + ": wrong type";
  if (d.rfind("Failed to match regex", 0) == 0) return field + ": not in the expected format";
  if (d.rfind("Failed to match against any enum", 0) == 0) return field + ": not one of the allowed values";
  return field + ": " + d;
}

// valijson reports the failing constraint and then each enclosing one: the
// deepest context names the field at fault; among its errors, prefer the one
// that says what is wrong over "failed to validate against ..." summaries.
const valijson::ValidationResults::Error* pick(const valijson::ValidationResults& results) {
  const valijson::ValidationResults::Error* best = nullptr;
  bool best_specific = false;
  for (const auto& e : results) {
    bool specific = e.description.rfind("Failed to validate", 0) != 0;
    if (!best || e.context.size() > best->context.size() ||
        (e.context.size() == best->context.size() && specific && !best_specific)) {
      best = &e;
      best_specific = specific;
    }
  }
  return best;
}

}  // namespace

AuditSchema::AuditSchema() : validator_(std::make_unique<valijson::Validator>()) {
  try {
    nlohmann::json root = nlohmann::json::parse(embedded::audit_schema);
    for (const auto& branch : root.at("oneOf")) {
      nlohmann::json doc = branch;
      doc["definitions"] = root.at("definitions");
      std::string type = branch.at("properties").at("type").at("const").get<std::string>();
      if (branch.at("properties").contains("format")) type += "/2";  // the compact change records
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(doc);
      parser.populateSchema(adapter, *schema);
      by_type_.emplace(type, std::move(schema));
    }
  } catch (const std::exception& e) {
    load_error_ = std::string("the embedded audit schema cannot be loaded: ") + e.what();
  }
}

AuditSchema::~AuditSchema() = default;

std::optional<std::string> AuditSchema::check(const nlohmann::json& record) const {
  if (!load_error_.empty()) return load_error_;
  if (!record.is_object()) return "not a JSON object";
  auto type = record.find("type");
  if (type == record.end()) return "missing field 'type'";
  if (!type->is_string()) return "field 'type': wrong type";
  auto schema = by_type_.find(type->get_ref<const std::string&>());
  if (schema == by_type_.end()) {
    return "field 'type': unknown record type '" + type->get<std::string>() +
           "' (expected run_started, change_intent, change_result or run_finished)";
  }
  if (auto format = record.find("format"); format != record.end()) {
    if (!format->is_number_integer()) return "field 'format': wrong type";
    if (*format != 2) {
      return "field 'format': format " + format->dump() +
             " is not one this offsetctl reads (1 and 2): was the log written by a newer version?";
    }
    schema = by_type_.find(type->get<std::string>() + "/2");
    if (schema == by_type_.end()) return "unknown field 'format' (only change records have one)";
  }
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(record);
  try {
    if (validator_->validate(*schema->second, adapter, &results)) return std::nullopt;
  } catch (const std::exception& e) {  // std::regex can give up on pathological strings
    return std::string("cannot be checked: ") + e.what();
  }
  const auto* error = pick(results);
  return error ? describe(*error) : "does not match the audit schema";
}

}  // namespace offsetctl::audit
