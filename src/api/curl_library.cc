#include "api/curl_library.h"

#include <dlfcn.h>

#include <cstring>

namespace offsetctl::api {
namespace {

// dlsym returns an object pointer; POSIX guarantees it converts to a function pointer.
template <class Fn>
bool resolve(void* lib, const char* name, Fn& out, std::string& missing) {
  void* sym = dlsym(lib, name);
  if (sym == nullptr) {
    missing += (missing.empty() ? "" : ", ") + std::string(name);
    return false;
  }
  static_assert(sizeof(Fn) == sizeof(void*));
  std::memcpy(&out, &sym, sizeof out);
  return true;
}

}  // namespace

Result<CurlLibrary> load_curl_library(const char* soname) {
  void* lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    const char* why = dlerror();
    return fail(std::string("libcurl could not be loaded (") + (why ? why : soname) +
                "); install libcurl 7.16 or newer (Debian and Ubuntu: the libcurl4 package)");
  }
  CurlLibrary c;
  std::string missing;
  resolve(lib, "curl_global_init", c.global_init, missing);
  resolve(lib, "curl_easy_init", c.easy_init, missing);
  resolve(lib, "curl_easy_cleanup", c.easy_cleanup, missing);
  resolve(lib, "curl_easy_setopt", c.easy_setopt, missing);
  resolve(lib, "curl_easy_getinfo", c.easy_getinfo, missing);
  resolve(lib, "curl_easy_perform", c.easy_perform, missing);
  resolve(lib, "curl_easy_strerror", c.easy_strerror, missing);
  resolve(lib, "curl_slist_append", c.slist_append, missing);
  resolve(lib, "curl_slist_free_all", c.slist_free_all, missing);
  resolve(lib, "curl_version", c.version, missing);
  if (!missing.empty()) {
    dlclose(lib);
    return fail(std::string(soname) + " lacks " + missing + "; install libcurl 7.16 or newer");
  }
  return c;
}

const Result<CurlLibrary>& curl_library() {
  // A function-local static: loaded once, by whichever thread asks first.
  static const Result<CurlLibrary> loaded = [] {
    Result<CurlLibrary> lib = load_curl_library(kCurlSoname);
    if (lib) lib->global_init(CURL_GLOBAL_DEFAULT);
    return lib;
  }();
  return loaded;
}

}  // namespace offsetctl::api
