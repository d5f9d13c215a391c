#pragma once
// The one --format flag of every command that prints a report, checked the
// same way everywhere: "--format: 'xml' is not a format of 'offsetctl
// apply': use text or json".

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace offsetctl::cli {

// A flag with a fixed set of values, refused in the CLI's voice: "--diagnostics:
// 'sarif' is not a diagnostics format of 'offsetctl plan': use text, json or
// github". `what` names a value ("a format"); the choices reach --help, the man
// page and the completions.
CLI::Option* add_choice_flag(CLI::App& sub, const std::string& name, std::string& value,
                             const std::vector<std::string>& choices, const std::string& help, const std::string& what);

// `formats` in the order the help lists them; the first is the default.
// `json_alias` keeps an older "--json" (hidden from help) meaning --format json.
void add_format_flag(CLI::App& sub, std::string& format, const std::vector<std::string>& formats,
                     bool json_alias = false);

// "text, markdown or json".
std::string or_list(const std::vector<std::string>& words);

}  // namespace offsetctl::cli
