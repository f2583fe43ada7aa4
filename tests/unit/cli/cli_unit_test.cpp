// The CLI's own pieces: "did you mean", its messages from the catalogue
// (i18n/messages/platform.toml) and report/messages.h's table (every entry in English and Japanese,
// with the same arguments).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "ecsguard/cli/suggest.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/messages.h"

namespace ecsguard::cli {
namespace {

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
  expect_complete(report::messages::kAll);
}

TEST(Messages, CliMessagesComeFromTheCatalogueInBothLanguages) {
  const i18n::Message m = i18n::msg::cli::DidYouMean{.command = "scna", .suggestion = "scan"};
  EXPECT_EQ(i18n::render(m, i18n::Lang::kEn),
            "ecsguard: unknown command 'scna'. Did you mean 'scan'?");
  EXPECT_EQ(i18n::render(m, i18n::Lang::kJa),
            "ecsguard: 'scna' というコマンドはありません。'scan' のことですか?");
  // Every cli.* entry (errors and --help texts) has a Japanese text of its own.
  int cli_entries = 0;
  for (const auto& e : i18n::entries()) {
    if (!e.key.starts_with("cli.")) continue;
    ++cli_entries;
    SCOPED_TRACE(std::string(e.key));
    EXPECT_FALSE(e.ja.empty());
    EXPECT_NE(e.en, e.ja);
  }
  EXPECT_GT(cli_entries, 40);
}

}  // namespace
}  // namespace ecsguard::cli
