#pragma once
// Input text is UTF-8 from here on. Files written as UTF-16 or UTF-32 (PowerShell's `>` writes
// UTF-16LE with a byte order mark; `Out-File -Encoding utf32` UTF-32LE) are converted when they
// carry a BOM, or when they start with an ASCII character in the NUL-padded pattern of RFC 4627
// §3 (JSON and YAML documents start with ASCII). A UTF-8 BOM is left for the loaders to skip, so
// their columns on line 1 stay right.
#include <string>
#include <string_view>

#include "ecsguard/core/error.h"

namespace ecsguard::core {

enum class TextEncoding : unsigned char { kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// "UTF-8", "UTF-16LE", ...
std::string_view to_string(TextEncoding e) noexcept;

struct DetectedEncoding {
  TextEncoding encoding = TextEncoding::kUtf8;
  std::size_t bom_bytes = 0;  // bytes of the byte order mark to drop (0 for UTF-8: kept)
};
DetectedEncoding detect_encoding(std::string_view bytes) noexcept;

// `bytes` as UTF-8. kSyntax when UTF-16/32 text cannot be decoded (odd length, unpaired
// surrogate, a code point above U+10FFFF); the message names the encoding and the byte offset.
Result<std::string> decode_to_utf8(std::string bytes);

}  // namespace ecsguard::core
