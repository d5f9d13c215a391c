#include "api/transport.h"

#include <openssl/x509_vfy.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

#include "api/curl_library.h"

namespace offsetctl::api {
namespace {

// A libcurl easy handle and its connection cache. Made only once libcurl is
// loaded (`curl`). It opens and closes its sockets itself, so that a request can be
// cancelled from another thread by shutting its connections down.
class EasyHandle {
 public:
  explicit EasyHandle(const CurlLibrary& curl) : curl_(curl) {
    handle_ = curl_.easy_init();
    own_sockets();
    // libcurl's built-in CA file, to restore after a request that used --ca-bundle.
    char* cainfo = nullptr;
    if (handle_ != nullptr && curl_.easy_getinfo(handle_, CURLINFO_CAINFO, &cainfo) == CURLE_OK && cainfo != nullptr) {
      default_cainfo_ = cainfo;
    }
  }
  ~EasyHandle() {
    if (handle_ != nullptr) curl_.easy_cleanup(handle_);
  }
  EasyHandle(const EasyHandle&) = delete;
  EasyHandle& operator=(const EasyHandle&) = delete;
  CURL* get() const { return handle_; }
  void renew() {
    if (handle_ != nullptr) curl_.easy_cleanup(handle_);
    handle_ = curl_.easy_init();
    own_sockets();
  }
  const char* default_cainfo() const { return default_cainfo_.empty() ? nullptr : default_cainfo_.c_str(); }

  // While `cancel` is set, no new socket is opened once it is cancelled.
  void watch(const Cancellation* cancel) {
    std::lock_guard lock(sockets_mu_);
    cancel_ = cancel;
  }
  // Wakes a transfer blocked on any of this handle's connections: it sees the
  // connection end and returns. Called from another thread.
  void shut_down_sockets() {
    std::lock_guard lock(sockets_mu_);
    for (curl_socket_t fd : sockets_) ::shutdown(fd, SHUT_RDWR);
  }

 private:
  void own_sockets() {
    if (handle_ == nullptr) return;
    curl_.easy_setopt(handle_, CURLOPT_OPENSOCKETFUNCTION, &EasyHandle::open_socket);
    curl_.easy_setopt(handle_, CURLOPT_OPENSOCKETDATA, this);
    curl_.easy_setopt(handle_, CURLOPT_CLOSESOCKETFUNCTION, &EasyHandle::close_socket);
    curl_.easy_setopt(handle_, CURLOPT_CLOSESOCKETDATA, this);
  }
  static curl_socket_t open_socket(void* self_ptr, curlsocktype, curl_sockaddr* address) {
    auto* self = static_cast<EasyHandle*>(self_ptr);
    // Under the lock, so that a cancel either sees this socket or is seen here.
    std::lock_guard lock(self->sockets_mu_);
    if (self->cancel_ != nullptr && self->cancel_->cancelled()) return CURL_SOCKET_BAD;
    const int fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
    if (fd >= 0) self->sockets_.push_back(fd);
    return fd >= 0 ? fd : CURL_SOCKET_BAD;
  }
  static int close_socket(void* self_ptr, curl_socket_t fd) {
    auto* self = static_cast<EasyHandle*>(self_ptr);
    std::lock_guard lock(self->sockets_mu_);
    self->sockets_.erase(std::remove(self->sockets_.begin(), self->sockets_.end(), fd), self->sockets_.end());
    return ::close(fd);
  }

