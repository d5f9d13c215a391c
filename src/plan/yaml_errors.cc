#include "plan/yaml_errors.h"

#include <yaml-cpp/exceptions.h>

#include <utility>

#include "plan/text.h"

namespace offsetctl::plan {

std::string explain_yaml_error(const std::string& m) {
  namespace E = YAML::ErrorMsg;
  static const std::pair<const char*, const char*> kHints[] = {
      {E::MAP_VALUE, "a ':' where no key can start: check the indentation, or quote a value that contains ': '"},
      {E::MAP_KEY, "a '?' where no key can start: check the indentation"},
      {E::END_OF_MAP, "this line does not continue the mapping above it: check its indentation"},
      {E::END_OF_SEQ, "this line does not continue the list above it: check its indentation"},
      {E::END_OF_MAP_FLOW, "a '{' is not closed by '}'"},
      {E::END_OF_SEQ_FLOW, "a '[' is not closed by ']'"},
      {E::FLOW_END, "a ']' or '}' that closes nothing"},
      {E::BLOCK_ENTRY, "a '- ' list item where none can start: check the indentation"},
      {E::EOF_IN_SCALAR, "a quoted value is not closed before the end of the file"},
      {E::DOC_IN_SCALAR, "a quoted value is not closed before the next '---' or '...'"},
      {E::CHAR_IN_SCALAR, "a character that is not allowed in this value: quote the value"},
      {E::TAB_IN_INDENTATION, "a tab in the indentation: YAML indents with spaces only"},
      {E::UNKNOWN_TOKEN, "a character that cannot start a value here: quote the value"},
      {E::UNKNOWN_ANCHOR, "an alias refers to an anchor that does not exist (plan files do not use anchors and aliases)"},
      {E::INVALID_ANCHOR, "anchors are not supported in plan files"},
      {E::INVALID_ALIAS, "aliases are not supported in plan files"},
      {E::ALIAS_NOT_FOUND, "a '*' that starts no alias: quote the value"},
      {E::ANCHOR_NOT_FOUND, "a '&' that starts no anchor: quote the value"},
      {E::MULTIPLE_ANCHORS, "anchors are not supported in plan files"},
      {E::MULTIPLE_TAGS, "a value has more than one tag (tags are not supported in plan files)"},
      {E::INVALID_HEX, "a bad \\x, \\u or \\U escape in a double-quoted value"},
      {E::ZERO_INDENT_IN_BLOCK, "a block scalar (| or >) with no indented content"},
      {E::CHAR_IN_BLOCK, "unexpected text after | or >"},
  };
  for (const auto& [raw, hint] : kHints)
    if (m == raw) return std::string("YAML syntax error: ") + hint;
  const std::string escape = E::INVALID_ESCAPE;
  if (m.compare(0, escape.size(), escape) == 0) {
    return "YAML syntax error: unknown escape '\\" + printable(m.substr(escape.size()), 10) +
           "' in a double-quoted value (write a backslash as \\\\, or use single quotes)";
  }
  return "YAML syntax error: " + printable(m, 200);
}

}  // namespace offsetctl::plan
