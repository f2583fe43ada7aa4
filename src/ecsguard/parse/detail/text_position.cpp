#include "ecsguard/parse/detail/text_position.h"

#include <cstring>

namespace ecsguard::parse::detail {

namespace {

constexpr bool is_continuation(unsigned char c) noexcept { return (c & 0xC0U) == 0x80U; }

}  // namespace

std::size_t line_break_length(std::string_view text, std::size_t i, LineBreaks breaks) noexcept {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == '\n') return 1;
  if (c == '\r') return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
  if (breaks == LineBreaks::kYaml) {
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
      return 2;  // NEL
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const auto c2 = static_cast<unsigned char>(text[i + 2]);
      if (c2 == 0xA8 || c2 == 0xA9) return 3;  // LS, PS
    }
  }
  return 0;
}

namespace {

// SWAR helpers: eight bytes at a time, no per-byte branches.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

std::uint64_t load64(const char* p) noexcept {
  std::uint64_t v = 0;
  std::memcpy(&v, p, sizeof v);
  return v;
}
// 0x80 in every byte of v that equals c (exact, no false positives).
std::uint64_t byte_eq_mask(std::uint64_t v, unsigned char c) noexcept {
  const std::uint64_t x = v ^ (kOnes * c);
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}
// Number of bytes flagged (0x80) in a mask from the helpers below; a multiply instead of
// popcount, which baseline x86-64 lacks (it would be a libgcc call).
std::uint32_t count_flags(std::uint64_t mask) noexcept {
  return static_cast<std::uint32_t>(((mask >> 7U) * kOnes) >> 56U);
}
// 0x80 in every byte of v that is a UTF-8 continuation byte (10xxxxxx).
std::uint64_t continuation_mask(std::uint64_t v) noexcept { return v & ~(v << 1U) & kHigh; }

// Code points in [p, end): every byte that is not a UTF-8 continuation byte.
std::uint32_t code_points(const char* p, const char* end) noexcept {
  if (p >= end) return 0;
  std::size_t continuation = 0;
  const char* q = p;
  for (; end - q >= 8; q += 8) {
    continuation += count_flags(continuation_mask(load64(q)));
  }
  for (; q < end; ++q) continuation += is_continuation(static_cast<unsigned char>(*q)) ? 1 : 0;
  return static_cast<std::uint32_t>(static_cast<std::size_t>(end - p) - continuation);
}

}  // namespace

PositionTracker::PositionTracker(std::string_view text, LineBreaks breaks, bool padded) noexcept
    : text_(text), breaks_(breaks), padded_(padded) {
  if (breaks_ != LineBreaks::kJson) return;
  // The fast path counts LFs only; it is valid when every CR is followed by an LF.
  fast_ = true;
  const char* p = text_.data();
  const char* end = p + text_.size();
  while (p < end) {
    const void* cr = std::memchr(p, '\r', static_cast<std::size_t>(end - p));
    if (cr == nullptr) break;
    p = static_cast<const char*>(cr) + 1;
    if (p == end || *p != '\n') {
      fast_ = false;
      break;
    }
  }
  std::uint64_t high = 0;
  const char* q = text_.data();
  for (; end - q >= 8; q += 8) high |= load64(q) & kHigh;
  for (; q < end; ++q) high |= static_cast<unsigned char>(*q) & 0x80U;
  ascii_ = high == 0;
}

LineCol PositionTracker::at(std::size_t offset) noexcept {
  if (offset > text_.size()) offset = text_.size();
  if (offset < offset_) {
    offset_ = 0;
    pos_ = LineCol{};
  }
  if (!fast_) {
    advance_slow(offset);
    return pos_;
  }
  // Count the LFs in [offset_, offset) eight bytes at a time and remember the last one; the
  // column is then the number of code points after it (or after offset_ when there is none).
  const char* base = text_.data();
  const char* p = base + offset_;
  const char* end = base + offset;
  std::uint32_t lines = 0;
  const char* last_lf = nullptr;
  for (; end - p >= 8; p += 8) {
    const std::uint64_t m = byte_eq_mask(load64(p), '\n');
    if (m != 0) {
      lines += count_flags(m);
      last_lf = p + (63 - __builtin_clzll(m)) / 8;
    }
  }
  if (padded_ && p < end) {
    // The last partial word: read 8 bytes (the padding makes that safe) and keep the first ones.
    const auto keep = static_cast<unsigned>(end - p);  // 1..7
    const std::uint64_t m = byte_eq_mask(load64(p), '\n') & ((std::uint64_t{1} << (8U * keep)) - 1);
    if (m != 0) {
      lines += count_flags(m);
      last_lf = p + (63 - __builtin_clzll(m)) / 8;
    }
    p = end;
  }
  for (; p < end; ++p) {
    if (*p == '\n') {
      ++lines;
      last_lf = p;
    }
  }
  const char* from = base + offset_;
  if (last_lf != nullptr) {
    pos_.line += lines;
    pos_.column = 1;
    from = last_lf + 1;
  }
  // A CR right before `offset` is the first half of a CRLF (lone CRs take the slow path): like
  // the break itself, it has no column.
  const char* tail_end = (end > from && end[-1] == '\r') ? end - 1 : end;
  pos_.column += ascii_ ? static_cast<std::uint32_t>(tail_end > from ? tail_end - from : 0)
                        : code_points(from, tail_end);
  offset_ = offset;
  return pos_;
}

void PositionTracker::advance_slow(std::size_t offset) noexcept {
  std::size_t i = offset_;
  LineCol pos = pos_;
  while (i < offset) {
    const std::size_t br = line_break_length(text_, i, breaks_);
    if (br != 0) {
      if (i + br > offset) break;  // offset points inside a CRLF: stay on this line
      ++pos.line;
      pos.column = 1;
      i += br;
      continue;
    }
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++pos.column;
    ++i;
  }
  offset_ = offset;
  pos_ = pos;
}

void LineStarts::build() {
  built_ = true;
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size();) {
    const std::size_t br = line_break_length(text_, i, breaks_);
    if (br != 0) {
      i += br;
      starts_.push_back(i);
    } else {
      ++i;
    }
  }
}

std::size_t LineStarts::byte_offset(std::size_t line0, std::size_t column0) {
  if (!built_) build();
  if (line0 >= starts_.size()) return text_.size();
  std::size_t i = starts_[line0];
  // Walk column0 code points forward.
  while (column0 > 0 && i < text_.size()) {
    ++i;
    while (i < text_.size() && is_continuation(static_cast<unsigned char>(text_[i]))) ++i;
    --column0;
  }
  return i;
}

std::size_t find_invalid_utf8(std::string_view text) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07U;
    } else {
      return i;  // stray continuation byte, overlong lead (C0/C1) or F5..FF
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if (!is_continuation(s[i + k])) return i;
      cp = (cp << 6U) | (s[i + k] & 0x3FU);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace ecsguard::parse::detail
