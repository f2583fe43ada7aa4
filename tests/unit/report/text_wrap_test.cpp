// Word wrapping of the terminal table: columns, word boundaries, Japanese line-breaking.
#include "ecsguard/report/text_wrap.h"

#include <gtest/gtest.h>

namespace ecsguard::report {
namespace {

TEST(TextWrap, DisplayWidthCountsWideCharactersTwiceAndColoursNot) {
  EXPECT_EQ(display_width("HIGH"), 4u);
  EXPECT_EQ(display_width("判定不能"), 8u);
  EXPECT_EQ(display_width("\033[1;31mHIGH\033[0m"), 4u);
}

TEST(TextWrap, BreaksOnSpacesNeverInsideAWord) {
  EXPECT_EQ(wrap_text("container 'web' runs privileged", 16),
            (std::vector<std::string>{"container 'web'", "runs privileged"}));
  // A word longer than the width keeps its own line whole.
  EXPECT_EQ(wrap_text("see examples/insecure/cdk.out/InsecureStack.template.json:42", 20),
            (std::vector<std::string>{"see",
                                      "examples/insecure/cdk.out/InsecureStack.template.json:42"}));
  EXPECT_EQ(wrap_text("short", 80), std::vector<std::string>{"short"});
}

TEST(TextWrap, JapaneseBreaksBetweenCharactersButNotBeforeClosingMarksOrSmallKana) {
  const auto lines = wrap_text("イメージをプッシュします。", 10);
  for (const auto& l : lines) {
    EXPECT_LE(display_width(l), 10u) << l;
    EXPECT_NE(l.rfind("。", 0), 0u) << "a line never starts with 。";
    EXPECT_NE(l.rfind("ッ", 0), 0u) << "nor with a small kana";
  }
  EXPECT_GT(lines.size(), 1u);
  std::string joined;
  for (const auto& l : lines) joined += l;
  EXPECT_EQ(joined, "イメージをプッシュします。") << "nothing lost or added";
}

}  // namespace
}  // namespace ecsguard::report
