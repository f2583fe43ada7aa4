#pragma once
// Word wrapping for the terminal table: by display columns (East Asian wide characters take two),
// breaking at spaces and between wide characters (Japanese has no spaces), never inside a word
// or a path; a word longer than the width keeps its own line whole.
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::report {

// Terminal columns `text` (UTF-8) takes.
[[nodiscard]] std::size_t display_width(std::string_view text) noexcept;

// `text` in lines of at most `width` columns (except words longer than that).
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace ecsguard::report
