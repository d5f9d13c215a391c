#pragma once
// Man pages: a program's page made from its command line's model (every command, flag and
// argument with the help `--help` prints) and hand-written prose in Markdown; and a file
// format page made from a Markdown document.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clidoc/model.h"

namespace offsetctl::clidoc {

// The prose of a program's page: "## TITLE" sections in order; under "## COMMANDS", one
// "### offsetctl COMMAND" part per command, placed with that command's flags.
struct Prose {
  std::vector<std::pair<std::string, std::string>> sections;  // title, Markdown
  std::map<std::string, std::string> commands;                // "offsetctl plan" -> Markdown
};

Prose parse_prose(std::string_view markdown);

struct PageInfo {
  std::string name;     // "offsetctl", "offsetctl-plan"
  int section = 1;
  std::string source;   // "offsetctl 0.1.0"
  std::string summary;  // the NAME line's text after "name \-"
};

// NAME, SYNOPSIS, DESCRIPTION (prose), OPTIONS, COMMANDS (each with its prose and flags),
// a section per shared option group (e.g. the API flags), then the other prose sections.
std::string command_page(const Command& root, const Prose& prose, const PageInfo& info);

// NAME, then the document's sections (its "# title" dropped), then `extra` (Markdown).
std::string document_page(std::string_view markdown, std::string_view extra, const PageInfo& info);

}  // namespace offsetctl::clidoc
