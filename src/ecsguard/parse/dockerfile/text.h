#pragma once
// Character classes and trimming as BuildKit's Go code sees them (ASCII: unicode.IsSpace,
// IsLetter and IsDigit agree with these on every byte below 0x80; other bytes are word
// characters, which is what a UTF-8 continuation byte must be).
#include <string_view>

namespace ecsguard::parse::dockerfile {

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr std::string_view trim_left_space(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}
constexpr std::string_view trim_space(std::string_view s) noexcept {
  s = trim_left_space(s);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace ecsguard::parse::dockerfile
