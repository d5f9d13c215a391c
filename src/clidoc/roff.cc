#include "clidoc/roff.h"

#include <cctype>
#include <vector>

namespace offsetctl::clidoc {
namespace {

// Code and flags: '-' is a minus sign there, so a flag copied from the page works.
std::string code_escape(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\') {
      out += "\\e";
    } else if (ch == '-') {
      out += "\\-";
    } else {
      out += ch;
    }
  }
  return out;
}

// A line that starts with '.' or '\'' would be read as a request.
std::string line_safe(std::string line) {
  if (!line.empty() && (line[0] == '.' || line[0] == '\'')) return "\\&" + line;
  return line;
}

std::string upper(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == '`' || ch == '*') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return out;
}

std::string quoted_arg(const std::string& roff) {
  std::string out = "\"";
  for (char ch : roff) out += ch == '"' ? std::string("\\(dq") : std::string(1, ch);
  return out + "\"";
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> table_cells(std::string_view row) {
  row = trim(row);
  if (starts_with(row, "|")) row.remove_prefix(1);
  if (!row.empty() && row.back() == '|') row.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {  // "\|" in a cell is a '|'
      cell += '|';
      ++i;
    } else if (row[i] == '|') {
      cells.emplace_back(trim(cell));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  cells.emplace_back(trim(cell));
  return cells;
}

// A table becomes a tagged list: the first cell is the tag, the others follow under it
// (each named by its column when there are more than two).
std::string table(const std::vector<std::string_view>& rows) {
  std::vector<std::string> header = table_cells(rows[0]);
  std::string out;
  for (size_t r = 2; r < rows.size(); ++r) {
    std::vector<std::string> cells = table_cells(rows[r]);
    out += ".TP\n" + line_safe(roff_inline(cells[0])) + "\n";
    bool first = true;
    for (size_t c = 1; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      if (!first) out += ".br\n";
      first = false;
      std::string text = roff_inline(cells[c]);
      if (header.size() > 2 && c < header.size() && !header[c].empty()) text = roff_inline(header[c]) + ": " + text;
      out += line_safe(text) + "\n";
    }
  }
  return out;
}

bool list_item(std::string_view line, std::string& marker, std::string_view& text) {
  if (starts_with(line, "- ") || starts_with(line, "* ")) {
    marker = "\\(bu 2";
    text = line.substr(2);
    return true;
  }
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits > 0 && starts_with(line.substr(digits), ". ")) {
    marker = std::string(line.substr(0, digits)) + ". 4";
    text = line.substr(digits + 2);
    return true;
  }
  return false;
}

bool block_start(std::string_view line) {
  std::string marker;
  std::string_view text;
  return starts_with(line, "```") || starts_with(line, "#") || starts_with(line, "|") || starts_with(line, "> ") ||
         list_item(line, marker, text);
}

}  // namespace

std::string roff_escape(std::string_view text) {
  std::string out;
  for (char ch : text) out += ch == '\\' ? std::string("\\e") : std::string(1, ch);
  return out;
}

std::string roff_inline(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    char ch = text[i];
    if (ch == '`') {
      size_t end = text.find('`', i + 1);
      if (end != std::string_view::npos) {
        out += "\\fB" + code_escape(text.substr(i + 1, end - i - 1)) + "\\fR";
        i = end + 1;
        continue;
      }
    } else if (starts_with(text.substr(i), "**")) {
      size_t end = text.find("**", i + 2);
      if (end != std::string_view::npos) {
        out += "\\fB" + roff_inline(text.substr(i + 2, end - i - 2)) + "\\fR";
        i = end + 2;
        continue;
      }
    } else if (ch == '*' && i + 1 < text.size() && text[i + 1] != ' ') {
      size_t end = text.find('*', i + 1);
      if (end != std::string_view::npos) {
        out += "\\fI" + roff_inline(text.substr(i + 1, end - i - 1)) + "\\fR";
        i = end + 1;
        continue;
      }
    } else if (ch == '[') {
      size_t close = text.find("](", i);
      size_t end = close == std::string_view::npos ? close : text.find(')', close);
      if (end != std::string_view::npos) {
        out += roff_inline(text.substr(i + 1, close - i - 1));
        i = end + 1;
        continue;
      }
    }
    out += ch == '\\' ? std::string("\\e") : std::string(1, ch);
    ++i;
  }
  return out;
}

std::string markdown_to_roff(std::string_view markdown) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    lines.push_back(markdown.substr(start, end - start));
    start = end + 1;
  }
  std::string out;
  size_t i = 0;
  while (i < lines.size()) {
    std::string_view line = lines[i];
    std::string marker;
    std::string_view item;
    if (trim(line).empty()) {
      ++i;
    } else if (starts_with(line, "```")) {
      out += ".PP\n.RS 4\n.nf\n";
      for (++i; i < lines.size() && !starts_with(lines[i], "```"); ++i) out += line_safe(code_escape(lines[i])) + "\n";
      out += ".fi\n.RE\n";
      ++i;
    } else if (starts_with(line, "### ")) {
      out += ".SS " + quoted_arg(roff_inline(trim(line.substr(4)))) + "\n";
      ++i;
    } else if (starts_with(line, "## ")) {
      out += ".SH " + quoted_arg(roff_escape(upper(trim(line.substr(3))))) + "\n";
      ++i;
    } else if (starts_with(line, "# ")) {
      ++i;
    } else if (starts_with(line, "|")) {
      std::vector<std::string_view> rows;
      for (; i < lines.size() && starts_with(lines[i], "|"); ++i) rows.push_back(lines[i]);
      out += table(rows);
    } else if (list_item(line, marker, item)) {
      std::string text(item);
      for (++i; i < lines.size() && starts_with(lines[i], "  ") && !trim(lines[i]).empty(); ++i) {
        text += " " + std::string(trim(lines[i]));
      }
      out += ".IP " + marker + "\n" + line_safe(roff_inline(text)) + "\n";
    } else if (starts_with(line, "> ")) {
      std::string text;
      for (; i < lines.size() && starts_with(lines[i], ">"); ++i) text += std::string(trim(lines[i].substr(1))) + " ";
      out += ".RS 4\n" + line_safe(roff_inline(trim(text))) + "\n.RE\n";
    } else {
      std::string text(trim(line));
      for (++i; i < lines.size() && !trim(lines[i]).empty() && !block_start(lines[i]); ++i) {
        text += " " + std::string(trim(lines[i]));
      }
      out += ".PP\n" + line_safe(roff_inline(text)) + "\n";
    }
  }
  return out;
}

}  // namespace offsetctl::clidoc
