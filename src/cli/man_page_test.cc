// The man page and the docs never drift from the command line: every command of the table
// has its prose in docs/man/offsetctl.md and its line in README.md, and everything
// `offsetctl COMMAND --help` prints (flags, their help, subcommands) is in the man page
// the build made. A command or flag added without docs fails here.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "cli/command_line.h"
#include "clidoc/man.h"
#include "testing/process.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

std::string read_or_empty(const std::string& path) {
  auto text = util::read_file(path);
  return text ? *text : std::string();
}

std::string roff_dashes(const std::string& text) {
  std::string out;
  for (char ch : text) out += ch == '-' ? std::string("\\-") : std::string(1, ch);
  return out;
}

struct HelpLine {
  std::vector<std::string> flags;
  std::string text;
};

// The option and subcommand lines of CLI11's help: "  -f,--format FORMAT   Report format".
std::vector<HelpLine> help_lines(const std::string& help) {
  std::vector<HelpLine> out;
  std::istringstream in(help);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  static const std::regex flag("(^|[ ,])(--?[A-Za-z0-9][A-Za-z0-9-]*)");
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
    // CLI11 pads the names to column 30, or to one space after a long " REQUIRED".
    size_t gap = line.find("  ", 2);
    size_t required = line.find(" REQUIRED ");
    if (required != std::string::npos && (gap == std::string::npos || required + 9 < gap)) gap = required + 9;
    std::string names = line.substr(2, gap == std::string::npos ? std::string::npos : gap - 2);
    size_t text_at = gap == std::string::npos ? std::string::npos : line.find_first_not_of(' ', gap);
    std::string text = text_at == std::string::npos ? "" : line.substr(text_at);
    if (text.empty() && i + 1 < lines.size()) {
      size_t next_at = lines[i + 1].find_first_not_of(' ');
      if (next_at != std::string::npos && next_at >= 2 && lines[i + 1][next_at] != '-') {
        text = lines[i + 1].substr(next_at);
        ++i;
      }
    }
    if (text.empty()) continue;
    HelpLine h{{}, text};
    for (std::sregex_iterator it(names.begin(), names.end(), flag), end; it != end; ++it) h.flags.push_back((*it)[2]);
    out.push_back(h);
  }
  return out;
}

class ManPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    line_ = make_command_line();
    model_ = clidoc::describe(line_->app);
    prose_ = clidoc::parse_prose(read_or_empty(testing::source_dir() + "/docs/man/offsetctl.md"));
    page_ = read_or_empty(testing::build_dir() + "/docs/man/offsetctl.1");
    ASSERT_FALSE(page_.empty()) << "the build made no docs/man/offsetctl.1";
  }
  std::unique_ptr<CommandLine> line_;
  clidoc::Command model_;
  clidoc::Prose prose_;
  std::string page_;
};

TEST_F(ManPageTest, EveryCommandHasItsProseAndNoProseIsLeftOver) {
  for (const clidoc::Command* c : clidoc::all_commands(model_)) {
    if (c->path.empty()) continue;
    EXPECT_TRUE(prose_.commands.count(c->name()))
        << "'" << c->name() << "' has no part in docs/man/offsetctl.md: add '### " << c->name()
        << "' under '## COMMANDS' saying what it does";
  }
  for (const auto& [name, text] : prose_.commands) {
    bool exists = false;
    for (const clidoc::Command* c : clidoc::all_commands(model_)) exists = exists || c->name() == name;
    EXPECT_TRUE(exists) << "docs/man/offsetctl.md has a part for '" << name << "', which is no command";
    EXPECT_NE(text.find_first_not_of(" \n"), std::string::npos) << name << ": its part is empty";
  }
}

TEST_F(ManPageTest, EveryCommandIsInTheReadme) {
  std::string readme = read_or_empty(testing::source_dir() + "/README.md");
  for (const clidoc::Command* c : clidoc::all_commands(model_)) {
    if (c->path.empty() || !c->subcommands.empty()) continue;
    EXPECT_NE(readme.find("`" + c->name()), std::string::npos)
        << "README.md does not mention `" << c->name() << "` (its table of commands)";
  }
}

TEST_F(ManPageTest, EverythingHelpSaysIsInTheManPage) {
  for (const clidoc::Command* c : clidoc::all_commands(model_)) {
    std::vector<std::string> args = c->path;
    args.push_back("--help");
    args.insert(args.begin(), "offsetctl");
    auto r = testing::run_process(args);
    ASSERT_EQ(r.exit_code, 0) << c->name() << " --help: " << r.err;
    auto lines = help_lines(r.out);
    EXPECT_FALSE(lines.empty()) << c->name() << " --help lists nothing:\n" << r.out;
    for (const auto& h : lines) {
      for (const auto& f : h.flags)
        EXPECT_NE(page_.find("\\fB" + roff_dashes(f) + "\\fR"), std::string::npos)
            << c->name() << ": " << f << " is in --help, not in the man page";
      EXPECT_NE(page_.find(h.text), std::string::npos)
          << c->name() << ": '" << h.text << "' is in --help, not in the man page";
    }
  }
  // And each command has its section, headed by its usage.
  for (const clidoc::Command* c : clidoc::all_commands(model_)) {
    if (c->path.empty()) continue;
    EXPECT_NE(page_.find(".SS \"\\fB" + roff_dashes(c->usage()) + "\\fR\""), std::string::npos) << c->name();
  }
}

TEST_F(ManPageTest, TheOtherPagesAreThere) {
  std::string emulator = read_or_empty(testing::build_dir() + "/docs/man/ckafka-emulator.1");
  EXPECT_NE(emulator.find(".TH CKAFKA-EMULATOR 1"), std::string::npos);
  auto help = testing::run_process({"ckafka-emulator", "--help"});
  for (const auto& h : help_lines(help.out)) {
    for (const auto& f : h.flags) EXPECT_NE(emulator.find("\\fB" + roff_dashes(f) + "\\fR"), std::string::npos) << f;
    EXPECT_NE(emulator.find(h.text), std::string::npos) << h.text;
  }
  std::string plan = read_or_empty(testing::build_dir() + "/docs/man/offsetctl-plan.5");
  EXPECT_NE(plan.find(".TH OFFSETCTL-PLAN 5"), std::string::npos);
  EXPECT_NE(plan.find(".SH \"OFFSETPLAN\""), std::string::npos);
  EXPECT_NE(plan.find("$schema=@SCHEMA_DIR@/plan.schema.json"), std::string::npos);  // the path comes at install
}

}  // namespace
}  // namespace offsetctl::cli
