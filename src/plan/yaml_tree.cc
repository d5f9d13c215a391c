#include "plan/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "plan/yaml_errors.h"

namespace offsetctl::plan {

const YEntry* YNode::find_entry(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

const YNode* YNode::find(std::string_view key) const {
  const YEntry* e = find_entry(key);
  return e ? &e->value : nullptr;
}

namespace {

// Thrown from the event handler to stop yaml-cpp when a limit is reached.
struct StopParsing {};

Mark to_mark(const YAML::Mark& m) { return {m.line + 1, m.column + 1, m.pos}; }

// yaml-cpp spells !!str as its full URI; show it as written.
std::string shown_tag(const std::string& tag) {
  const std::string core = "tag:yaml.org,2002:";
  if (tag.compare(0, core.size(), core) == 0) return "!!" + tag.substr(core.size());
  return tag;
}

// Where the quoted scalar starting at `pos` ends (one past its closing quote),
// or npos. yaml-cpp 0.7 accepts a quote left open at the end of the file.
size_t quoted_end(std::string_view text, size_t pos) {
  const char q = text[pos];
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return std::string_view::npos;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const YamlLimits& limits, ParsedYaml& out)
      : text_(text), limits_(limits), out_(out) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    doc_mark_ = to_mark(mark);
    // yaml-cpp starts a new document, silently, at a line that fits no
    // indentation; YAML itself requires '---' there.
    if (!out_.documents.empty() && !starts_with_at(doc_mark_.offset, "---") && !after_document_end(doc_mark_)) {
      issue(doc_mark_, "this line fits no indentation above it, so YAML starts a new document here "
                       "without '---': check its indentation");
    }
  }

  void OnDocumentEnd() override {
    if (out_.documents.size() >= limits_.max_documents) {
      issue(doc_mark_, "the file holds more than " + std::to_string(limits_.max_documents) +
                           " documents: split it into several files");
      throw StopParsing{};
    }
    out_.documents.push_back(std::move(root_));
    out_.document_marks.push_back(doc_mark_);
    out_.document_has_alias.push_back(doc_has_alias_);
    root_ = YNode{};
    doc_has_alias_ = false;
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YNode n;
    n.mark = to_mark(mark);
    // yaml-cpp reports ~ and null like a value left out; tell them apart.
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      if (!starts_with_at(n.mark.offset, word)) continue;
      size_t after = static_cast<size_t>(n.mark.offset) + word.size();
      if (after >= text_.size() || std::string_view(" \t\r\n,]}#").find(text_[after]) != std::string_view::npos)
        n.text = std::string(word);
    }
    n.empty = n.text.empty();
    add(std::move(n));
  }