  const CurlLibrary& curl_;
  CURL* handle_ = nullptr;
  std::string default_cainfo_;
  std::mutex sockets_mu_;
  std::vector<curl_socket_t> sockets_;    // open, kept-alive or in use
  const Cancellation* cancel_ = nullptr;  // of the request running on the handle
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
  const CurlLibrary& curl;
  curl_slist* list = nullptr;
  ~HeaderList() { curl.slist_free_all(list); }
};

// "127.0.0.1" of "https://127.0.0.1:8443/", "::1" of "https://[::1]:8443/".
std::string host_of(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  if (start < url.size() && url[start] == '[') {
    size_t end = url.find(']', start);
    return url.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
  }
  size_t end = url.find_first_of(":/", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Says which of the usual certificate problems it is, and what to do about it. OpenSSL's
// verification result tells them apart; libcurl checks the host name itself after it.
TransportError tls_error(CURLcode rc, long verify_result, const HttpRequest& req, const std::string& detail) {
  const std::string host = host_of(req.url);
  const std::string why = detail.empty() ? "" : ": " + detail;
  if (rc == CURLE_SSL_CACERT_BADFILE) {
    return {"TLSError", "--ca-bundle " + req.ca_bundle + " could not be read as PEM certificates" + why +
                            "; give a file of PEM CA certificates"};
  }
  // libcurl checks the name itself and says so ("no alternative certificate subject name matches ...").
  if (detail.find("subject name") != std::string::npos || detail.find("does not match") != std::string::npos) {
    return {"TLSError", "the certificate of " + host + " is for another host name" + why +
                            "; give --endpoint a host name the certificate names"};
  }
  switch (verify_result) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return {"TLSError", "the certificate of " + host + " has expired" + why +
                              "; the server's certificate must be renewed (or this machine's clock is wrong)"};
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return {"TLSError", "the certificate of " + host + " is not valid yet" + why +
                              "; check this machine's clock and the certificate's start date"};
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
      break;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_UNTRUSTED:
      return {"TLSError", "the certificate of " + host + " is not trusted" + why +
                              "; if the endpoint uses a private CA, give its certificate with --ca-bundle FILE"};
    default:
      if (verify_result != X509_V_OK) {
        return {"TLSError", "the certificate of " + host + " failed verification" + why +
                                "; if the endpoint uses a private CA, give its certificate with --ca-bundle FILE"};
      }
  }
  if (rc == CURLE_PEER_FAILED_VERIFICATION) {
    return {"TLSError", "the certificate of " + host + " is for another host name" + why +
                            "; give --endpoint a host name the certificate names"};
  }
  return {"TLSError", "the TLS connection to " + req.url + " failed" + why +
                          "; for a private CA, give its certificate with --ca-bundle FILE"};
}

TransportError classify(const CurlLibrary& curl, CURL* h, CURLcode rc, const HttpRequest& req, const char* detail) {
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
    case CURLE_SSL_ISSUER_ERROR: {
      long verify_result = X509_V_OK;
      curl.easy_getinfo(h, CURLINFO_SSL_VERIFYRESULT, &verify_result);
      return tls_error(rc, verify_result, req, detail != nullptr ? detail : "");
    }
    default:
      return {"CurlError", "the request to " + url + " failed: " + curl.easy_strerror(rc) + extra};
  }
}

TransportError cancelled(const HttpRequest& req) {
  return {"Cancelled", "the request to " + req.url + " was cancelled: another attempt answered first"};
}

// The handles not in use, each with its kept-alive connections. A request borrows one and gives
// it back, so a run with at most N requests in flight opens at most N connections however many
// threads come and go (each batch of calls has fresh threads).
class HandlePool {
 public:
  explicit HandlePool(const CurlLibrary& curl) : curl_(curl) {}
  std::unique_ptr<EasyHandle> borrow() {
    {
      std::lock_guard lock(mu_);
      if (!idle_.empty()) {
        auto h = std::move(idle_.back());
        idle_.pop_back();
        return h;
      }
    }
    return std::make_unique<EasyHandle>(curl_);
  }
  void give_back(std::unique_ptr<EasyHandle> h) {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(h));
  }
  void renew_idle() {
    std::lock_guard lock(mu_);
    for (auto& h : idle_) h->renew();
  }

 private:
  const CurlLibrary& curl_;
  std::mutex mu_;
  std::vector<std::unique_ptr<EasyHandle>> idle_;
};

HandlePool& handle_pool(const CurlLibrary& curl) {
  static HandlePool pool(curl);
  return pool;
}

// A handle borrowed for one request.
struct Borrowed {
  HandlePool& pool;
  std::unique_ptr<EasyHandle> handle;
  explicit Borrowed(HandlePool& p) : pool(p), handle(p.borrow()) {}
  ~Borrowed() { pool.give_back(std::move(handle)); }
  Borrowed(const Borrowed&) = delete;
  Borrowed& operator=(const Borrowed&) = delete;
};

}  // namespace

