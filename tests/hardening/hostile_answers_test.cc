// Hostile or broken API answers, served through a proxy in front of the real
// emulator: truncated JSON, wrong types, negative and impossible offsets,
// missing pages, a TotalCount that lies, HTTP errors. `offsetctl plan` must stop
// with an error that names the action and what is wrong; `offsetctl apply` must
// change nothing when its drift check reads such an answer, and must not claim
// success when the read-back after the change does.

#include <gtest/gtest.h>

#include <limits>

#include "emulator_process.h"
#include "hostile_proxy.h"
#include "scenario.h"

namespace offsetctl::hardening {
namespace {

using nlohmann::json;

const char* const kPlan =
    "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: hostile\ninstance: ckafka-hard\nregion: ap-guangzhou\n"
    "groups:\n"
    "  - group: g-000\n    topics:\n      - topic: orders\n        offsets: {0: 50000, 1: 50001, 2: 50002}\n"
    "  - group: g-001\n    topics:\n      - topic: payments\n        shift: -10\n";

// Rewrites every answer of `action` with `edit` applied to its parsed JSON.
HostileProxy::Rewrite edit_json(const std::string& action, std::function<void(json&)> edit) {
  return [action, edit](const std::string& a, int, const ProxiedAnswer& up) -> std::optional<ProxiedAnswer> {
    if (a != action) return std::nullopt;
    json j = json::parse(up.body, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    edit(j);
    return ProxiedAnswer{up.status, j.dump()};
  };
}

HostileProxy::Rewrite replace_body(const std::string& action, int status, std::function<std::string(const std::string&)> body) {
  return [action, status, body](const std::string& a, int, const ProxiedAnswer& up) -> std::optional<ProxiedAnswer> {
    if (a != action) return std::nullopt;
    return ProxiedAnswer{status, body(up.body)};
  };
}

struct Case {
  const char* name;
  std::function<HostileProxy::Rewrite()> rewrite;
  std::vector<std::string> said;  // what the error must say
  bool read_by_apply = true;      // apply's drift check reads this action (not DescribeTopicSyncReplica)
};

const Case kCases[] = {
    {"TruncatedJson", [] { return replace_body("DescribeGroupOffsets", 200, [](const std::string& b) { return b.substr(0, b.size() / 2); }); },
     {"DescribeGroupOffsets", "not valid JSON"}},
    {"EmptyBody", [] { return replace_body("DescribeGroupInfo", 200, [](const std::string&) { return std::string(); }); },
     {"DescribeGroupInfo", "not valid JSON"}},
    {"HtmlError", [] { return replace_body("DescribeGroupInfo", 502, [](const std::string&) { return std::string("<html>502 Bad Gateway</html>"); }); },
     {"DescribeGroupInfo", "502"}},
    {"NoResponseObject", [] { return replace_body("DescribeGroupOffsets", 200, [](const std::string&) { return std::string("{\"Result\": {}}"); }); },
     {"DescribeGroupOffsets", "no Response"}},
    {"OffsetAsString", [] { return edit_json("DescribeGroupOffsets", [](json& j) {
       for (auto& t : j["Response"]["Result"]["TopicList"]) for (auto& p : t["Partitions"]) p["Offset"] = std::to_string(p["Offset"].get<int64_t>());
     }); }, {"DescribeGroupOffsets", "Offset"}},
    {"NegativeOffset", [] { return edit_json("DescribeGroupOffsets", [](json& j) {
       for (auto& t : j["Response"]["Result"]["TopicList"]) for (auto& p : t["Partitions"]) p["Offset"] = -5;
     }); }, {"DescribeGroupOffsets", "-5"}},
    {"FractionalOffset", [] { return edit_json("DescribeGroupOffsets", [](json& j) {
       for (auto& t : j["Response"]["Result"]["TopicList"]) for (auto& p : t["Partitions"]) p["Offset"] = 12.5;
     }); }, {"DescribeGroupOffsets", "Offset"}},
    {"OffsetAboveInt64", [] { return replace_body("DescribeGroupOffsets", 200, [](const std::string& b) {
       json j = json::parse(b);
       for (auto& t : j["Response"]["Result"]["TopicList"]) for (auto& p : t["Partitions"]) p["Offset"] = 777;
       std::string s = j.dump();
       for (size_t at; (at = s.find("777")) != std::string::npos;) s.replace(at, 3, "18446744073709551615");
       return s;
     }); }, {"DescribeGroupOffsets", "Offset"}},
    {"TopicListNotAList", [] { return edit_json("DescribeGroupOffsets", [](json& j) { j["Response"]["Result"]["TopicList"] = "orders"; }); },
     {"DescribeGroupOffsets", "TopicList"}},
    {"TotalCountTooHigh", [] { return edit_json("DescribeGroupOffsets", [](json& j) { j["Response"]["Result"]["TotalCount"] = 120; }); },
     {"DescribeGroupOffsets", "TotalCount"}},
    {"TotalCountTooLow", [] { return edit_json("DescribeGroupOffsets", [](json& j) { j["Response"]["Result"]["TotalCount"] = 0; }); },
     {"DescribeGroupOffsets", "TotalCount"}},
    {"MissingPageOfPartitions", [] { return edit_json("DescribeTopicSyncReplica", [](json& j) { j["Response"]["Result"]["TotalCount"] = 45; }); },
     {"DescribeTopicSyncReplica"}, false},
    {"EndBeforeBegin", [] { return edit_json("DescribeTopicSyncReplica", [](json& j) {
       for (auto& p : j["Response"]["Result"]["TopicInSyncReplicaList"]) p["EndOffset"] = -1;
     }); }, {"DescribeTopicSyncReplica", "EndOffset"}, false},
    {"GroupStateWrongType", [] { return edit_json("DescribeGroupInfo", [](json& j) {
       for (auto& g : j["Response"]["Result"]) g["State"] = 3;
     }); }, {"DescribeGroupInfo", "State"}},
    {"ErrorWithoutCode", [] { return replace_body("DescribeGroupInfo", 200, [](const std::string&) {
       return std::string("{\"Response\": {\"Error\": {\"Message\": \"no code\"}, \"RequestId\": \"r-1\"}}"); }); },
     {"DescribeGroupInfo", "Error without a Code"}},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class HostileAnswers : public ::testing::TestWithParam<Case> {};

TEST_P(HostileAnswers, PlanStopsWithAClearError) {
  testing::TempDir dir;
  EmulatorOptions eo;
  eo.rate_limit = false;
  EmulatorProcess emu(dir, make_scenario(2, Targets::PerGroup).state_yaml, eo);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  HostileProxy proxy(emu.url());
  proxy.rewrite(GetParam().rewrite());
  dir.write("plans/hostile.yaml", kPlan);
  auto r = offsetctl(dir, {"plan", "plans", "--out", "saved.json", "--endpoint", proxy.url(), "--max-attempts", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.err.rfind("offsetctl: error: ", 0), 0u) << r.err;
  for (const auto& s : GetParam().said) EXPECT_NE(r.err.find(s), std::string::npos) << "no '" << s << "' in:\n" << r.err;
  EXPECT_FALSE(sanitizer_report(r.err)) << r.err;
  EXPECT_TRUE(slurp(dir.path("saved.json")).empty()) << "a saved plan was written from a bad answer";
}

INSTANTIATE_TEST_SUITE_P(Answers, HostileAnswers, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });

// Apply reads the live offsets again before it changes anything: a bad answer there changes nothing.
std::vector<Case> read_by_apply() {
  std::vector<Case> out;
  for (const auto& c : kCases) {
    if (c.read_by_apply) out.push_back(c);
  }
  return out;
}

class HostileDriftCheck : public ::testing::TestWithParam<Case> {};

TEST_P(HostileDriftCheck, ApplyChangesNothingWhenItReadsIt) {
  testing::TempDir dir;
  EmulatorOptions eo;
  eo.rate_limit = false;
  EmulatorProcess emu(dir, make_scenario(2, Targets::PerGroup).state_yaml, eo);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  HostileProxy proxy(emu.url());
  dir.write("plans/hostile.yaml", kPlan);
  auto planned = offsetctl(dir, {"plan", "plans", "--out", "saved.json", "--endpoint", proxy.url()});
  ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;
  proxy.rewrite(GetParam().rewrite());
  auto r = offsetctl(dir, {"apply", "saved.json", "--audit-log", "audit.jsonl", "--max-attempts", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_FALSE(sanitizer_report(r.err)) << r.err;
  for (const auto& req : emu.requests()) {
    const std::string action = req.value("action", "");
    EXPECT_TRUE(action.rfind("Describe", 0) == 0 || action.rfind("Fetch", 0) == 0)
        << action << " was called although a read before it failed";
  }
  const Scenario s = make_scenario(2, Targets::PerGroup);
  auto state = emu.stop();
  ASSERT_TRUE(state) << emu.error();
  // Still at the offsets the state file started with: nothing changed.
  EXPECT_EQ(unconverged(*state, {{{kInstance, "g-000", "orders", 0}, 1000}}), "");
  EXPECT_EQ(unconverged(*state, {{{kInstance, "g-001", "payments", 0}, 4001}}), "");
}

INSTANTIATE_TEST_SUITE_P(Answers, HostileDriftCheck, ::testing::ValuesIn(read_by_apply()),
                         [](const ::testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });

// After the change, a bad read-back must not pass for a verified change; the same command then converges.
TEST(HostileReadBack, ApplyDoesNotClaimWhatItCouldNotVerify) {
  testing::TempDir dir;
  EmulatorOptions eo;
  eo.rate_limit = false;
  EmulatorProcess emu(dir, make_scenario(2, Targets::PerGroup).state_yaml, eo);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  HostileProxy proxy(emu.url());
  dir.write("plans/hostile.yaml", kPlan);
  auto planned = offsetctl(dir, {"plan", "plans", "--out", "saved.json", "--endpoint", proxy.url()});
  ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;
  // Every DescribeGroupOffsets after a modify call is cut short.
  auto modified = std::make_shared<std::atomic<bool>>(false);
  proxy.rewrite([modified](const std::string& a, int, const ProxiedAnswer& up) -> std::optional<ProxiedAnswer> {
    if (a == "BatchModifyGroupOffsets" || a == "ModifyGroupOffsets") *modified = true;
    if (a == "DescribeGroupOffsets" && *modified) return ProxiedAnswer{200, up.body.substr(0, 40)};
    return std::nullopt;
  });
  auto r = offsetctl(dir, {"apply", "saved.json", "--audit-log", "audit.jsonl", "--max-attempts", "1"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_FALSE(sanitizer_report(r.err)) << r.err;
  for (const auto& rec : read_audit_records(dir.path("audit.jsonl"))) {
    if (rec.value("type", "") == "change_result") {
      EXPECT_FALSE(rec.value("verified", true)) << rec.dump();
    }
  }
  proxy.rewrite(nullptr);
  auto again = offsetctl(dir, {"apply", "saved.json", "--audit-log", "audit.jsonl"});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  auto verified = offsetctl(dir, {"audit", "verify", "audit.jsonl"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
}

// Offsets at the very top of the int64 range: no overflow (UBSan watches in the debug build), no crash.
TEST(HostileOffsets, OffsetsAtTheTopOfTheRangeDoNotOverflow) {
  testing::TempDir dir;
  EmulatorOptions eo;
  eo.rate_limit = false;
  EmulatorProcess emu(dir, make_scenario(2, Targets::PerGroup).state_yaml, eo);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  HostileProxy proxy(emu.url());
  const int64_t top = std::numeric_limits<int64_t>::max();
  proxy.rewrite([top](const std::string& a, int, const ProxiedAnswer& up) -> std::optional<ProxiedAnswer> {
    json j = json::parse(up.body, nullptr, false);
    if (j.is_discarded() || !j["Response"].contains("Result")) return std::nullopt;
    json& res = j["Response"]["Result"];
    if (a == "DescribeGroupOffsets") {
      for (auto& t : res["TopicList"]) for (auto& p : t["Partitions"]) { p["Offset"] = top - 1; p["LogEndOffset"] = top; }
    } else if (a == "DescribeTopicSyncReplica") {
      for (auto& p : res["TopicInSyncReplicaList"]) { p["BeginOffset"] = 0; p["EndOffset"] = top; }
    } else {
      return std::nullopt;
    }
    return ProxiedAnswer{up.status, j.dump()};
  });
  dir.write("plans/top.yaml",
            "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: top\ninstance: ckafka-hard\nregion: ap-guangzhou\n"
            "policy:\n  maxRewind: 10\n  maxSkip: 10\ngroups:\n"
            "  - group: g-000\n    topics:\n      - topic: orders\n        shift: 1000\n"
            "      - topic: payments\n        shift: -1000\n"
            "  - group: g-001\n    topics:\n      - topic: orders\n        offset: 0\n"
            "      - topic: payments\n        to: latest\n");
  auto r = offsetctl(dir, {"plan", "plans", "--endpoint", proxy.url(), "--format", "json"});
  EXPECT_EQ(r.signal, 0) << r.err;
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.exit_code << r.err;
  EXPECT_FALSE(sanitizer_report(r.err)) << r.err;
}

}  // namespace
}  // namespace offsetctl::hardening
