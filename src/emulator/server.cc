// The HTTP side: cpp-httplib in front of the Dispatcher.

#include "emulator/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <deque>
#include <thread>

#include "emulator/dispatcher.h"
#include "emulator/latency.h"

namespace offsetctl::emulator {
namespace {

// httplib's fixed ThreadPool lets a few delayed replies (31 s each) starve every
// other client; this pool grows a worker whenever all are busy, up to a cap.
class ElasticPool final : public httplib::TaskQueue {
 public:
  explicit ElasticPool(size_t max_threads) : max_(max_threads) {}

  void enqueue(std::function<void()> fn) override {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(fn));
    if (jobs_.size() > idle_ && threads_.size() < max_) threads_.emplace_back([this] { work(); });
    cv_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutdown_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void work() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      ++idle_;
      cv_.wait(lock, [&] { return shutdown_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) return;  // shutting down with nothing left
      std::function<void()> fn = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      fn();
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  size_t max_;
  bool shutdown_ = false;
};

// httplib listens with a backlog of 5: a burst of new connections overflows it and the
// kernel drops SYNs (the client retries a second later). Widen it after binding.
template <class Base>
class Backlogged final : public Base {
 public:
  using Base::Base;
  void widen_backlog() { ::listen(this->svr_sock_, SOMAXCONN); }
};
using HttpServer = Backlogged<httplib::Server>;
using HttpsServer = Backlogged<httplib::SSLServer>;

// What is wrong with a certificate and key pair httplib could not load, in words.
std::string tls_problem(const std::string& cert, const std::string& key) {
  for (const std::string& path : {cert, key}) {
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
      std::fclose(f);
    } else {
      return path + " cannot be read";
    }
  }
  return "--tls-cert " + cert + " and --tls-key " + key +
         " are not a PEM certificate chain and its private key (or the key does not belong to the certificate)";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

HttpRequest to_request(const httplib::Request& req) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [name, value] : req.headers) r.headers.emplace(lower(name), value);  // first one wins
  r.body = req.body;
  r.connection = req.remote_addr + ":" + std::to_string(req.remote_port);
  return r;
}

}  // namespace

struct Server::Impl {
  std::unique_ptr<Dispatcher> dispatcher;
  std::unique_ptr<httplib::Server> http;
  std::thread thread;
  std::string host;
  bool tls = false;
  int port = 0;
  int delay_ms = 0;
  std::unique_ptr<LatencyModel> latency;
  std::mutex mu;
  std::condition_variable stop_cv;
  bool stopping = false;
  bool stopped = false;
  std::atomic<bool> listen_returned{false};

  // Holds the answer `hold_us` (the latency drawn when the request arrived) in this
  // connection's own worker, so a slow answer holds back no other; stop() releases it.
  void hold(int64_t hold_us) {
    if (hold_us <= 0) return;
    std::unique_lock<std::mutex> lock(mu);
    stop_cv.wait_for(lock, std::chrono::microseconds(hold_us), [&] { return stopping; });
  }

  void reply(const HttpReply& r, httplib::Response& res, int64_t hold_us) {
    hold(hold_us);
    res.status = 200;
    if (r.delivery == HttpReply::Delivery::Drop) {
      // Promise a body and fail to provide it: httplib closes the connection.
      res.set_content_provider(r.body.size(), "application/json",
                               [](size_t, size_t, httplib::DataSink&) { return false; });
      return;
    }
    if (r.delivery == HttpReply::Delivery::Delay) {
      std::unique_lock<std::mutex> lock(mu);
      stop_cv.wait_for(lock, std::chrono::milliseconds(delay_ms), [&] { return stopping; });
    }
    res.set_content(r.body, "application/json");
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

Result<std::unique_ptr<Server>> Server::start(State state, ServerOptions options) {
  auto dispatcher = Dispatcher::create(std::move(state), options);
  if (!dispatcher) return fail(dispatcher.error());
  if (options.port < 0 || options.port > 65535) return fail("the port must be between 0 and 65535");
  auto impl = std::make_unique<Impl>();
  impl->dispatcher = std::move(*dispatcher);
  impl->host = options.host;
  impl->delay_ms = options.fault_delay_ms;
  impl->latency = std::make_unique<LatencyModel>(options.latency_ms, options.latency_jitter_ms, options.seed);
  Impl* self = impl.get();

  if (options.tls_cert_path.empty() != options.tls_key_path.empty())
    return fail("--tls-cert and --tls-key go together: give both, or neither for plain HTTP");
  impl->tls = !options.tls_cert_path.empty();
  if (impl->tls) {
    auto https = std::make_unique<HttpsServer>(options.tls_cert_path.c_str(), options.tls_key_path.c_str());
    if (!https->is_valid()) return fail(tls_problem(options.tls_cert_path, options.tls_key_path));
    impl->http = std::move(https);
  } else {
    impl->http = std::make_unique<HttpServer>();
  }
  httplib::Server& http = *impl->http;
  http.new_task_queue = [] { return new ElasticPool(512); };
  http.set_payload_max_length(kMaxBodyBytes);
  http.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which would let a second emulator share a busy port.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(2);  // bounds how long stop() waits for idle connections
  auto handler = [self](const httplib::Request& req, httplib::Response& res) {
    int64_t hold_us = self->latency->next_us();  // drawn in order of arrival
    self->reply(self->dispatcher->handle(to_request(req)), res, hold_us);
  };
  http.Post(".*", handler);
  http.Get(".*", handler);
  http.Put(".*", handler);
  http.Delete(".*", handler);
  http.Patch(".*", handler);
  http.Options(".*", handler);
  // What httplib refuses itself (a body over the limit, a bad request) still gets the API's shape.
  http.set_error_handler([self](const httplib::Request& req, httplib::Response& res) {
    ApiError error =
        res.status == 413
            ? invalid_parameter("The request body is larger than the limit of " +
                                std::to_string(kMaxBodyBytes) + " bytes.")
            : invalid_parameter("The request could not be read (HTTP " + std::to_string(res.status) + ").");
    HttpRequest r = to_request(req);
    r.body.clear();
    self->reply(self->dispatcher->refuse(r, error), res, self->latency->next_us());
  });
  http.set_exception_handler([self](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    self->reply(self->dispatcher->refuse(to_request(req), internal_error()), res, self->latency->next_us());
  });

  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
  } else {
    impl->port = http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (impl->port <= 0) {
    return fail("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                ": the address is in use, not local, or not allowed");
  }
  if (impl->tls) {
    static_cast<HttpsServer&>(http).widen_backlog();
  } else {
    static_cast<HttpServer&>(http).widen_backlog();
  }
  impl->thread = std::thread([self] {
    self->http->listen_after_bind();
    self->listen_returned = true;
  });
  // stop() is only safe once the accept loop runs.
  while (!http.is_running() && !impl->listen_returned)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!http.is_running()) {
    impl->thread.join();
    return fail("cannot serve on " + options.host + ":" + std::to_string(impl->port));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  const std::string& h = impl_->host;
  bool ipv6 = h.find(':') != std::string::npos;
  return std::string(impl_->tls ? "https://" : "http://") + (ipv6 ? "[" + h + "]" : h) + ":" + std::to_string(impl_->port);
}

State Server::snapshot() const { return impl_->dispatcher->snapshot(); }

void Server::stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (impl_->stopped) return;
    impl_->stopped = true;
    impl_->stopping = true;
  }
  impl_->stop_cv.notify_all();
  impl_->http->stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace offsetctl::emulator
