#include "api/caller.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "api/signer.h"
#include "api/transport.h"
#include "util/json_parse.h"

#ifndef OFFSETCTL_VERSION
#define OFFSETCTL_VERSION "0.0.0"
#endif

namespace offsetctl::api {
namespace {

using nlohmann::json;

constexpr const char* kContentType = "application/json; charset=utf-8";

ApiFailure config_failure(std::string code, std::string message) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::Config;
  f.code = std::move(code);
  f.message = std::move(message);
  f.attempts = 0;
  return f;
}

// A short, printable excerpt of an answer for messages.
std::string snippet(const std::string& body) {
  constexpr size_t kMax = 200;
  std::string out;
  for (size_t i = 0; i < body.size() && i < kMax; ++i) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : c == '\n' || c == '\t' ? ' ' : '?');
  }
  if (body.size() > kMax) out += "...";
  return out;
}

ApiFailure answer_failure(ApiFailure::Kind kind, const std::string& action, std::string code, std::string message,
                          int status) {
  ApiFailure f;
  f.kind = kind;
  f.action = action;
  f.code = std::move(code);
  f.message = std::move(message);
  f.http_status = status;
  return f;
}

// What a user can do about the common authentication failures, as a sentence to append.
std::string auth_hint(const std::string& code, const Credentials& creds) {
  if (code == "AuthFailure.SignatureExpire") {
    return "The request's timestamp is more than 5 minutes away from the server's clock: check this machine's "
           "clock.";
  }
  if (code == "AuthFailure.SignatureFailure" || code == "AuthFailure.SecretIdNotFound" ||
      code == "AuthFailure.TokenFailure" || code == "AuthFailure.InvalidSecretId") {
    return "Check the credentials from " + creds.source + ".";
  }
  return "";
}

void append_sentence(std::string& message, const std::string& sentence) {
  if (sentence.empty()) return;
  if (!message.empty()) message += message.back() == '.' ? " " : ". ";
  message += sentence;
}

// One of the requests that may be in flight at once, held for the life of the object.
class InFlight {
 public:
  explicit InFlight(std::counting_semaphore<>& slots) : slots_(slots) { slots_.acquire(); }
  ~InFlight() { slots_.release(); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  std::counting_semaphore<>& slots_;
};

}  // namespace

ApiResult<json> interpret_answer(const std::string& action, const std::string& url, int status,
                                 const std::string& body) {
  const std::string http = "HTTP " + std::to_string(status);
  auto parsed = util::parse_json(body);
  json j = parsed ? std::move(*parsed) : json(json::value_t::discarded);
  const bool has_response = !j.is_discarded() && j.is_object() && j.contains("Response") && j["Response"].is_object();
  if (!has_response) {
    if (status != 200) {
      return fail(answer_failure(ApiFailure::Kind::Transport, action, http,
                                 http + " from " + url + (body.empty() ? "" : ": " + snippet(body)), status));
    }
    if (j.is_discarded()) {
      return fail(answer_failure(ApiFailure::Kind::BadAnswer, action, "BadAnswer",
                                 "the answer is not valid JSON (" + std::to_string(body.size()) +
                                     " bytes: " + snippet(body) + ")",
                                 status));
    }
    return fail(answer_failure(ApiFailure::Kind::BadAnswer, action, "BadAnswer",
                               "the answer has no Response object: " + snippet(body), status));
  }
  json& response = j["Response"];
  std::string request_id;
  if (auto it = response.find("RequestId"); it != response.end() && it->is_string()) request_id = it->get<std::string>();

  if (auto err = response.find("Error"); err != response.end()) {
    auto code = err->is_object() ? err->find("Code") : err->end();
    if (!err->is_object() || code == err->end() || !code->is_string() || code->get_ref<const std::string&>().empty()) {
      ApiFailure f = answer_failure(ApiFailure::Kind::BadAnswer, action, "BadAnswer",
                                    "the answer has an Error without a Code: " + snippet(body), status);
      f.request_id = request_id;
      return fail(f);
    }
    auto message = err->find("Message");
    ApiFailure f = answer_failure(ApiFailure::Kind::Api, action, code->get<std::string>(),
                                  message != err->end() && message->is_string() ? message->get<std::string>()
                                                                                : std::string("(no message)"),
                                  status);
    f.request_id = request_id;
    return fail(f);
  }
  if (status != 200) {
    return fail(answer_failure(ApiFailure::Kind::Transport, action, http, http + " from " + url + ": " + snippet(body),
                               status));
  }
  if (request_id.empty()) {
    return fail(answer_failure(ApiFailure::Kind::BadAnswer, action, "BadAnswer",
                               "the answer has no Response.RequestId, which every answer carries", status));
  }
  return Answer<json>{std::move(response), std::move(request_id)};
}

