#include "util/plural.h"

namespace offsetctl::util {

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace offsetctl::util
