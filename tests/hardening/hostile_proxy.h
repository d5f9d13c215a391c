#pragma once
// A loopback HTTP proxy in front of the emulator that passes every request on
// and can rewrite the answers of chosen actions: truncated JSON, wrong types,
// impossible offsets, lying TotalCounts, HTTP errors. offsetctl signs for the
// proxy's host, and the proxy forwards the signed headers unchanged, so the
// emulator accepts the requests as they were sent.

#include <httplib.h>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace offsetctl::hardening {

struct ProxiedAnswer {
  int status = 200;
  std::string body;
};

class HostileProxy {
 public:
  // action, how many answers of that action came before (0 for the first), the emulator's answer:
  // what to answer instead (nullopt: the emulator's answer as it is).
  using Rewrite = std::function<std::optional<ProxiedAnswer>(const std::string& action, int nth,
                                                             const ProxiedAnswer& upstream)>;

  explicit HostileProxy(const std::string& upstream_url);
  ~HostileProxy();
  HostileProxy(const HostileProxy&) = delete;
  HostileProxy& operator=(const HostileProxy&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void rewrite(Rewrite r);  // from now on (resets the per-action counts)
  std::map<std::string, int> answered() const;  // per action, through the proxy

 private:
  void handle(const httplib::Request& req, httplib::Response& res);

  std::string upstream_host_;
  int upstream_port_ = 0;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  Rewrite rewrite_;
  std::map<std::string, int> counts_;
  std::map<std::string, int> answered_;
};

}  // namespace offsetctl::hardening
