#pragma once
// What the fuzz targets share: the entry points (each fuzz_*.cc defines one;
// its LLVMFuzzerTestOneInput calls it, and tests/hardening replays the seed
// corpora through the same functions under gcc), and FUZZ_CHECK for the
// properties a target asserts beyond "does not crash".

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace offsetctl::fuzz {

int fuzz_plan_load(const uint8_t* data, size_t size);
int fuzz_api_answers(const uint8_t* data, size_t size);
int fuzz_audit_verify(const uint8_t* data, size_t size);
int fuzz_saved_plan(const uint8_t* data, size_t size);

// Under libFuzzer a broken property is a crash (the input is saved); in the
// gtest replay it is an exception the test reports with the corpus file's name.
[[noreturn]] inline void check_failed(const char* what, const std::string& detail) {
#ifdef OFFSETCTL_FUZZ_NO_MAIN
  throw std::logic_error(std::string(what) + ": " + detail);
#else
  std::fprintf(stderr, "fuzz property broken: %s\n%s\n", what, detail.c_str());
  std::abort();
#endif
}

}  // namespace offsetctl::fuzz

#define FUZZ_CHECK(cond, detail)                                       \
  do {                                                                 \
    if (!(cond)) ::offsetctl::fuzz::check_failed(#cond, (detail));     \
  } while (0)

// One target per file: the file defines `fn` and, when built as a fuzzer, the libFuzzer hook.
#ifdef OFFSETCTL_FUZZ_NO_MAIN
#define OFFSETCTL_FUZZ_ENTRY(fn)
#else
#define OFFSETCTL_FUZZ_ENTRY(fn)                                                  \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {     \
    return ::offsetctl::fuzz::fn(data, size);                                     \
  }
#endif
