#include "util/shared_string.h"

#include <nlohmann/json.hpp>

namespace offsetctl::util {

void to_json(nlohmann::json& out, const SharedString& s) { out = s.str(); }

void from_json(const nlohmann::json& in, SharedString& s) { s = SharedString(in.get_ref<const std::string&>()); }

}  // namespace offsetctl::util
