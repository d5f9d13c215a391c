#pragma once
// Plans -> the canonical text of a plan file, which load_plan_text reads back
// to the same plans. Used by export and rollback, whose files people review
// like any other plan.

#include <string>
#include <vector>

#include "plan/model.h"

namespace offsetctl::plan {

struct WriteOptions {
  // Comment lines at the top of the file (without "# "), e.g. where it came from.
  std::vector<std::string> header;
  // Written as "# yaml-language-server: $schema=<path>" when not empty.
  std::string schema_path;
};

std::string write_plan_yaml(const std::vector<OffsetPlan>& plans);
std::string write_plan_yaml(const std::vector<OffsetPlan>& plans, const WriteOptions& options);

// A YAML scalar for `text`: plain when it reads back as the same text,
// otherwise double-quoted with escapes.
std::string yaml_string(const std::string& text);

}  // namespace offsetctl::plan
