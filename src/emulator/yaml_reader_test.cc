#include "emulator/yaml_reader.h"

#include <gtest/gtest.h>

namespace offsetctl::emulator {
namespace {

TEST(YamlReaderTest, KeepsTheFirstErrorWithItsPosition) {
  YAML::Node n = YAML::Load("a: 1\nb: x\n");
  YamlReader r("f.yaml");
  int64_t v = 0;
  EXPECT_TRUE(r.read_int(n, "a", v, true, 0, 10));
  EXPECT_EQ(v, 1);
  EXPECT_FALSE(r.read_int(n, "b", v, true, 0, 10));
  EXPECT_FALSE(r.read_int(n, "c", v, true, 0, 10));
  EXPECT_EQ(*r.error(), "f.yaml:2:4: `b` must be an integer, not `x`");
}

TEST(YamlReaderTest, IntegersAreStrictDecimals) {
  YamlReader r("f");
  int64_t v = 0;
  for (const char* bad : {"0x10", "1.5", "1e3", "+1", " 1", "99999999999999999999"}) {
    YamlReader each("f");
    EXPECT_FALSE(each.scalar_int(YAML::Node(bad), "`n`", v, -100, 100)) << bad;
  }
  EXPECT_TRUE(r.scalar_int(YAML::Node("-5"), "`n`", v, -100, 100));
  EXPECT_EQ(v, -5);
}

TEST(YamlReaderTest, MapsRefuseUnknownAndDuplicateKeys) {
  YamlReader r("f.yaml");
  EXPECT_FALSE(r.expect_map(YAML::Load("{nme: x}"), "a thing", {"name"}));
  EXPECT_EQ(*r.error(), "f.yaml:1:2: unknown key `nme` in a thing; did you mean `name`?");
  YamlReader far("f.yaml");
  EXPECT_FALSE(far.expect_map(YAML::Load("{colour: x}"), "a thing", {"name"}));
  EXPECT_EQ(*far.error(), "f.yaml:1:2: unknown key `colour` in a thing");
  YamlReader d("f.yaml");
  EXPECT_FALSE(d.expect_map(YAML::Load("name: x\nname: y\n"), "a thing", {"name"}));
  EXPECT_EQ(*d.error(), "f.yaml:2:1: duplicate key `name` in a thing");
  YamlReader l("f.yaml");
  EXPECT_FALSE(l.expect_map(YAML::Load("[1]"), "a thing", {"name"}));
  EXPECT_EQ(*l.error(), "f.yaml:1:1: a thing must be a mapping of keys to values");
}

}  // namespace
}  // namespace offsetctl::emulator
