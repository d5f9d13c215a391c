#pragma once
// The one --format flag of every command that prints a report, checked the
// same way everywhere: "--format: 'xml' is not a format of 'offsetctl
// apply': use text or json".

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace offsetctl::cli {

// `formats` in the order the help lists them; the first is the default.
// `json_alias` keeps an older "--json" (hidden from help) meaning --format json.
void add_format_flag(CLI::App& sub, std::string& format, const std::vector<std::string>& formats,
                     bool json_alias = false);

// "text, markdown or json".
std::string or_list(const std::vector<std::string>& words);

}  // namespace offsetctl::cli
