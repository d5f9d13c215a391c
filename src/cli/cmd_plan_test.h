#pragma once
// The cluster and helpers of offsetctl plan's tests through the real programs
// (cmd_plan_test.cc, cmd_plan_review_test.cc, cmd_plan_thin_test.cc).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "testing/emulator.h"

namespace offsetctl::cli::plan_test {

using nlohmann::json;
using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

// orders: 9 partitions, messages 100..999, the one at offset o written at
// 2025-11-20T00:00:00Z + (o - 100) s. wide-00..wide-59: one partition each.
inline std::string cluster() {
  std::string s = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 9
        begin: 100
        end: 1000
        firstTimestampMs: 1763596800000
        intervalMs: 1000
      - name: audit
        partitions: 1
        begin: 0
        end: 50
)";
  for (int t = 0; t < 60; ++t) {
    char name[16];
    std::snprintf(name, sizeof name, "wide-%02d", t);
    s += std::string("      - name: ") + name + "\n        partitions: 1\n        end: 10\n";
  }
  s += R"(    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 500, 2: 500, 3: 500, 4: 500, 5: 500, 6: 500, 8: 500}
          audit: {0: 50}
      - name: live
        state: Stable
        members:
          - memberId: consumer-1-4f2a
            clientId: consumer-1
            clientHost: /10.0.0.1
            partitions: {orders: [0, 1, 2]}
          - memberId: consumer-2-9c1b
            clientId: consumer-2
            clientHost: /10.0.0.2
            partitions: {orders: [3, 4, 5]}
        offsets:
          orders: {0: 500, 1: 500, 2: 500}
      - name: wide
        state: Empty
        offsets:
)";
  for (int t = 0; t < 60; ++t) {
    char line[64];
    std::snprintf(line, sizeof line, "          wide-%02d: {0: 5}\n", t);
    s += line;
  }
  s += R"(subscriptions:
  - id: subs-635ns8r71g
    region: ap-guangzhou
    topic: account-subs-635ns8r71g-1
    partitions: 2
    begin: 10
    end: 100
    groups:
      - name: grp-1
        state: Empty
        offsets: {0: 40, 1: 50}
)";
  return s;
}

// A report with the time the live state was read left out (two runs read it at different times).
inline std::string timeless(const std::string& report) {
  return std::regex_replace(report, std::regex("read at [0-9T:.Z-]+"), "read at TIME");
}

inline std::string plan_head(const std::string& name, const std::string& policy = "") {
  return "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: " + name +
         "\ninstance: ckafka-test\nregion: ap-guangzhou\n" + policy + "groups:\n";
}

// The JSON report's rows, by "topic/partition".
inline std::map<std::string, json> rows(const std::string& report) {
  std::map<std::string, json> out;
  json doc = json::parse(report);
  for (const auto& c : doc.at("changes")) {
    const json& p = c.at("partition");  // null: a whole unknown topic
    out[c.at("group").get<std::string>() + "/" + c.at("topic").get<std::string>() + "/" +
        (p.is_null() ? std::string("*") : std::to_string(p.get<int>()))] = c;
  }
  return out;
}

struct Fixture : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, cluster(), {"--no-rate-limit"}};
  void SetUp() override { ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start"; }

  testing::ProcessResult plan(const std::string& plan_text, std::vector<std::string> extra = {}) {
    std::string path = dir.write("plans/plan.yaml", plan_text);
    return offsetctl(dir, concat(concat({"plan", path}, extra), at(emulator)));
  }
};

using PlanCommand = Fixture;

}  // namespace offsetctl::cli::plan_test
