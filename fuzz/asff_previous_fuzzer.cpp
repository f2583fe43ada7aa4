// Fuzz target: bytes -> report::parse_previous_asff (the --asff-previous reader) -> the archived
// form of every finding. Either a located error ("<file>:<line>: ...") or findings that each have
// an Id, and whose archived form is one JSON object ending in the archived state. A violation
// aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ecsguard/report/asff.h"

namespace {

[[noreturn]] void violated(const char* what) {
  static_cast<void>(std::fprintf(stderr, "asff_previous invariant violated: %s\n", what));
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ecsguard::core::Limits limits;
  limits.max_file_bytes = 1U << 20;
  limits.max_depth = 64;
  const auto parsed = ecsguard::report::parse_previous_asff(text, "prev.json", limits);
  if (!parsed) {
    if (!parsed.error().message.starts_with("prev.json:")) violated("error without location");
    return 0;
  }
  for (const auto& f : parsed->findings) {
    if (f.id.empty()) violated("finding without Id");
    if (parsed->find(f.id) == nullptr) violated("Id not indexed");
    const std::string archived = ecsguard::report::archived_asff_finding(f, "2026-01-01T00:00:00Z");
    if (archived.front() != '{' || !archived.ends_with(R"("Compliance":{"Status":"PASSED"}})")) {
      violated("archived form is not one object");
    }
  }
  return 0;
}
