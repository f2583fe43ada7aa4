#pragma once
// Text as UTF-16 or UTF-32 bytes, for tests of the input decoding (what PowerShell's `>` writes).
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::test {

// Each value is one code unit of `width` bytes (2 or 4) in the given byte order; a byte order mark
// first when `bom`. Surrogates are passed as units, so broken UTF-16 can be written too.
inline std::string code_units(const std::vector<unsigned>& units, int width, bool little,
                              bool bom) {
  std::string out;
  auto put = [&](unsigned u) {
    for (int i = 0; i < width; ++i) {
      const int shift = little ? 8 * i : 8 * (width - 1 - i);
      out += static_cast<char>((u >> shift) & 0xff);
    }
  };
  if (bom) put(0xfeff);
  for (unsigned u : units) put(u);
  return out;
}

// ASCII text as UTF-16/32 code units.
inline std::string ascii_as_units(std::string_view ascii, int width, bool little, bool bom) {
  return code_units(std::vector<unsigned>(ascii.begin(), ascii.end()), width, little, bom);
}

}  // namespace ecsguard::test
