#include "plan/writer.h"

#include <gtest/gtest.h>

#include "plan/load.h"

namespace offsetctl::plan {
namespace {

TopicSpec topic(const std::string& name, Spec spec, std::optional<std::vector<int32_t>> partitions = std::nullopt) {
  TopicSpec t;
  t.topic = name;
  t.spec = std::move(spec);
  t.partitions = std::move(partitions);
  return t;
}

OffsetPlan every_kind() {
  OffsetPlan p;
  p.name = "replay-orders";
  p.description = "Replay \"orders\" after the fix:\n\tstep 2 \xE4\xB8\xAD";
  p.instance = "ckafka-demo";
  p.region = "ap-guangzhou";
  p.policy.max_rewind = 100000;
  p.policy.max_skip = 0;
  p.policy.out_of_range = OutOfRange::Clamp;
  GroupSpec g;
  g.group = "orders-consumer";
  g.topics.push_back(topic("orders", ExplicitOffsets{{{0, 1500}, {1, 1720}, {2, 1650}}}));
  g.topics.push_back(topic("payments", ToAnchor{Anchor::Earliest, ResolveAt::Plan}));
  g.topics.push_back(topic("refunds", Shift{-100}, std::vector<int32_t>{2, 0}));
  g.topics.push_back(topic("events", Datetime{1795104000000, "2026-11-20T00:00:00+08:00", ResolveAt::Apply}));
  g.topics.push_back(topic("clicks", Duration{7200000, "PT2H"}));
  g.topics.push_back(topic("audit", SingleOffset{4200}, std::vector<int32_t>{1}));
  g.topics.push_back(topic("more", ToAnchor{Anchor::Latest, ResolveAt::Apply}));
  g.topics.push_back(topic("same", ToAnchor{Anchor::Current, ResolveAt::Plan}));
  g.topics.push_back(topic("copied", FromGroup{"orders-consumer-v1", "", false}));
  g.topics.push_back(topic("replicated", FromGroup{"true", "ckafka-dr", true}, std::vector<int32_t>{0}));
  p.groups.push_back(g);
  p.policy.missing_source = MissingSource::Skip;
  GroupSpec all;
  all.group = "analytics";
  TopicSpec every = topic("", Duration{3600000, "PT1H"});
  every.all_topics = true;
  every.except_topics = {"clicks", "true"};
  all.topics.push_back(every);
  p.groups.push_back(all);
  GroupSpec odd;
  odd.group = "true";  // a name YAML would read as something else
  odd.topics.push_back(topic("x.y_z-1", SingleOffset{9223372036854775807}));
  p.groups.push_back(odd);
  return p;
}

// The model without source locations, as text, to compare plans.
std::string describe(const OffsetPlan& p) {
  std::string s = p.name + "|" + p.description + "|" + p.instance + "|" + p.region.value_or("-") + "|" +
                  std::to_string(p.policy.max_rewind.value_or(-1)) + "|" + std::to_string(p.policy.max_skip.value_or(-1)) +
                  "|" + std::to_string(static_cast<int>(p.policy.out_of_range)) + "|" +
                  std::to_string(static_cast<int>(p.policy.missing_source)) + "\n";
  for (const auto& g : p.groups) {
    s += " group " + g.group + "\n";
    for (const auto& t : g.topics) {
      s += "  topic " + t.topic + " [";
      if (t.partitions)
        for (int32_t x : *t.partitions) s += std::to_string(x) + ",";
      s += "] spec#" + std::to_string(t.spec.index()) + " ";
      std::visit(
          [&](const auto& spec) {
            using T = std::decay_t<decltype(spec)>;
            if constexpr (std::is_same_v<T, ExplicitOffsets>) {
              for (const auto& [k, v] : spec.by_partition) s += std::to_string(k) + "=" + std::to_string(v) + ",";
            } else if constexpr (std::is_same_v<T, SingleOffset>) {
              s += std::to_string(spec.offset);
            } else if constexpr (std::is_same_v<T, ToAnchor>) {
              s += std::to_string(static_cast<int>(spec.anchor)) + "/" + std::to_string(static_cast<int>(spec.resolve_at));
            } else if constexpr (std::is_same_v<T, Shift>) {
              s += std::to_string(spec.by);
            } else if constexpr (std::is_same_v<T, Datetime>) {
              s += std::to_string(spec.epoch_ms) + "/" + std::to_string(static_cast<int>(spec.resolve_at));
            } else if constexpr (std::is_same_v<T, Duration>) {
              s += std::to_string(spec.ms);
            } else {
              s += spec.group + "@" + spec.instance + (spec.allow_cross_instance ? "/cross" : "");
            }
          },
          t.spec);
      if (t.all_topics) {
        s += " all-but";
        for (const auto& e : t.except_topics) s += " " + e;
      }
      s += "\n";
    }
  }
  return s;
}

std::vector<OffsetPlan> read_back(const std::string& text) {
  LoadResult r = load_plan_text(text, "written.yaml");
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].format()) << text;
  return r.ok() ? r.plans.files.at(0).offset_plans : std::vector<OffsetPlan>{};
}

