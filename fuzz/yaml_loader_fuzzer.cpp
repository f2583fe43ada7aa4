// Fuzz target: bytes -> parse::load_yaml (and load_document's dispatch).
// Besides sanitizer findings, aborts when (fuzz_invariants.h) a node, key or error has no
// location, or a tree exceeds max_nodes / max_depth (alias expansion included).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ecsguard/parse/yaml_loader.h"
#include "fuzz_invariants.h"

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;
  static const core::Limits kLimits = fuzz::fuzz_limits();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool document : {false, true}) {
    core::Result<parse::Node> r = document ? parse::load_document(text, fuzz::kFuzzFile, kLimits)
                                           : parse::load_yaml(text, fuzz::kFuzzFile, kLimits);
    if (r.ok()) {
      fuzz::check_loaded(r.value(), kLimits);
    } else {
      fuzz::check_error(r.error());
    }
  }
  return 0;
}
