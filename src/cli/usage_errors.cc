#include "cli/usage_errors.h"

#include <cctype>
#include <vector>

#include "util/did_you_mean.h"

namespace offsetctl::cli {
namespace {

std::vector<std::string> flags_of(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* opt : a->get_options()) {
      for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
      for (const auto& n : opt->get_snames()) names.push_back("-" + n);
    }
  }
  return names;
}

std::vector<std::string> subcommands_of(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* s : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(s->get_name());
  return names;
}

bool takes_positionals(const CLI::App& app) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional()) return true;
  }
  return false;
}

std::string see_help(const CLI::App& app) { return "see '" + command_path(app) + " --help'"; }

// The help line of an option as the middle of a sentence: "Plan files, ..." -> "plan files, ...".
std::string as_clause(std::string text) {
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      !std::isupper(static_cast<unsigned char>(text[1]))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

// "--out SAVED_PLAN" or "PATH".
std::string usage_of(const CLI::Option& opt) {
  if (opt.get_positional()) return opt.get_type_name();
  std::string name = opt.get_name();
  return opt.get_type_size() == 0 ? name : name + " " + opt.get_type_name();
}

std::string unknown_word(const std::string& word, CLI::App& app) {
  if (!word.empty() && word[0] == '-') {
    std::string flag = word.substr(0, word.find('='));
    std::string msg = "unknown flag '" + flag + "'";
    if (auto m = util::closest_match(flag, flags_of(app))) return msg + "; did you mean '" + *m + "'?";
    return msg + " (" + see_help(app) + ")";
  }
  std::vector<std::string> subs = subcommands_of(app);
  if (!subs.empty()) {
    std::string msg = "unknown command '" + word + "'";
    if (app.get_parent() != nullptr) msg += " for '" + command_path(app) + "'";
    if (auto m = util::closest_match(word, subs)) msg += "; did you mean '" + *m + "'?";
    return msg + " (" + see_help(app) + ")";
  }
  if (!takes_positionals(app)) {
    return "unexpected argument '" + word + "': '" + command_path(app) + "' takes flags only (" + see_help(app) + ")";
  }
  return "unexpected argument '" + word + "' (" + see_help(app) + ")";
}

// The option a CLI11 message names first ("--out: ...", "paths is required").
const CLI::Option* option_named(const CLI::App& app, const std::string& name) {
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    if (const CLI::Option* opt = a->get_option_no_throw(name)) return opt;
  }
  return nullptr;
}

std::string name_before(const std::string& text, const std::string& separator) {
  size_t at = text.find(separator);
  return at == std::string::npos ? "" : text.substr(0, at);
}

}  // namespace

CLI::App& deepest_command(CLI::App& root) {
  CLI::App* at = &root;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (CLI::App* s : at->get_subcommands([](CLI::App* a) { return a->parsed(); })) {
      at = s;
      deeper = true;
      break;
    }
  }
  return *at;
}

std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    path = a->get_parent() == nullptr ? "offsetctl" + path : " " + a->get_name() + path;
  }
  return path;
}

std::string explain_parse_error(const CLI::ParseError& e, CLI::App& root) {
  CLI::App& where = deepest_command(root);
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    std::vector<std::string> extras = where.remaining();
    if (extras.empty()) extras = root.remaining();
    return unknown_word(extras.empty() ? "" : extras.front(), where);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (!root.remaining().empty()) return unknown_word(root.remaining().front(), root);
    if (&where == &root) return "a command is required (see 'offsetctl --help')";
    const CLI::Option* opt = option_named(where, name_before(what, " is required"));
    if (opt == nullptr) return "'" + command_path(where) + "' is missing an argument (" + see_help(where) + ")";
    return "missing " + usage_of(*opt) + ": '" + command_path(where) + "' needs " +
           as_clause(opt->get_description()) + " (" + see_help(where) + ")";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    const CLI::Option* opt = option_named(where, name_before(what, ":"));
    if (opt == nullptr) return "an argument is missing its value (" + see_help(where) + ")";
    if (what.find("At Most") != std::string::npos) {
      return opt->get_name() + " was given more than once; give it once (" + see_help(where) + ")";
    }
    return opt->get_name() + " needs a value: " + usage_of(*opt) + " (" + see_help(where) + ")";
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    std::string name = name_before(what, ":");
    if (what.rfind("Could not convert: ", 0) == 0) {
      std::string rest = what.substr(19);
      name = name_before(rest, " = ");
      const CLI::Option* opt = option_named(where, name);
      std::string value = rest.substr(rest.find(" = ") + 3);
      // A flag given a value ("--dry-run=maybe"): flags take none.
      if (opt != nullptr && opt->get_expected_min() == 0) return name + " takes no value (" + see_help(where) + ")";
      std::string kind = opt != nullptr ? opt->get_type_name() : "";
      return name + " '" + value + "' is not " + (kind == "N" || kind == "INT" ? "a whole number" : "a number") + " (" +
             see_help(where) + ")";
    }
    // A flag given a value: "The value maybe is not an allowed value for --dry-run", or "--dry-run: ...".
    const std::string marker = " is not an allowed value for ";
    if (size_t at = what.find(marker); at != std::string::npos) name = what.substr(at + marker.size());
    return name + " takes no value (" + see_help(where) + ")";
  }
  // Validators are the project's own: their message is already in its voice.
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) return what;
  return what + " (" + see_help(where) + ")";
}

}  // namespace offsetctl::cli
