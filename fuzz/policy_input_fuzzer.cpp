// Fuzz target: bytes -> the policy step's parsers: config::parse_config (.ecsguard.yaml and its
// accepted-risks entries) and policy::collect_skips (`# ecsguard:skip=` comments, template
// Metadata). Besides sanitizer findings, aborts when an error is not located as "file:line:" or a
// collected skip has no reason, no id or a line outside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ecsguard/config/config.h"
#include "ecsguard/policy/source_skips.h"

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;  // NOLINT(google-build-using-namespace)
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto c = config::parse_config(text, "f.yaml", i18n::Lang::kEn);
  if (!c.ok() && c.error().message.rfind("f.yaml:", 0) != 0) std::abort();
  std::size_t lines = 1;
  for (char ch : text) lines += ch == '\n' ? 1 : 0;
  const auto skips = policy::collect_skips(text, "f.yaml", i18n::Lang::kEn);
  for (const auto& s : skips.skips) {
    if (s.reason.empty() || s.ids.empty() || s.line == 0 || s.line > lines) std::abort();
  }
  return 0;
}
