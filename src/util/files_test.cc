#include "util/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "testing/temp_dir.h"

namespace offsetctl::util {

TEST(Files, WriteAtomicThenRead) {
  testing::TempDir dir;
  std::string path = dir.path("out.json");
  ASSERT_TRUE(write_file_atomic(path, "hello", 0600).ok());
  auto data = read_file(path);
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(*data, "hello");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // No temp file is left beside it.
  size_t entries = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir.root())) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(Files, ReplacingKeepsTheOldMode) {
  testing::TempDir dir;
  std::string path = dir.path("f");
  ASSERT_TRUE(write_file_atomic(path, "a", 0600).ok());
  ASSERT_TRUE(write_file_atomic(path, "bb", 0644).ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*read_file(path), "bb");
}

TEST(Files, WriteAtomicInPiecesWritesThemInOrder) {
  testing::TempDir dir;
  std::string path = dir.path("pieces");
  const std::string big(200000, 'x');
  ASSERT_TRUE(write_file_atomic(path, std::vector<std::string_view>{"{", big, "", "}\n"}).ok());
  EXPECT_EQ(*read_file(path, 1u << 20), "{" + big + "}\n");
}

TEST(Files, ReadRefusesFilesOverTheLimit) {
  testing::TempDir dir;
  std::string path = dir.path("big");
  std::ofstream(path) << std::string(100, 'x');
  auto r = read_file(path, 99);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, path + ": file is 100 bytes, more than the limit of 99");
}

TEST(Files, ReadMissingFileSaysWhy) {
  auto r = read_file("/nonexistent/plan.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "/nonexistent/plan.yaml: cannot read: No such file or directory");
}

TEST(Files, WriteIntoMissingDirectoryFails) {
  auto r = write_file_atomic("/nonexistent/dir/x", "a");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent/dir/x: cannot write"), std::string::npos);
}

}  // namespace offsetctl::util
