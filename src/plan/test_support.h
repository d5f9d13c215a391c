#pragma once
// Helpers for the plan tests: load a text and see its errors as a user does.

#include <string>
#include <string_view>
#include <vector>

#include "plan/load.h"

namespace offsetctl::plan::test {

// Every error of a load, formatted as offsetctl prints it.
inline std::string formatted(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.errors) out += d.format();
  return out;
}

// "line:col: message" for each error of `yaml` loaded as "test.yaml".
inline std::vector<std::string> errors_of(std::string_view yaml) {
  std::vector<std::string> out;
  for (const auto& d : load_plan_text(yaml, "test.yaml").errors)
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.text());
  return out;
}

inline std::string first_error(std::string_view yaml) {
  auto e = errors_of(yaml);
  return e.empty() ? "(no error)" : e.front();
}

// A valid OffsetPlan whose one topic entry (orders of orders-consumer) ends
// with `entry_lines` (each indented by 8 spaces): "- topic: orders" is line 8,
// `entry_lines` start at line 9 (line 4 when `top` adds one line: 10).
inline std::string plan_with(const std::string& entry_lines, const std::string& top = "") {
  return "apiVersion: offsetctl/v1\n"
         "kind: OffsetPlan\n"
         "name: test-plan\n" +
         top +
         "instance: ckafka-demo\n"
         "groups:\n"
         "  - group: orders-consumer\n"
         "    topics:\n"
         "      - topic: orders\n" +
         entry_lines;
}

// The same layout as plan_with, with another name, group and topic.
inline std::string plan_for(const std::string& name, const std::string& group, const std::string& topic,
                            const std::string& entry_lines) {
  return "apiVersion: offsetctl/v1\n"
         "kind: OffsetPlan\n"
         "name: " + name + "\n"
         "instance: ckafka-demo\n"
         "groups:\n"
         "  - group: " + group + "\n"
         "    topics:\n"
         "      - topic: " + topic + "\n" +
         entry_lines;
}

}  // namespace offsetctl::plan::test
