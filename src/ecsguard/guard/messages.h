#pragma once
// The guard's user-facing texts are entries of the message catalogue (i18n/messages/platform.toml,
// guard.*). The guard renders them in one language per process: `ecsguard guard --lang en|ja`,
// else the locale (LC_ALL, LC_MESSAGES, LANG), set once at start before any thread exists.
#include <string>

#include "ecsguard/i18n/lang.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"

namespace ecsguard::guard::msg {

void set_language(i18n::Lang lang) noexcept;
i18n::Lang language() noexcept;

// `message` in the language set for this process.
std::string text(const i18n::Message& message);

}  // namespace ecsguard::guard::msg
