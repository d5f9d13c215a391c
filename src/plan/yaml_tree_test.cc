#include "plan/yaml_tree.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

ParsedYaml parse(std::string_view text, YamlLimits limits = {}) {
  limits.text_keys = {"description"};
  return parse_yaml(text, limits);
}

std::string issues_of(const ParsedYaml& p) {
  std::string out;
  for (const auto& i : p.issues) out += std::to_string(i.line) + ":" + std::to_string(i.col) + ": " + i.message + "\n";
  return out;
}

TEST(YamlTree, RemembersWhereEveryNodeWas) {
  ParsedYaml p = parse("a: 1\nlist:\n  - x\n  - {k: v}\n");
  ASSERT_EQ(p.documents.size(), 1u);
  const YNode& doc = p.documents[0];
  ASSERT_TRUE(doc.is_map());
  EXPECT_EQ(doc.mark.line, 1);
  const YEntry* list = doc.find_entry("list");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->key_mark.line, 2);
  EXPECT_EQ(list->key_mark.col, 1);
  ASSERT_TRUE(list->value.is_seq());
  ASSERT_EQ(list->value.items.size(), 2u);
  EXPECT_EQ(list->value.items[0].mark.line, 3);
  EXPECT_EQ(list->value.items[0].mark.col, 5);
  const YNode* v = list->value.items[1].find("k");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->text, "v");
  EXPECT_EQ(v->mark.line, 4);
  EXPECT_EQ(v->mark.col, 9);
  EXPECT_TRUE(p.issues.empty());
}

TEST(YamlTree, TellsQuotedFromPlainAndEmptyFromNull) {
  ParsedYaml p = parse("a: 12\nb: \"12\"\nc: '12'\nd:\ne: ~\nf: null\ng: |\n  text\n");
  const YNode& doc = p.documents.at(0);
  EXPECT_EQ(doc.find("a")->info.type, ScalarType::Int);
  EXPECT_EQ(doc.find("a")->info.int_value, 12);
  EXPECT_EQ(doc.find("b")->info.type, ScalarType::String);
  EXPECT_FALSE(doc.find("b")->plain);
  EXPECT_EQ(doc.find("c")->info.type, ScalarType::String);
  EXPECT_TRUE(doc.find("d")->empty);
  EXPECT_EQ(doc.find("d")->info.type, ScalarType::Null);
  EXPECT_FALSE(doc.find("e")->empty);
  EXPECT_EQ(doc.find("e")->info.type, ScalarType::Null);
  EXPECT_EQ(doc.find("f")->text, "null");
  EXPECT_EQ(doc.find("g")->text, "text\n");
  EXPECT_EQ(doc.find("g")->info.type, ScalarType::String);
  // A value left out before a key that starts with "null" is still left out.
  EXPECT_TRUE(parse("a:\nnullable: 1\n").documents.at(0).find("a")->empty);
}

TEST(YamlTree, ReportsDuplicateKeysAndKeepsTheFirst) {
  ParsedYaml p = parse("name: a\nkind: x\nname: b\nm: {k: 1, k: 2}\n");
  EXPECT_EQ(issues_of(p),
            "3:1: duplicate key 'name' (first at line 1): each key may appear once in a mapping\n"
            "4:11: duplicate key 'k' (first at line 4): each key may appear once in a mapping\n");
  EXPECT_EQ(p.documents.at(0).find("name")->text, "a");
  EXPECT_EQ(p.documents.at(0).entries.size(), 3u);
}

TEST(YamlTree, RefusesAnchorsAndAliasesWithoutExpandingThem) {
  ParsedYaml p = parse("a: &x [1, 2]\nb: *x\nc: *x\nd: &y 3\n");
  EXPECT_EQ(issues_of(p),
            "1:4: anchor '&x' is not supported: plan files do not use anchors and aliases; write the value out "
            "(the file has 2 anchors)\n"
            "2:4: alias '*x' is not supported: plan files do not use anchors and aliases; write the value out "
            "(the file has 2 aliases)\n");
  ASSERT_EQ(p.document_has_alias.size(), 1u);
  EXPECT_TRUE(p.document_has_alias[0]);
  EXPECT_TRUE(p.documents[0].find("b")->flagged);
}

TEST(YamlTree, RefusesTagsAndComplexKeys) {
  ParsedYaml p = parse("a: !!str 12\nb: !custom x\n[1, 2]: 3\n");
  EXPECT_EQ(issues_of(p),
            "1:4: YAML tag '!!str' is not supported: quote the value to make it text\n"
            "2:4: YAML tag '!custom' is not supported: quote the value to make it text\n"
            "3:1: a mapping key must be plain text, not a list\n");
}

TEST(YamlTree, StopsAtTheDepthLimit) {
  YamlLimits l;
  l.max_depth = 5;
  ParsedYaml p = parse("a: [[[[[[[[1]]]]]]]]\n", l);
  EXPECT_TRUE(p.over_limit);
  EXPECT_EQ(issues_of(p), "1:8: values are nested more than 5 levels deep; a plan needs far fewer\n");
  EXPECT_TRUE(p.documents.empty());
}

TEST(YamlTree, SurvivesVeryDeepNesting) {
  std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  ParsedYaml p = parse(deep);
  EXPECT_TRUE(p.over_limit);
  ASSERT_EQ(p.issues.size(), 1u);
  EXPECT_EQ(p.issues[0].message, "values are nested more than 64 levels deep; a plan needs far fewer");
}

