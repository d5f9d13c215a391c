#pragma once
// YAML text -> a small tree of nodes that remember where they were written.
// Built from yaml-cpp's parser events rather than YAML::Node so that the
// plan loader sees what YAML::Node hides: duplicate keys, quoting, anchors and
// aliases (refused, so no alias bomb can expand), and so that depth and size
// stay bounded while parsing, not after.

#include <string>
#include <string_view>
#include <vector>

#include "plan/scalar.h"
#include "plan/text.h"

namespace offsetctl::plan {

// 1-based line, 1-based byte column, and the byte offset in the text.
struct Mark {
  int line = 0;
  int col = 0;
  int offset = -1;
};

struct YEntry;

struct YNode {
  enum class Kind { Scalar, Seq, Map };
  Kind kind = Kind::Scalar;
  Mark mark;
  // Scalars: the text as YAML reads it, whether it was plain (not quoted),
  // and what that text means; `empty` when nothing was written at all.
  std::string text;
  bool plain = true;
  bool empty = false;
  ScalarInfo info{ScalarType::Null, 0, false};
  std::vector<YNode> items;     // Seq
  std::vector<YEntry> entries;  // Map, in file order, duplicate keys removed
  // An error was already reported for this node: later checks stay silent.
  bool flagged = false;

  bool is_map() const { return kind == Kind::Map; }
  bool is_seq() const { return kind == Kind::Seq; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  // The entry's value for `key`, or null.
  const YNode* find(std::string_view key) const;
  const YEntry* find_entry(std::string_view key) const;
};

struct YEntry {
  std::string key;
  Mark key_mark;
  bool key_plain = true;
  YNode value;
};

struct YamlLimits {
  int max_depth = 64;
  size_t max_items = 100000;
  size_t max_nodes = 2000000;
  size_t max_documents = 1000;
  size_t max_key_bytes = 1024;
  size_t max_scalar_bytes = 1024;
  size_t max_text_bytes = 4096;
  std::vector<std::string> text_keys;  // keys whose values may hold max_text_bytes
};

struct ParsedYaml {
  std::vector<YNode> documents;  // every complete document, in order
  std::vector<Mark> document_marks;
  std::vector<bool> document_has_alias;  // aliases leave holes: such a document is not checked further
  std::vector<TextIssue> issues;
  bool aborted = false;    // a syntax error or a limit stopped the parse
  bool over_limit = false; // a limit stopped it: the file is refused as a whole
};

// Parses every document of `text` (UTF-8, checked beforehand).
ParsedYaml parse_yaml(std::string_view text, const YamlLimits& limits);

}  // namespace offsetctl::plan
