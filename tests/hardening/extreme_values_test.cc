// Valid plans at the edges of the value ranges, through the real programs:
// shifts of -2^63 and 2^63-1, committed offsets at the emulator's largest log
// end (2^53). The loader accepts them, so the planner must compute with them
// without overflowing (UBSan watches in the debug build) and clamp as Kafka does.

#include <gtest/gtest.h>

#include "emulator_process.h"
#include "scenario.h"

namespace offsetctl::hardening {
namespace {

const char* const kExtremeState =
    "credentials:\n  - secretId: AKIDEXAMPLE\n    secretKey: secretEXAMPLE\n"
    "instances:\n  - id: ckafka-hard\n    region: ap-guangzhou\n    topics:\n"
    "      - name: orders\n        partitions: 2\n        begin: 0\n        end: 9007199254740992\n"
    "        firstTimestampMs: 0\n        intervalMs: 1\n"
    "      - name: payments\n        partitions: 2\n        begin: 100\n        end: 10000\n"
    "        firstTimestampMs: 1794787200000\n        intervalMs: 90000\n"
    "    groups:\n      - name: g\n        state: Empty\n        members: []\n        offsets:\n"
    "          orders: {0: 9007199254740990, 1: 5}\n          payments: {0: 5000, 1: 200}\n";

const char* const kExtremePlan =
    "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: extremes\ninstance: ckafka-hard\nregion: ap-guangzhou\n"
    "groups:\n  - group: g\n    topics:\n"
    "      - topic: orders\n        partitions: [0]\n        shift: 9223372036854775807\n"
    "      - topic: orders\n        partitions: [1]\n        shift: -9223372036854775808\n"
    "      - topic: payments\n        partitions: [0]\n        shift: -9223372036854775808\n"
    "      - topic: payments\n        partitions: [1]\n        shift: 9223372036854775807\n";

TEST(ExtremeValues, ShiftsByTheEndsOfInt64ClampToTheLog) {
  testing::TempDir dir;
  EmulatorOptions eo;
  eo.rate_limit = false;
  EmulatorProcess emu(dir, kExtremeState, eo);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  dir.write("plans/extremes.yaml", kExtremePlan);
  auto planned = offsetctl(dir, {"plan", "plans", "--out", "saved.json", "--endpoint", emu.url()});
  ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;
  EXPECT_FALSE(sanitizer_report(planned.err)) << planned.err;
  // Each shift is clamped to the end of the log it runs into; the reason shows the sum when it fits in int64.
  EXPECT_NE(planned.out.find("5 - 9223372036854775808 = -9223372036854775803 is before"), std::string::npos) << planned.out;
  auto applied = offsetctl(dir, {"apply", "saved.json", "--audit-log", "audit.jsonl"});
  EXPECT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  auto state = emu.stop();
  ASSERT_TRUE(state) << emu.error();
  EXPECT_EQ(unconverged(*state, {{{kInstance, "g", "orders", 0}, 9007199254740992},
                                 {{kInstance, "g", "orders", 1}, 0},
                                 {{kInstance, "g", "payments", 0}, 100},
                                 {{kInstance, "g", "payments", 1}, 10000}}),
            "");
}

}  // namespace
}  // namespace offsetctl::hardening
