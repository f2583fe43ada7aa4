#pragma once
// Small string helpers shared by every module (ASCII only: AWS identifiers are ASCII).
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::core {

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool iequals(std::string_view a, std::string_view b) noexcept;
bool icontains(std::string_view haystack, std::string_view needle) noexcept;
bool starts_with_i(std::string_view s, std::string_view prefix) noexcept;
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
std::string_view trim(std::string_view s) noexcept;
std::vector<std::string_view> split(std::string_view s, char sep);

}  // namespace ecsguard::core
