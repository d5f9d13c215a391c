// offsetctl-gen-docs OUT_DIR SOURCE_DIR SCHEMA_DIR EXAMPLES_DIR: writes the man pages (OUT_DIR/man)
// and the shell completions (OUT_DIR/completion) at build time; not installed itself. offsetctl(1) and ckafka-emulator(1) are made from the programs' own
// command lines and the prose of docs/man/*.md; offsetctl-plan(5) from docs/plan-format.md,
// its $schema modeline pointing at SCHEMA_DIR, where the package installs the schemas
// (and the examples in EXAMPLES_DIR).
#include <iostream>
#include <string>

#include "cli/command_line.h"
#include "cli/version.h"
#include "clidoc/completion.h"
#include "clidoc/man.h"
#include "emulator/program.h"
#include "util/files.h"

namespace {

using offsetctl::clidoc::PageInfo;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string after_colon(const std::string& description) {
  size_t colon = description.find(": ");
  return colon == std::string::npos ? description : description.substr(colon + 2);
}

bool write(const std::string& path, const std::string& text) {
  if (auto ok = offsetctl::util::write_file_atomic(path, text); !ok) {
    std::cerr << "offsetctl-gen-docs: " << ok.error().message << "\n";
    return false;
  }
  return true;
}

bool read(const std::string& path, std::string& text) {
  auto r = offsetctl::util::read_file(path);
  if (!r) {
    std::cerr << "offsetctl-gen-docs: " << r.error().message << "\n";
    return false;
  }
  text = std::move(*r);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: offsetctl-gen-docs OUT_DIR SOURCE_DIR SCHEMA_DIR EXAMPLES_DIR\n";
    return 2;
  }
  std::string out = argv[1], src = argv[2], schemas = argv[3], examples = argv[4];
  std::string source = std::string("offsetctl ") + offsetctl::cli::build_info::kVersion;
  std::string cli_prose, emulator_prose, plan_format;
  if (!read(src + "/docs/man/offsetctl.md", cli_prose) || !read(src + "/docs/man/ckafka-emulator.md", emulator_prose) ||
      !read(src + "/docs/plan-format.md", plan_format)) {
    return 1;
  }

  auto line = offsetctl::cli::make_command_line();
  auto cli = offsetctl::clidoc::describe(line->app);
  PageInfo cli_info{"offsetctl", 1, source, after_colon(cli.summary)};
  std::string cli_page = offsetctl::clidoc::command_page(cli, offsetctl::clidoc::parse_prose(cli_prose), cli_info);

  CLI::App emulator_app;
  offsetctl::emulator::ProgramFlags flags;
  offsetctl::emulator::declare_flags(emulator_app, flags);
  auto emulator = offsetctl::clidoc::describe(emulator_app);
  PageInfo emulator_info{"ckafka-emulator", 1, source, after_colon(emulator.summary)};
  std::string emulator_page =
      offsetctl::clidoc::command_page(emulator, offsetctl::clidoc::parse_prose(emulator_prose), emulator_info);

  PageInfo plan_info{"offsetctl-plan", 5, source, "the plan files of offsetctl, format v1"};
  plan_format = replaced(plan_format, "$schema=../../schemas/", "$schema=" + schemas + "/");
  std::string see_also =
      "## See also\n\n`offsetctl`(1), `ckafka-emulator`(1); the schema `" + schemas +
      "/plan.schema.json`; the examples in `" + examples + "/`.\n";
  std::string plan_page = offsetctl::clidoc::document_page(plan_format, see_also, plan_info);

  // The same scripts as `offsetctl completion SHELL` prints, where each shell looks.
  bool ok = write(out + "/man/offsetctl.1", cli_page) && write(out + "/man/ckafka-emulator.1", emulator_page) &&
            write(out + "/man/offsetctl-plan.5", plan_page) &&
            write(out + "/completion/bash/offsetctl", offsetctl::clidoc::bash_completion(cli)) &&
            write(out + "/completion/zsh/_offsetctl", offsetctl::clidoc::zsh_completion(cli)) &&
            write(out + "/completion/fish/offsetctl.fish", offsetctl::clidoc::fish_completion(cli));
  return ok ? 0 : 1;
}
