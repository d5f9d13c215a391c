#pragma once
// One plan file's text -> its plans and its problems (before the rules that
// span files). Internal to the loader.

#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/model.h"
#include "plan/schema.h"
#include "plan/text.h"

namespace offsetctl::plan {

struct FileLoad {
  PlanFile file;                         // every plan read, entries with errors left out
  std::vector<Diagnostic> diagnostics;   // sorted by line and column
  std::string text;                      // the text as parsed (without a BOM), for later diagnostics
};

// The diagnostic for a problem at a 1-based line and byte column of `text`.
Diagnostic make_diagnostic(const std::string& path, const LineIndex& lines, int line, int byte_col,
                           std::string message);

FileLoad load_file_text(std::string_view bytes, const std::string& path, SchemaChecker& checker);

}  // namespace offsetctl::plan
