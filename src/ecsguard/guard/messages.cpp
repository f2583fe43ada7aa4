#include "ecsguard/guard/messages.h"

#include <atomic>

namespace ecsguard::guard::msg {
namespace {

std::atomic<i18n::Lang> g_lang{i18n::Lang::kEn};

}  // namespace

void set_language(i18n::Lang lang) noexcept { g_lang.store(lang); }
i18n::Lang language() noexcept { return g_lang.load(); }

std::string text(const i18n::Message& message) { return i18n::render(message, language()); }

}  // namespace ecsguard::guard::msg
