#include "audit/lock.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "testing/temp_dir.h"
#include "util/time.h"

namespace offsetctl::audit {
namespace {

using offsetctl::testing::TempDir;

TEST(FormatWait, ReadsNaturally) {
  EXPECT_EQ(format_wait(10000), "10 s");
  EXPECT_EQ(format_wait(1500), "1.5 s");
  EXPECT_EQ(format_wait(200), "200 ms");
  EXPECT_EQ(format_wait(0), "0 ms");
}

TEST(AuditLock, SecondOpenOfTheFileWaitsThenFailsNamingTheHolder) {
  TempDir dir;
  std::string path = dir.write("audit.jsonl", "");
  int first = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  int second = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);
  ASSERT_TRUE(lock_audit_file(first, path, 0));
  EXPECT_EQ(flock_holder_pid(second), ::getpid());
  auto locked = lock_audit_file(second, path, 100);
  ASSERT_FALSE(locked);
  EXPECT_EQ(
      locked.error().message,
      "audit log " + path + " is locked by another offsetctl run (pid " + std::to_string(::getpid()) +
          ", started " + util::format_rfc3339_ms(*process_start_ms(::getpid())) +
          ") and was still locked after 100 ms. Two runs must not write one audit log at the same time: "
          "let that run finish, then run this command again (the lock goes away by itself when that "
          "process ends).");
  ::close(first);  // releases it
  EXPECT_TRUE(lock_audit_file(second, path, 100));
  ::close(second);
}

TEST(AuditLock, NoWaitFailsAtOnceSayingHowToWait) {
  TempDir dir;
  std::string path = dir.write("audit.jsonl", "");
  int first = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  int second = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_TRUE(lock_audit_file(first, path, 0));
  auto locked = lock_audit_file(second, path, 0);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().message,
            "audit log " + path + " is locked by another offsetctl run (pid " + std::to_string(::getpid()) +
                ", started " + util::format_rfc3339_ms(*process_start_ms(::getpid())) +
                "): two runs must not write one audit log at once. Let that run finish and run this command "
                "again, or wait for it with --lock-timeout (e.g. --lock-timeout 1m); the lock goes away by "
                "itself when that process ends.");
  ::close(first);
  ::close(second);
}

TEST(AuditLock, TheStartOfAProcess) {
  auto started = process_start_ms(::getpid());
  ASSERT_TRUE(started.has_value());
  EXPECT_GT(*started, 1'600'000'000'000);  // after 2020: read from /proc, not made up
  EXPECT_EQ(process_start_ms(-5), std::nullopt);
}

TEST(AuditLock, NoHolderWhenUnlocked) {
  TempDir dir;
  std::string path = dir.write("audit.jsonl", "");
  int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  EXPECT_EQ(flock_holder_pid(fd), std::nullopt);
  ::close(fd);
}

}  // namespace
}  // namespace offsetctl::audit