  // Anchors and aliases are refused, so nothing is ever expanded (no alias
  // bomb). The first of each is reported with a count, not every one.
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    YNode n;
    n.mark = to_mark(mark);
    n.flagged = true;
    doc_has_alias_ = true;
    if (aliases_.count++ == 0) {
      aliases_.issue = out_.issues.size();
      issue(n.mark, "alias '" + name_at(mark.pos) +
                        "' is not supported: plan files do not use anchors and aliases; write the value out");
    }
    add(std::move(n));
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    if (anchors_.count++ == 0) {
      anchors_.issue = out_.issues.size();
      issue(to_mark(mark), "anchor '&" + printable(name, 40) +
                               "' is not supported: plan files do not use anchors and aliases; write the value out");
    }
  }

  // Adds "(the file has 12 aliases)" to the first report when there are more.
  void finish() {
    anchors_.annotate(out_, "anchors");
    aliases_.annotate(out_, "aliases");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    YNode n;
    n.mark = to_mark(mark);
    check_tag(n.mark, tag, true);
    n.plain = tag == "?";
    if (!n.plain) check_quotes(n);
    const size_t limit = pending_key_is_text() ? limits_.max_text_bytes : limits_.max_scalar_bytes;
    if (value.size() > limit && !expecting_key()) {
      issue(n.mark, "this value is " + std::to_string(value.size()) + " bytes long; the limit is " +
                        std::to_string(limit));
      n.flagged = true;
    } else {
      n.text = value;
      n.info = classify_scalar(n.text, n.plain);
    }
    add(std::move(n), value.size());
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    start(mark, tag, YNode::Kind::Seq);
  }
  void OnSequenceEnd() override { end(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    start(mark, tag, YNode::Kind::Map);
  }
  void OnMapEnd() override { end(); }

  void issue(Mark m, std::string message) { out_.issues.push_back({m.line, m.col, std::move(message)}); }

 private:
  struct Frame {
    YNode node;
    bool has_key = false;  // a key was read; its value comes next
    YEntry pending;
    bool drop_pending = false;  // the pending key was refused: drop its value
    std::unordered_map<std::string, int> key_lines;
  };

  bool expecting_key() const {
    return !stack_.empty() && stack_.back().node.is_map() && !stack_.back().has_key;
  }

  bool pending_key_is_text() const {
    if (stack_.empty() || !stack_.back().node.is_map() || !stack_.back().has_key) return false;
    const auto& keys = limits_.text_keys;
    return std::find(keys.begin(), keys.end(), stack_.back().pending.key) != keys.end();
  }

  void count_node(const Mark& m) {
    if (++nodes_ > limits_.max_nodes) {
      issue(m, "the file holds more than " + std::to_string(limits_.max_nodes) + " values: split it into several files");
      throw StopParsing{};
    }
  }

  void check_tag(const Mark& m, const std::string& tag, bool scalar) {
    if (tag.empty() || tag == "?" || (scalar && tag == "!")) return;
    issue(m, "YAML tag '" + printable(shown_tag(tag), 40) + "' is not supported: " +
                 (scalar ? "quote the value to make it text" : "remove the tag"));
  }

  void start(const YAML::Mark& ymark, const std::string& tag, YNode::Kind kind) {
    Mark m = to_mark(ymark);
    count_node(m);
    check_tag(m, tag, false);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      issue(m, "values are nested more than " + std::to_string(limits_.max_depth) +
                   " levels deep; a plan needs far fewer");
      throw StopParsing{};
    }
    Frame f;
    f.node.kind = kind;
    f.node.mark = m;
    stack_.push_back(std::move(f));
  }

  void end() {
    YNode n = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(n), 0, true);
  }

  // Attaches a finished node to its parent (or makes it the document).
  void add(YNode&& n, size_t scalar_bytes = 0, bool counted = false) {
    if (!counted) count_node(n.mark);
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_seq()) {
      if (top.node.items.size() >= limits_.max_items) too_many(top, "items");
      top.node.items.push_back(std::move(n));
      return;
    }
    if (!top.has_key) {
      take_key(top, std::move(n), scalar_bytes);
      return;
    }
    top.has_key = false;
    if (top.drop_pending) return;
    if (top.node.entries.size() >= limits_.max_items) too_many(top, "keys");
    top.pending.value = std::move(n);
    top.node.entries.push_back(std::move(top.pending));
    top.pending = YEntry{};
  }

  void take_key(Frame& top, YNode&& key, size_t bytes) {
    top.has_key = true;
    top.drop_pending = true;
    top.pending = YEntry{};
    if (!key.is_scalar()) {
      issue(key.mark, "a mapping key must be plain text, not a " + std::string(key.is_map() ? "mapping" : "list"));
      return;
    }
    if (key.empty) {
      issue(key.mark, "a mapping key is missing before ':'");
      return;
    }
    if (bytes > limits_.max_key_bytes) {
      issue(key.mark, "this key is " + std::to_string(bytes) + " bytes long; the limit is " +
                          std::to_string(limits_.max_key_bytes));
      return;
    }
    if (key.flagged) return;
    auto [it, inserted] = top.key_lines.emplace(key.text, key.mark.line);
    if (!inserted) {
      issue(key.mark, "duplicate key '" + printable(key.text) + "' (first at line " + std::to_string(it->second) +
                          "): each key may appear once in a mapping");
      return;
    }
    top.drop_pending = false;
    top.pending.key = std::move(key.text);
    top.pending.key_mark = key.mark;
    top.pending.key_plain = key.plain;
  }

  [[noreturn]] void too_many(const Frame& top, const char* what) {
    std::string where = stack_.size() >= 2 && stack_[stack_.size() - 2].has_key
                            ? "'" + printable(stack_[stack_.size() - 2].pending.key, 40) + "'"
                            : std::string("this ") + (top.node.is_seq() ? "list" : "mapping");
    issue(top.node.mark, where + " has more than " + std::to_string(limits_.max_items) + " " + what +
                             "; the limit is " + std::to_string(limits_.max_items) + ": split the entry");
    throw StopParsing{};
  }

  bool starts_with_at(int offset, std::string_view word) const {
    return offset >= 0 && text_.substr(static_cast<size_t>(offset), word.size()) == word;
  }

  // True when the last non-blank, non-comment line before `m` is "...".
  bool after_document_end(const Mark& m) const {
    if (m.offset < 0) return false;
    size_t end = std::min(static_cast<size_t>(m.offset), text_.size());
    while (end > 0) {
      size_t start = text_.rfind('\n', end - 1);
      start = start == std::string_view::npos ? 0 : start + 1;
      std::string_view line = text_.substr(start, end - start);
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (!line.empty() && line[0] != '#') return line == "...";
      if (start == 0) return false;
      end = start - 1;
    }
    return false;
  }

  // A quote left open until the end of the file, or one that runs across
  // lines in a value that is not free text: a closing quote is missing.
  void check_quotes(YNode& n) {
    if (n.mark.offset < 0 || static_cast<size_t>(n.mark.offset) >= text_.size()) return;
    const size_t start = static_cast<size_t>(n.mark.offset);
    const char q = text_[start];
    if (q != '"' && q != '\'') return;
    size_t end = quoted_end(text_, start);
    if (end == std::string_view::npos) {
      issue(n.mark, std::string("this quoted value is not closed: a closing ") + q + " is missing");
      n.flagged = true;
      return;
    }
    size_t breaks = static_cast<size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(start),
                                                   text_.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
    if (breaks > 0 && !pending_key_is_text()) {
      issue(n.mark, "this quoted value runs over " + std::to_string(breaks + 1) +
                        " lines: is a closing " + q + " missing?");
      n.flagged = true;
    }
  }

  // The alias's name as written, for the message (yaml-cpp passes only an id).
  std::string name_at(int pos) const {
    if (pos < 0 || static_cast<size_t>(pos) >= text_.size()) return "*";
    size_t end = static_cast<size_t>(pos);
    while (end < text_.size() && end - static_cast<size_t>(pos) < 41 &&
           std::string_view(" \t\r\n,]}").find(text_[end]) == std::string_view::npos)
      ++end;
    return printable(text_.substr(static_cast<size_t>(pos), end - static_cast<size_t>(pos)), 40);
  }

  struct Counted {
    size_t count = 0;
    size_t issue = 0;
    void annotate(ParsedYaml& out, const char* what) const {
      if (count > 1 && issue < out.issues.size())
        out.issues[issue].message += " (the file has " + std::to_string(count) + " " + what + ")";
    }
  };

  std::string_view text_;
  Counted anchors_, aliases_;
  const YamlLimits& limits_;
  ParsedYaml& out_;
  std::vector<Frame> stack_;
  YNode root_;
  Mark doc_mark_;
  size_t nodes_ = 0;
  bool doc_has_alias_ = false;
};

