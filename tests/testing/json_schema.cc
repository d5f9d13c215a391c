#include "testing/json_schema.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "testing/temp_dir.h"

namespace offsetctl::testing {

std::string schema_errors(const std::string& schema, const std::string& json) {
  std::ifstream in(source_dir() + "/schemas/" + schema, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const auto schema_doc = nlohmann::json::parse(text.str());
  valijson::Schema compiled;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(schema_doc), compiled);
  const auto doc = nlohmann::json::parse(json);
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(compiled, valijson::adapters::NlohmannJsonAdapter(doc), &results)) return {};
  std::string errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    for (const auto& part : e.context) errors += part;
    errors += ": " + e.description + "\n";
  }
  return errors;
}

}  // namespace offsetctl::testing
