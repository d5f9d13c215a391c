#include "api/transport.h"

#include <curl/curl.h>

#include <mutex>

namespace offsetctl::api {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The calling thread's handle, cleaned up when the thread ends.
class ThreadHandle {
 public:
  ThreadHandle() {
    global_init();
    handle_ = curl_easy_init();
    // libcurl's built-in CA file, to restore after a request that used --ca-bundle.
    char* cainfo = nullptr;
    if (handle_ != nullptr && curl_easy_getinfo(handle_, CURLINFO_CAINFO, &cainfo) == CURLE_OK && cainfo != nullptr) {
      default_cainfo_ = cainfo;
    }
  }
  ~ThreadHandle() {
    if (handle_ != nullptr) curl_easy_cleanup(handle_);
  }
  ThreadHandle(const ThreadHandle&) = delete;
  ThreadHandle& operator=(const ThreadHandle&) = delete;
  CURL* get() const { return handle_; }
  void renew() {
    if (handle_ != nullptr) curl_easy_cleanup(handle_);
    handle_ = curl_easy_init();
  }
  const char* default_cainfo() const { return default_cainfo_.empty() ? nullptr : default_cainfo_.c_str(); }

 private:
  CURL* handle_ = nullptr;
  std::string default_cainfo_;
};

struct Sink {
  std::string* body;
  bool too_large = false;
};

size_t write_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->body->size() + n > kMaxAnswerBytes) {
    sink->too_large = true;
    return 0;  // aborts the transfer
  }
  sink->body->append(data, n);
  return n;
}

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
};

TransportError classify(CURLcode rc, const HttpRequest& req, const char* detail) {
  const std::string url = req.url;
  std::string extra = detail != nullptr && *detail ? std::string(" (") + detail + ")" : "";
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {"DNSFailure", "could not resolve the host of " + url + extra};
    case CURLE_COULDNT_CONNECT:
      return {"ConnectFailed", "could not connect to " + url + extra};
    case CURLE_OPERATION_TIMEDOUT:
      return {"Timeout", "no answer from " + url + " within the timeout" + extra};
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return {"ConnectionReset", "the connection to " + url + " broke before a whole answer came" + extra};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return {"TLSError",
              "the TLS connection to " + url + " could not be verified" + extra +
                  "; for a private CA, give its certificate with --ca-bundle"};
    default:
      return {"CurlError", "the request to " + url + " failed: " + curl_easy_strerror(rc) + extra};
  }
}


ThreadHandle& thread_handle() {
  thread_local ThreadHandle handle;
  return handle;
}

}  // namespace

void forget_thread_connections() { thread_handle().renew(); }

Result<HttpResponse, TransportError> http_post(const HttpRequest& req) {
  ThreadHandle& handle = thread_handle();
  CURL* h = handle.get();
  if (h == nullptr) return fail(TransportError{"CurlError", "libcurl could not create a handle"});

  HeaderList headers;
  for (const auto& line : req.headers) headers.list = curl_slist_append(headers.list, line.c_str());
  // No "Expect: 100-continue" round trip on large bodies; no compressed answers to unpack.
  headers.list = curl_slist_append(headers.list, "Expect:");

  HttpResponse resp;
  Sink sink{&resp.body};
  char errbuf[CURL_ERROR_SIZE] = {0};

  curl_easy_setopt(h, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(h, CURLOPT_POST, 1L);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, req.body.data());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // timeouts must not use signals in a threaded program
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(req.connect_timeout_ms));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(req.timeout_ms));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_CAINFO, req.ca_bundle.empty() ? handle.default_cainfo() : req.ca_bundle.c_str());
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would re-send a signed request elsewhere
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_VERBOSE, 0L);          // verbose output would print the X-TC-Token header
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);

  const CURLcode rc = curl_easy_perform(h);
  // The handle outlives this call: drop pointers into this frame.
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, nullptr);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, nullptr);

  if (sink.too_large) {
    return fail(TransportError{"TooLarge", "the answer from " + req.url + " is larger than " +
                                               std::to_string(kMaxAnswerBytes >> 20) + " MiB"});
  }
  if (rc != CURLE_OK) return fail(classify(rc, req, errbuf));
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  resp.status = static_cast<int>(status);
  return resp;
}

}  // namespace offsetctl::api
