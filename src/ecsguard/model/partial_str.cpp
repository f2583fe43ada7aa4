#include "ecsguard/model/partial_str.h"

#include <vector>

#include "ecsguard/core/strings.h"

namespace ecsguard::model::partial {

bool has_unknown(std::string_view s) noexcept {
  return s.find(kUnknownSegment) != std::string_view::npos;
}

bool has_known_text(std::string_view s) noexcept {
  return s.find_first_not_of(kUnknownSegment) != std::string_view::npos;
}

bool ends_unknown(std::string_view s) noexcept { return !s.empty() && s.back() == kUnknownSegment; }

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == kUnknownSegment) {
      out += "${?}";
    } else {
      out += c;
    }
  }
  return out;
}

std::string known_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != kUnknownSegment) out.push_back(c);
  }
  return out;
}

std::vector<std::string> known_segments(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    if (ch == kUnknownSegment) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool glob_may_match(std::string_view pattern, std::string_view s) {
  // Intersection of two globs: `pattern` and `s` with each unknown segment read as '*'.
  // reach[i][j]: some string drives pattern[0, i) and s[0, j) to completion together.
  const std::size_t np = pattern.size();
  const std::size_t ns = s.size();
  std::vector<std::vector<char>> reach(np + 1, std::vector<char>(ns + 1, 0));
  reach[0][0] = 1;
  for (std::size_t i = 0; i <= np; ++i) {
    for (std::size_t j = 0; j <= ns; ++j) {
      if (!reach[i][j]) continue;
      const bool p_star = i < np && pattern[i] == '*';
      const bool s_star = j < ns && s[j] == kUnknownSegment;
      if (p_star) reach[i + 1][j] = 1;            // '*' matches nothing more
      if (s_star) reach[i][j + 1] = 1;            // the unknown segment is empty / ends here
      if (p_star && j < ns) reach[i][j + 1] = 1;  // '*' takes s[j] (or text of the segment)
      if (s_star && i < np) reach[i + 1][j] = 1;  // the unknown segment takes pattern[i]
      if (i < np && j < ns && !p_star && !s_star &&
          (pattern[i] == '?' || core::ascii_lower(pattern[i]) == core::ascii_lower(s[j]))) {
        reach[i + 1][j + 1] = 1;
      }
    }
  }
  return reach[np][ns] != 0;
}

}  // namespace ecsguard::model::partial
