// The compiled message catalogue: every entry in both languages with the same named arguments,
// renderable with them; check titles and rationales present in Japanese; nested parts rendered
// in the language of the message they belong to.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"

namespace {

using ecsguard::i18n::Entry;
using ecsguard::i18n::Lang;
namespace i18n = ecsguard::i18n;
namespace engine = ecsguard::engine;

// Named arguments of a format string in order of first use ("{{" / "}}" are literal braces).
std::vector<std::string> placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      ++i;
      continue;
    }
    if (c != '{') continue;
    const auto end = text.find('}', i);
    if (end == std::string_view::npos) {
      out.emplace_back("<unclosed>");
      break;
    }
    std::string name(text.substr(i + 1, end - i - 1));
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    i = end;
  }
  return out;
}

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// A message for `e` whose every argument is "<name>".
i18n::Message sample(std::size_t index, const Entry& e) {
  i18n::Message m{static_cast<i18n::Id>(index), {}};
  for (const auto name : e.args) m.args.push_back({name, "<" + std::string(name) + ">", nullptr});
  return m;
}

TEST(Catalogue, EveryEntryHasBothLanguagesWithTheSameArguments) {
  const auto all = i18n::entries();
  ASSERT_EQ(all.size(), i18n::kIdCount);
  ASSERT_GT(all.size(), 300u);
  for (const auto& e : all) {
    EXPECT_FALSE(e.en.empty()) << e.key;
    EXPECT_FALSE(e.ja.empty()) << e.key;
    const std::vector<std::string> declared(e.args.begin(), e.args.end());
    EXPECT_EQ(placeholders(e.en), declared) << e.key;
    EXPECT_EQ(as_set(placeholders(e.ja)), as_set(declared)) << e.key;
  }
}

TEST(Catalogue, KeysAreSortedAndFoundByName) {
  const auto all = i18n::entries();
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].key, all[i].key);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Entry* e = i18n::find_entry(all[i].key);
    ASSERT_NE(e, nullptr) << all[i].key;
    EXPECT_EQ(e, &i18n::entry(static_cast<i18n::Id>(i)));
  }
  EXPECT_EQ(i18n::find_entry("ctr001.no_such_entry"), nullptr);
}

TEST(Catalogue, EveryEntryRendersWithItsArgumentsInBothLanguages) {
  const auto all = i18n::entries();
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (const Lang lang : {Lang::kEn, Lang::kJa}) {
      const std::string text = i18n::render(sample(i, all[i]), lang);
      for (const auto name : all[i].args) {
        EXPECT_NE(text.find("<" + std::string(name) + ">"), std::string::npos)
            << all[i].key << " (" << i18n::to_string(lang) << "): " << text;
      }
    }
  }
}

// Entries whose Japanese text is, on purpose, the English one: layer names of the talk's
// diagram, product and option names, and pass-through parts.
constexpr std::string_view kSameInBothLanguages[] = {
    "common.model_reason",     "ctr007.format.jwt",        "table.fail_never",
    "table.layer.application", "table.layer.container",    "table.layer.container_runtime",
    "table.layer.host_os",     "table.layer.iam",          "table.layer.image",
    "table.layer.network",     "table.layer.orchestrator", "table.layer.registry",
    "table.layer.runtime",     "table.owner_aws",          "reg009.image_unknown"};

TEST(Catalogue, JapaneseIsWrittenNotCopied) {
  for (const auto& e : i18n::entries()) {
    if (std::find(std::begin(kSameInBothLanguages), std::end(kSameInBothLanguages), e.key) !=
        std::end(kSameInBothLanguages)) {
      continue;
    }
    EXPECT_NE(e.en, e.ja) << e.key << " has no Japanese text of its own";
    EXPECT_TRUE(has_non_ascii(e.ja)) << e.key << ": " << e.ja;
  }
}

TEST(Catalogue, EveryCatalogTitleIsAnEntryInBothLanguages) {
  std::set<std::string_view> used;
  for (const auto& c : engine::catalog()) {
    EXPECT_EQ(i18n::render(c.title_id, Lang::kEn), c.title) << c.id;
    EXPECT_TRUE(has_non_ascii(i18n::render(c.title_id, Lang::kJa))) << c.id;
    used.insert(i18n::entry(c.title_id).key);
  }
  for (const auto& e : i18n::entries()) {
    if (e.key.starts_with("title.")) {
      EXPECT_TRUE(used.count(e.key)) << e.key << " is unused";
    }
  }
}

TEST(Catalogue, EveryCheckHasARationaleInBothLanguages) {
  for (const auto& c : engine::catalog()) {
    const auto* def = engine::find_check(c.id);
    if (!def) continue;
    const Entry& e = i18n::entry(def->rationale);
    EXPECT_TRUE(e.key.ends_with(".rationale")) << c.id << " -> " << e.key;
    std::string id(c.id);
    id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    EXPECT_EQ(e.key, id + ".rationale") << c.id;
    EXPECT_GT(i18n::render(def->rationale, Lang::kJa).size(), 40u) << c.id;
  }
}

TEST(Catalogue, RendersNamedArgumentsAndNestedPartsInTheSameLanguage) {
  const i18n::Message m = i18n::msg::ctr013::FargateNoSize{
      .task_definition = i18n::msg::common::TaskDefinition{.name = "web"}, .property = "cpu"};
  EXPECT_EQ(i18n::render(m, Lang::kEn),
            "task definition 'web' requires FARGATE but sets no task-level cpu; Fargate needs both "
            "cpu and memory");
  EXPECT_EQ(
      i18n::render(m, Lang::kJa),
      "タスク定義 'web' は FARGATE を要求していますが、タスクレベルの cpu を設定していません。"
      "Fargate では cpu と memory の両方が必要です");
}

TEST(Catalogue, NumbersAndBracesInArgumentsAreText) {
  const i18n::Message m =
      i18n::msg::ctr009::DaysTooLong{.schedule = "{x}", .secret = "s", .days = 120, .max_days = 90};
  EXPECT_EQ(i18n::render(m, Lang::kEn),
            "rotation schedule '{x}' rotates secret 's' every 120 days, more than the 90 days "
            "allowed (Security Hub SecretsManager.4)");
}

TEST(Catalogue, LiteralBracesOfTheTextAreKept) {
  const std::string en = i18n::render(i18n::Id::kCtr007Rationale, Lang::kEn);
  EXPECT_NE(en.find("{{resolve:secretsmanager:...}}"), std::string::npos) << en;
  const std::string ja = i18n::render(i18n::Id::kCtr007Rationale, Lang::kJa);
  EXPECT_NE(ja.find("{{resolve:secretsmanager:...}}"), std::string::npos) << ja;
}

}  // namespace
