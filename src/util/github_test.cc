#include "util/github.h"

#include <gtest/gtest.h>

namespace offsetctl::util {
namespace {

TEST(Github, EscapesDataAsTheRunnerReadsIt) {
  EXPECT_EQ(github_escape_data("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
  EXPECT_EQ(github_escape_property("plans/a:b,c%.yaml\n"), "plans/a%3Ab%2Cc%25.yaml%0A");
}

TEST(Github, AnnotationOnAFileLineAndColumn) {
  Annotation a{AnnotationLevel::Error, "plans/orders.yaml", 12, 9, "offsetctl", "unknown key 'offest'"};
  EXPECT_EQ(github_annotation(a), "::error file=plans/orders.yaml,line=12,col=9,title=offsetctl::unknown key 'offest'\n");
  a.level = AnnotationLevel::Warning;
  a.col = 0;
  EXPECT_EQ(github_annotation(a), "::warning file=plans/orders.yaml,line=12,title=offsetctl::unknown key 'offest'\n");
  a.line = 0;
  a.col = 3;  // a column without a line means nothing
  EXPECT_EQ(github_annotation(a), "::warning file=plans/orders.yaml,title=offsetctl::unknown key 'offest'\n");
}

TEST(Github, AnnotationWithoutAFile) {
  Annotation a{AnnotationLevel::Notice, "", 4, 2, "", "3 more errors"};
  EXPECT_EQ(github_annotation(a), "::notice::3 more errors\n");
}

TEST(Github, AMessageCannotStartAnotherCommand) {
  Annotation a{AnnotationLevel::Error, "a.yaml", 1, 1, "t", "bad\n::error::injected"};
  EXPECT_EQ(github_annotation(a), "::error file=a.yaml,line=1,col=1,title=t::bad%0A::error::injected\n");
}

TEST(Github, PathsRelativeToTheWorkspace) {
  EXPECT_EQ(relative_to_workspace("/repo/plans/a.yaml", "/repo"), "plans/a.yaml");
  EXPECT_EQ(relative_to_workspace("/repo/plans/../b.yaml", "/repo/"), "b.yaml");
  EXPECT_EQ(relative_to_workspace("/elsewhere/a.yaml", "/repo"), "/elsewhere/a.yaml");
  EXPECT_EQ(relative_to_workspace("plans/a.yaml", ""), "plans/a.yaml");
}

}  // namespace
}  // namespace offsetctl::util
