#include "cli/app.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <ostream>

#include "cli/command_line.h"
#include "cli/usage_errors.h"
#include "cli/version.h"

namespace offsetctl::cli {
namespace {

constexpr int kExitError = 1;

void setup_logging(int verbosity) {
  // Logs go to standard error so that reports on standard output stay clean.
  // Made directly rather than registered by name, so that run() can be called again in-process.
  auto logger = std::make_shared<spdlog::logger>("offsetctl", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  logger->set_pattern("offsetctl: %l: %v");
  logger->set_level(verbosity >= 3   ? spdlog::level::trace
                    : verbosity == 2 ? spdlog::level::debug
                    : verbosity == 1 ? spdlog::level::info
                                     : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

}  // namespace

int run(const std::vector<std::string>& args, Io io, const util::Clock& clock) {
  std::unique_ptr<CommandLine> line = make_command_line();
  CLI::App& app = line->app;
  auto& runners = line->runners;

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    io.out << deepest_command(app).help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    io.out << version_text() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help of a command
      io.out << deepest_command(app).help();
      return 0;
    }
    io.err << "offsetctl: error: " << explain_parse_error(e, app) << "\n";
    return kExitError;
  }

  setup_logging(line->verbosity);
  Context ctx{io.out,          io.err, io.out_is_tty, io.out_is_tty && !line->no_color && !io.no_color_env,
              line->verbosity, clock,  io.err_is_tty, args};
  for (auto& [sub, r] : runners) {
    if (!sub->parsed()) continue;
    Result<int> code = r(ctx);
    if (!code.ok()) {
      io.err << "offsetctl: error: " << code.error().message << "\n";
      return kExitError;
    }
    return *code;
  }
  io.err << "offsetctl: error: a command is required (see 'offsetctl --help')\n";
  return kExitError;
}

}  // namespace offsetctl::cli
