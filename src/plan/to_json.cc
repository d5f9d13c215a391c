#include "plan/to_json.h"

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

}  // namespace offsetctl::plan