Result<std::unique_ptr<Caller>, ApiFailure> Caller::create(const ClientConfig& config, std::string service,
                                                           std::string version) {
  const std::string url = config.endpoint.empty() ? default_endpoint(service) : config.endpoint;
  Result<Endpoint> endpoint = parse_endpoint(url);
  if (!endpoint) return fail(config_failure("BadEndpoint", endpoint.error().message));
  if (config.credentials.secret_id.empty() || config.credentials.secret_key.empty()) {
    return fail(config_failure("NoCredentials", "no credentials: a secret id and a secret key are needed"));
  }
  if (config.region.empty()) return fail(config_failure("NoRegion", "no region: give --region, e.g. ap-guangzhou"));
  if (!config.ca_bundle.empty()) {
    std::ifstream probe(config.ca_bundle);
    if (!probe) {
      return fail(config_failure("BadCaBundle", "--ca-bundle " + config.ca_bundle + " cannot be read"));
    }
  }
  if (config.connect_timeout_ms <= 0 || config.timeout_ms <= 0) {
    return fail(config_failure("BadTimeout", "timeouts must be longer than zero"));
  }
  if (config.max_in_flight < 1) return fail(config_failure("BadConfig", "max in flight must be at least 1"));
  if (config.retry.max_attempts < 1) return fail(config_failure("BadConfig", "max attempts must be at least 1"));
  return std::unique_ptr<Caller>(new Caller(config, std::move(*endpoint), std::move(service), std::move(version)));
}

Caller::Caller(const ClientConfig& config, Endpoint endpoint, std::string service, std::string version)
    : config_(config), endpoint_(std::move(endpoint)), service_(std::move(service)), version_(std::move(version)) {
  if (config_.sleeper == nullptr) own_sleeper_ = std::make_unique<RealSleeper>();
  sleeper_ = config_.sleeper != nullptr ? config_.sleeper : own_sleeper_.get();
  if (config_.clock == nullptr) own_clock_ = std::make_unique<util::SystemClock>();
  clock_ = config_.clock != nullptr ? config_.clock : own_clock_.get();
  limiter_ = std::make_unique<RateLimiter>(config_.limits, *sleeper_);
  in_flight_ = std::make_unique<std::counting_semaphore<>>(config_.max_in_flight);
  jitter_ = std::make_unique<Jitter>(config_.jitter_seed);
  if (config_.hedge.enabled) hedger_ = std::make_unique<Hedger>(config_.hedge);
}

Caller::~Caller() = default;

std::string Caller::signing_key(const std::string& date) const {
  std::lock_guard lock(key_mu_);
  if (date != key_date_) {
    key_ = derive_signing_key(config_.credentials.secret_key.reveal(), date, service_);
    key_date_ = date;
  }
  return key_;
}

std::vector<std::string> Caller::request_headers(const std::string& action, const std::string& body,
                                                 int64_t timestamp) const {
  SignInput in;
  in.service = service_;
  in.host = endpoint_.host_header;
  in.action = action;
  in.content_type = kContentType;
  in.timestamp = timestamp;
  in.payload = body;
  Signature sig = sign_with_key(config_.credentials.secret_id, signing_key(utc_date(timestamp)), in);
  std::vector<std::string> h;
  h.reserve(10);
  h.push_back("Authorization: " + sig.authorization);
  h.push_back(std::string("Content-Type: ") + kContentType);
  h.push_back("Host: " + endpoint_.host_header);
  h.push_back("X-TC-Action: " + action);
  h.push_back("X-TC-Version: " + version_);
  h.push_back("X-TC-Region: " + config_.region);
  h.push_back("X-TC-Timestamp: " + std::to_string(timestamp));
  if (!config_.credentials.token.empty()) h.push_back("X-TC-Token: " + config_.credentials.token.reveal());
  h.push_back("X-TC-RequestClient: offsetctl/" OFFSETCTL_VERSION);
  h.push_back("User-Agent: offsetctl/" OFFSETCTL_VERSION);
  return h;
}

ApiResult<json> Caller::attempt(const std::string& action, const std::string& body) {
  const InFlight slot(*in_flight_);
  limiter_->acquire(action);
  return send(action, body, nullptr);
}

ApiResult<json> Caller::send(const std::string& action, const std::string& body, Cancellation* cancel) {
  HttpRequest req;
  req.url = endpoint_.url;
  req.headers = request_headers(action, body, clock_->now_ms() / 1000);
  req.body = body;
  req.ca_bundle = config_.ca_bundle;
  req.connect_timeout_ms = config_.connect_timeout_ms;
  req.timeout_ms = config_.timeout_ms;
  req.cancel = cancel;
  Result<HttpResponse, TransportError> resp = http_post(req);
  if (!resp) {
    return fail(answer_failure(ApiFailure::Kind::Transport, action, resp.error().code, resp.error().message, 0));
  }
  if (spdlog::should_log(spdlog::level::trace)) {
    spdlog::trace("{} answer: HTTP {}: {}", action, resp->status, snippet(resp->body));
  }
  return interpret_answer(action, endpoint_.url, resp->status, resp->body);
}

