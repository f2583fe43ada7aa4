#include "ecsguard/checks/common.h"

#include "ecsguard/core/strings.h"

namespace ecsguard::checks {

std::string container_path(const model::Container& c) {
  return "ContainerDefinitions[" + container_label(c) + "]";
}

std::string container_label(const model::Container& c) {
  if (c.name.known()) return c.name.value;
  return "?";
}

bool glob_match(std::string_view pattern, std::string_view s) noexcept {
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pattern.size() &&
        (pattern[p] == '?' || core::ascii_lower(pattern[p]) == core::ascii_lower(s[i]))) {
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

}  // namespace ecsguard::checks
