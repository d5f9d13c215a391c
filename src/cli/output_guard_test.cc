#include "cli/output_guard.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::TempDir;

std::string message(const Status<>& s) { return s ? "" : s.error().message; }

TEST(OutputGuard, AFileIsRefusedWhenItIsAnInputOrOfAnotherKind) {
  TempDir dir;
  const std::string plan = dir.path("orders.yaml");
  ASSERT_TRUE(util::write_file_atomic(plan, "apiVersion: offsetctl/v1\nkind: OffsetPlan\n").ok());
  const std::string notes = dir.path("notes.txt");
  ASSERT_TRUE(util::write_file_atomic(notes, "keep me\n").ok());

  EXPECT_EQ(message(check_output_file(dir.path("new.json"), "--out", OutputKind::SavedPlan, {plan})), "");
  EXPECT_EQ(message(check_output_file(plan, "--out", OutputKind::PlanFile, {plan})),
            "--out " + plan + ": that file is one this command reads; write a plan file to another file");
  EXPECT_EQ(message(check_output_file(notes, "--out", OutputKind::SavedPlan, {plan})),
            "--out " + notes +
                ": the file exists and is not a saved plan, so it is left alone; choose another name, or remove it "
                "first");
  EXPECT_EQ(message(check_output_file(dir.path("no/such/x.json"), "--out", OutputKind::SavedPlan, {})),
            "--out " + dir.path("no/such/x.json") + ": the folder " + dir.path("no/such") +
                " does not exist; create it first");
}

TEST(OutputGuard, AFolderIsRefusedWhenItIsAFileAnInputOrHoldsOne) {
  TempDir dir;
  std::filesystem::create_directories(dir.path("plans"));
  const std::string plan = dir.path("plans/orders.yaml");
  ASSERT_TRUE(util::write_file_atomic(plan, "apiVersion: offsetctl/v1\n").ok());

  EXPECT_EQ(message(check_output_folder(dir.path("out"), "--parts", "the parts", {plan})), "");
  EXPECT_EQ(message(check_output_folder(dir.path("plans"), "--parts", "the parts", {plan})),
            "--parts " + dir.path("plans") + ": the folder holds the plan files this command reads (" + plan +
                "); write the parts to a folder of its own");
  EXPECT_EQ(message(check_output_folder(dir.path("plans"), "--parts", "the parts", {dir.path("plans")})),
            "--parts " + dir.path("plans") + ": the folder holds the plan files this command reads (" +
                dir.path("plans") + "); write the parts to a folder of its own");
  EXPECT_EQ(message(check_output_folder(plan, "--parts", "the parts", {})),
            "--parts " + plan + ": that is a file; name a folder for the parts");
}

}  // namespace
}  // namespace offsetctl::cli
