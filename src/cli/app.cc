#include "cli/app.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <ostream>

#include "cli/command_line.h"
#include "cli/version.h"
#include "util/did_you_mean.h"

namespace offsetctl::cli {
namespace {

constexpr int kExitError = 1;

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& c : commands()) names.push_back(c.name);
  return names;
}

std::vector<std::string> flag_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
    for (const auto& n : opt->get_snames()) names.push_back("-" + n);
  }
  return names;
}

// CLI11 reports an unknown word as "not expected"; say what it is and what was meant.
std::string explain_extra(const std::string& word, const CLI::App& app, bool at_top) {
  if (!word.empty() && word[0] == '-') {
    std::string flag = word.substr(0, word.find('='));
    std::string msg = "unknown flag '" + flag + "'";
    if (auto m = util::closest_match(flag, flag_names(app))) msg += "; did you mean '" + *m + "'?";
    return msg;
  }
  if (at_top) {
    std::string msg = "unknown command '" + word + "'";
    if (auto m = util::closest_match(word, command_names())) msg += "; did you mean '" + *m + "'?";
    return msg + " (see 'offsetctl --help')";
  }
  return "unexpected argument '" + word + "'";
}

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
    io.out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    io.out << version_text() << "\n";
    return 0;
  } catch (const CLI::ExtrasError& e) {
    // Find the deepest subcommand that was given, to suggest its flags.
    const CLI::App* where = &app;
    for (auto& [sub, r] : runners)
      if (sub->parsed()) where = sub;
    std::vector<std::string> extras = where->remaining();
    if (extras.empty()) extras = app.remaining();
    std::string word = extras.empty() ? "" : extras.front();
    io.err << "offsetctl: error: " << explain_extra(word, *where, where == &app) << "\n";
    return kExitError;
  } catch (const CLI::RequiredError& e) {
    if (!app.remaining().empty()) {
      io.err << "offsetctl: error: " << explain_extra(app.remaining().front(), app, true) << "\n";
    } else if (app.get_subcommands().empty()) {
      io.err << "offsetctl: error: a command is required (see 'offsetctl --help')\n";
    } else {
      io.err << "offsetctl: error: " << e.what() << "\n";
    }
    return kExitError;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // help of a subcommand
      for (auto& [sub, r] : runners)
        if (sub->parsed()) {
          io.out << sub->help();
          return 0;
        }
      io.out << app.help();
      return 0;
    }
    io.err << "offsetctl: error: " << e.what() << "\n";
    return kExitError;
  }

  setup_logging(line->verbosity);
  Context ctx{io.out, io.err, io.out_is_tty, io.out_is_tty && !line->no_color && !io.no_color_env,
              line->verbosity, clock, io.err_is_tty};
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
