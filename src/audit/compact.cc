#include "audit/compact.h"

#include <map>
#include <set>
#include <string_view>

namespace offsetctl::audit {
namespace {

// The fields every record of one call shares.
nlohmann::json call_header(const ChangeFields& c) {
  nlohmann::json j = {{"format", kCompactFormat}, {"instance", c.instance}, {"group", c.group}};
  if (!c.action.empty()) j["action"] = c.action;
  if (c.call > 0) j["call"] = c.call;
  if (c.apply_timestamp) j["apply_timestamp"] = *c.apply_timestamp;
  return j;
}

// Builds records of rows: a header plus "topics" and "partitions", a new record
// whenever the call changes or the budget is spent. The header is built only
// when a record starts: building and comparing one per partition cost more than
// the rest of the log together.
class RecordBuilder {
 public:
  explicit RecordBuilder(std::vector<nlohmann::json>& out) : out_(out) {}

  // `same_call`: this partition shares the header of the one added before it.
  template <class MakeHeader>
  void add(bool same_call, const MakeHeader& make_header, const std::string& topic, nlohmann::json row) {
    if (!open_ || !same_call || bytes_ > kCompactRecordBudget) start(make_header());
    auto [it, added] = topic_index_.emplace(topic, topic_index_.size());
    if (added) {
      topics_.push_back(topic);
      bytes_ += topic.size() + 3;
    }
    row.insert(row.begin(), it->second);
    bytes_ += 64;  // a row's worst case: index, partition and two 64-bit integers
    rows_.push_back(std::move(row));
  }

  void finish() {
    if (!open_) return;
    header_["topics"] = std::move(topics_);
    header_["partitions"] = std::move(rows_);
    out_.push_back(std::move(header_));
    open_ = false;
  }

 private:
  void start(nlohmann::json header) {
    finish();
    bytes_ = header.dump().size();
    header_ = std::move(header);
    topics_ = nlohmann::json::array();
    rows_ = nlohmann::json::array();
    topic_index_.clear();
    open_ = true;
  }

  std::vector<nlohmann::json>& out_;
  bool open_ = false;
  nlohmann::json header_;
  nlohmann::json topics_;
  nlohmann::json rows_;
  std::map<std::string, size_t> topic_index_;
  size_t bytes_ = 0;
};

bool same_call(const ChangeFields& a, const ChangeFields& b) {
  return a.call == b.call && a.instance == b.instance && a.group == b.group && a.action == b.action &&
         a.apply_timestamp == b.apply_timestamp;
}

bool same_answer(const ChangeOutcome& a, const ChangeOutcome& b) {
  return a.request_id == b.request_id && a.error_code == b.error_code && a.error_message == b.error_message;
}

const std::string& str(const nlohmann::json& j, const char* key) {
  return j.at(key).get_ref<const std::string&>();
}

ChangeFields header_fields(const nlohmann::json& r) {
  ChangeFields f;
  f.instance = str(r, "instance");
  f.group = str(r, "group");
  if (r.contains("action")) f.action = str(r, "action");
  if (r.contains("call")) f.call = r["call"].get<int64_t>();
  if (r.contains("apply_timestamp")) f.apply_timestamp = r["apply_timestamp"].get<int64_t>();
  return f;
}

std::optional<int64_t> offset_or_null(const nlohmann::json& v) {
  if (v.is_null()) return std::nullopt;
  return v.get<int64_t>();
}

ChangeOutcome call_outcome(const nlohmann::json& r) {
  ChangeOutcome o;
  if (r["request_id"].is_string()) o.request_id = str(r, "request_id");
  if (r["error_code"].is_string()) o.error_code = str(r, "error_code");
  if (r["error_message"].is_string()) o.error_message = str(r, "error_message");
  return o;
}

}  // namespace

std::vector<nlohmann::json> compact_intent_fields(const std::vector<ChangeFields>& changes) {
  std::vector<nlohmann::json> out;
  RecordBuilder builder(out);
  for (size_t i = 0; i < changes.size(); ++i) {
    const ChangeFields& c = changes[i];
    builder.add(i > 0 && same_call(c, changes[i - 1]), [&] { return call_header(c); }, c.topic,
                {c.partition, optional_json(c.before), optional_json(c.target)});
  }
  builder.finish();
  return out;
}

std::vector<nlohmann::json> compact_result_fields(
    const std::vector<std::pair<ChangeFields, ChangeOutcome>>& results) {
  std::vector<nlohmann::json> out;
  RecordBuilder builder(out);
  for (size_t i = 0; i < results.size(); ++i) {
    const auto& [c, o] = results[i];
    const bool same = i > 0 && same_call(c, results[i - 1].first) && same_answer(o, results[i - 1].second);
    auto header = [&] {
      nlohmann::json h = call_header(c);
      h["request_id"] = optional_json(o.request_id, kShortText);
      h["error_code"] = optional_json(o.error_code, kShortText);
      h["error_message"] = optional_json(o.error_message, kLongText);
      return h;
    };
    builder.add(same, header, c.topic, {c.partition, optional_json(o.after), o.verified});
  }
  builder.finish();
  return out;
}

int record_format(const nlohmann::json& record) {
  auto it = record.find("format");
  if (it == record.end() || !it->is_number_integer()) return 1;
  return it->get<int>();
}

std::optional<std::string> check_change_record(const nlohmann::json& record) {
  auto too_big = [](const nlohmann::json& v) {
    return v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX);
  };
  if (record_format(record) == 1) {
    for (const char* key : {"before", "target", "after"}) {
      if (auto it = record.find(key); it != record.end() && too_big(*it))
        return std::string("field '") + key + "': not a valid offset (beyond 2^63 - 1)";
    }
    return std::nullopt;
  }
  const auto& topics = record.at("topics");
  std::set<std::string_view> names;
  for (const auto& t : topics) {
    if (!names.insert(t.get_ref<const std::string&>()).second)
      return "field 'topics': topic '" + t.get<std::string>() + "' is listed twice";
  }
  std::set<std::pair<size_t, int64_t>> seen;
  const auto& rows = record.at("partitions");
  for (size_t i = 0; i < rows.size(); ++i) {
    if (too_big(rows[i][2]) || too_big(rows[i][3]))
      return "field 'partitions[" + std::to_string(i) + "]': not a valid offset (beyond 2^63 - 1)";
    size_t topic = rows[i][0].get<size_t>();
    if (topic >= topics.size()) {
      return "field 'partitions[" + std::to_string(i) + "]': topic " + std::to_string(topic) +
             " is not in 'topics' (" + std::to_string(topics.size()) + " listed)";
    }
    if (!seen.emplace(topic, rows[i][1].get<int64_t>()).second) {
      return "field 'partitions[" + std::to_string(i) + "]': partition " +
             std::to_string(rows[i][1].get<int64_t>()) + " of topic '" + topics[topic].get<std::string>() +
             "' is listed twice";
    }
  }
  return std::nullopt;
}

