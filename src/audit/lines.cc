#include "audit/lines.h"

#include <cstring>

namespace offsetctl::audit {

void LineSplitter::append(std::string_view part) {
  size_t room = cap_ + 1 > current_.size() ? cap_ + 1 - current_.size() : 0;
  if (part.size() > room) {
    oversized_ = true;
    part = part.substr(0, room);
  }
  current_.append(part);
}

void LineSplitter::feed(std::string_view bytes) {
  while (!bytes.empty()) {
    const void* nl = std::memchr(bytes.data(), '\n', bytes.size());
    if (!nl) {
      append(bytes);
      return;
    }
    size_t len = static_cast<size_t>(static_cast<const char*>(nl) - bytes.data());
    append(bytes.substr(0, len));
    on_line_(RawLine{++number_, current_, oversized_, true});
    current_.clear();
    oversized_ = false;
    bytes.remove_prefix(len + 1);
  }
}

size_t LineSplitter::finish() {
  if (!at_line_start()) {
    on_line_(RawLine{++number_, current_, oversized_, false});
    current_.clear();
    oversized_ = false;
  }
  return number_;
}

}  // namespace offsetctl::audit
