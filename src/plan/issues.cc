#include "plan/issues.h"

namespace offsetctl::plan {

void IssueSink::at(const YNode& node, std::string message, const YEntry* entry) {
  if (node.flagged || !nodes_.insert(&node).second) return;
  Mark m = value_mark(node, entry);
  issues_.push_back({m.line, m.col, std::move(message)});
}

void IssueSink::at_key(const YEntry& entry, std::string message) {
  if (!nodes_.insert(&entry).second) return;
  issues_.push_back({entry.key_mark.line, entry.key_mark.col, std::move(message)});
}

void IssueSink::missing(const YNode& node, const std::string& what, std::string message) {
  if (node.flagged || !missing_.insert({&node, what}).second) return;
  issues_.push_back({node.mark.line, node.mark.col, std::move(message)});
}

void IssueSink::at_mark(const Mark& mark, std::string message) {
  issues_.push_back({mark.line, mark.col, std::move(message)});
}

bool IssueSink::said(const YNode& node) const { return node.flagged || nodes_.count(&node) > 0; }

bool IssueSink::said_about_keys(const YNode& map) const {
  for (const YEntry& e : map.entries)
    if (nodes_.count(&e) > 0) return true;
  return false;
}

Mark value_mark(const YNode& value, const YEntry* entry) {
  if (entry && value.empty) return entry->key_mark;
  return value.mark;
}

}  // namespace offsetctl::plan
