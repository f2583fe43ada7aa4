#include "ecsguard/report/text_wrap.h"

#include <algorithm>
#include <cstdint>

namespace ecsguard::report {

namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};

CodePoint decode(std::string_view s, std::size_t i) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80            ? 1
                    : (b >> 5U) == 0x6  ? 2
                    : (b >> 4U) == 0xE  ? 3
                    : (b >> 3U) == 0x1E ? 4
                                        : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b : b & (0x7FU >> len);
  for (std::size_t k = 1; k < len; ++k) {
    cp = (cp << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
  }
  return CodePoint{cp, len};
}

bool is_wide(char32_t c) noexcept {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

// Japanese line-breaking rules (kinsoku), the common part: no line starts with a closing mark
// and none ends with an opening one.
bool no_break_before(char32_t c) noexcept {
  return std::u32string_view(
             U"、。，．）」』】〕！？：；ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
                 .find(c) != std::u32string_view::npos ||
         c == U')' || c == U',' || c == U'.' || c == U':' || c == U';';
}
bool no_break_after(char32_t c) noexcept {
  return std::u32string_view(U"（「『【〔").find(c) != std::u32string_view::npos || c == U'(';
}

// Pieces that may not be split: runs of narrow non-space characters, or one wide character (with
// the marks that must stay with it); spaces are separate pieces.
std::vector<std::string_view> pieces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  char32_t prev = 0;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    const bool space = cp.value == U' ';
    const bool prev_space = prev == U' ';
    const bool boundary = i > start && (space || prev_space ||
                                        ((is_wide(cp.value) || is_wide(prev)) &&
                                         !no_break_before(cp.value) && !no_break_after(prev)));
    if (boundary) {
      out.push_back(s.substr(start, i - start));
      start = i;
    }
    prev = cp.value;
    i += cp.length;
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) noexcept {
  std::size_t w = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\033') {  // an ANSI colour sequence takes no column
      const auto end = text.find('m', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
      continue;
    }
    const CodePoint cp = decode(text, i);
    w += is_wide(cp.value) ? 2 : 1;
    i += cp.length;
  }
  return w;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  std::vector<std::string> lines(1);
  std::size_t used = 0;
  width = std::max<std::size_t>(width, 10);
  for (auto piece : pieces(text)) {
    const std::size_t w = display_width(piece);
    if (piece == " ") {
      if (used > 0 && used + 1 <= width) {
        lines.back() += ' ';
        ++used;
      }
      continue;
    }
    if (used > 0 && used + w > width) {
      while (!lines.back().empty() && lines.back().back() == ' ') lines.back().pop_back();
      lines.emplace_back();
      used = 0;
    }
    lines.back() += piece;
    used += w;
  }
  while (!lines.back().empty() && lines.back().back() == ' ') lines.back().pop_back();
  return lines;
}

}  // namespace ecsguard::report
