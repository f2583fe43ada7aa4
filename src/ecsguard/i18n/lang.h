#pragma once
// The language messages are shown in: `--lang en|ja`, else the locale environment.
#include <optional>
#include <string_view>

namespace ecsguard::i18n {

enum class Lang : unsigned char { kEn, kJa };

inline constexpr std::string_view kLangNames = "en|ja";

// "en" / "ja" (ASCII case-insensitive); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view name) noexcept;
std::string_view to_string(Lang lang) noexcept;

// The language of a POSIX locale name: "ja", "ja_JP", "ja_JP.UTF-8", "ja_JP@..." -> ja;
// anything else (C, POSIX, en_US.UTF-8, ...) -> en.
Lang lang_of_locale(std::string_view locale) noexcept;

// As POSIX picks the LC_MESSAGES category: the first of LC_ALL, LC_MESSAGES, LANG that is set
// and not empty decides (null or "" means unset); none -> en.
Lang lang_from_locale_env(const char* lc_all, const char* lc_messages, const char* lang) noexcept;
// lang_from_locale_env with this process's environment.
Lang lang_from_environment() noexcept;

}  // namespace ecsguard::i18n
