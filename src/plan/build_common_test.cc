#include "plan/build_common.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

struct Fixture {
  explicit Fixture(std::string_view yaml) : text(yaml), lines(text), ctx(file, lines, sink) {
    parsed = parse_yaml(text, YamlLimits{});
  }
  const YNode& doc() const { return parsed.documents.at(0); }
  std::vector<std::string> issues() const {
    std::vector<std::string> out;
    for (const auto& i : sink.issues()) out.push_back(std::to_string(i.line) + ":" + std::to_string(i.col) + " " + i.message);
    return out;
  }
  std::string file = "f.yaml";
  std::string text;
  LineIndex lines;
  IssueSink sink;
  BuildContext ctx;
  ParsedYaml parsed;
};

TEST(BuildCommon, LocationsAreInCharacters) {
  Fixture f("n\xC3\xA9: 1\nx: y\n");
  SourceLoc l = f.ctx.loc({1, 6, 5});
  EXPECT_EQ(l.file, "f.yaml");
  EXPECT_EQ(l.line, 1);
  EXPECT_EQ(l.col, 5);
}

TEST(BuildCommon, ReadsNamesTextAndIntegers) {
  Fixture f("name: orders\ntext: \"two\\nlines\"\nbad: \"a\\u202Eb\"\nnum: 12\nq: \"12\"\n");
  EXPECT_EQ(f.ctx.name(f.doc(), "name"), "orders");
  EXPECT_EQ(f.ctx.text(f.doc(), "text"), "two\nlines");
  EXPECT_EQ(f.ctx.name(f.doc(), "text"), std::nullopt);
  EXPECT_EQ(f.ctx.name(f.doc(), "bad"), std::nullopt);
  EXPECT_EQ(f.ctx.name(f.doc(), "missing"), std::nullopt);
  EXPECT_EQ(f.ctx.integer(f.doc(), "num"), 12);
  EXPECT_EQ(f.ctx.integer(f.doc(), "q"), std::nullopt);  // the schema reports it
  EXPECT_EQ(f.issues(), (std::vector<std::string>{
                            "2:7 'text' contains an invisible or control character (U+000A): plan text must be printable",
                            "3:6 'bad' contains an invisible or control character (U+202E): plan text must be printable"}));
}

TEST(BuildCommon, Partitions) {
  Fixture f("a: [3, 1, 2]\n");
  EXPECT_EQ(f.ctx.partitions(f.doc()), std::nullopt);  // no 'partitions' key in this mapping
  Fixture g("partitions: [3, 1, 2]\n");
  EXPECT_EQ(g.ctx.partitions(g.doc()), (std::vector<int32_t>{3, 1, 2}));
  Fixture h("partitions: [1, 1]\n");
  EXPECT_EQ(h.ctx.partitions(h.doc()), std::nullopt);
  EXPECT_EQ(h.issues(), (std::vector<std::string>{"1:17 partition 1 is listed twice (first at column 14): list each "
                                                  "partition once"}));
}

TEST(BuildCommon, Datetimes) {
  Fixture f("datetime: 2026-11-20T00:00:00Z\n");
  auto d = f.ctx.datetime(f.doc());
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->epoch_ms, 1795132800000);
  EXPECT_EQ(d->text, "2026-11-20T00:00:00Z");
  Fixture g("datetime: 2026-11-20\n");
  EXPECT_EQ(g.ctx.datetime(g.doc()), std::nullopt);
  EXPECT_EQ(g.issues(), (std::vector<std::string>{"1:11 'datetime' \"2026-11-20\" has no time of day (expected "
                                                  "YYYY-MM-DDThh:mm:ss+hh:mm)"}));
}

}  // namespace
}  // namespace offsetctl::plan
