// plans/examples/: every example is valid, alone and together (the demo
// validates the folder), and together they show every spec kind.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "plan/load.h"
#include "plan/test_support.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::plan {
namespace {

using test::formatted;

std::string examples() { return testing::source_dir() + "/plans/examples"; }

TEST(Examples, AreValidTogether) {
  LoadResult r = load_plans({examples()});
  EXPECT_TRUE(r.ok()) << formatted(r);
  EXPECT_GE(r.files_read, 10u);
  EXPECT_EQ(r.plan_count(), r.files_read);
}

TEST(Examples, EachNamesItsRegion) {
  // A new user plans them first, without --region: each must say where it runs.
  LoadResult r = load_plans({examples()});
  for (const auto& f : r.plans.files) {
    for (const auto& p : f.offset_plans) EXPECT_TRUE(p.region && !p.region->empty()) << f.path;
    for (const auto& p : f.dts_plans) EXPECT_TRUE(p.region && !p.region->empty()) << f.path;
  }
}

TEST(Examples, AreValidAloneAndPointEditorsAtTheSchema) {
  for (const auto& entry : std::filesystem::directory_iterator(examples())) {
    const std::string path = entry.path().string();
    LoadResult r = load_plans({path});
    EXPECT_TRUE(r.ok()) << formatted(r);
    auto text = util::read_file(path);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(text->substr(0, text->find('\n')), "# yaml-language-server: $schema=../../schemas/plan.schema.json")
        << path;
  }
}

TEST(Examples, ShowEverySpecKindAndOption) {
  LoadResult r = load_plans({examples()});
  std::set<size_t> spec_kinds;
  std::set<Anchor> anchors;
  bool selection = false, policy = false, resolve_at_apply = false, dts = false, dts_datetime = false;
  for (const auto& f : r.plans.files) {
    for (const auto& p : f.offset_plans) {
      policy = policy || p.policy.max_rewind || p.policy.max_skip || p.policy.out_of_range == OutOfRange::Clamp;
      for (const auto& g : p.groups) {
        for (const auto& t : g.topics) {
          spec_kinds.insert(t.spec.index());
          selection = selection || t.partitions.has_value();
          if (const auto* to = std::get_if<ToAnchor>(&t.spec)) {
            anchors.insert(to->anchor);
            resolve_at_apply = resolve_at_apply || to->resolve_at == ResolveAt::Apply;
          }
          if (const auto* d = std::get_if<Datetime>(&t.spec))
            resolve_at_apply = resolve_at_apply || d->resolve_at == ResolveAt::Apply;
        }
      }
    }
    for (const auto& p : f.dts_plans) {
      dts = true;
      for (const auto& g : p.groups) dts_datetime = dts_datetime || g.mode == DtsResetMode::Datetime;
    }
  }
  EXPECT_EQ(spec_kinds.size(), std::variant_size_v<Spec>);
  EXPECT_EQ(anchors, (std::set<Anchor>{Anchor::Earliest, Anchor::Latest, Anchor::Current}));
  EXPECT_TRUE(selection);
  EXPECT_TRUE(policy);
  EXPECT_TRUE(resolve_at_apply);
  EXPECT_TRUE(dts);
  EXPECT_TRUE(dts_datetime);
}

}  // namespace
}  // namespace offsetctl::plan
