#include "report/markdown.h"

namespace offsetctl::report {

void append_markdown_escaped(std::string& out, std::string_view s) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char* entity = nullptr;
    bool backslash = false;
    switch (c) {
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '&': entity = "&amp;"; break;
      case '\n':
      case '\r':
      case '\t': entity = " "; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|':
      case '~': case '#': case '!': case '{': case '}':
        backslash = true;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) entity = " ";
        break;
    }
    if (!entity && !backslash) continue;
    out.append(s.substr(run, i - run));
    if (entity) {
      out.append(entity);
    } else {
      out.push_back('\\');
      out.push_back(c);
    }
    run = i + 1;
  }
  out.append(s.substr(run));
}

std::string markdown_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  append_markdown_escaped(out, s);
  return out;
}

void append_html_escaped(std::string& out, std::string_view s) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char* entity = nullptr;
    switch (c) {
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '&': entity = "&amp;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) entity = " ";
        break;
    }
    if (!entity) continue;
    out.append(s.substr(run, i - run));
    out.append(entity);
    run = i + 1;
  }
  out.append(s.substr(run));
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  append_html_escaped(out, s);
  return out;
}

MarkdownTable::MarkdownTable(std::string& out, const std::vector<Column>& columns) : out_(out) {
  out_.push_back('|');
  for (const Column& c : columns) {
    out_.push_back(' ');
    append_markdown_escaped(out_, c.header);
    out_.append(" |");
  }
  out_.append("\n|");
  for (const Column& c : columns) out_.append(c.align == Align::Right ? " ---: |" : " :--- |");
  out_.push_back('\n');
}

void MarkdownTable::begin_row() { out_.push_back('|'); }

void MarkdownTable::cell(std::string_view text) {
  out_.push_back(' ');
  append_markdown_escaped(out_, text);
  out_.append(" |");
}

void MarkdownTable::cell_raw(std::string_view markdown) {
  out_.push_back(' ');
  out_.append(markdown);
  out_.append(" |");
}

void MarkdownTable::end_row() { out_.push_back('\n'); }

}  // namespace offsetctl::report
