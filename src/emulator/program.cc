#include "emulator/program.h"

#include <malloc.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <filesystem>
#include <iostream>

#include "emulator/server.h"
#include "emulator/state.h"
#include "util/did_you_mean.h"
#include "util/files.h"

namespace offsetctl::emulator {
namespace {

constexpr const char* kName = "ckafka-emulator";


int error(const std::string& message) {
  std::cerr << kName << ": error: " << message << "\n";
  return 1;
}

// "127.0.0.1:8080", "localhost:0", "[::1]:0" -> host and port.
Result<std::pair<std::string, int>> parse_listen(const std::string& text) {
  size_t colon = text.rfind(':');
  std::string what = "--listen " + text + ": expected HOST:PORT, e.g. 127.0.0.1:0 (port 0 picks a free port)";
  if (colon == std::string::npos || colon == 0) return fail(what);
  std::string host = text.substr(0, colon), port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  int port = -1;
  auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || port_text.empty() || ec != std::errc() || ptr != port_text.data() + port_text.size() ||
      port < 0 || port > 65535) {
    return fail(what);
  }
  return std::make_pair(host, port);
}

// Refuse at startup what would only fail at the end, after the run.
Status<> check_writable_dir(const std::string& path, const char* flag) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return fail(std::string(flag) + " " + path + ": the folder " + dir.string() + " does not exist");
  }
  return Ok{};
}

// CLI11 says "The following arguments were not expected"; name the word and what was meant.
std::string explain_extras(const CLI::App& app) {
  std::vector<std::string> extras = app.remaining();
  std::string word = extras.empty() ? std::string() : extras.front();
  if (word.empty() || word[0] != '-')
    return "unexpected argument '" + word + "' (see 'ckafka-emulator --help')";
  std::vector<std::string> flags;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& n : opt->get_lnames()) flags.push_back("--" + n);
  }
  std::string flag = word.substr(0, word.find('='));
  std::string msg = "unknown flag '" + flag + "'";
  if (auto m = util::closest_match(flag, flags)) msg += "; did you mean '" + *m + "'?";
  return msg;
}

int serve(const ProgramFlags& flags) {
  auto listen = parse_listen(flags.listen);
  if (!listen) return error(listen.error().message);
  if (!flags.save_state.empty()) {
    if (auto ok = check_writable_dir(flags.save_state, "--save-state"); !ok) return error(ok.error().message);
  }
  if (flags.latency_jitter_ms > flags.latency_ms) {
    return error("--latency-jitter-ms " + std::to_string(flags.latency_jitter_ms) + " is more than --latency-ms " +
                 std::to_string(flags.latency_ms) + ": an answer cannot come back before its request");
  }
  auto state = load_state_file(flags.state_path);
  if (!state) return error(state.error().message);
  malloc_trim(0);  // the YAML tree of a big state is gone: give its memory back

  // Block the stop signals in every thread (the server's inherit the mask) and wait for them here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  ServerOptions options;
  options.host = listen->first;
  options.port = listen->second;
  options.fault_rate = flags.fault_rate;
  options.seed = flags.seed;
  options.rate_limit = !flags.no_rate_limit;
  options.request_log_path = flags.request_log;
  options.fault_delay_ms = flags.fault_delay_ms;
  options.latency_ms = flags.latency_ms;
  options.latency_jitter_ms = flags.latency_jitter_ms;
  auto server = Server::start(std::move(*state), options);
  if (!server) return error(server.error().message);
  std::cout << "listening on " << (*server)->url() << std::endl;  // flushed: callers wait for this line

  int sig = 0;
  sigwait(&stop_signals, &sig);
  (*server)->stop();
  if (!flags.save_state.empty()) {
    auto written = util::write_file_atomic(flags.save_state, dump_state_yaml((*server)->snapshot()));
    if (!written) return error(written.error().message);
  }
  return 0;
}

}  // namespace

void declare_flags(CLI::App& app, ProgramFlags& flags) {
  app.description("ckafka-emulator: a local Tencent Cloud CKafka (2019-08-19) and DTS (2021-12-06) API server");
  app.name(kName);
  app.add_option("--listen", flags.listen, "HOST:PORT to listen on; port 0 picks a free port")
      ->type_name("HOST:PORT")
      ->required();
  app.add_option("--state", flags.state_path, "the state file (YAML): credentials, instances, subscriptions")
      ->type_name("FILE")
      ->required();
  app.add_option("--request-log", flags.request_log, "write one JSON line per request to FILE")
      ->type_name("FILE");
  app.add_option("--fault-rate", flags.fault_rate, "fail this share of requests at random (0..1)")
      ->type_name("R")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--seed", flags.seed, "seed of the fault and latency sequences (default 1)")->type_name("N");
  app.add_flag("--no-rate-limit", flags.no_rate_limit, "lift the per-action rate limits");
  app.add_option("--save-state", flags.save_state, "on SIGINT/SIGTERM, write the final state to FILE")
      ->type_name("FILE");
  app.add_option("--fault-delay-ms", flags.fault_delay_ms,
                 "how long a delayed-reply fault holds the answer (default 31000)")
      ->type_name("MS")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--latency-ms", flags.latency_ms,
                 "hold every answer about this long, as a far-away service (default 0: at once)")
      ->type_name("MS")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--latency-jitter-ms", flags.latency_jitter_ms,
                 "vary each answer's time uniformly by up to this much either side (at most --latency-ms)")
      ->type_name("MS")
      ->check(CLI::NonNegativeNumber);
}

int run_program(int argc, char** argv) {
  CLI::App app;
  ProgramFlags flags;
  declare_flags(app, flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ExtrasError&) {
    return error(explain_extras(app));
  } catch (const CLI::ParseError& e) {
    return error(e.what());
  }
  return serve(flags);
}

}  // namespace offsetctl::emulator
