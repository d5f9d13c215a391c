#include "report/comment_split.h"

#include <algorithm>

namespace offsetctl::report {

namespace {

// One line of the report (its '\n' included) with what is open before it.
struct SplitLine {
  std::string_view text;
  long details = -1;     // the line that opened the enclosing <details>, or -1
  long table_head = -1;  // the header line of the enclosing table, or -1
  bool cut_ok = false;   // a part may end just before this line
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line;
}

// "| :--- | ---: |": the row under a GFM table's header.
bool is_delimiter_row(std::string_view line) {
  line = trimmed(line);
  if (line.size() < 3 || line.front() != '|' || line.back() != '|') return false;
  bool dash = false;
  for (char c : line) {
    if (c == '-') {
      dash = true;
    } else if (c != '|' && c != ':' && c != ' ') {
      return false;
    }
  }
  return dash;
}

bool is_blank(std::string_view line) { return trimmed(line).empty(); }

std::vector<SplitLine> scan(std::string_view md) {
  std::vector<SplitLine> lines;
  for (size_t at = 0; at < md.size();) {
    size_t end = md.find('\n', at);
    end = end == std::string_view::npos ? md.size() : end + 1;
    lines.push_back({md.substr(at, end - at)});
    at = end;
  }
  long details = -1;
  long table = -1;
  bool first_row = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    SplitLine& l = lines[i];
    const std::string_view text = l.text;
    if (table >= 0 && !starts_with(text, "|")) table = -1;
    l.details = details;
    l.table_head = table;
    const bool after_blank = i > 0 && is_blank(lines[i - 1].text) && !is_blank(text);
    if (table >= 0) {
      l.cut_ok = !first_row && static_cast<long>(i) > table + 1;
      if (static_cast<long>(i) > table + 1) first_row = false;
    } else if (starts_with(text, "<details")) {
      l.cut_ok = details < 0;
    } else if (starts_with(text, "> - ")) {
      l.cut_ok = true;
    } else {
      l.cut_ok = after_blank && !starts_with(text, "</details>");
    }
    if (starts_with(text, "<details")) details = static_cast<long>(i);
    if (starts_with(text, "</details>")) details = -1;
    if (table < 0 && starts_with(text, "|") && i + 1 < lines.size() && is_delimiter_row(lines[i + 1].text)) {
      table = static_cast<long>(i);
      first_row = true;
    }
  }
  return lines;
}

// The <details> line opened again in the next part: open, and marked continued.
std::string reopened(std::string_view line) {
  std::string out(trimmed(line));
  if (starts_with(out, "<details>")) out.replace(0, 9, "<details open>");
  if (size_t at = out.rfind("</summary>"); at != std::string::npos) out.insert(at, " (continued)");
  out.push_back('\n');
  return out;
}

std::string part_line(size_t part, size_t parts) {
  if (parts <= 1) return {};
  std::string out = "**Part " + std::to_string(part) + " of " + std::to_string(parts) + "**";
  if (part > 1) out.append(" (continued from the previous comment)");
  out.append("\n\n");
  return out;
}

std::string continued_line(size_t part, size_t parts) {
  if (part >= parts) return {};
  return "\n*…continued in the next comment (part " + std::to_string(part + 1) + " of " + std::to_string(parts) +
         ").*\n";
}

constexpr std::string_view kCloseDetails = "\n</details>\n";

// `line` cut to `max` bytes at a code point boundary, ending in "…\n".
std::string clipped_line(std::string_view line, size_t max) {
  if (line.size() <= max) return std::string(line);
  size_t n = max > 4 ? max - 4 : 0;
  while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;
  std::string out(line.substr(0, n));
  out.append("\xE2\x80\xA6\n");
  return out;
}

}  // namespace

std::string comment_marker(const CommentSplit& split, size_t part, size_t parts) {
  return "<!-- offsetctl " + split.kind + " " + split.id + " part " + std::to_string(part) + "/" +
         std::to_string(parts) + " -->\n";
}

size_t comment_split_overhead(const CommentSplit& split) {
  constexpr size_t kMost = 999999;
  return comment_marker(split, kMost, kMost).size() + part_line(kMost, kMost).size() +
         continued_line(kMost - 1, kMost).size() + 1 + kCloseDetails.size();
}

std::vector<std::string> split_comment(std::string_view markdown, const CommentSplit& split) {
  const std::vector<SplitLine> lines = scan(markdown);
  const size_t overhead = comment_split_overhead(split);
  const size_t budget = split.limit > overhead + 64 ? split.limit - overhead : 64;

  // First the bodies, then the part lines around them, once their number is known.
  std::vector<std::string> bodies(1);
  std::vector<std::pair<size_t, size_t>> placed;  // (line, offset in the body) since the part began
  size_t content_from = 0;                        // where this part's own lines start (after a reopening)
  auto closing = [&](const SplitLine& before) {
    std::string out;
    if (before.table_head >= 0) out.push_back('\n');
    if (before.details >= 0) out.append(before.table_head >= 0 ? kCloseDetails.substr(1) : kCloseDetails);
    return out;
  };
  auto start_part = [&](const SplitLine& at) {
    bodies.emplace_back();
    placed.clear();
    std::string& body = bodies.back();
    if (at.details >= 0) body.append(reopened(lines[static_cast<size_t>(at.details)].text));
    if (at.table_head >= 0) {
      if (at.details >= 0) body.push_back('\n');
      body.append(lines[static_cast<size_t>(at.table_head)].text);
      body.append(lines[static_cast<size_t>(at.table_head) + 1].text);
    } else if (at.details >= 0) {
      body.push_back('\n');
    }
    content_from = body.size();
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    std::string& body = bodies.back();
    const std::string line = clipped_line(lines[i].text, budget / 2);
    // A blank line or </details> may use the room kept for the closing tags it makes unneeded.
    const bool closer = is_blank(line) || starts_with(line, "</details>");
    const size_t room = budget + (closer ? 1 + kCloseDetails.size() : 0);
    if (body.size() + line.size() > room && body.size() > content_from) {
      // End the part at the last place a cut is allowed; with none, here.
      size_t cut = i;
      for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
        if (lines[it->first].cut_ok && it->second > content_from) {
          cut = it->first;
          body.resize(it->second);
          break;
        }
        if (lines[it->first].cut_ok) break;
      }
      // (With no allowed cut in this part, it is cut here anyway rather than pass the limit.)
      body.append(closing(lines[cut]));
      start_part(lines[cut]);
      i = cut;
      const std::string again = clipped_line(lines[i].text, budget / 2);
      placed.emplace_back(i, bodies.back().size());
      bodies.back().append(again);
      continue;
    }
    placed.emplace_back(i, body.size());
    body.append(line);
  }

  const size_t parts = bodies.size();
  std::vector<std::string> out;
  out.reserve(parts);
  for (size_t k = 0; k < parts; ++k) {
    std::string part = comment_marker(split, k + 1, parts);
    part.append(part_line(k + 1, parts));
    std::string& body = bodies[k];
    while (body.size() >= 2 && body[body.size() - 1] == '\n' && body[body.size() - 2] == '\n') body.pop_back();
    part.append(body);
    part.append(continued_line(k + 1, parts));
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace offsetctl::report
