#include "hostile_proxy.h"

#include <algorithm>
#include <cctype>

namespace offsetctl::hardening {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

HostileProxy::HostileProxy(const std::string& upstream_url) {
  // "http://127.0.0.1:PORT"
  const std::string rest = upstream_url.substr(upstream_url.find("//") + 2);
  const size_t colon = rest.rfind(':');
  upstream_host_ = rest.substr(0, colon);
  upstream_port_ = std::stoi(rest.substr(colon + 1));
  server_.Post("/", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

HostileProxy::~HostileProxy() {
  server_.stop();
  thread_.join();
}

void HostileProxy::rewrite(Rewrite r) {
  std::lock_guard lock(mu_);
  rewrite_ = std::move(r);
  counts_.clear();
}

std::map<std::string, int> HostileProxy::answered() const {
  std::lock_guard lock(mu_);
  return answered_;
}

void HostileProxy::handle(const httplib::Request& req, httplib::Response& res) {
  httplib::Headers headers;
  std::string content_type = "application/json";
  std::string action;
  for (const auto& [name, value] : req.headers) {
    const std::string n = lower(name);
    if (n == "content-type") {
      content_type = value;
      continue;
    }
    // httplib's own bookkeeping, and what the client sets again itself.
    if (n == "content-length" || n == "connection" || n == "accept-encoding" || n == "remote_addr" ||
        n == "remote_port" || n == "local_addr" || n == "local_port") {
      continue;
    }
    if (n == "x-tc-action") action = value;
    headers.emplace(name, value);
  }
  httplib::Client upstream(upstream_host_, upstream_port_);
  upstream.set_read_timeout(60, 0);
  auto answer = upstream.Post("/", headers, req.body, content_type.c_str());
  ProxiedAnswer got;
  if (answer) {
    got.status = answer->status;
    got.body = answer->body;
  } else {
    got.status = 502;
    got.body = "proxy: the emulator did not answer";
  }
  std::optional<ProxiedAnswer> instead;
  {
    std::unique_lock lock(mu_);
    const int nth = counts_[action]++;
    ++answered_[action];
    Rewrite r = rewrite_;
    lock.unlock();
    if (r) instead = r(action, nth, got);
  }
  const ProxiedAnswer& sent = instead ? *instead : got;
  res.status = sent.status;
  res.set_content(sent.body, "application/json");
}

}  // namespace offsetctl::hardening
