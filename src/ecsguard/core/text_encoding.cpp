#include "ecsguard/core/text_encoding.h"

#include <cstdint>

namespace ecsguard::core {

namespace {

std::uint8_t byte_at(std::string_view s, std::size_t i) noexcept {
  return i < s.size() ? static_cast<std::uint8_t>(s[i]) : 0xff;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

Error undecodable(TextEncoding e, std::size_t offset, std::string_view what) {
  return make_error(Errc::kSyntax, "cannot decode the file as " + std::string(to_string(e)) + ": " +
                                       std::string(what) + " at byte " + std::to_string(offset));
}

std::uint32_t unit(std::string_view s, std::size_t i, std::size_t width, bool little) noexcept {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < width; ++k) {
    const std::size_t at = little ? i + width - 1 - k : i + k;
    v = (v << 8) | static_cast<std::uint8_t>(s[at]);
  }
  return v;
}

Result<std::string> decode_utf16(std::string_view s, bool little, TextEncoding e) {
  if (s.size() % 2 != 0) return undecodable(e, s.size() - 1, "odd number of bytes");
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (std::size_t i = 0; i < s.size(); i += 2) {
    std::uint32_t cp = unit(s, i, 2, little);
    if (cp >= 0xdc00 && cp <= 0xdfff) return undecodable(e, i, "unpaired low surrogate");
    if (cp >= 0xd800 && cp <= 0xdbff) {
      if (i + 3 >= s.size()) return undecodable(e, i, "unpaired high surrogate");
      const std::uint32_t lo = unit(s, i + 2, 2, little);
      if (lo < 0xdc00 || lo > 0xdfff) return undecodable(e, i, "unpaired high surrogate");
      cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
      i += 2;
    }
    append_utf8(out, cp);
  }
  return out;
}

Result<std::string> decode_utf32(std::string_view s, bool little, TextEncoding e) {
  if (s.size() % 4 != 0) return undecodable(e, s.size() - s.size() % 4, "truncated code unit");
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); i += 4) {
    const std::uint32_t cp = unit(s, i, 4, little);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return undecodable(e, i, "invalid code point");
    }
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

std::string_view to_string(TextEncoding e) noexcept {
  switch (e) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
    case TextEncoding::kUtf32Le:
      return "UTF-32LE";
    case TextEncoding::kUtf32Be:
      return "UTF-32BE";
  }
  return "UTF-8";
}

DetectedEncoding detect_encoding(std::string_view b) noexcept {
  const auto b0 = byte_at(b, 0), b1 = byte_at(b, 1), b2 = byte_at(b, 2), b3 = byte_at(b, 3);
  // Byte order marks (UTF-32LE's starts like UTF-16LE's: test it first).
  // Missing bytes read as 0xff, so every test states the length it needs: a lone 0xfe byte is
  // not a UTF-16BE BOM (fuzzer: crash-b68542373c05c0ed25231d09955b2c699d37c45b).
  const bool four = b.size() >= 4, two = b.size() >= 2;
  if (four && b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) return {TextEncoding::kUtf32Le, 4};
  if (four && b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) return {TextEncoding::kUtf32Be, 4};
  if (two && b0 == 0xff && b1 == 0xfe) return {TextEncoding::kUtf16Le, 2};
  if (two && b0 == 0xfe && b1 == 0xff) return {TextEncoding::kUtf16Be, 2};
  // No BOM: an ASCII first character padded with NULs (RFC 4627 §3).
  if (b.size() >= 4 && b0 != 0 && b0 < 0x80 && b1 == 0 && b2 == 0 && b3 == 0) {
    return {TextEncoding::kUtf32Le, 0};
  }
  if (b.size() >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0 && b3 < 0x80) {
    return {TextEncoding::kUtf32Be, 0};
  }
  if (b.size() >= 2 && b0 != 0 && b0 < 0x80 && b1 == 0) return {TextEncoding::kUtf16Le, 0};
  if (b.size() >= 2 && b0 == 0 && b1 != 0 && b1 < 0x80) return {TextEncoding::kUtf16Be, 0};
  return {};
}

Result<std::string> decode_to_utf8(std::string bytes) {
  const DetectedEncoding d = detect_encoding(bytes);
  const std::string_view body = std::string_view(bytes).substr(d.bom_bytes);
  switch (d.encoding) {
    case TextEncoding::kUtf8:
      return bytes;
    case TextEncoding::kUtf16Le:
      return decode_utf16(body, true, d.encoding);
    case TextEncoding::kUtf16Be:
      return decode_utf16(body, false, d.encoding);
    case TextEncoding::kUtf32Le:
      return decode_utf32(body, true, d.encoding);
    case TextEncoding::kUtf32Be:
      return decode_utf32(body, false, d.encoding);
  }
  return bytes;
}

}  // namespace ecsguard::core
