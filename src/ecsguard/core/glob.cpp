#include "ecsguard/core/glob.h"

#include "ecsguard/core/strings.h"

namespace ecsguard::core {

bool glob_match(std::string_view pattern, std::string_view s, GlobOptions options) noexcept {
  const auto same = [&](char p, char c) {
    if (options.question_mark && p == '?') return true;
    return options.ignore_case ? ascii_lower(p) == ascii_lower(c) : p == c;
  };
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pattern.size() && pattern[p] != '*' && same(pattern[p], s[i])) {
      ++p;
      ++i;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace ecsguard::core
