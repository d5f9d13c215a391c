#pragma once
// Collects the problems found in one file, at most one per node or key, so
// that a value refused by the schema is not refused again by a later check.

#include <set>
#include <string>
#include <vector>

#include "plan/text.h"
#include "plan/yaml_tree.h"

namespace offsetctl::plan {

class IssueSink {
 public:
  // About a value: the first report per node wins. With the entry that holds
  // it, a value left out ("offset:" and nothing) is reported at its key.
  void at(const YNode& node, std::string message, const YEntry* entry = nullptr);
  // About a key (unknown, refused): the first report per key wins.
  void at_key(const YEntry& entry, std::string message);
  // About something a node lacks (a missing key), one per node and topic.
  void missing(const YNode& node, const std::string& what, std::string message);
  // Anywhere, no deduplication.
  void at_mark(const Mark& mark, std::string message);

  // True when something was said about this node (or it was flagged while parsing).
  bool said(const YNode& node) const;
  // True when something was said about one of the keys of this mapping.
  bool said_about_keys(const YNode& map) const;

  const std::vector<TextIssue>& issues() const { return issues_; }
  std::vector<TextIssue> take() { return std::move(issues_); }
  bool empty() const { return issues_.empty(); }

 private:
  std::set<const void*> nodes_;
  std::set<std::pair<const void*, std::string>> missing_;
  std::vector<TextIssue> issues_;
};

// Where an error about a node's value points: the value itself, or for a
// value left out ("offset:" and nothing), its key.
Mark value_mark(const YNode& value, const YEntry* entry);

}  // namespace offsetctl::plan