void for_each_change(const nlohmann::json& r, const std::function<void(const RecordedChange&)>& visit) {
  const bool result = str(r, "type") == "change_result";
  if (record_format(r) == 1) {
    RecordedChange rc;
    rc.change = header_fields(r);
    rc.change.topic = str(r, "topic");
    rc.change.partition = r["partition"].get<int32_t>();
    rc.change.before = offset_or_null(r["before"]);
    rc.change.target = offset_or_null(r["target"]);
    if (result) {
      rc.outcome = call_outcome(r);
      rc.outcome->verified = r["verified"].get<bool>();
      if (r.contains("after")) rc.outcome->after = offset_or_null(r["after"]);
    }
    visit(rc);
    return;
  }
  RecordedChange rc;
  rc.change = header_fields(r);
  std::optional<ChangeOutcome> outcome;
  if (result) {
    outcome = call_outcome(r);
    rc.has_before_target = false;
  }
  const auto& topics = r["topics"];
  for (const auto& row : r["partitions"]) {
    rc.change.topic = topics[row[0].get<size_t>()].get<std::string>();
    rc.change.partition = row[1].get<int32_t>();
    if (result) {
      rc.outcome = outcome;
      rc.outcome->after = offset_or_null(row[2]);
      rc.outcome->verified = row[3].get<bool>();
    } else {
      rc.change.before = offset_or_null(row[2]);
      rc.change.target = offset_or_null(row[3]);
    }
    visit(rc);
  }
}

std::vector<nlohmann::json> as_partition_records(const nlohmann::json& record) {
  auto type = record.find("type");
  if (type == record.end() || (*type != "change_intent" && *type != "change_result")) return {record};
  std::vector<nlohmann::json> out;
  for_each_change(record, [&](const RecordedChange& c) {
    nlohmann::json j;
    for (const char* key : {"seq", "time", "run_id", "type", "prev_hash", "hash"}) {
      if (auto it = record.find(key); it != record.end()) j[key] = *it;
    }
    j["instance"] = c.change.instance;
    j["group"] = c.change.group;
    j["topic"] = c.change.topic;
    j["partition"] = c.change.partition;
    if (c.has_before_target) {
      j["before"] = optional_json(c.change.before);
      j["target"] = optional_json(c.change.target);
    }
    if (!c.change.action.empty()) j["action"] = c.change.action;
    if (c.change.call > 0) j["call"] = c.change.call;
    if (c.change.apply_timestamp) j["apply_timestamp"] = *c.change.apply_timestamp;
    if (c.outcome) {
      j["request_id"] = c.outcome->request_id ? nlohmann::json(*c.outcome->request_id) : nullptr;
      j["error_code"] = c.outcome->error_code ? nlohmann::json(*c.outcome->error_code) : nullptr;
      j["error_message"] = c.outcome->error_message ? nlohmann::json(*c.outcome->error_message) : nullptr;
      j["verified"] = c.outcome->verified;
      j["after"] = optional_json(c.outcome->after);
    }
    out.push_back(std::move(j));
  });
  return out;
}

}  // namespace offsetctl::audit
