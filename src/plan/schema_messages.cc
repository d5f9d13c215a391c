#include "plan/schema_messages.h"

#include <algorithm>
#include <map>
#include <optional>

#include "util/did_you_mean.h"

namespace offsetctl::plan {
namespace {

using nlohmann::json;

// One step from the document root to the node an error concerns.
struct Step {
  const YNode* node = nullptr;
  const YEntry* entry = nullptr;  // the entry holding `node`, when reached by a key
  bool by_index = false;
  const json* schema = nullptr;   // the schema that applies to `node` ($ref resolved)
};

// The member `key` of a schema object, or null (const json has no safe operator[]).
const json* get(const json* s, const char* key) {
  if (!s || !s->is_object()) return nullptr;
  auto it = s->find(key);
  return it == s->end() ? nullptr : &*it;
}

std::string get_text(const json* s, const char* key) {
  const json* v = get(s, key);
  if (!v) return "";
  return v->is_string() ? v->get<std::string>() : v->dump();
}

const json* deref(const json& root, const json* s) {
  for (int i = 0; i < 16; ++i) {
    const json* ref = get(s, "$ref");
    if (!ref) return s;
    if (!ref->is_string() || ref->get_ref<const std::string&>().rfind("#/definitions/", 0) != 0) return nullptr;
    s = get(get(&root, "definitions"), ref->get_ref<const std::string&>().substr(14).c_str());
  }
  return nullptr;
}

const json* child_schema(const json& root, const json* s, const std::string& key) {
  if (const json* p = get(get(s, "properties"), key.c_str())) return deref(root, p);
  // One pattern per object in this schema; valijson descended here only if it matched.
  if (const json* p = get(s, "patternProperties"); p && p->is_object() && !p->empty())
    return deref(root, &p->begin().value());
  if (const json* p = get(s, "additionalProperties"); p && p->is_object()) return deref(root, p);
  return nullptr;
}

// Walks the document and the schema along valijson's path.
std::optional<std::vector<Step>> resolve(const YNode& doc, const json& root, bool dts,
                                         const std::vector<std::string>& path) {
  std::vector<Step> steps;
  const json* s = deref(root, get(get(&root, "definitions"), dts ? "DtsOffsetPlan" : "OffsetPlan"));
  steps.push_back({&doc, nullptr, false, s});
  for (const std::string& part : path) {
    const Step& at = steps.back();
    const YNode& n = *at.node;
    if (n.is_map()) {
      const YEntry* e = n.find_entry(part);
      if (!e) return std::nullopt;
      steps.push_back({&e->value, e, false, child_schema(root, at.schema, part)});
    } else if (n.is_seq()) {
      size_t index = 0;
      for (char c : part) {
        if (c < '0' || c > '9') return std::nullopt;
        index = index * 10 + static_cast<size_t>(c - '0');
        if (index > n.items.size()) return std::nullopt;
      }
      if (part.empty() || index >= n.items.size()) return std::nullopt;
      const json* item = get(at.schema, "items") ? deref(root, get(at.schema, "items")) : nullptr;
      steps.push_back({&n.items[index], nullptr, true, item});
    } else {
      return std::nullopt;
    }
  }
  return steps;
}

bool has_pattern_keys(const Step& s) { return get(s.schema, "patternProperties") != nullptr; }

// The nearest key above an item, for "each item of 'partitions'".
std::string nearest_key(const std::vector<Step>& steps, size_t i) {
  for (size_t k = i + 1; k-- > 0;)
    if (steps[k].entry) return steps[k].entry->key;
  return "";
}

// What the message calls the node: "'offset'", "each item of 'partitions'".
std::string subject(const std::vector<Step>& steps) {
  const size_t last = steps.size() - 1;
  if (last == 0) return "the document";
  if (steps[last].entry) {
    if (has_pattern_keys(steps[last - 1])) return "the offset of partition " + steps[last].entry->key;
    return quote(steps[last].entry->key);
  }
  return "each item of " + quote(nearest_key(steps, last));
}

// Where an unknown key sits: "an OffsetPlan", "'policy'", "an entry of 'topics'".
std::string container(const std::vector<Step>& steps, bool dts) {
  const size_t last = steps.size() - 1;
  if (last == 0) return dts ? "a DtsOffsetPlan" : "an OffsetPlan";
  if (steps[last].entry) return quote(steps[last].entry->key);
  return "an entry of " + quote(nearest_key(steps, last));
}

// "The CKafka instance id, e.g. ckafka-demo." -> "the CKafka instance id, e.g. ckafka-demo"
std::string short_description(const json* s) {
  std::string d = get_text(s, "description");
  // The first sentence ("e.g. x" does not end one).
  for (size_t stop = d.find(". "); stop != std::string::npos; stop = d.find(". ", stop + 1)) {
    if (stop >= 3 && (d.compare(stop - 3, 3, "e.g") == 0 || d.compare(stop - 3, 3, "i.e") == 0)) continue;
    d.resize(stop);
    break;
  }
  if (!d.empty() && d.back() == '.') d.pop_back();
  if (d.size() > 1 && d[0] >= 'A' && d[0] <= 'Z' && !(d[1] >= 'A' && d[1] <= 'Z')) d[0] = static_cast<char>(d[0] - 'A' + 'a');
  return d;
}

std::string number_text(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  return v.dump();
}

std::string or_list(const json* values) {
  std::string out;
  if (!values || !values->is_array()) return out;
  for (size_t i = 0; i < values->size(); ++i) {
    if (i > 0) out += i + 1 == values->size() ? " or " : ", ";
    const json& v = (*values)[i];
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

std::string expected_type(const json* s) {
  // topics: a list of entries, or all; fromGroup: a name, or {group, instance}
  if (const json* types = get(s, "type"); types && types->is_array()) {
    if (get(s, "pattern") && get_text(s, "pattern") == "^all$") return "a list of topic entries, or all";
    return "a group name, or a mapping with 'group' (and 'instance')";
  }
  std::string t = get_text(s, "type");
  if (t == "integer") return "an integer";
  if (t == "string") return "text";
  if (t == "object") return "a mapping";
  if (t == "array") return "a list";
  if (t == "boolean") return "true or false";
  return "a value";
}

std::string type_message(const std::string& subj, const YNode& n, const json* s, const std::string& last_key) {
  if (const json* values = get(s, "enum")) {
    if (n.empty) return subj + " has no value: give " + or_list(values);
    return subj + " must be " + or_list(values) + ", not " + describe_value(n);
  }
  const std::string t = get_text(s, "type");
  if (n.empty) return subj + " has no value: give " + expected_type(s);
  if (t == "integer") return not_an_integer(subj, n);
  if (t == "string" && n.is_scalar() && n.plain && n.info.type != ScalarType::String) {
    return subj + " must be text, not " + describe_value(n) + ": write it in quotes (\"" + printable(n.text, 40) +
           "\") if it is meant as text";
  }
  std::string msg = subj + " must be " + expected_type(s) + ", not " + describe_value(n);
  if (t == "array" && n.is_scalar() && n.info.type == ScalarType::Int && last_key == "partitions")
    msg += ": write [" + n.text + "] for one partition";
  return msg;
}

std::string range_message(const std::string& subj, const YNode& n, const json* s) {
  const json* min = get(s, "minimum");
  const json* max = get(s, "maximum");
  return outside_range(subj, n, min ? number_text(*min) : "", max ? number_text(*max) : "");
}

std::string empty_list_hint(const std::string& key) {
  if (key == "partitions") return ": list at least one partition, or leave out 'partitions' to mean every partition";
  if (key == "groups") return ": list at least one group";
  if (key == "topics") return ": list at least one topic";
  return ": list at least one item";
}

void report_unknown_keys(const std::vector<Step>& steps, bool dts, IssueSink& sink) {
  const Step& at = steps.back();
  if (!at.node->is_map() || !at.schema) return;
  if (get(at.schema, "patternProperties")) {
    for (const auto& e : at.node->entries) {
      bool ok = !e.key.empty() && e.key.size() <= 10 && (e.key == "0" || e.key[0] != '0');
      for (char c : e.key) ok = ok && c >= '0' && c <= '9';
      if (ok) continue;
      ScalarInfo info = classify_scalar(e.key, e.key_plain);
      std::string reason = refused_number_reason(e.key, info.type);
      if (info.type == ScalarType::Int && info.int_value < 0) reason = e.key + " is negative";
      sink.at_key(e, reason.empty() ? quote(e.key) + " is not a partition number (0 to 2147483647)"
                                    : "partition key " + reason);
    }
    return;
  }
  std::vector<std::string> known;
  if (const json* props = get(at.schema, "properties"); props && props->is_object())
    for (const auto& [k, v] : props->items()) known.push_back(k);
  for (const auto& e : at.node->entries) {
    if (std::find(known.begin(), known.end(), e.key) != known.end()) continue;
    std::string msg = "unknown key " + quote(e.key) + " in " + container(steps, dts);
    // No key of the format is long: skip the (quadratic) guess for long ones.
    if (auto m = e.key.size() <= 64 ? util::closest_match(e.key, known) : std::nullopt) {
      msg += "; did you mean '" + *m + "'?";
    } else {
      msg += " (known keys: ";
      for (size_t i = 0; i < known.size(); ++i) msg += (i ? ", " : "") + known[i];
      msg += ")";
    }
    sink.at_key(e, msg);
  }
}

// Lower ranks win when several errors concern one node.
int rank(const std::string& d) {
  if (d.rfind("Value type not permitted", 0) == 0) return 0;
  if (d.rfind("Failed to match against any enum", 0) == 0 || d.rfind("Failed to match expected value set by 'const'", 0) == 0) return 1;
  return 2;
}

void report_one(const SchemaError& err, const std::vector<Step>& steps, bool dts, IssueSink& sink) {
  const Step& at = steps.back();
  const YNode& n = *at.node;
  const json* s = at.schema;
  const std::string& d = err.description;
  const std::string subj = subject(steps);
  const std::string last_key = at.entry ? at.entry->key : nearest_key(steps, steps.size() - 1);
  const auto starts = [&](const char* p) { return d.rfind(p, 0) == 0; };

  if (starts("Missing required property '")) {
    std::string key = d.substr(27, d.find('\'', 27) - 27);
    std::string desc = short_description(child_schema(plan_schema_json(), s, key));
    sink.missing(n, key, "missing required key '" + key + "'" + (desc.empty() ? "" : " (" + desc + ")"));
  } else if (starts("Object contains a property that could not be validated")) {
    report_unknown_keys(steps, dts, sink);
  } else if (starts("Value type not permitted")) {
    sink.at(n, type_message(subj, n, s, last_key), at.entry);
  } else if (starts("Failed to match against any enum values")) {
    std::string msg = subj + " must be " + or_list(get(s, "enum")) + ", not " + describe_value(n);
    if (const json* e = get(s, "enum"); e && e->is_array() && n.is_scalar() && n.info.type == ScalarType::String) {
      std::vector<std::string> values;
      for (const auto& v : *e)
        if (v.is_string()) values.push_back(v.get<std::string>());
      if (auto m = util::closest_match(n.text, values)) msg += "; did you mean '" + *m + "'?";
    }
    sink.at(n, msg, at.entry);
  } else if (starts("Failed to match expected value set by 'const'")) {
    sink.at(n, subj + " must be '" + get_text(s, "const") + "', not " + describe_value(n), at.entry);
  } else if (starts("Expected number")) {
    sink.at(n, range_message(subj, n, s), at.entry);
  } else if (starts("Array should contain no fewer than")) {
    sink.at(n, subj + " is an empty list" + empty_list_hint(last_key), at.entry);
  } else if (starts("Array should contain no more than")) {
    sink.at(n, subj + " has " + std::to_string(n.items.size()) + " items; the limit is " + get_text(s, "maxItems"),
            at.entry);
  } else if (starts("String should be no fewer than")) {
    sink.at(n, subj + " is empty", at.entry);
  } else if (starts("String should be no more than")) {
    sink.at(n, subj + " is too long; the limit is " + get_text(s, "maxLength") + " characters", at.entry);
  } else if (starts("Failed to match regex")) {
    std::string why = get(s, "patternErrorMessage") ? get_text(s, "patternErrorMessage") : "it does not have the expected form";
    sink.at(n, "invalid " + (at.entry ? at.entry->key : last_key) + " " + quote(n.text) + ": " + why, at.entry);
  } else if (starts("Object should have no fewer than")) {
    sink.at(n, subj + " is empty: give at least one partition and its offset, as in {0: 1500}", at.entry);
  } else if (starts("Object should have no more than")) {
    sink.at(n, subj + " has " + std::to_string(n.entries.size()) + " entries; the limit is " +
                   get_text(s, "maxProperties"), at.entry);
  } else {
    sink.at(n, subj + " does not fit the plan schema: " + d, at.entry);
  }
}

}  // namespace

std::string not_an_integer(const std::string& subj, const YNode& n) {
  if (n.empty) return subj + " has no value: give an integer";
  if (n.is_scalar() && is_numeric(n.info.type) && n.info.type != ScalarType::Int)
    return subj + " must be an integer: " + refused_number_reason(n.text, n.info.type);
  if (n.is_scalar() && !n.plain && classify_scalar(n.text, true).type == ScalarType::Int)
    return subj + " must be a number, not the quoted text \"" + printable(n.text, 40) + "\": remove the quotes";
  return subj + " must be an integer, not " + describe_value(n);
}

std::string outside_range(const std::string& subj, const YNode& n, const std::string& min, std::string max) {
  std::string value = n.is_scalar() ? n.text : describe_value(n);
  if (max == "9223372036854775807") max += " (2^63-1)";
  if (!min.empty() && !max.empty()) return subj + " must be between " + min + " and " + max + ", not " + value;
  if (!min.empty()) return subj + " must be at least " + min + ", not " + value;
  return subj + " must be at most " + max + ", not " + value;
}

std::string quote(std::string_view text) { return "'" + printable(text, 60) + "'"; }

std::string describe_value(const YNode& n) {
  if (n.is_map()) return "a mapping";
  if (n.is_seq()) return "a list";
  if (n.empty) return "nothing";
  switch (n.info.type) {
    case ScalarType::Null:
      return "null";
    case ScalarType::Bool:
      return std::string("the boolean ") + (n.info.bool_value ? "true" : "false");
    case ScalarType::Int:
      return "the number " + n.text;
    case ScalarType::String:
      return n.plain ? quote(n.text) : "the quoted text \"" + printable(n.text, 60) + "\"";
    default:
      return "the number " + printable(n.text, 60);
  }
}

void report_schema_errors(const std::vector<SchemaError>& errors, const YNode& document, const json& schema,
                          bool dts, IssueSink& sink) {
  // Resolve every error first, then report the most telling one per node.
  struct Found {
    const SchemaError* error;
    std::vector<Step> steps;
  };
  std::vector<Found> found;
  for (const auto& e : errors) {
    auto steps = resolve(document, schema, dts, e.path);
    if (!steps) {
      sink.at_mark(document.mark, "the document does not fit the plan schema: " + e.description);
      continue;
    }
    found.push_back({&e, std::move(*steps)});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return rank(a.error->description) < rank(b.error->description);
  });
  for (const auto& f : found) report_one(*f.error, f.steps, dts, sink);
}

}  // namespace offsetctl::plan