void Cancellation::cancel() {
  cancelled_ = true;
  std::lock_guard lock(mu_);
  if (stop_) stop_();
}

bool Cancellation::attach(std::function<void()> stop) {
  std::lock_guard lock(mu_);
  if (cancelled_) return false;
  stop_ = std::move(stop);
  return true;
}

void Cancellation::detach() {
  std::lock_guard lock(mu_);
  stop_ = nullptr;
}

TransportWarmUp::TransportWarmUp() : thread_([] { (void)curl_library(); }) {}

TransportWarmUp::~TransportWarmUp() { thread_.join(); }

void forget_thread_connections() {
  if (const auto& curl = curl_library()) handle_pool(*curl).renew_idle();
}

Result<HttpResponse, TransportError> http_post(const HttpRequest& req) {
  const Result<CurlLibrary>& loaded = curl_library();
  if (!loaded) return fail(TransportError{"CurlError", loaded.error().message});
  const CurlLibrary& curl = *loaded;
  Borrowed borrowed(handle_pool(curl));
  EasyHandle& handle = *borrowed.handle;
  CURL* h = handle.get();
  if (h == nullptr) return fail(TransportError{"CurlError", "libcurl could not create a handle"});

  HeaderList headers{curl};
  for (const auto& line : req.headers) headers.list = curl.slist_append(headers.list, line.c_str());
  // No "Expect: 100-continue" round trip on large bodies; no compressed answers to unpack.
  headers.list = curl.slist_append(headers.list, "Expect:");

  HttpResponse resp;
  Sink sink{&resp.body};
  char errbuf[CURL_ERROR_SIZE] = {0};

  curl.easy_setopt(h, CURLOPT_URL, req.url.c_str());
  curl.easy_setopt(h, CURLOPT_POST, 1L);
  curl.easy_setopt(h, CURLOPT_POSTFIELDS, req.body.data());
  curl.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
  curl.easy_setopt(h, CURLOPT_HTTPHEADER, headers.list);
  curl.easy_setopt(h, CURLOPT_WRITEFUNCTION, write_body);
  curl.easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl.easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // timeouts must not use signals in a threaded program
  curl.easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(req.connect_timeout_ms));
  curl.easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(req.timeout_ms));
  curl.easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl.easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl.easy_setopt(h, CURLOPT_CAINFO, req.ca_bundle.empty() ? handle.default_cainfo() : req.ca_bundle.c_str());
  curl.easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would re-send a signed request elsewhere
  curl.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(h, CURLOPT_VERBOSE, 0L);          // verbose output would print the X-TC-Token header
  curl.easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);

  // A cancel from another thread shuts this handle's connections down while the request runs.
  if (req.cancel != nullptr) {
    handle.watch(req.cancel);
    if (!req.cancel->attach([&handle] { handle.shut_down_sockets(); })) {
      handle.watch(nullptr);
      return fail(cancelled(req));
    }
  }
  const CURLcode rc = curl.easy_perform(h);
  if (req.cancel != nullptr) {
    req.cancel->detach();
    handle.watch(nullptr);
  }
  // The handle outlives this call: drop pointers into this frame.
  curl.easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  curl.easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  curl.easy_setopt(h, CURLOPT_POSTFIELDS, nullptr);
  curl.easy_setopt(h, CURLOPT_WRITEDATA, nullptr);

  if (rc != CURLE_OK && req.cancel != nullptr && req.cancel->cancelled()) return fail(cancelled(req));
  if (sink.too_large) {
    return fail(TransportError{"TooLarge", "the answer from " + req.url + " is larger than " +
                                               std::to_string(kMaxAnswerBytes >> 20) + " MiB"});
  }
  if (rc != CURLE_OK) return fail(classify(curl, h, rc, req, errbuf));
  long status = 0;
  curl.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  resp.status = static_cast<int>(status);
  return resp;
}

}  // namespace offsetctl::api
