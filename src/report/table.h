#pragma once
// Aligned plain-text tables like kafka-consumer-groups prints, shared by the
// plan and apply reports. Cells are copied into one buffer, so a table of
// 100,000 rows costs a few allocations, not a million.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::report {

enum class Align { Left, Right };

struct Column {
  std::string header;
  Align align = Align::Left;
};

// ANSI SGR sequences for the report colours; empty means plain.
namespace ansi {
inline constexpr std::string_view kReset = "\x1b[0m";
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kDim = "\x1b[2m";
inline constexpr std::string_view kRed = "\x1b[31m";
inline constexpr std::string_view kGreen = "\x1b[32m";
inline constexpr std::string_view kYellow = "\x1b[33m";
}  // namespace ansi

class TextTable {
 public:
  explicit TextTable(std::vector<Column> columns);

  // One row, as many cells as columns (missing ones are empty). `style` is an
  // ANSI sequence that colours the whole line; pass {} for none.
  void add_row(std::initializer_list<std::string_view> cells, std::string_view style = {});
  void add_row(const std::vector<std::string_view>& cells, std::string_view style = {});
  void reserve(size_t rows, size_t bytes_per_row = 48);

  size_t rows() const { return row_style_.size(); }
  // True when no row has anything in column `c` (callers drop such columns).
  bool column_empty(size_t c) const { return !has_content_[c]; }
  // Leaves column `c` out of the output.
  void hide_column(size_t c) { hidden_[c] = true; }

  // Appends the header and the rows, each line prefixed by `indent`. Columns
  // are two spaces apart; the last column is not padded (no trailing blanks).
  void render(std::string& out, std::string_view indent = {}) const;

 private:
  void add_cell(std::string_view cell);

  std::vector<Column> columns_;
  std::vector<size_t> widths_;
  std::vector<bool> has_content_;
  std::vector<bool> hidden_;
  std::string text_;                  // every cell, back to back
  std::vector<uint32_t> ends_;        // end offset of each cell in text_
  std::vector<uint32_t> cell_widths_;  // display width of each cell
  std::vector<std::string> styles_;   // the distinct styles used; [0] is none
  std::vector<uint8_t> row_style_;    // index into styles_ per row
};

// Columns a string takes on a terminal: one per UTF-8 code point (wide East
// Asian characters count one too; names in this domain are ASCII in practice).
size_t display_width(std::string_view s);

// `s` with control characters (C0, DEL, C1) written as \xNN, so that a hostile
// name cannot move the cursor or change colours on the reader's terminal.
// Returns `s` unchanged (no copy) in the common case through `storage`.
std::string_view terminal_safe(std::string_view s, std::string& storage);

// "0-3,7,9-10": sorted partition numbers with runs collapsed.
std::string format_partition_list(const std::vector<int32_t>& partitions);

// Decimal digits appended without allocating; `plus` writes "+" before positives.
void append_int(std::string& out, int64_t v, bool plus = false);

}  // namespace offsetctl::report
