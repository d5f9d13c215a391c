#pragma once
// libcurl, loaded when the first request is made rather than when offsetctl
// starts. libcurl pulls in some 28 shared libraries (GnuTLS, Kerberos, LDAP,
// SSH, ...); mapping and relocating them costs every start about 8 ms, half
// of what `offsetctl validate` of a small plan takes in all (bench/README.md).
// Commands that never talk to the API (validate, audit verify, rollback,
// --help) no longer pay for it. Only the functions transport.cc calls are
// resolved; the headers still come from libcurl's development package.

#include <curl/curl.h>

#include <string>

#include "util/result.h"

namespace offsetctl::api {

// The libcurl functions offsetctl uses, resolved from the shared library.
struct CurlLibrary {
  CURLcode (*global_init)(long flags) = nullptr;
  CURL* (*easy_init)() = nullptr;
  void (*easy_cleanup)(CURL*) = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  CURLcode (*easy_perform)(CURL*) = nullptr;
  const char* (*easy_strerror)(CURLcode) = nullptr;
  curl_slist* (*slist_append)(curl_slist*, const char*) = nullptr;
  void (*slist_free_all)(curl_slist*) = nullptr;
  char* (*version)() = nullptr;
};

// The soname of libcurl's ABI 4, which every libcurl since 7.16 keeps.
inline constexpr const char* kCurlSoname = "libcurl.so.4";

// Loads `soname` and resolves every function, or says what is missing. The
// library stays loaded for the life of the process.
Result<CurlLibrary> load_curl_library(const char* soname);

// kCurlSoname, loaded and initialised (curl_global_init) once per process, on
// the first call; later calls return the same result.
const Result<CurlLibrary>& curl_library();

}  // namespace offsetctl::api
