// Which language: --lang names, POSIX locale names and the LC_ALL > LC_MESSAGES > LANG order.
#include <gtest/gtest.h>

#include "ecsguard/i18n/lang.h"

namespace {

using ecsguard::i18n::Lang;
using ecsguard::i18n::lang_from_locale_env;
using ecsguard::i18n::lang_of_locale;
using ecsguard::i18n::parse_lang;

TEST(Lang, ParsesTheOptionValues) {
  EXPECT_EQ(parse_lang("en"), Lang::kEn);
  EXPECT_EQ(parse_lang("ja"), Lang::kJa);
  EXPECT_EQ(parse_lang("JA"), Lang::kJa);
  EXPECT_FALSE(parse_lang("jp").has_value());
  EXPECT_FALSE(parse_lang("ja_JP").has_value());
  EXPECT_FALSE(parse_lang("").has_value());
}

TEST(Lang, JapaneseLocalesAreJapanese) {
  EXPECT_EQ(lang_of_locale("ja"), Lang::kJa);
  EXPECT_EQ(lang_of_locale("ja_JP"), Lang::kJa);
  EXPECT_EQ(lang_of_locale("ja_JP.UTF-8"), Lang::kJa);
  EXPECT_EQ(lang_of_locale("ja_JP.eucJP"), Lang::kJa);
  EXPECT_EQ(lang_of_locale("ja.UTF-8"), Lang::kJa);
  EXPECT_EQ(lang_of_locale("ja_JP@euro"), Lang::kJa);
}

TEST(Lang, OtherLocalesAreEnglish) {
  EXPECT_EQ(lang_of_locale("C"), Lang::kEn);
  EXPECT_EQ(lang_of_locale("POSIX"), Lang::kEn);
  EXPECT_EQ(lang_of_locale("C.UTF-8"), Lang::kEn);
  EXPECT_EQ(lang_of_locale("en_US.UTF-8"), Lang::kEn);
  EXPECT_EQ(lang_of_locale("japanese"), Lang::kEn);
  EXPECT_EQ(lang_of_locale("jax_JP"), Lang::kEn);
  EXPECT_EQ(lang_of_locale(""), Lang::kEn);
}

TEST(Lang, FirstSetVariableWinsAsInPosix) {
  EXPECT_EQ(lang_from_locale_env(nullptr, nullptr, nullptr), Lang::kEn);
  EXPECT_EQ(lang_from_locale_env(nullptr, nullptr, "ja_JP.UTF-8"), Lang::kJa);
  EXPECT_EQ(lang_from_locale_env(nullptr, "ja_JP.UTF-8", "en_US.UTF-8"), Lang::kJa);
  EXPECT_EQ(lang_from_locale_env("ja_JP.UTF-8", "en_US.UTF-8", "en_US.UTF-8"), Lang::kJa);
  // A set LC_ALL or LC_MESSAGES decides even when it is not Japanese.
  EXPECT_EQ(lang_from_locale_env("C", "ja_JP.UTF-8", "ja_JP.UTF-8"), Lang::kEn);
  EXPECT_EQ(lang_from_locale_env(nullptr, "en_US.UTF-8", "ja_JP.UTF-8"), Lang::kEn);
  // Empty means unset.
  EXPECT_EQ(lang_from_locale_env("", "", "ja_JP.UTF-8"), Lang::kJa);
  EXPECT_EQ(lang_from_locale_env("", nullptr, ""), Lang::kEn);
}

}  // namespace
