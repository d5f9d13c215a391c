#pragma once
// A YAML tree as the JSON value the schema validates. Numbers the plan format
// refuses (1.5, 0x10, 1e3, out of range) become a fraction, which fits neither
// an integer nor a string in the schema, so the schema check reports them and
// the message is made from the node's own text.

#include <nlohmann/json.hpp>

#include "plan/yaml_tree.h"

namespace offsetctl::plan {

nlohmann::json to_json(const YNode& node);

}  // namespace offsetctl::plan
