#pragma once
// The emulator as an in-process HTTP server: tests start one on a free
// loopback port, point a client at url(), and inspect snapshot() afterwards.

#include <cstdint>
#include <memory>
#include <string>

#include "emulator/state.h"
#include "util/clock.h"
#include "util/result.h"

namespace offsetctl::emulator {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                        // 0: a free port, see Server::port()
  double fault_rate = 0;               // share of requests failed at random (0..1)
  uint64_t seed = 1;                   // makes the fault sequence reproducible
  bool rate_limit = true;              // per-action limits at the published figures
  std::string request_log_path;        // one JSON line per request; empty: none
  int fault_delay_ms = 31000;          // how long a "delayed reply" fault holds the answer
  int latency_ms = 0;                  // every answer held for latency_ms ± latency_jitter_ms
  int latency_jitter_ms = 0;           // (uniform, seeded with `seed`; jitter <= latency)
  const util::Clock* clock = nullptr;  // server time for SignatureExpire and logs; null: system
  // HTTPS with this certificate chain and private key (PEM files); both empty: plain HTTP.
  std::string tls_cert_path;
  std::string tls_key_path;
};

class Server {
 public:
  // Binds, starts serving on background threads, and returns once requests are accepted.
  static Result<std::unique_ptr<Server>> start(State state, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT", "https://..." with a certificate
  State snapshot() const;   // a copy of the current state
  void stop();              // idempotent; returns when every worker has finished

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace offsetctl::emulator
