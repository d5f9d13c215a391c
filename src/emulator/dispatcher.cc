#include "emulator/dispatcher.h"

#include <charconv>
#include <exception>

#include "emulator/actions.h"
#include "emulator/latency.h"
#include "util/json_parse.h"
#include "util/time.h"

namespace offsetctl::emulator {
namespace {

std::string header(const Headers& headers, const std::string& name) {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

bool is_integer(const std::string& text) {
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && ec == std::errc() && ptr == text.data() + text.size();
}

// The body as JSON, or discarded when it is not JSON (the strict reader's rules) or
// nests deeper than kMaxJsonDepth: writing a parsed value (the request log) recurses
// once per level, and a 10 MiB body of '[' must not exhaust the stack.
template <class Json>
Json parse_body(const std::string& body, util::JsonError* error = nullptr) {
  auto parsed = util::parse_json<Json>(body, error, static_cast<size_t>(kMaxJsonDepth));
  return parsed ? std::move(*parsed) : Json(nlohmann::json::value_t::discarded);
}

}  // namespace

Result<std::unique_ptr<Dispatcher>> Dispatcher::create(State state, const ServerOptions& options) {
  if (!(options.fault_rate >= 0 && options.fault_rate <= 1)) {
    return fail("the fault rate must be between 0 and 1, not " + std::to_string(options.fault_rate));
  }
  if (options.fault_delay_ms < 0) return fail("the fault delay must be 0 ms or more");
  if (auto ok = LatencyModel::check(options.latency_ms, options.latency_jitter_ms); !ok) return fail(ok.error());
  std::unique_ptr<RequestLog> log;
  if (!options.request_log_path.empty()) {
    auto opened = RequestLog::open(options.request_log_path);
    if (!opened) return fail(opened.error());
    log = std::move(*opened);
  }
  return std::unique_ptr<Dispatcher>(new Dispatcher(std::move(state), options, std::move(log)));
}

Dispatcher::Dispatcher(State state, const ServerOptions& options, std::unique_ptr<RequestLog> log)
    : state_(std::move(state)),
      clock_(options.clock ? options.clock : &system_clock_),
      rate_limit_(options.rate_limit),
      faults_(options.fault_rate, options.seed),
      log_(std::move(log)) {
  // Credentials never change: a copy lets signatures be checked without the state lock.
  credentials_.credentials = state_.credentials;
}

State Dispatcher::snapshot() const {
  std::lock_guard<std::mutex> lock(state_mu_);
  return state_;
}

HttpReply Dispatcher::answer(const HttpRequest& request, const std::string& request_id,
                             const std::string& service, const std::optional<ApiError>& error,
                             const Answer& fields, Fault fault) {
  HttpReply reply;
  reply.body = error ? error_body(*error, request_id) : success_body(fields, request_id);
  if (fault == Fault::Drop) reply.delivery = HttpReply::Delivery::Drop;
  if (fault == Fault::Delay) reply.delivery = HttpReply::Delivery::Delay;
  if (log_) {
    std::string action = header(request.headers, "x-tc-action");
    auto parsed = parse_body<nlohmann::ordered_json>(request.body);
    const char* fault_text = fault_name(fault);
    using J = nlohmann::ordered_json;
    log_->write(J{{"time", util::format_rfc3339_ms(clock_->now_ms())},
                  {"service", service.empty() ? J() : J(service)},
                  {"action", action.empty() ? J() : J(action)},
                  {"requestId", request_id},
                  {"error", fault == Fault::Drop ? J("ConnectionDropped")
                            : error              ? J(error->code)
                                                 : J()},
                  {"fault", fault_text ? J(fault_text) : J()},
                  {"request", parsed.is_discarded() ? J() : std::move(parsed)}});
  }
  return reply;
}

HttpReply Dispatcher::refuse(const HttpRequest& request, const ApiError& error) {
  return answer(request, ids_.next(), "", error, Answer{}, Fault::None);
}

HttpReply Dispatcher::handle(const HttpRequest& request) {
  const std::string request_id = ids_.next();
  auto refuse_with = [&](const std::string& service, ApiError e) {
    return answer(request, request_id, service, e, Answer{}, Fault::None);
  };
  if (request.method != "POST" || request.path != "/") {
    return refuse_with("", invalid_parameter("The emulator serves API 3.0 as POST / with a JSON body, not " +
                                             request.method + " " + request.path + "."));
  }
  const Headers& h = request.headers;
  const std::string action = header(h, "x-tc-action");
  const std::string version = header(h, "x-tc-version");
  const std::string region = header(h, "x-tc-region");
  const std::string timestamp = header(h, "x-tc-timestamp");
  if (action.empty()) return refuse_with("", missing_parameter("Action"));
  if (version.empty()) return refuse_with("", missing_parameter("Version"));
  if (region.empty()) return refuse_with("", missing_parameter("Region"));
  if (timestamp.empty()) return refuse_with("", missing_parameter("Timestamp"));
  if (!is_integer(timestamp)) {
    return refuse_with("", invalid_parameter_value("The parameter `Timestamp` (X-TC-Timestamp) must be Unix "
                                                   "seconds, not `" +
                                                   timestamp + "`."));
  }
  auto service = service_of(version, header(h, "authorization"));
  if (!service) return refuse_with("", service.error());
  const int64_t now = clock_->now_ms();
  if (auto e = verify_request(h, request.body, *service, credentials_, now)) return refuse_with(*service, *e);
  const ActionSpec* spec = find_action(*service, action);
  if (!spec) {
    return refuse_with(
        *service, ApiError{"InvalidAction", "The action `" + action + "` is not found in version " + version +
                                                " of service " + *service + "."});
  }
  if (rate_limit_) {
    if (auto e = limiter_.admit(spec->name, spec->limit_per_second, now)) return refuse_with(*service, *e);
  }
  Fault fault = faults_.next();
  if (fault == Fault::RequestLimitExceeded) {
    return answer(
        request, request_id, *service,
        ApiError{"RequestLimitExceeded", "Your current request times exceeds the frequency limit of " +
                                             action + ". Please reduce the frequency of calls."},
        Answer{}, fault);
  }
  if (fault == Fault::InternalError || fault == Fault::Drop) {
    return answer(request, request_id, *service, internal_error(), Answer{}, fault);
  }

  util::JsonError bad_body;
  auto params = parse_body<nlohmann::json>(request.body, &bad_body);
  if (params.is_discarded() && bad_body.kind == util::JsonError::Kind::TooDeep) {
    return answer(
        request, request_id, *service,
        invalid_parameter("The request body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels."),
        Answer{}, fault);
  }
  if (params.is_discarded()) {
    return answer(request, request_id, *service, invalid_parameter("The request body is not valid JSON."),
                  Answer{}, fault);
  }
  if (!params.is_object()) {
    return answer(request, request_id, *service, invalid_parameter("The request body must be a JSON object."),
                  Answer{}, fault);
  }
  ActionResult result = fail(internal_error());
  try {
    std::lock_guard<std::mutex> lock(state_mu_);
    ActionContext ctx{state_, region, now};
    result = spec->fn(params, ctx);
  } catch (const std::exception&) {  // never let one request take the server down
    result = fail(internal_error());
  }
  if (!result) return answer(request, request_id, *service, result.error(), Answer{}, fault);
  return answer(request, request_id, *service, std::nullopt, *result, fault);
}

}  // namespace offsetctl::emulator
