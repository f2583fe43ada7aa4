#pragma once
// Small helpers for frontends' sniff functions: file name suffixes and content markers.
#include <initializer_list>
#include <string_view>

namespace ecsguard::parse::sniff {

// `path` ends with one of `suffixes` (ASCII case-insensitive).
[[nodiscard]] bool has_suffix(std::string_view path,
                              std::initializer_list<std::string_view> suffixes) noexcept;

// `bytes` contains one of `markers` (case-sensitive).
[[nodiscard]] bool contains_any(std::string_view bytes,
                                std::initializer_list<std::string_view> markers) noexcept;

// .json .yaml .yml: a structured document that several frontends may own.
[[nodiscard]] bool structured_name(std::string_view path) noexcept;

}  // namespace ecsguard::parse::sniff
