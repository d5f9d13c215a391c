#pragma once
// For the planner's tests: one entry of a plan file's topics list, as the
// loader would make it from plans/a.yaml.

#include <optional>
#include <string>
#include <vector>

#include "plan/model.h"

namespace offsetctl::planner::builders {

inline plan::TopicSpec entry(std::string topic, plan::Spec spec,
                             std::optional<std::vector<int32_t>> parts = std::nullopt, int line = 10) {
  plan::TopicSpec t;
  t.topic = std::move(topic);
  t.spec = std::move(spec);
  t.partitions = std::move(parts);
  t.loc = {"plans/a.yaml", line, 7};
  t.spec_loc = {"plans/a.yaml", line + 1, 9};
  return t;
}

}  // namespace offsetctl::planner::builders
