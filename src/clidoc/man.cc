#include "clidoc/man.h"

#include <cctype>
#include <set>

#include "clidoc/roff.h"

namespace offsetctl::clidoc {
namespace {

constexpr const char* kDefaultGroup = "Options";

bool opens_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string upper_case(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

std::string code(const std::string& text) { return roff_inline("`" + text + "`"); }

std::string header(const PageInfo& info) {
  return ".\\\" Generated at build time from the program's command table and Markdown; do not edit.\n"
         ".TH " + upper_case(info.name) + " " + std::to_string(info.section) + " \"\" \"" + info.source +
         "\" \"offsetctl manual\"\n"
         ".nh\n.ad l\n"  // no hyphenation, ragged right: flags and paths stay whole
         ".SH NAME\n" + roff_escape(info.name) + " \\- " + roff_escape(info.summary) + "\n";
}

std::string option_item(const Option& o) {
  std::string tag;
  if (o.positional()) {
    tag = "\\fI" + roff_escape(o.value_name) + "\\fR" + (o.repeatable ? "..." : "");
  } else {
    for (const auto& n : o.names) tag += (tag.empty() ? "" : ", ") + code(n);
    if (!o.value_name.empty()) tag += " \\fI" + roff_escape(o.value_name) + "\\fR";
  }
  std::string text = roff_escape(o.help);
  if (!o.choices.empty()) {
    std::string list;
    for (const auto& c : o.choices) list += (list.empty() ? "" : ", ") + code(c);
    text += " (one of " + list + ")";
  }
  if (o.required && !o.positional()) text += " (required)";
  return ".TP\n" + tag + "\n" + text + "\n";
}

std::string group_title(const std::string& group) { return upper_case(group) + " OPTIONS"; }

// A command's flags; those of a named group shared by several commands are listed once,
// in their own section, and named here.
std::string options_of(const Command& c, std::set<std::string>& groups) {
  std::string out;
  for (const auto& p : c.positionals) out += option_item(p);
  std::set<std::string> named;
  for (const auto& f : c.flags) {
    if (f.group != kDefaultGroup && !f.group.empty()) {
      groups.insert(f.group);
      named.insert(f.group);
      continue;
    }
    out += option_item(f);
  }
  for (const auto& g : named) out += ".PP\nAnd the options of " + roff_escape(group_title(g)) + " below.\n";
  return out;
}

const Command* find_in(const Command& root, const std::string& group) {
  for (const Command* c : all_commands(root))
    for (const auto& f : c->flags)
      if (f.group == group) return c;
  return nullptr;
}

}  // namespace

Prose parse_prose(std::string_view markdown) {
  Prose prose;
  std::string* target = nullptr;
  bool in_commands = false, in_fence = false;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    start = end + 1;
    if (opens_with(line, "```")) in_fence = !in_fence;
    if (!in_fence && opens_with(line, "## ")) {
      std::string title = upper_case(trimmed(line.substr(3)));
      in_commands = title == "COMMANDS";
      prose.sections.emplace_back(title, "");
      target = &prose.sections.back().second;
      continue;
    }
    if (!in_fence && in_commands && opens_with(line, "### ")) {
      target = &prose.commands[trimmed(line.substr(4))];
      continue;
    }
    if (!in_fence && opens_with(line, "# ")) continue;
    if (target != nullptr) *target += std::string(line) + "\n";
  }
  return prose;
}

std::string command_page(const Command& root, const Prose& prose, const PageInfo& info) {
  std::string out = header(info);
  out += ".SH SYNOPSIS\n";
  bool first = true;
  for (const Command* c : all_commands(root)) {
    if (!c->subcommands.empty() && c != &root) continue;
    if (c == &root && !root.subcommands.empty()) continue;
    out += std::string(first ? "" : ".br\n") + roff_inline("`" + c->usage() + "`") + "\n";
    first = false;
  }
  if (!root.subcommands.empty()) out += ".br\n" + code(root.program + " --help") + " | " + code("--version") + "\n";
  std::string rest;
  for (const auto& [title, text] : prose.sections) {
    if (title == "DESCRIPTION") out += ".SH DESCRIPTION\n" + markdown_to_roff(text);
  }
  std::set<std::string> groups;
  out += ".SH OPTIONS\n" + options_of(root, groups);
  if (!root.subcommands.empty()) {
    out += ".SH COMMANDS\n";
    for (const Command* c : all_commands(root)) {
      if (c == &root) continue;
      out += ".SS " + roff_inline("\"`" + c->usage() + "`\"") + "\n.PP\n" + roff_escape(c->summary) + ".\n";
      if (auto it = prose.commands.find(c->name()); it != prose.commands.end()) out += markdown_to_roff(it->second);
      out += options_of(*c, groups);
    }
  }
  for (const auto& g : groups) {
    out += ".SH \"" + roff_escape(group_title(g)) + "\"\n";
    if (const Command* c = find_in(root, g)) {
      for (const auto& f : c->flags)
        if (f.group == g) out += option_item(f);
    }
  }
  for (const auto& [title, text] : prose.sections) {
    if (title == "DESCRIPTION" || title == "COMMANDS") continue;
    out += ".SH \"" + roff_escape(title) + "\"\n" + markdown_to_roff(text);
  }
  return out;
}

std::string document_page(std::string_view markdown, std::string_view extra, const PageInfo& info) {
  return header(info) + ".SH DESCRIPTION\n" + markdown_to_roff(markdown) + markdown_to_roff(extra);
}

}  // namespace offsetctl::clidoc
