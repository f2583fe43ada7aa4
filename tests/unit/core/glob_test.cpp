#include "ecsguard/core/glob.h"

#include <gtest/gtest.h>

namespace ecsguard::core {
namespace {

TEST(Glob, StarMatchesAnyRunAlsoEmpty) {
  EXPECT_TRUE(glob_match("*_ARN", "DB_SECRET_ARN"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("a*b*c", "abc"));
  EXPECT_TRUE(glob_match("a*b*c", "a-x-b-y-c"));
  EXPECT_FALSE(glob_match("a*b*c", "a-x-c"));
  EXPECT_TRUE(glob_match("prod/*", "prod/api/web")) << "'*' crosses '/'";
  EXPECT_TRUE(glob_match("a*b", "a*xb")) << "a '*' in the subject is an ordinary character";
  EXPECT_FALSE(glob_match("", "x"));
}

TEST(Glob, CaseAndQuestionMarkAreOptions) {
  EXPECT_FALSE(glob_match("Latest", "latest"));
  EXPECT_TRUE(glob_match("Latest", "latest", {.ignore_case = true}));
  EXPECT_FALSE(glob_match("v?", "v1"));
  EXPECT_TRUE(glob_match("v?", "v?"));
  EXPECT_TRUE(glob_match("v?", "v1", {.question_mark = true}));
  EXPECT_FALSE(glob_match("v?", "v", {.question_mark = true}));
}

TEST(Glob, LongSubjectsStayFast) {
  const std::string s(100000, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*b", s));
  EXPECT_TRUE(glob_match("*a*a*a*", s));
}

}  // namespace
}  // namespace ecsguard::core
