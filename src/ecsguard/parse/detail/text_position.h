#pragma once
// Byte offset <-> line/column helpers shared by the JSON and YAML loaders (private to parse/).
//
// Conventions (the same for both loaders, and the same as libyaml's marks):
//   * lines and columns are 1-based;
//   * a column counts Unicode code points, not bytes (UTF-8 continuation bytes do not count);
//   * a UTF-8 byte order mark is stripped before anything is counted, so the first character
//     after it is line 1, column 1;
//   * line breaks are LF, CRLF (one break) and a lone CR; YAML additionally breaks lines at NEL
//     (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), as YAML 1.1 and libyaml
//     do.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ecsguard::parse::detail {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Length of a leading UTF-8 BOM (0 or 3).
[[nodiscard]] inline std::size_t bom_length(std::string_view text) noexcept {
  return text.substr(0, kUtf8Bom.size()) == kUtf8Bom ? kUtf8Bom.size() : 0;
}

enum class LineBreaks : std::uint8_t {
  kJson,  // LF, CRLF, CR
  kYaml,  // LF, CRLF, CR, NEL, LS, PS
};

struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Maps byte offsets to line/column. Queries with non-decreasing offsets cost O(distance) (the
// loaders visit tokens in document order, so a whole document costs one pass); an offset before
// the previous one restarts from the top (error paths only).
class PositionTracker {
 public:
  // `padded`: at least 8 readable bytes follow the text (lets the scan read whole words).
  explicit PositionTracker(std::string_view text, LineBreaks breaks = LineBreaks::kJson,
                           bool padded = false) noexcept;

  // Position of byte `offset` (clamped to the text size).
  [[nodiscard]] LineCol at(std::size_t offset) noexcept;

  // Declare that byte `offset` is at `pos` (e.g. from a libyaml mark), so that the next query
  // continues from there.
  void seed(std::size_t offset, LineCol pos) noexcept {
    offset_ = offset < text_.size() ? offset : text_.size();
    pos_ = pos;
  }

 private:
  void advance_slow(std::size_t offset) noexcept;

  std::string_view text_;
  LineBreaks breaks_;
  bool fast_ = false;   // JSON breaks and no lone CR: only LF starts a line
  bool ascii_ = false;  // no byte >= 0x80: a column is a byte count
  bool padded_ = false;
  std::size_t offset_ = 0;
  LineCol pos_;
};

// Byte offset of the start of every line (index 0 = line 1), built on first use. Converts a
// 0-based libyaml mark (line, column in code points) back to a byte offset.
class LineStarts {
 public:
  explicit LineStarts(std::string_view text, LineBreaks breaks = LineBreaks::kYaml) noexcept
      : text_(text), breaks_(breaks) {}

  // Byte offset of (line0, column0); clamped to the text size.
  [[nodiscard]] std::size_t byte_offset(std::size_t line0, std::size_t column0);

 private:
  void build();
  std::string_view text_;
  LineBreaks breaks_;
  bool built_ = false;
  std::vector<std::size_t> starts_;
};

// Byte length of the line break starting at text[i] (0 if none). CRLF is 2.
[[nodiscard]] std::size_t line_break_length(std::string_view text, std::size_t i,
                                            LineBreaks breaks) noexcept;

// Byte offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and
// code points above U+10FFFF are invalid), or std::string_view::npos.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view text) noexcept;

}  // namespace ecsguard::parse::detail
