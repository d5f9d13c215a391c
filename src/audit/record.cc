#include "audit/record.h"

#include "util/crypto.h"
#include "util/json_parse.h"

namespace offsetctl::audit {

bool is_record_type(std::string_view type) {
  return type == kRunStarted || type == kChangeIntent || type == kChangeResult || type == kRunFinished;
}

std::string canonical_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_hash(std::string_view prev_hash, const nlohmann::json& record) {
  if (record.is_object() && record.contains("hash")) {
    nlohmann::json copy = record;
    copy.erase("hash");
    return record_hash_of_text(prev_hash, canonical_json(copy));
  }
  return record_hash_of_text(prev_hash, canonical_json(record));
}

std::string record_hash_of_text(std::string_view prev_hash, std::string_view unhashed_canonical) {
  return util::sha256_hex(std::string(prev_hash) + std::string(unhashed_canonical));
}

int json_depth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

LineParse parse_line(std::string_view line) {
  LineParse out;
  if (line.size() > kMaxRecordBytes) {
    out.why = "longer than " + std::to_string(kMaxRecordBytes) + " bytes";
    return out;
  }
  // A power loss can leave zero bytes where a write had not reached the disk.
  std::string_view text = line;
  while (!text.empty() && text.back() == '\0') text.remove_suffix(1);
  if (text.empty()) {
    out.kind = line.empty() ? LineParse::Kind::Garbage : LineParse::Kind::Torn;
    if (line.empty()) out.why = "an empty line";
    return out;
  }
  if (json_depth(text, kMaxRecordDepth) > kMaxRecordDepth) {
    out.why = "nested deeper than " + std::to_string(kMaxRecordDepth) + " levels";
    return out;
  }
  util::JsonError error;
  auto value = util::parse_json(text, &error);
  if (value) {
    if (text.size() != line.size()) {  // complete JSON followed by zero bytes
      out.kind = LineParse::Kind::Torn;
      return out;
    }
    out.value = std::move(*value);
    out.kind = LineParse::Kind::Json;
  } else if (text.front() == '{' && error.kind == util::JsonError::Kind::Truncated) {
    out.kind = LineParse::Kind::Torn;  // a valid beginning that stopped short
  } else if (error.kind == util::JsonError::Kind::NumberRange) {
    out.why = "not JSON (a number out of range)";
  } else {
    out.why = "not JSON (byte " + std::to_string(error.offset + 1) + ": " + error.message + ")";
  }
  return out;
}

}  // namespace offsetctl::audit
