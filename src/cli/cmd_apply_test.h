#pragma once
// The cluster and helpers of offsetctl apply's tests through the real programs
// (cmd_apply_test.cc, cmd_apply_crash_test.cc).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "audit/verify.h"

namespace offsetctl::cli::apply_test {


using Offsets = std::map<std::string, std::map<std::string, std::map<int, int64_t>>>;  // group, topic, partition

struct Cluster {
  int64_t orders_begin = 0;
  Offsets offsets = {
      {"orders-consumer",
       {{"orders", {{0, 1720}, {1, 1720}, {2, 1720}, {3, 1720}}},
        {"payments", {{0, 1720}, {1, 1720}, {2, 1720}, {3, 1720}}},
        {"refunds", {{0, 1720}, {1, 1720}}}}},
      {"billing", {{"audit", {{0, 800}}}}},
      {"reports", {{"orders", {{0, 100}, {1, 100}, {2, 100}, {3, 100}}}}},
  };
  std::map<std::string, std::string> members;  // group -> a member's YAML: the group is Stable
  bool dts = false;                             // a DTS subscription too
};

inline std::string state_yaml(const Cluster& c) {
  std::string s = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 4
        begin: )" + std::to_string(c.orders_begin) + R"(
        end: 5000
      - name: payments
        partitions: 4
        end: 5000
      - name: refunds
        partitions: 2
        end: 5000
      - name: audit
        partitions: 1
        end: 900
    groups:
)";
  for (const auto& [group, topics] : c.offsets) {
    auto m = c.members.find(group);
    s += "      - name: " + group + "\n        state: " + (m == c.members.end() ? "Empty" : "Stable") + "\n";
    if (m != c.members.end()) s += "        members:\n" + m->second;
    s += "        offsets:\n";
    for (const auto& [topic, parts] : topics) {
      s += "          " + topic + ": {";
      bool first = true;
      for (const auto& [p, o] : parts) {
        s += (first ? "" : ", ") + std::to_string(p) + ": " + std::to_string(o);
        first = false;
      }
      s += "}\n";
    }
  }
  if (c.dts) {
    s += R"(subscriptions:
  - id: subs-635ns8r71g
    region: ap-guangzhou
    topic: account-subs-635ns8r71g-1
    partitions: 4
    end: 5000
    groups:
      - name: grp-1
        state: Empty
        offsets: {0: 4000, 1: 4100, 2: 3900, 3: 4050}
)";
  }
  return s;
}

inline std::string last_line(const std::string& text) {
  size_t end = text.size();
  if (end > 0 && text[end - 1] == '\n') --end;
  size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
}

inline std::map<std::string, int> record_types(const std::string& audit_path) {
  std::map<std::string, int> n;
  audit::verify_audit_log(audit_path, [&](size_t, const nlohmann::json& rec) { ++n[rec.at("type").get<std::string>()]; });
  return n;
}

}  // namespace offsetctl::cli::apply_test
