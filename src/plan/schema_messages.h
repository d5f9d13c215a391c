#pragma once
// valijson's findings as messages a plan author can act on, at the line and
// column of the YAML node they concern. valijson says "Value type not
// permitted by 'type' constraint." at a path; this file looks up the node and
// the schema at that path and says "'offset' must be an integer: 1.5 is not a
// whole number".

#include <nlohmann/json.hpp>

#include <vector>

#include "plan/issues.h"
#include "plan/schema.h"
#include "plan/yaml_tree.h"

namespace offsetctl::plan {

// `dts`: the document is a DtsOffsetPlan (the branch the schema took).
void report_schema_errors(const std::vector<SchemaError>& errors, const YNode& document,
                          const nlohmann::json& schema, bool dts, IssueSink& sink);

// Messages shared with the code checks (valijson stops at the first bad value
// of a patternProperties mapping, so the loader checks the rest itself).
std::string not_an_integer(const std::string& subject, const YNode& node);
std::string outside_range(const std::string& subject, const YNode& node, const std::string& min,
                          std::string max);

// Phrases shared with the code checks.
std::string describe_value(const YNode& node);   // "the number 12", "a list", "'abc'"
std::string quote(std::string_view text);         // 'text', made printable and short

}  // namespace offsetctl::plan
