// Reading saved plans back, strictly: apply must execute exactly what was
// reviewed, so anything unexpected is an error that says where it is.
#include <algorithm>
#include <array>
#include <limits>

#include "report/change_fields.h"
#include "report/plan_view.h"
#include "report/saved_plan.h"
#include "util/crypto.h"
#include "util/json_reader.h"
#include "util/time.h"

namespace offsetctl::report {

namespace {

constexpr std::string_view kRemedy = "; make a new saved plan with `offsetctl plan --out FILE`";

bool is_hex64(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// About how many partition rows `text` holds (each row's first key is "action"): the rows
// are then stored once, where growing the vector would copy them all and hold both copies.
// A hint only. A row has all its nine fields, so it takes over kMinRowBytes: a file that
// repeats the key cannot make the rows reserved take more than twice its own size.
size_t row_count_hint(std::string_view text) {
  constexpr std::string_view kKey = "{\"action\": ";
  constexpr size_t kMinRowBytes = 128;
  size_t rows = 0;
  for (size_t at = text.find(kKey); at != std::string_view::npos; at = text.find(kKey, at + kKey.size())) ++rows;
  return std::min(rows, text.size() / kMinRowBytes);
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& path) : r_(text), path_(path), text_size_(text.size()) {
    r_.set_context(&where_);
    plan_.result.changes.reserve(row_count_hint(text));
  }

  Result<SavedPlan> run(std::string* checksum);

 private:
  // Calls on_field(index) for each member of the object at the reader, with
  // `where_` naming it; every field is required unless marked optional, none may repeat.
  template <size_t N, class F>
  // Fields marked in `optional` may be missing (they came with later versions of offsetctl).
  void object(const std::array<std::string_view, N>& names, F on_field, const std::array<bool, N>& optional = {});
  template <class F>
  void array(F on_element);

  void header();
  void top();
  void change_run(std::vector<planner::PartitionChange>& out);
  void partition(planner::PartitionChange& c);
  void group(planner::GroupReport& g);
  void member(planner::Member& m);
  void file(PlanFileHash& f);
  void plan_source(planner::PlanSource& p);
  int64_t timestamp();
  int64_t count();
  std::string text();
  std::string sha256();

  void fail_here(std::string message) { r_.fail(std::move(message)); }
  Unexpected<Error> error() const;

  util::JsonReader r_;
  const std::string& path_;
  size_t text_size_;
  std::string where_;  // "changes[3].partitions[0].target"
  SavedPlan plan_;
  std::string checksum_;
};

Unexpected<Error> Parser::error() const {
  std::string message = "saved plan " + path_;
  message += ":" + std::to_string(r_.error_line()) + ":" + std::to_string(r_.error_col()) + ": " + r_.error();
  message += kRemedy;
  return offsetctl::fail(std::move(message));
}

template <size_t N, class F>
void Parser::object(const std::array<std::string_view, N>& names, F on_field, const std::array<bool, N>& optional) {
  r_.peek();
  const size_t start = r_.value_offset();
  if (!r_.begin_object()) return;
  std::array<bool, N> seen{};
  std::string key;
  const size_t outer = where_.size();
  while (r_.next_key(key)) {
    const auto it = std::find(names.begin(), names.end(), key);
    where_.resize(outer);
    if (!where_.empty()) where_.push_back('.');
    where_.append(key);
    if (it == names.end()) {
      r_.fail_at(r_.value_offset(), "unknown field");
      break;
    }
    const size_t index = static_cast<size_t>(it - names.begin());
    if (seen[index]) {
      r_.fail_at(r_.value_offset(), "a field that appears twice");
      break;
    }
    seen[index] = true;
    on_field(index);
  }
  where_.resize(outer);
  if (!r_.ok()) return;
  for (size_t i = 0; i < N; ++i) {
    if (!seen[i] && !optional[i]) {
      r_.fail_at(start, "missing field \"" + std::string(names[i]) + "\"");
      return;
    }
  }
}

template <class F>
void Parser::array(F on_element) {
  if (!r_.begin_array()) return;
  const size_t outer = where_.size();
  size_t i = 0;
  while (r_.next_element()) {
    where_.resize(outer);
    where_ += "[" + std::to_string(i) + "]";
    on_element(i++);
    if (!r_.ok()) break;
  }
  where_.resize(outer);
}

std::string Parser::text() {
  auto v = r_.read_string_or_null();
  return v ? std::move(*v) : std::string();
}

int64_t Parser::count() {
  const int64_t v = r_.read_int();
  if (r_.ok() && v < 0) fail_here("a count cannot be negative");
  return v;
}

int64_t Parser::timestamp() {
  const std::string s = r_.read_string();
  if (!r_.ok()) return 0;
  auto ms = util::parse_rfc3339(s);
  if (!ms) {
    fail_here(ms.error().message);
    return 0;
  }
  return *ms;
}

std::string Parser::sha256() {
  std::string s = r_.read_string();
  if (r_.ok() && !is_hex64(s)) fail_here("\"" + s + "\" is not a sha256 (64 lower-case hex digits)");
  return s;
}

// The document's kind and format_version come first, whatever else it holds:
// a newer format must be refused for its version, not for a field it added.
void Parser::header() {
  util::JsonReader scan = r_;
  const util::JsonType type = scan.peek();
  if (type == util::JsonType::Invalid && scan.value_offset() >= text_size_) {
    r_.fail_at(0, "the file is empty");
    return;
  }
  if (type != util::JsonType::Object) {
    r_.fail_at(scan.value_offset(), "not a saved plan: a saved plan is a JSON object");
    return;
  }
  scan.begin_object();
  std::optional<std::string> kind;
  std::optional<int64_t> version;
  size_t version_at = 0;
  std::string key;
  while (scan.next_key(key)) {
    if (key == "kind" && scan.peek() == util::JsonType::String) {
      kind = scan.read_string();
    } else if (key == "format_version" && scan.peek() == util::JsonType::Number) {
      version_at = scan.value_offset();
      version = scan.read_int();
    } else {
      scan.skip_value();
    }
  }
  scan.expect_end();
  if (!scan.ok()) {
    r_ = scan;
    return;
  }
  if (kind == "plan-report") {
    r_.fail_at(0, "this is a plan report (offsetctl plan --format json), not a saved plan");
  } else if (kind != "saved-plan") {
    r_.fail_at(0, "not a saved plan (it has no \"kind\": \"saved-plan\")");
  } else if (!version) {
    r_.fail_at(0, "missing field \"format_version\"");
  } else if (*version != kSavedPlanFormatVersion) {
    r_.fail_at(version_at, "format_version " + std::to_string(*version) +
                               " is not one this offsetctl reads (it reads format_version " +
                               std::to_string(kSavedPlanFormatVersion) + ")");
  }
}

void Parser::top() {
  static constexpr std::array<std::string_view, 14> kNames = {
      "changes", "checksum", "created_at", "endpoint", "files",   "format_version", "groups",
      "kind",    "planned_at", "region",   "summary",  "tool_version", "plans",        "targets"};
  // "plans" and "targets" came with the review report: plans saved before it have neither.
  static constexpr std::array<bool, 14> kOptional = {false, false, false, false, false, false, false,
                                                     false, false, false, false, false, true,  true};
  auto& result = plan_.result;
  object(kNames, [&](size_t field) {
    switch (field) {
      case 0: array([&](size_t) { change_run(result.changes); }); break;
      case 1:
        checksum_ = r_.read_string();
        if (r_.ok() && (checksum_.rfind("sha256:", 0) != 0 || !is_hex64(checksum_.substr(7)))) {
          fail_here("expected \"sha256:\" and 64 lower-case hex digits");
        }
        break;
      case 2: plan_.created_at_ms = timestamp(); break;
      case 3: plan_.endpoint = r_.read_string(); break;
      case 4:
        array([&](size_t) {
          plan_.files.emplace_back();
          file(plan_.files.back());
        });
        break;
      case 5: r_.read_int(); break;  // checked by header()
      case 6:
        array([&](size_t) {
          result.groups.emplace_back();
          group(result.groups.back());
        });
        break;
      case 7: r_.read_string(); break;  // checked by header()
      case 8: result.planned_at_ms = timestamp(); break;
      case 9: plan_.region = r_.read_string(); break;
      case 10: {
        static constexpr std::array<std::string_view, 4> kCounts = {"blocked", "invalid", "to_change", "unchanged"};
        auto& s = result.summary;
        object(kCounts, [&](size_t k) {
          const auto v = static_cast<size_t>(count());
          (k == 0 ? s.blocked : k == 1 ? s.invalid : k == 2 ? s.to_change : s.unchanged) = v;
        });
        break;
      }
      case 11: plan_.tool_version = r_.read_string(); break;
      case 12:
        array([&](size_t) {
          result.plans.emplace_back();
          plan_source(result.plans.back());
        });
        break;
      case 13: array([&](size_t) { result.targets.push_back(r_.read_string()); }); break;
    }
  }, kOptional);
}

void Parser::plan_source(planner::PlanSource& p) {
  static constexpr std::array<std::string_view, 4> kNames = {"description", "file", "line", "name"};
  object(kNames, [&](size_t field) {
    switch (field) {
      case 0: p.description = r_.read_string(); break;
      case 1: p.file = r_.read_string(); break;
      case 2: p.line = static_cast<int>(std::min<int64_t>(count(), std::numeric_limits<int32_t>::max())); break;
      case 3: p.name = r_.read_string(); break;
    }
  });
}

void Parser::change_run(std::vector<planner::PartitionChange>& out) {
  static constexpr std::array<std::string_view, 4> kNames = {"group", "instance", "partitions", "topic"};
  const size_t first = out.size();
  std::string group, instance, topic;
  r_.peek();
  const size_t start = r_.value_offset();
  object(kNames, [&](size_t field) {
    switch (field) {
      case 0: group = r_.read_string(); break;
      case 1: instance = r_.read_string(); break;
      case 2:
        array([&](size_t) {
          out.emplace_back();
          partition(out.back());
        });
        break;
      case 3: topic = r_.read_string(); break;
    }
  });
  if (!r_.ok()) return;
  if (out.size() == first) r_.fail_at(start, "a topic entry without partitions");
  // One copy of each name for the entry's rows (the previous entry's, when it names the same).
  const auto shared = [&](util::SharedString planner::PartitionChange::*key, std::string& text) {
    if (first > 0 && out[first - 1].*key == text) return out[first - 1].*key;
    return util::SharedString(std::move(text));
  };
  const util::SharedString shared_instance = shared(&planner::PartitionChange::instance, instance);
  const util::SharedString shared_group = shared(&planner::PartitionChange::group, group);
  const util::SharedString shared_topic = shared(&planner::PartitionChange::topic, topic);
  for (size_t i = first; i < out.size(); ++i) {
    out[i].instance = shared_instance;
    out[i].group = shared_group;
    out[i].topic = shared_topic;
  }
}

void Parser::partition(planner::PartitionChange& c) {
  using Kind = planner::ChangeFieldKind;
  r_.peek();
  const size_t start = r_.value_offset();
  object(kSavedChangeFieldNames, [&](size_t field) {
    const planner::ChangeField& f = kSavedChangeFields[field];
    switch (f.kind) {
      case Kind::Action: {
        const std::string a = r_.read_string();
        if (!r_.ok()) break;
        if (a == "change") c.action = planner::Action::Change;
        else if (a == "noop") c.action = planner::Action::Noop;
        else if (a == "blocked") c.action = planner::Action::Blocked;
        else if (a == "invalid") c.action = planner::Action::Invalid;
        else fail_here("unknown action \"" + a + "\" (expected change, noop, blocked or invalid)");
        break;
      }
      case Kind::Offset: c.*f.offset = r_.read_int_or_null(); break;
      case Kind::Partition: {
        // null: every partition of a topic that does not exist (an invalid row).
        const auto p = r_.read_int_or_null();
        if (r_.ok() && p && (*p < 0 || *p > std::numeric_limits<int32_t>::max())) fail_here("not a partition number");
        c.partition = p ? static_cast<int32_t>(*p) : planner::kEveryPartition;
        break;
      }
      case Kind::Text: c.*f.text = text(); break;
      case Kind::Key:
      case Kind::Derived:
      case Kind::Count:
      case Kind::Flag:
      case Kind::ResolveAt: break;  // never saved per partition
    }
  });
  if (!r_.ok()) return;
  if (c.action == planner::Action::Change && !c.target) r_.fail_at(start, "a change without a target");
  if (c.action != planner::Action::Invalid && c.partition == planner::kEveryPartition) {
    r_.fail_at(start, "partition null (every partition of an unknown topic) in a row that is not invalid");
  }
}

void Parser::group(planner::GroupReport& g) {
  static constexpr std::array<std::string_view, 6> kNames = {"group", "instance", "members", "plan", "region", "state"};
  object(kNames, [&](size_t field) {
    switch (field) {
      case 0: g.group = r_.read_string(); break;
      case 1: g.instance = r_.read_string(); break;
      case 2:
        array([&](size_t) {
          g.members.emplace_back();
          member(g.members.back());
        });
        break;
      case 3: g.plan_name = r_.read_string(); break;
      case 4: g.region = r_.read_string(); break;
      case 5: g.state = r_.read_string(); break;
    }
  });
}

void Parser::member(planner::Member& m) {
  static constexpr std::array<std::string_view, 4> kNames = {"assignment", "client_host", "client_id", "member_id"};
  object(kNames, [&](size_t field) {
    switch (field) {
      case 0: {
        if (!r_.begin_object()) break;
        std::string topic;
        const size_t outer = where_.size();
        while (r_.next_key(topic)) {
          where_.resize(outer);
          where_ += "." + topic;
          if (m.assignment.count(topic) != 0) {
            r_.fail_at(r_.value_offset(), "a field that appears twice");
            break;
          }
          auto& partitions = m.assignment[topic];
          array([&](size_t) {
            const int64_t p = r_.read_int();
            if (r_.ok() && (p < 0 || p > std::numeric_limits<int32_t>::max())) fail_here("not a partition number");
            partitions.push_back(static_cast<int32_t>(p));
          });
        }
        where_.resize(outer);
        break;
      }
      case 1: m.client_host = r_.read_string(); break;
      case 2: m.client_id = r_.read_string(); break;
      case 3: m.member_id = r_.read_string(); break;
    }
  });
}

void Parser::file(PlanFileHash& f) {
  static constexpr std::array<std::string_view, 2> kNames = {"path", "sha256"};
  object(kNames, [&](size_t field) {
    if (field == 0) {
      f.path = r_.read_string();
    } else {
      f.sha256 = sha256();
    }
  });
}

Result<SavedPlan> Parser::run(std::string* checksum) {
  header();
  if (!r_.ok()) return error();
  top();
  r_.expect_end();
  if (!r_.ok()) return error();
  const std::string expected = "sha256:" + detail::saved_plan_unsigned_sha256(plan_);
  if (checksum_ != expected) {
    return offsetctl::fail("saved plan " + path_ +
                ": its checksum does not match its contents: the file was changed after `offsetctl plan --out` "
                "wrote it. Saved plans must not be edited" +
                std::string(kRemedy));
  }
  if (checksum) *checksum = checksum_;
  // The messages replayed and skipped are derived, not stored: counted again for the reports.
  const planner::PlanSummary moved = planner::summarize(plan_.result.changes);
  plan_.result.summary.replayed = moved.replayed;
  plan_.result.summary.skipped = moved.skipped;
  plan_.result.summary.first_commits = moved.first_commits;
  return std::move(plan_);
}

}  // namespace

Result<SavedPlan> parse_saved_plan(std::string_view json, const std::string& path, std::string* checksum) {
  return Parser(json, path).run(checksum);
}

}  // namespace offsetctl::report