TEST(YamlTree, StopsAtTheListLimit) {
  YamlLimits l;
  l.max_items = 3;
  ParsedYaml p = parse("partitions: [0, 1, 2, 3, 4]\n", l);
  EXPECT_TRUE(p.over_limit);
  EXPECT_EQ(issues_of(p), "1:13: 'partitions' has more than 3 items; the limit is 3: split the entry\n");
  p = parse("offsets: {0: 1, 1: 1, 2: 1, 3: 1}\n", l);
  EXPECT_EQ(issues_of(p), "1:10: 'offsets' has more than 3 keys; the limit is 3: split the entry\n");
}

TEST(YamlTree, StopsAtTheNodeAndDocumentLimits) {
  YamlLimits l;
  l.max_nodes = 10;
  ParsedYaml p = parse("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", l);
  EXPECT_TRUE(p.over_limit);
  EXPECT_EQ(p.issues.at(0).message, "the file holds more than 10 values: split it into several files");
  YamlLimits d;
  d.max_documents = 2;
  p = parse("a: 1\n---\nb: 2\n---\nc: 3\n", d);
  EXPECT_EQ(issues_of(p), "4:1: the file holds more than 2 documents: split it into several files\n");
}

TEST(YamlTree, BoundsKeysAndValues) {
  YamlLimits l;
  l.max_scalar_bytes = 5;
  l.max_text_bytes = 8;
  l.max_key_bytes = 11;
  ParsedYaml p = parse("name: abcdef\ndescription: abcdefgh\nlonger-than-11: 1\nx: 12345\n", l);
  EXPECT_EQ(issues_of(p),
            "1:7: this value is 6 bytes long; the limit is 5\n"
            "3:1: this key is 14 bytes long; the limit is 11\n");
  EXPECT_TRUE(p.documents.at(0).find("name")->flagged);
  EXPECT_EQ(p.documents.at(0).find("description")->text, "abcdefgh");
  EXPECT_EQ(p.documents.at(0).find("longer-than-11"), nullptr);
}

TEST(YamlTree, ExplainsKeysLongerThanYamlAllows) {
  ParsedYaml p = parse(std::string(1500, 'k') + ": 1\n");
  EXPECT_EQ(issues_of(p), "1:1501: this key is longer than 1024 characters, the most YAML allows for a key\n");
}

TEST(YamlTree, FindsQuotesLeftOpen) {
  EXPECT_EQ(issues_of(parse("a: \"abc\nb: 1\n")), "1:4: this quoted value is not closed: a closing \" is missing\n");
  EXPECT_EQ(issues_of(parse("a: 'it''s\n")), "1:4: this quoted value is not closed: a closing ' is missing\n");
  EXPECT_EQ(issues_of(parse("a: \"x\ny\"\n")), "1:4: this quoted value runs over 2 lines: is a closing \" missing?\n");
  EXPECT_EQ(issues_of(parse("description: \"x\n  y\"\nb: 'it''s'\nc: \"q\\\"\"\n")), "");
}

TEST(YamlTree, ExplainsSyntaxErrors) {
  EXPECT_EQ(issues_of(parse("a: b: c\n")),
            "1:5: YAML syntax error: a ':' where no key can start: check the indentation, or quote a value that "
            "contains ': '\n");
  EXPECT_EQ(issues_of(parse("a: [1, 2\n")), "2:1: YAML syntax error: a '[' is not closed by ']'\n");
  EXPECT_EQ(issues_of(parse("a:\n  b: 1\n c: 2\n")),
            "3:2: YAML syntax error: this line does not continue the mapping above it: check its indentation\n");
  EXPECT_EQ(issues_of(parse("a: \"\\q\"\n")),
            "1:7: YAML syntax error: unknown escape '\\q' in a double-quoted value (write a backslash as \\\\, or use "
            "single quotes)\n");
  EXPECT_EQ(issues_of(parse("a: *nothing\n")),
            "1:4: YAML syntax error: an alias refers to an anchor that does not exist (plan files do not use anchors "
            "and aliases)\n");
  EXPECT_TRUE(parse("a: [1\n").aborted);
  EXPECT_FALSE(parse("a: [1\n").over_limit);
}

TEST(YamlTree, ReportsADocumentStartedWithoutASeparator) {
  ParsedYaml p = parse("- a\nb: 1\n");
  EXPECT_EQ(issues_of(p),
            "2:1: this line fits no indentation above it, so YAML starts a new document here without '---': check "
            "its indentation\n");
  EXPECT_EQ(issues_of(parse("a: 1\n---\nb: 2\n...\nc: 3\n")), "");
  EXPECT_EQ(parse("a: 1\n---\n---\nb: 2\n").documents.size(), 3u);
}

TEST(YamlTree, CountsDocuments) {
  ParsedYaml p = parse("# c\n---\na: 1\n---\nb: 2\n");
  ASSERT_EQ(p.documents.size(), 2u);
  EXPECT_EQ(p.document_marks[1].line, 4);
  EXPECT_TRUE(parse("").documents.empty());
  EXPECT_TRUE(parse("# only\n").documents.empty());
}

}  // namespace
}  // namespace offsetctl::plan
