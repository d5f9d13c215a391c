#pragma once
// Tests only: a loopback HTTP server that answers from a script, for the exact
// sequences the emulator's random faults cannot promise ("fail twice, then
// succeed"), and a socket that accepts and hangs up without answering.

#include <httplib.h>

#include "api/transport.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace offsetctl::api::scripted {

struct Scripted {
  int status = 200;
  std::string body;
  int delay_ms = 0;
  bool hold = false;  // answer only once the test calls release_held() (or after 20 s)
};

// {"Response": {...fields, "RequestId": id}}
inline std::string ok_body(const std::string& fields_json, const std::string& request_id = "req-ok") {
  std::string inner = fields_json.empty() ? "" : fields_json + ", ";
  return "{\"Response\": {" + inner + "\"RequestId\": \"" + request_id + "\"}}";
}

inline std::string error_body(const std::string& code, const std::string& message,
                              const std::string& request_id = "req-err") {
  return "{\"Response\": {\"Error\": {\"Code\": \"" + code + "\", \"Message\": \"" + message +
         "\"}, \"RequestId\": \"" + request_id + "\"}}";
}

struct Seen {
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  int remote_port = 0;
};

class ScriptedServer {
 public:
  ScriptedServer() {
    server_.Post("/", [this](const httplib::Request& req, httplib::Response& res) {
      int now = ++in_flight_;
      for (int m = max_in_flight_.load(); now > m && !max_in_flight_.compare_exchange_weak(m, now);) {
      }
      Scripted s;
      {
        std::lock_guard lock(mu_);
        Seen seen;
        for (const auto& [k, v] : req.headers) {
          std::string lk = k;
          for (auto& c : lk) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          seen.headers[lk] = v;
        }
        seen.body = req.body;
        seen.remote_port = req.remote_port;
        seen_.push_back(std::move(seen));
        if (!script_.empty()) {
          s = script_.front();
          script_.pop_front();
        } else {
          s = fallback_;
        }
      }
      if (s.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(s.delay_ms));
      if (s.hold) {
        std::unique_lock lock(mu_);
        ++held_;
        held_cv_.notify_all();
        held_cv_.wait_for(lock, std::chrono::seconds(20), [this] { return released_; });
        --held_;
      }
      res.status = s.status;
      res.set_content(s.body, "application/json");
      --in_flight_;
    });
    server_.set_tcp_nodelay(true);  // else each answer waits out a delayed ACK
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ScriptedServer() {
    release_held();
    forget_thread_connections();  // else stop() waits for this thread's kept-alive connection to time out
    server_.stop();
    thread_.join();
  }

  void script(std::vector<Scripted> answers) {
    std::lock_guard lock(mu_);
    script_.assign(answers.begin(), answers.end());
  }
  void fallback(Scripted s) {
    std::lock_guard lock(mu_);
    fallback_ = std::move(s);
  }
  std::vector<Seen> seen() const {
    std::lock_guard lock(mu_);
    return seen_;
  }
  int max_in_flight() const { return max_in_flight_; }
  // Answers held back (Scripted::hold) and not yet released.
  int held() const {
    std::lock_guard lock(mu_);
    return held_;
  }
  void wait_until_held(int n) {
    std::unique_lock lock(mu_);
    held_cv_.wait_for(lock, std::chrono::seconds(20), [&] { return held_ >= n; });
  }
  void release_held() {
    std::lock_guard lock(mu_);
    released_ = true;
    held_cv_.notify_all();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::deque<Scripted> script_;
  Scripted fallback_{200, ok_body("\"Result\": {}"), 0};
  std::vector<Seen> seen_;
  std::condition_variable held_cv_;
  int held_ = 0;
  bool released_ = false;
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
};

// Accepts connections and closes them at once, without a byte of answer.
class HangUpServer {
 public:
  HangUpServer() {
    sock_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(sock_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(sock_, 16);
    socklen_t len = sizeof addr;
    ::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
      for (;;) {
        int c = ::accept(sock_, nullptr, nullptr);
        if (c < 0 || stop_) {
          if (c >= 0) ::close(c);
          return;
        }
        ++accepted_;
        char buf[4096];
        (void)::recv(c, buf, sizeof buf, 0);  // read (part of) the request, then hang up
        ::close(c);
      }
    });
  }
  ~HangUpServer() {
    stop_ = true;
    ::shutdown(sock_, SHUT_RDWR);
    ::close(sock_);
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int accepted() const { return accepted_; }

 private:
  int sock_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
};

}  // namespace offsetctl::api::scripted
