#pragma once
// The guard's user-facing texts (start-up diagnostics, records about the guard itself), each with
// an id, named arguments ({name}) and its English and Japanese text, in one table (messages.cpp) so
// that they move into the project's message catalogue as they are. The language comes from
// ECSGUARD_LANG, LC_ALL, LC_MESSAGES or LANG ("ja..." selects Japanese), read once at start.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace ecsguard::guard::msg {

enum class Lang : std::uint8_t { kEn, kJa };

struct Entry {
  std::string_view id;
  std::string_view en;
  std::string_view ja;
};

using Args = std::initializer_list<std::pair<std::string_view, std::string>>;

// Every message of the table (for tests: each has both languages and the same arguments).
std::span<const Entry> all();

Lang language_from_env();
void set_language(Lang lang) noexcept;
Lang language() noexcept;

// The text of `id` in `lang` with {name} replaced by the argument of that name; an unknown id
// gives the id itself (never a crash), an unknown {name} is left as written.
std::string text(std::string_view id, Lang lang, Args args = {});
// In the language set for this process.
std::string text(std::string_view id, Args args = {});

}  // namespace ecsguard::guard::msg
