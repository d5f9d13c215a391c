#include "clidoc/completion_data.h"

#include <set>

namespace offsetctl::clidoc {
namespace {

const Command* find_path(const Command& root, const std::vector<std::string>& path) {
  const Command* at = &root;
  for (const auto& word : path) {
    const Command* next = nullptr;
    for (const auto& sub : at->subcommands)
      if (sub.path.back() == word) next = &sub;
    if (next == nullptr) return nullptr;
    at = next;
  }
  return at;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string one_line(std::string text) {
  for (char& ch : text)
    if (ch == '\n' || ch == '\t') ch = ' ';
  return text;
}

}  // namespace

std::string command_path(const Command& c) {
  std::string out;
  for (const auto& p : c.path) out += (out.empty() ? "" : " ") + p;
  return out;
}

std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char ch : text) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::string kind_word(const Option& option) {
  switch (option.kind) {
    case ValueKind::kNone: return "none";
    case ValueKind::kText: return "text";
    case ValueKind::kFile: return "file";
    case ValueKind::kJson: return "json";
    case ValueKind::kDir: return "dir";
    case ValueKind::kChoice: return "choice " + join(option.choices);
  }
  return "none";
}

std::vector<const Option*> accepted_flags(const Command& root, const Command& command) {
  std::vector<const Option*> out;
  std::set<std::string> seen;
  std::vector<std::string> path = command.path;
  while (true) {
    if (const Command* at = find_path(root, path)) {
      for (const auto& f : at->flags) {
        bool fresh = false;
        for (const auto& n : f.names) fresh = seen.insert(n).second || fresh;
        if (fresh) out.push_back(&f);
      }
    }
    if (path.empty()) break;
    path.pop_back();
  }
  return out;
}

std::string function_name(const std::string& program) {
  std::string out = program;
  for (char& ch : out)
    if (ch == '-') ch = '_';
  return out;
}

std::string sh_tables(const Command& root) {
  std::string fn = "_" + function_name(root.program);
  std::string subs, described, flags, values, arguments;
  for (const Command* c : all_commands(root)) {
    std::string key = sh_quote(command_path(*c));
    if (!c->subcommands.empty()) {
      std::vector<std::string> names, lines;
      for (const auto& s : c->subcommands) {
        names.push_back(s.path.back());
        std::string summary = one_line(s.summary);
        std::string escaped;
        for (char ch : summary) escaped += ch == ':' ? std::string("\\:") : std::string(1, ch);
        lines.push_back(s.path.back() + ":" + escaped);
      }
      subs += "    " + key + ") echo " + sh_quote(join(names)) + " ;;\n";
      std::string text;
      for (const auto& l : lines) text += (text.empty() ? "" : "\n") + l;
      described += "    " + key + ") echo " + sh_quote(text) + " ;;\n";
    }
    std::vector<std::string> names;
    for (const Option* f : accepted_flags(root, *c)) {
      names.insert(names.end(), f->names.begin(), f->names.end());
      if (f->kind == ValueKind::kNone) continue;
      for (const auto& n : f->names)
        values += "    " + sh_quote(command_path(*c) + "|" + n) + ") echo " + sh_quote(kind_word(*f)) + " ;;\n";
    }
    flags += "    " + key + ") echo " + sh_quote(join(names)) + " ;;\n";
    for (size_t i = 0; i < c->positionals.size(); ++i) {
      const Option& p = c->positionals[i];
      bool last_repeats = i + 1 == c->positionals.size() && p.repeatable;
      std::string pattern = sh_quote(command_path(*c) + "|" + (last_repeats ? "" : std::to_string(i)));
      if (last_repeats) pattern += "*";
      arguments += "    " + pattern + ") echo " + sh_quote(kind_word(p)) + " ;;\n";
    }
  }
  std::string out;
  out += "# The subcommands of command path $1 (\"\" is the program itself).\n";
  out += fn + "_subcommands() {\n  case \"$1\" in\n" + subs + "  esac\n}\n\n";
  out += "# The same, one \"name:summary\" a line.\n";
  out += fn + "_described() {\n  case \"$1\" in\n" + described + "  esac\n}\n\n";
  out += "# The flags command path $1 accepts, its parents' included.\n";
  out += fn + "_flags() {\n  case \"$1\" in\n" + flags + "  esac\n}\n\n";
  out += "# What flag $2 of command path $1 takes: none, text, file, json, dir or \"choice A B...\".\n";
  out += fn + "_value() {\n  case \"$1|$2\" in\n" + values + "    *) echo none ;;\n  esac\n}\n\n";
  out += "# What argument $2 (from 0) of command path $1 takes.\n";
  out += fn + "_argument() {\n  case \"$1|$2\" in\n" + arguments + "    *) echo none ;;\n  esac\n}\n";
  return out;
}

}  // namespace offsetctl::clidoc
