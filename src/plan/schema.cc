#include "plan/schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace offsetctl::embedded {
extern const std::string_view plan_schema;
}

namespace offsetctl::plan {
namespace {

struct CompiledSchema {
  nlohmann::json json;
  valijson::Schema schema;
  std::string error;  // non-empty when the embedded schema is broken (a build defect)

  CompiledSchema() {
    try {
      json = nlohmann::json::parse(embedded::plan_schema);
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(json);
      parser.populateSchema(adapter, schema);
    } catch (const std::exception& e) {
      error = std::string("the embedded plan schema cannot be used: ") + e.what();
    }
  }
};

// Compiled on first use and never changed: a constant, shared by every load.
const CompiledSchema& compiled() {
  static const CompiledSchema instance;
  return instance;
}

// valijson also reports every enclosing object and array that failed because
// of a child; only the innermost errors say what is wrong.
bool is_wrapper(const std::string& d) {
  static const char* const kWrappers[] = {
      "Failed to validate against schema associated with property name",
      "Failed to validate item #",
      "Failed to validate against a conditional schema",
      "Failed to validate against additional properties schema",
      "Failed to validate against any child schemas allowed by oneOf",
      "Failed to validate against exactly one child schema",
      "Failed to validate against any schemas allowed by anyOf",
      "Failed to validate against child schema #",
      "Failed to validate against schema associated with pattern",
      "Failed to validate against dependent schema",
  };
  for (const char* w : kWrappers)
    if (d.rfind(w, 0) == 0) return true;
  return false;
}

// valijson's context is {"<root>", "[groups]", "[0]", ...}.
std::vector<std::string> to_path(const std::vector<std::string>& context) {
  std::vector<std::string> path;
  for (size_t i = 1; i < context.size(); ++i) {
    const std::string& c = context[i];
    path.push_back(c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c);
  }
  return path;
}

}  // namespace

std::string_view plan_schema_text() { return embedded::plan_schema; }

const nlohmann::json& plan_schema_json() { return compiled().json; }

struct SchemaChecker::Impl {
  valijson::Validator validator{valijson::Validator::kStrongTypes};
};

SchemaChecker::SchemaChecker() : impl_(std::make_unique<Impl>()) {}
SchemaChecker::~SchemaChecker() = default;

std::vector<SchemaError> SchemaChecker::check(const nlohmann::json& document) {
  const CompiledSchema& c = compiled();
  if (!c.error.empty()) return {SchemaError{{}, c.error}};
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  std::vector<SchemaError> errors;
  try {
    if (impl_->validator.validate(c.schema, target, &results)) return errors;
  } catch (const std::exception& e) {
    return {SchemaError{{}, std::string("the plan schema check failed: ") + e.what()}};
  }
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    if (!is_wrapper(e.description)) errors.push_back({to_path(e.context), e.description});
  }
  return errors;
}

}  // namespace offsetctl::plan
