#include "plan/build_common.h"

#include <cstdio>
#include <unordered_map>

#include "plan/schema_messages.h"
#include "util/time.h"

namespace offsetctl::plan {

bool is_string(const YNode* n) {
  return n && n->is_scalar() && !n->flagged && n->info.type == ScalarType::String;
}

bool is_int(const YNode* n) { return n && n->is_scalar() && !n->flagged && n->info.type == ScalarType::Int; }

std::optional<std::string> BuildContext::string_value(const YNode& map, const char* key, bool free_text) {
  const YNode* n = map.find(key);
  if (!is_string(n) || sink_.said(*n)) return std::nullopt;
  size_t pos = 0;
  while (pos < n->text.size()) {
    char32_t c = next_code_point(n->text, pos);
    if (free_text && (c == '\n' || c == '\t')) continue;
    if (is_invisible(c)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      sink_.at(*n, quote(key) + " contains an invisible or control character (" + code +
                       "): plan text must be printable");
      return std::nullopt;
    }
  }
  return n->text;
}

std::optional<std::string> BuildContext::name(const YNode& map, const char* key) {
  return string_value(map, key, false);
}

std::optional<std::string> BuildContext::text(const YNode& map, const char* key) {
  return string_value(map, key, true);
}

std::optional<int64_t> BuildContext::integer(const YNode& map, const char* key) {
  const YNode* n = map.find(key);
  if (!is_int(n) || sink_.said(*n)) return std::nullopt;
  return n->info.int_value;
}

std::optional<std::vector<int32_t>> BuildContext::partitions(const YNode& map) {
  const YNode* list = map.find("partitions");
  if (!list || !list->is_seq() || sink_.said(*list) || list->items.empty()) return std::nullopt;
  std::vector<int32_t> out;
  out.reserve(list->items.size());
  std::unordered_map<int64_t, Mark> first_seen;
  bool ok = true;
  for (const YNode& item : list->items) {
    if (!is_int(&item) || sink_.said(item) || item.info.int_value < 0 || item.info.int_value > INT32_MAX) {
      ok = false;  // the schema has said why
      continue;
    }
    auto [it, inserted] = first_seen.emplace(item.info.int_value, item.mark);
    if (!inserted) {
      const Mark& first = it->second;
      std::string where = first.line == item.mark.line
                              ? "column " + std::to_string(lines_.char_col(first.line, first.col))
                              : "line " + std::to_string(first.line);
      sink_.at(item, "partition " + item.text + " is listed twice (first at " + where + "): list each partition once");
      ok = false;
      continue;
    }
    out.push_back(static_cast<int32_t>(item.info.int_value));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Datetime> BuildContext::datetime(const YNode& map) {
  std::optional<std::string> text = name(map, "datetime");
  if (!text) return std::nullopt;
  const YNode* n = map.find("datetime");
  auto ms = util::parse_rfc3339(*text);
  if (!ms) {
    sink_.at(*n, "'datetime' " + ms.error().message);
    return std::nullopt;
  }
  Datetime d;
  d.epoch_ms = *ms;
  d.text = n->text;
  return d;
}

}  // namespace offsetctl::plan