TEST(Writer, WritesCanonicalText) {
  OffsetPlan p;
  p.name = "rollback-run-1";
  p.instance = "ckafka-demo";
  GroupSpec g;
  g.group = "orders-consumer";
  g.topics.push_back(topic("orders", ExplicitOffsets{{{0, 1500}, {1, 1720}}}));
  g.topics.push_back(topic("events", Datetime{1795104000000, "", ResolveAt::Plan}, std::vector<int32_t>{0, 1}));
  p.groups.push_back(g);
  EXPECT_EQ(write_plan_yaml({p}),
            "apiVersion: offsetctl/v1\n"
            "kind: OffsetPlan\n"
            "name: rollback-run-1\n"
            "instance: ckafka-demo\n"
            "groups:\n"
            "  - group: orders-consumer\n"
            "    topics:\n"
            "      - topic: orders\n"
            "        offsets: {0: 1500, 1: 1720}\n"
            "      - topic: events\n"
            "        partitions: [0, 1]\n"
            "        datetime: \"2026-11-19T16:00:00.000Z\"\n");
}

TEST(Writer, RoundTripsEverySpecKind) {
  OffsetPlan p = every_kind();
  std::string text = write_plan_yaml({p});
  auto back = read_back(text);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(describe(back[0]), describe(p));
  EXPECT_EQ(write_plan_yaml(back), text);  // a fixed point
}

TEST(Writer, ManyPartitionsGoOnePerLine) {
  OffsetPlan p;
  p.name = "big";
  p.instance = "i";
  GroupSpec g;
  g.group = "g";
  ExplicitOffsets many;
  for (int32_t i = 0; i < 10000; ++i) many.by_partition[i] = int64_t{i} * 7;
  g.topics.push_back(topic("t", many));
  p.groups.push_back(g);
  std::string text = write_plan_yaml({p});
  EXPECT_NE(text.find("        offsets:\n          0: 0\n          1: 7\n"), std::string::npos);
  auto back = read_back(text);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(describe(back[0]), describe(p));
}

TEST(Writer, SeveralPlansAndAHeader) {
  OffsetPlan a = every_kind();
  OffsetPlan b;
  b.name = "second";
  b.instance = "ckafka-demo";
  GroupSpec g;
  g.group = "billing-consumer";
  g.topics.push_back(topic("orders", Duration{1500, ""}));
  b.groups.push_back(g);
  WriteOptions options;
  options.schema_path = "../schemas/plan.schema.json";
  options.header = {"Rollback of run 42", "", "written by offsetctl\x1b[2J"};
  std::string text = write_plan_yaml({a, b}, options);
  EXPECT_EQ(text.rfind("# yaml-language-server: $schema=../schemas/plan.schema.json\n"
                       "# Rollback of run 42\n"
                       "#\n"
                       "# written by offsetctl?[2J\n"
                       "apiVersion: offsetctl/v1\n",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find("\n---\napiVersion: offsetctl/v1\nkind: OffsetPlan\nname: second\n"), std::string::npos);
  EXPECT_NE(text.find("duration: PT1.500S\n"), std::string::npos);
  auto back = read_back(text);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(describe(back[0]), describe(a));
  EXPECT_EQ(describe(back[1]), describe(b));
}

TEST(Writer, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(yaml_string("orders-consumer"), "orders-consumer");
  EXPECT_EQ(yaml_string("ap-guangzhou"), "ap-guangzhou");
  EXPECT_EQ(yaml_string("PT2H"), "PT2H");
  for (const char* s : {"true", "null", "123", "1e3", "0x1F", "~", "", "yes", "No", "off", "y"})
    EXPECT_EQ(yaml_string(s), "\"" + std::string(s) + "\"") << s;
  EXPECT_EQ(yaml_string("a: b"), "\"a: b\"");
  EXPECT_EQ(yaml_string("-x"), "\"-x\"");
  EXPECT_EQ(yaml_string("say \"hi\"\\\n"), "\"say \\\"hi\\\"\\\\\\n\"");
  EXPECT_EQ(yaml_string("bell\a"), "\"bell\\x07\"");
  EXPECT_EQ(yaml_string("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
}

}  // namespace
}  // namespace offsetctl::plan