// The request goes out as any attempt. If no answer has come when the hedger's delay has
// passed, a copy goes out as soon as a connection slot and a rate slot are free (never
// waiting for them in line: the first answer may still come first), and the first good
// answer wins; the other request is cancelled. One copy at most, within the hedger's budget.
ApiResult<json> Caller::attempt_hedged(const std::string& action, const std::string& body) {
  using Clock = std::chrono::steady_clock;
  const InFlight slot(*in_flight_);
  limiter_->acquire(action);
  hedger_->record_read();

  struct Race {
    std::mutex mu;
    std::condition_variable cv;
    bool first_done = false;
    std::optional<ApiResult<json>> copy;  // the copy's result, when one was sent
    Cancellation first_cancel, copy_cancel;
  } race;
  const Clock::time_point sent = Clock::now();
  const int64_t delay_ms = hedger_->delay_ms();
  const auto elapsed_ms = [](Clock::time_point since) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
  };

  std::thread copier([&] {
    std::unique_lock lock(race.mu);
    const auto first_done = [&] { return race.first_done; };
    if (race.cv.wait_until(lock, sent + std::chrono::milliseconds(delay_ms), first_done)) return;
    if (!hedger_->try_spend()) return;
    while (!race.first_done) {
      if (in_flight_->try_acquire()) {
        if (limiter_->try_acquire(action)) break;
        in_flight_->release();
      }
      race.cv.wait_for(lock, std::chrono::milliseconds(10), first_done);
    }
    if (race.first_done) return;
    lock.unlock();
    spdlog::debug("{}: no answer after {} ms, sending it once more", action, elapsed_ms(sent));
    if (config_.stats) ++config_.stats->hedged;
    const Clock::time_point copy_sent = Clock::now();
    ApiResult<json> r = send(action, body, &race.copy_cancel);
    in_flight_->release();
    if (r.ok()) {
      hedger_->record_answer(elapsed_ms(copy_sent));
      race.first_cancel.cancel();
    }
    lock.lock();
    race.copy = std::move(r);
  });

  ApiResult<json> first = send(action, body, &race.first_cancel);
  if (first.ok()) hedger_->record_answer(elapsed_ms(sent));
  {
    std::lock_guard lock(race.mu);
    race.first_done = true;
  }
  race.cv.notify_all();
  if (first.ok()) race.copy_cancel.cancel();  // a copy in flight is not needed
  copier.join();
  if (first.ok() || !race.copy) return first;
  if (race.copy->ok()) return std::move(*race.copy);
  // Both failed: the first request's failure, unless it was only cancelled.
  return first.error().code == "Cancelled" ? std::move(*race.copy) : std::move(first);
}

ApiResult<json> Caller::call(const std::string& action, const json& body, CallOptions options) {
  // Invalid UTF-8 in a name must not throw: it is replaced, and the server rejects what it cannot find.
  const std::string text = body.dump(-1, ' ', false, json::error_handler_t::replace);
  if (spdlog::should_log(spdlog::level::trace)) spdlog::trace("{} request: {}", action, text);
  const RetryPolicy& policy = config_.retry;
  const int64_t start = sleeper_->monotonic_ms();
  for (int n = 1;; ++n) {
    const int64_t sent = sleeper_->monotonic_ms();
    ApiResult<json> r = options.hedge && hedger_ ? attempt_hedged(action, text) : attempt(action, text);
    const int64_t took = sleeper_->monotonic_ms() - sent;
    if (r.ok()) {
      spdlog::debug("{} attempt {}/{}: ok in {} ms (RequestId {})", action, n, policy.max_attempts, took,
                    r->request_id);
      return r;
    }
    ApiFailure f = std::move(r).error();
    f.attempts = n;
    bool again = is_retryable(f, options.idempotent) && n < policy.max_attempts;
    int64_t delay = 0;
    if (again) {
      delay = jitter_->draw(backoff_cap_ms(policy, n));
      if (sleeper_->monotonic_ms() - start + delay > policy.max_total_ms) again = false;
    }
    spdlog::debug("{} attempt {}/{}: {} in {} ms (RequestId {}){}", action, n, policy.max_attempts,
                  f.code.empty() ? kind_name(f.kind) : f.code, took, f.request_id.empty() ? "none" : f.request_id,
                  again ? ", retrying in " + std::to_string(delay) + " ms" : std::string());
    if (again && config_.stats) {
      ++config_.stats->retried;
      if (f.code.rfind("RequestLimitExceeded", 0) == 0) ++config_.stats->rate_limited;
    }
    if (!again) {
      append_sentence(f.message, auth_hint(f.code, config_.credentials));
      if (n > 1) f.message += " (gave up after " + std::to_string(n) + " attempts)";
      return fail(std::move(f));
    }
    sleeper_->sleep_ms(delay);
  }
}

}  // namespace offsetctl::api