// YAML ends an implicit key after 1024 characters; yaml-cpp then reports the
// ':' after a longer key as a ':' where no key can start.
bool long_key(std::string_view text, const YAML::Exception& e) {
  if (e.msg != YAML::ErrorMsg::MAP_VALUE || e.mark.pos < 0 || static_cast<size_t>(e.mark.pos) > text.size()) return false;
  size_t pos = static_cast<size_t>(e.mark.pos);
  size_t line_start = pos == 0 ? 0 : text.rfind('\n', pos - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  return pos - line_start > 1024;
}

}  // namespace

ParsedYaml parse_yaml(std::string_view text, const YamlLimits& limits) {
  ParsedYaml out;
  std::istringstream in{std::string(text)};
  TreeBuilder builder(text, limits, out);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing&) {
    out.aborted = true;
    out.over_limit = true;
  } catch (const YAML::Exception& e) {
    out.aborted = true;
    builder.issue(e.mark.is_null() ? Mark{1, 1} : to_mark(e.mark),
                  long_key(text, e) ? "this key is longer than 1024 characters, the most YAML allows for a key"
                                    : explain_yaml_error(e.msg));
  } catch (const std::exception& e) {
    out.aborted = true;
    builder.issue({1, 1}, std::string("cannot read the YAML: ") + e.what());
  }
  builder.finish();
  return out;
}

}  // namespace offsetctl::plan
