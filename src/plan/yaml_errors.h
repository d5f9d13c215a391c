#pragma once
// yaml-cpp's syntax error texts ("illegal map value") made into messages that
// say what to fix.

#include <string>

namespace offsetctl::plan {

std::string explain_yaml_error(const std::string& yaml_cpp_message);

}  // namespace offsetctl::plan
