#pragma once
// Splits a byte stream into lines in bounded memory: a line longer than the
// cap is cut to cap + 1 bytes and marked, so a hostile file cannot exhaust memory.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace offsetctl::audit {

struct RawLine {
  size_t number = 0;        // 1-based
  std::string_view text;    // without the '\n'; at most cap + 1 bytes
  bool oversized = false;   // longer than the cap (text is cut)
  bool has_newline = true;  // false for an unfinished last line
};

class LineSplitter {
 public:
  LineSplitter(size_t cap, std::function<void(const RawLine&)> on_line)
      : cap_(cap), on_line_(std::move(on_line)) {}
  void feed(std::string_view bytes);
  // Emits the unfinished last line, if any. Returns the number of lines seen.
  size_t finish();
  // The stream so far ends with '\n' (or is empty).
  bool at_line_start() const { return current_.empty() && !oversized_; }

 private:
  void append(std::string_view part);
  size_t cap_;
  std::function<void(const RawLine&)> on_line_;
  std::string current_;
  bool oversized_ = false;
  size_t number_ = 0;
};

}  // namespace offsetctl::audit
