#pragma once
// The one wildcard matcher: '*' matches any run of characters (also none), and with
// `question_mark` '?' matches one character. No character classes, no escapes, no path
// semantics ('*' crosses '/'). Linear in practice (greedy with one backtrack point).
#include <string_view>

namespace ecsguard::core {

struct GlobOptions {
  bool ignore_case = false;    // ASCII case-insensitive
  bool question_mark = false;  // '?' is a wildcard for one character
};

[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view s,
                              GlobOptions options = {}) noexcept;

}  // namespace ecsguard::core
