#pragma once
// A count with its noun, as every summary line says it: "1 error", "3 errors".

#include <cstddef>
#include <string>

namespace offsetctl::util {

std::string plural(size_t n, const char* one, const char* many);

}  // namespace offsetctl::util
