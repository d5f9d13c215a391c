#pragma once
// Shared pieces of building the typed model from a YAML document: reading
// values the schema has already checked (and skipping those it refused), and
// the rules a schema cannot state.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/issues.h"
#include "plan/model.h"
#include "plan/text.h"
#include "plan/yaml_tree.h"

namespace offsetctl::plan {

class BuildContext {
 public:
  BuildContext(const std::string& file, const LineIndex& lines, IssueSink& sink)
      : file_(file), lines_(lines), sink_(sink) {}

  SourceLoc loc(const Mark& m) const { return {file_, m.line, lines_.char_col(m.line, m.col)}; }
  IssueSink& sink() { return sink_; }

  // The text of a string value, or nullopt when absent or refused. Names may
  // hold no invisible characters (controls, bidirectional overrides);
  // free text may hold line breaks and tabs.
  std::optional<std::string> name(const YNode& map, const char* key);
  std::optional<std::string> text(const YNode& map, const char* key);
  std::optional<int64_t> integer(const YNode& map, const char* key);

  // A partitions list: in range, none twice. nullopt when absent or refused.
  std::optional<std::vector<int32_t>> partitions(const YNode& map);

  // A datetime value, parsed (RFC 3339 with a zone, a date that exists).
  std::optional<Datetime> datetime(const YNode& map);

 private:
  std::optional<std::string> string_value(const YNode& map, const char* key, bool free_text);

  const std::string& file_;
  const LineIndex& lines_;
  IssueSink& sink_;
};

// Scalar readers for values that must be well-formed (schema-checked).
bool is_string(const YNode* n);
bool is_int(const YNode* n);

}  // namespace offsetctl::plan
