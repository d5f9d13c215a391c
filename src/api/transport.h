#pragma once
// One HTTPS POST over libcurl. Requests borrow easy handles from a pool (at most
// one per request in flight), so connections are kept alive and reused across
// requests and no handle is created per request. TLS peer and host verification
// are always on.

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "util/result.h"

namespace offsetctl::api {

// Lets another thread stop a request in flight. cancel() shuts the request's connection
// down, so the blocked http_post returns at once (Cancelled) instead of when the answer
// comes or the timeout passes; a request not yet started then never starts. Thread-safe.
class Cancellation {
 public:
  void cancel();
  bool cancelled() const { return cancelled_.load(); }

  // For the transport, while the request runs: `stop` shuts its connections down.
  // False when the request was cancelled before it started.
  bool attach(std::function<void()> stop);
  void detach();

 private:
  std::atomic<bool> cancelled_{false};
  std::mutex mu_;
  std::function<void()> stop_;
};

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  std::string ca_bundle;             // empty: the system's CA store
  int connect_timeout_ms = 10000;
  int timeout_ms = 30000;            // the whole exchange
  Cancellation* cancel = nullptr;    // null: runs to its answer or its timeout
};

struct HttpResponse {
  int status = 0;
  std::string body;
};

struct TransportError {
  std::string code;     // ConnectFailed, DNSFailure, Timeout, ConnectionReset, TLSError, TooLarge, Cancelled, CurlError
  std::string message;  // what happened, in words, with the URL
};

// The largest answer accepted; beyond it the transfer is aborted (TooLarge).
inline constexpr size_t kMaxAnswerBytes = 64u << 20;

Result<HttpResponse, TransportError> http_post(const HttpRequest& request);

// Loads libcurl (some 28 shared libraries, about 14 ms) on a thread of its own, so that a
// command reads its plans meanwhile and its first request finds libcurl ready. Waits for
// the load when destroyed.
class TransportWarmUp {
 public:
  TransportWarmUp();
  ~TransportWarmUp();
  TransportWarmUp(const TransportWarmUp&) = delete;
  TransportWarmUp& operator=(const TransportWarmUp&) = delete;

 private:
  std::thread thread_;
};

// Closes the kept-alive connections of every handle not in use (requests share a pool of
// handles, at most one per request in flight). For tests that stop a server while the pool
// still holds a connection to it.
void forget_thread_connections();

}  // namespace offsetctl::api
