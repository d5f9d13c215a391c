#pragma once
// The fields of a change (planner::kChangeFields, beside PartitionChange) as
// JSON: one writer for the report and the saved plan, and the saved plan's
// fields sorted by name, which its reader (saved_plan_parse.cc) accepts.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "planner/plan_result.h"
#include "report/json_writer.h"

namespace offsetctl::report {

namespace detail {
constexpr size_t count_saved_fields() {
  size_t n = 0;
  for (const auto& f : planner::kChangeFields) n += f.saved ? 1 : 0;
  return n;
}
}  // namespace detail

// The saved plan's partition fields, sorted by name (the file's key order).
inline constexpr auto kSavedChangeFields = [] {
  std::array<planner::ChangeField, detail::count_saved_fields()> out{};
  size_t n = 0;
  for (const auto& f : planner::kChangeFields) {
    if (f.saved) out[n++] = f;
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return std::string_view(a.name) < std::string_view(b.name); });
  return out;
}();

// Their names, in the same order.
inline constexpr auto kSavedChangeFieldNames = [] {
  std::array<std::string_view, kSavedChangeFields.size()> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = kSavedChangeFields[i].name;
  return out;
}();

// Writes `field` of `c` as a member of the object `w` is in.
void write_change_field(JsonWriter& w, const planner::ChangeField& field, const planner::PartitionChange& c);

}  // namespace offsetctl::report
