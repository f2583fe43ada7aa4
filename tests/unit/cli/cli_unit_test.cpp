// The CLI's own pieces: "did you mean", its messages from the catalogue
// (i18n/messages/platform.toml) and report/messages.h's table (every entry in English and Japanese,
// with the same arguments).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "ecsguard/core/suggest.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"

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
