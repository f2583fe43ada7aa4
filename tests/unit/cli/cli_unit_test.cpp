// The CLI's own pieces: "did you mean" and the message tables (every entry in English and
// Japanese, with the same named arguments).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "ecsguard/cli/messages.h"
#include "ecsguard/core/suggest.h"

namespace ecsguard::cli {
namespace {

using core::closest;
using core::edit_distance;

constexpr std::string_view kCommands[] = {"scan", "checks", "explain", "docs", "help", "version"};

TEST(Suggest, EditDistance) {
  EXPECT_EQ(edit_distance("scan", "scan"), 0u);
  EXPECT_EQ(edit_distance("scna", "scan"), 1u) << "a swap of neighbours is one edit";
  EXPECT_EQ(edit_distance("SCAN", "scan"), 0u);
  EXPECT_EQ(edit_distance("scans", "scan"), 1u);
  EXPECT_EQ(edit_distance("", "scan"), 4u);
}

TEST(Suggest, ClosestCommandOnlyWhenCloseEnough) {
  EXPECT_EQ(closest("scna", kCommands), "scan");
  EXPECT_EQ(closest("chekcs", kCommands), "checks");
  EXPECT_EQ(closest("explian", kCommands), "explain");
  EXPECT_EQ(closest("verison", kCommands), "version");
  EXPECT_FALSE(closest("frobnicate", kCommands).has_value());
  EXPECT_FALSE(closest("x", kCommands).has_value()) << "one letter is no typo of anything";
}

std::set<std::string> arguments(std::string_view text) {
  std::set<std::string> out;
  const std::string s(text);
  const std::regex arg(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), arg); it != std::sregex_iterator();
       ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

template <class Table>
void expect_complete(const Table& table) {
  std::set<std::string_view> ids;
  for (const auto& m : table) {
    SCOPED_TRACE(std::string(m.id));
    EXPECT_TRUE(ids.insert(m.id).second) << "duplicate id";
    EXPECT_FALSE(m.en.empty());
    EXPECT_FALSE(m.ja.empty());
    EXPECT_EQ(arguments(m.en), arguments(m.ja));
    EXPECT_NE(m.en, m.ja);
  }
}

TEST(Messages, EveryEntryHasEnglishAndJapaneseWithTheSameArguments) {
  expect_complete(messages::kAll);
}

TEST(Messages, TextFillsNamedArguments) {
  EXPECT_EQ(messages::text(messages::kDidYouMean, fmt::arg("command", "scna"),
                           fmt::arg("suggestion", "scan")),
            "ecsguard: unknown command 'scna'. Did you mean 'scan'?");
}

}  // namespace
}  // namespace ecsguard::cli
