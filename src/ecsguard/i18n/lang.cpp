#include "ecsguard/i18n/lang.h"

#include <cstdlib>

#include "ecsguard/core/strings.h"

namespace ecsguard::i18n {

std::optional<Lang> parse_lang(std::string_view name) noexcept {
  if (core::iequals(name, "en")) return Lang::kEn;
  if (core::iequals(name, "ja")) return Lang::kJa;
  return std::nullopt;
}

std::string_view to_string(Lang lang) noexcept { return lang == Lang::kJa ? "ja" : "en"; }

Lang lang_of_locale(std::string_view locale) noexcept {
  const auto end = locale.find_first_of("_.@");
  return core::iequals(locale.substr(0, end), "ja") ? Lang::kJa : Lang::kEn;
}

Lang lang_from_locale_env(const char* lc_all, const char* lc_messages, const char* lang) noexcept {
  for (const char* v : {lc_all, lc_messages, lang}) {
    if (v != nullptr && *v != '\0') return lang_of_locale(v);
  }
  return Lang::kEn;
}

Lang lang_from_environment() noexcept {
  // NOLINTBEGIN(concurrency-mt-unsafe): read once at startup, before any thread exists
  return lang_from_locale_env(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"),
                              std::getenv("LANG"));
  // NOLINTEND(concurrency-mt-unsafe)
}

}  // namespace ecsguard::i18n
