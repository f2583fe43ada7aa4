// Fuzz target: bytes -> core::decode_to_utf8 (the UTF-16/UTF-32 decoding of the one input reader).
// Besides sanitizer findings, aborts when text detected as UTF-16/32 decodes to anything but valid
// UTF-8, when UTF-8 input is changed, or when an error is not a located kSyntax error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ecsguard/core/text_encoding.h"
#include "ecsguard/parse/detail/text_position.h"

namespace {

[[noreturn]] void violated(const char* what) {
  static_cast<void>(std::fprintf(stderr, "decoder invariant violated: %s\n", what));
  std::abort();
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;  // NOLINT(google-build-using-namespace)
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const core::DetectedEncoding detected = core::detect_encoding(bytes);
  auto text = core::decode_to_utf8(bytes);
  if (!text.ok()) {
    if (detected.encoding == core::TextEncoding::kUtf8) violated("UTF-8 input rejected");
    if (text.error().code != core::Errc::kSyntax) violated("error is not kSyntax");
    if (text.error().message.find("at byte ") == std::string::npos) violated("error has no offset");
    return 0;
  }
  if (detected.encoding == core::TextEncoding::kUtf8) {
    if (*text != bytes) violated("UTF-8 input changed");
    return 0;
  }
  if (parse::detail::find_invalid_utf8(*text) != std::string::npos) {
    violated("decoded text is not valid UTF-8");
  }
  return 0;
}
