#pragma once
// A YAML tree as the JSON value the schema validates. Numbers the plan format
// refuses (1.5, 0x10, 1e3, out of range) become a fraction, which fits neither
// an integer nor a string in the schema, so the schema check reports them and
// the message is made from the node's own text.

#include <nlohmann/json.hpp>

#include "plan/yaml_tree.h"

namespace offsetctl::plan {

nlohmann::json to_json(const YNode& node);

// to_json of an OffsetPlan document for the schema check, lighter where the
// schema's answer is already known: an `offsets` map of groups[].topics[] that
// has exactly the shape the schema asks (1 to 100,000 entries, keys canonical
// partition numbers, values integers from 0) is passed with its first entry
// only. valijson runs a std::regex on every key, which for a plan of a million
// partitions cost more than a second; a map with anything wrong goes through
// whole and keeps its messages. to_json_test.cc checks the schema still asks
// exactly that.
nlohmann::json to_schema_json(const YNode& offset_plan);

}  // namespace offsetctl::plan
