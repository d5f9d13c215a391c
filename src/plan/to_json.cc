#include "plan/to_json.h"

#include <string_view>

namespace offsetctl::plan {

nlohmann::json to_json(const YNode& node) {
  switch (node.kind) {
    case YNode::Kind::Seq: {
      nlohmann::json array = nlohmann::json::array();
      array.get_ref<nlohmann::json::array_t&>().reserve(node.items.size());
      for (const auto& item : node.items) array.push_back(to_json(item));
      return array;
    }
    case YNode::Kind::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& e : node.entries) object[e.key] = to_json(e.value);
      return object;
    }
    case YNode::Kind::Scalar:
      break;
  }
  if (node.flagged) return nullptr;
  switch (node.info.type) {
    case ScalarType::Null:
      return nullptr;
    case ScalarType::Bool:
      return node.info.bool_value;
    case ScalarType::Int:
      return node.info.int_value;
    case ScalarType::String:
      return node.text;
    default:
      return 0.5;
  }
}

namespace {

using Convert = nlohmann::json (*)(const YNode&);

// A map as to_json makes it, with the value under `key` converted by `special`.
nlohmann::json map_json(const YNode& node, std::string_view key, Convert special) {
  if (!node.is_map()) return to_json(node);
  nlohmann::json object = nlohmann::json::object();
  for (const auto& e : node.entries) object[e.key] = e.key == key ? special(e.value) : to_json(e.value);
  return object;
}

// A sequence as to_json makes it, each item converted by `each`.
nlohmann::json seq_json(const YNode& node, Convert each) {
  if (!node.is_seq()) return to_json(node);
  nlohmann::json array = nlohmann::json::array();
  array.get_ref<nlohmann::json::array_t&>().reserve(node.items.size());
  for (const auto& item : node.items) array.push_back(each(item));
  return array;
}

// The schema's partition key: ^(0|[1-9][0-9]{0,9})$.
bool canonical_partition_key(std::string_view k) {
  if (k == "0") return true;
  if (k.empty() || k.size() > 10 || k[0] < '1' || k[0] > '9') return false;
  for (char c : k) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

constexpr size_t kMaxOffsetsEntries = 100000;  // the schema's maxProperties

// Everything the schema asks of an `offsets` map, checked without it.
bool schema_accepts_offsets(const YNode& n) {
  if (!n.is_map() || n.flagged || n.entries.empty() || n.entries.size() > kMaxOffsetsEntries) return false;
  for (const auto& e : n.entries) {
    const YNode& v = e.value;
    if (!canonical_partition_key(e.key)) return false;
    if (!v.is_scalar() || v.flagged || v.info.type != ScalarType::Int || v.info.int_value < 0) return false;
  }
  return true;
}

nlohmann::json offsets_json(const YNode& n) {
  if (!schema_accepts_offsets(n)) return to_json(n);
  nlohmann::json object = nlohmann::json::object();
  object[n.entries.front().key] = to_json(n.entries.front().value);
  return object;
}
nlohmann::json topic_json(const YNode& n) { return map_json(n, "offsets", offsets_json); }
nlohmann::json topics_json(const YNode& n) { return seq_json(n, topic_json); }
nlohmann::json group_json(const YNode& n) { return map_json(n, "topics", topics_json); }
nlohmann::json groups_json(const YNode& n) { return seq_json(n, group_json); }

}  // namespace

nlohmann::json to_schema_json(const YNode& offset_plan) {
  return map_json(offset_plan, "groups", groups_json);
}

}  // namespace offsetctl::plan
