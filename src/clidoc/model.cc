#include "clidoc/model.h"

#include <CLI/CLI.hpp>

namespace offsetctl::clidoc {
namespace {

std::vector<std::string> choices_of(const std::string& type_name) {
  // CLI11 appends each validator's description: "FORMAT:{text,markdown,json}".
  std::vector<std::string> out;
  size_t open = type_name.find(":{");
  size_t close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string list = type_name.substr(open + 2, close - open - 2);
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

ValueKind kind_of(const std::string& value_name, const std::vector<std::string>& choices) {
  if (!choices.empty()) return ValueKind::kChoice;
  if (value_name == "SAVED_PLAN" || ends_with(value_name, ".json")) return ValueKind::kJson;
  if (value_name == "DIR") return ValueKind::kDir;
  if (value_name == "FILE" || value_name == "PATH" || ends_with(value_name, ".yaml") ||
      value_name.find("PATH") != std::string::npos || value_name.find("FILE") != std::string::npos) {
    return ValueKind::kFile;
  }
  return ValueKind::kText;
}

Option option_of(const CLI::Option& opt) {
  Option o;
  for (const auto& n : opt.get_lnames()) o.names.push_back("--" + n);
  for (const auto& n : opt.get_snames()) o.names.push_back("-" + n);
  o.help = opt.get_description();
  o.group = opt.get_group();
  o.required = opt.get_required();
  if (opt.get_expected_max() == 0) return o;  // a flag: CLI11 expects no value
  std::string full = opt.get_type_name();
  o.value_name = full.substr(0, full.find(':'));
  if (o.value_name.empty()) o.value_name = o.positional() ? opt.get_name(true) : "VALUE";
  o.choices = choices_of(full);
  o.kind = kind_of(o.value_name, o.choices);
  o.repeatable = opt.get_items_expected_max() > 1;
  return o;
}

Command describe_at(const CLI::App& app, std::vector<std::string> path, const std::string& program) {
  Command c;
  c.path = std::move(path);
  c.program = program;
  c.summary = app.get_description();
  for (const CLI::Option* opt : app.get_options()) {
    Option o = option_of(*opt);
    (o.positional() ? c.positionals : c.flags).push_back(std::move(o));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    std::vector<std::string> sub_path = c.path;
    sub_path.push_back(sub->get_name());
    c.subcommands.push_back(describe_at(*sub, std::move(sub_path), program));
  }
  return c;
}

void collect(const Command& c, std::vector<const Command*>& out) {
  out.push_back(&c);
  for (const auto& sub : c.subcommands) collect(sub, out);
}

}  // namespace

std::string Option::label() const {
  if (positional()) return value_name + (repeatable ? "..." : "");
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  if (!value_name.empty()) out += " " + value_name;
  return out;
}

std::string Command::name() const {
  std::string out = program;
  for (const auto& p : path) out += " " + p;
  return out;
}

std::string Command::usage() const {
  std::string out = name();
  if (!subcommands.empty()) {
    out += flags.empty() ? "" : " [FLAGS]";
    return out + " COMMAND";
  }
  if (!flags.empty()) out += " [FLAGS]";
  for (const auto& p : positionals) out += " " + (p.required ? p.label() : "[" + p.label() + "]");
  return out;
}

Command describe(const CLI::App& app) { return describe_at(app, {}, app.get_name()); }

std::vector<const Command*> all_commands(const Command& root) {
  std::vector<const Command*> out;
  collect(root, out);
  return out;
}

std::vector<std::string> flag_names(const Command& command) {
  std::vector<std::string> out;
  for (const auto& f : command.flags) out.insert(out.end(), f.names.begin(), f.names.end());
  return out;
}

}  // namespace offsetctl::clidoc
