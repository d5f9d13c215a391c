#pragma once
// An immutable string whose copies share one buffer: a pointer wide, copied by
// a reference count. A million rows of a plan name a few thousand groups and
// topics, and a million outcomes a few thousand calls: as std::string each row
// held its own copies (32 bytes each, and a heap buffer past 15 characters).
// (boost::flyweight does this through a global table; this needs no table:
// whoever makes the string once hands out the copies.)

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace offsetctl::util {

class SharedString {
 public:
  SharedString() = default;
  SharedString(std::string_view text) : node_(text.empty() ? nullptr : new Node{{1}, std::string(text)}) {}
  SharedString(std::string&& text) : node_(text.empty() ? nullptr : new Node{{1}, std::move(text)}) {}
  SharedString(const std::string& text) : SharedString(std::string_view(text)) {}
  SharedString(const char* text) : SharedString(std::string_view(text)) {}

  SharedString(const SharedString& other) noexcept : node_(other.node_) { retain(); }
  SharedString(SharedString&& other) noexcept : node_(std::exchange(other.node_, nullptr)) {}
  SharedString& operator=(SharedString other) noexcept {
    std::swap(node_, other.node_);
    return *this;
  }
  ~SharedString() { release(); }

  const std::string& str() const { return node_ ? node_->text : empty_string(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }

  bool empty() const { return node_ == nullptr; }
  size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  // Whether the two are copies of one string (then they are equal, without comparing).
  bool shares_with(const SharedString& other) const { return node_ == other.node_; }

  friend bool operator==(const SharedString& a, const SharedString& b) {
    return a.node_ == b.node_ || a.str() == b.str();
  }
  friend std::strong_ordering operator<=>(const SharedString& a, const SharedString& b) {
    if (a.node_ == b.node_) return std::strong_ordering::equal;
    return a.str() <=> b.str();
  }
  // The other kinds of text each get their own exact match, so that comparing
  // with one is never ambiguous between converting it and converting this.
  friend bool operator==(const SharedString& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedString& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedString& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const SharedString& a, const std::string& b) { return a.str() <=> b; }
  friend std::strong_ordering operator<=>(const SharedString& a, std::string_view b) {
    return std::string_view(a.str()) <=> b;
  }
  friend std::strong_ordering operator<=>(const SharedString& a, const char* b) {
    return std::string_view(a.str()) <=> std::string_view(b);
  }

  friend std::string operator+(const SharedString& a, std::string_view b) { return std::string(a.str()).append(b); }
  friend std::string operator+(std::string_view a, const SharedString& b) { return std::string(a).append(b.str()); }
  friend std::string operator+(const std::string& a, const SharedString& b) { return a + b.str(); }
  friend std::string operator+(std::string&& a, const SharedString& b) { return std::move(a.append(b.str())); }
  friend std::string operator+(const SharedString& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const SharedString& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const SharedString& b) { return a + b.str(); }

  friend std::ostream& operator<<(std::ostream& out, const SharedString& s) { return out << s.str(); }

 private:
  struct Node {
    std::atomic<uint32_t> refs;
    std::string text;
  };

  static const std::string& empty_string() {
    static const std::string empty;
    return empty;
  }
  void retain() const {
    if (node_) node_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void release() {
    if (node_ && node_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete node_;
    node_ = nullptr;
  }

  Node* node_ = nullptr;
};

void to_json(nlohmann::json& out, const SharedString& s);
void from_json(const nlohmann::json& in, SharedString& s);

}  // namespace offsetctl::util

template <>
struct std::hash<offsetctl::util::SharedString> {
  size_t operator()(const offsetctl::util::SharedString& s) const noexcept {
    return std::hash<std::string_view>()(s.str());
  }
};
