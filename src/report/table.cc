#include "report/table.h"

#include <algorithm>
#include <charconv>

namespace offsetctl::report {

TextTable::TextTable(std::vector<Column> columns)
    : columns_(std::move(columns)),
      widths_(columns_.size()),
      has_content_(columns_.size(), false),
      hidden_(columns_.size(), false),
      styles_{std::string()} {
  for (size_t c = 0; c < columns_.size(); ++c) widths_[c] = display_width(columns_[c].header);
}

void TextTable::reserve(size_t rows, size_t bytes_per_row) {
  text_.reserve(rows * bytes_per_row);
  ends_.reserve(rows * columns_.size());
  cell_widths_.reserve(rows * columns_.size());
  row_style_.reserve(rows);
}

void TextTable::add_cell(std::string_view cell) {
  const size_t c = ends_.size() % columns_.size();
  text_.append(cell);
  ends_.push_back(static_cast<uint32_t>(text_.size()));
  const size_t w = display_width(cell);
  cell_widths_.push_back(static_cast<uint32_t>(w));
  if (w > widths_[c]) widths_[c] = w;
  if (!cell.empty()) has_content_[c] = true;
}

void TextTable::add_row(std::initializer_list<std::string_view> cells, std::string_view style) {
  add_row(std::vector<std::string_view>(cells), style);
}

void TextTable::add_row(const std::vector<std::string_view>& cells, std::string_view style) {
  for (size_t c = 0; c < columns_.size(); ++c) add_cell(c < cells.size() ? cells[c] : std::string_view());
  size_t index = 0;
  while (index < styles_.size() && styles_[index] != style) ++index;
  if (index == styles_.size()) styles_.emplace_back(style);
  row_style_.push_back(static_cast<uint8_t>(index));
}

namespace {

void pad(std::string& out, size_t n) { out.append(n, ' '); }

}  // namespace

void TextTable::render(std::string& out, std::string_view indent) const {
  const size_t ncol = columns_.size();
  size_t last = ncol;  // the last visible column is not padded
  for (size_t c = 0; c < ncol; ++c) {
    if (!hidden_[c]) last = c;
  }
  if (last == ncol) return;

  size_t line_width = indent.size();
  for (size_t c = 0; c <= last; ++c) {
    if (!hidden_[c]) line_width += widths_[c] + 2;
  }
  out.reserve(out.size() + (rows() + 1) * (line_width + 12));

  // One line; cell(c) gives the text and display width of column c. Empty
  // cells at the end of a line are left out, with their padding.
  auto line = [&](auto&& cell, std::string_view style) {
    out.append(indent);
    out.append(style);
    size_t end = last + 1;
    while (end > 0 && (hidden_[end - 1] || cell(end - 1).second == 0)) --end;
    bool first = true;
    for (size_t c = 0; c < end; ++c) {
      if (hidden_[c]) continue;
      if (!first) out.append("  ");
      first = false;
      const auto [text, width] = cell(c);
      const size_t gap = widths_[c] - width;
      if (columns_[c].align == Align::Right) {
        pad(out, gap);
        out.append(text);
      } else {
        out.append(text);
        if (c + 1 != end) pad(out, gap);
      }
    }
    if (!style.empty()) out.append(ansi::kReset);
    out.push_back('\n');
  };

  line([&](size_t c) { return std::pair<std::string_view, size_t>(columns_[c].header, display_width(columns_[c].header)); },
       {});
  for (size_t r = 0; r < rows(); ++r) {
    line(
        [&](size_t c) {
          const size_t i = r * ncol + c;
          const size_t begin = i == 0 ? 0 : ends_[i - 1];
          return std::pair<std::string_view, size_t>(std::string_view(text_).substr(begin, ends_[i] - begin),
                                                     cell_widths_[i]);
        },
        styles_[row_style_[r]]);
  }
}

size_t display_width(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) {
    if ((ch & 0xC0) != 0x80) ++n;
  }
  return n;
}

namespace {

// Length of the control character at s[i] (1 for C0/DEL, 2 for a UTF-8 C1), or 0.
size_t control_at(std::string_view s, size_t i) {
  const auto ch = static_cast<unsigned char>(s[i]);
  if (ch < 0x20 || ch == 0x7f) return 1;
  if (ch == 0xC2 && i + 1 < s.size()) {
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if (next >= 0x80 && next <= 0x9f) return 2;
  }
  return 0;
}

}  // namespace

std::string_view terminal_safe(std::string_view s, std::string& storage) {
  size_t i = 0;
  while (i < s.size() && control_at(s, i) == 0) ++i;
  if (i == s.size()) return s;
  static constexpr char kHex[] = "0123456789abcdef";
  storage.assign(s.substr(0, i));
  while (i < s.size()) {
    const size_t n = control_at(s, i);
    if (n == 0) {
      storage.push_back(s[i++]);
      continue;
    }
    const auto ch = static_cast<unsigned char>(s[i + n - 1]);
    storage.append("\\x");
    storage.push_back(kHex[ch >> 4]);
    storage.push_back(kHex[ch & 15]);
    i += n;
  }
  return storage;
}

std::string format_partition_list(const std::vector<int32_t>& partitions) {
  std::vector<int32_t> sorted = partitions;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    if (!out.empty()) out.push_back(',');
    append_int(out, sorted[i]);
    if (j > i) {
      out.push_back('-');
      append_int(out, sorted[j]);
    }
    i = j + 1;
  }
  return out;
}

void append_int(std::string& out, int64_t v, bool plus) {
  char buf[24];
  char* p = buf;
  if (plus && v > 0) *p++ = '+';
  p = std::to_chars(p, buf + sizeof buf, v).ptr;
  out.append(buf, static_cast<size_t>(p - buf));
}

}  // namespace offsetctl::report
