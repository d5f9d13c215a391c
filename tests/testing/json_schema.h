#pragma once
// Checks a JSON document against one of the schemas in schemas/, as a reader
// of offsetctl's output would (valijson, draft 7).

#include <string>

namespace offsetctl::testing {

// What is wrong with `json` by schemas/<schema>, one line per error; "" when it conforms.
std::string schema_errors(const std::string& schema, const std::string& json);

}  // namespace offsetctl::testing
