#include "cli/flags_format.h"

#include <algorithm>

#include "cli/command_line.h"
#include "cli/usage_errors.h"

namespace offsetctl::cli {

std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

CLI::Option* add_choice_flag(CLI::App& sub, const std::string& name, std::string& value,
                             const std::vector<std::string>& choices, const std::string& help, const std::string& what) {
  CLI::App* app = &sub;
  auto check = [choices, app, what](std::string& given) -> std::string {
    if (std::find(choices.begin(), choices.end(), given) != choices.end()) return "";
    return "'" + given + "' is not " + what + " of '" + command_path(*app) + "': use " + or_list(choices);
  };
  // one_of names the choices for --help, the man page and the completions; `check` refuses the rest.
  return sub.add_option(name, value, help)->type_name("FORMAT")->check(one_of(choices))->check(CLI::Validator(check, ""));
}

void add_format_flag(CLI::App& sub, std::string& format, const std::vector<std::string>& formats, bool json_alias) {
  format = formats.front();
  std::string help = "Report format: " + formats.front() + " (default)";
  if (formats.size() > 1) {
    std::vector<std::string> rest(formats.begin() + 1, formats.end());
    help += formats.size() == 2 ? " or " + rest.front() : ", " + or_list(rest);
  }
  add_choice_flag(sub, "--format", format, formats, help, "a format");
  if (json_alias) {
    sub.add_flag_callback("--json", [&format] { format = "json"; }, "The same as --format json")->group("");
  }
}

}  // namespace offsetctl::cli
