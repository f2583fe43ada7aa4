// Fuzz target: bytes as a `.tf` file -> the Terraform frontend (HCL parse, static evaluation,
// resource builders, module calls) without a file loader, as for standard input: whatever the
// text, the fragment keeps the invariants of builder_invariants.h (every resource and written
// value located in the fuzzed file, every unknown with a reason, errors located there) and the
// build ends within the limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "builder_invariants.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/parse/terraform/frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;
  static const core::Limits limits = fuzz::fuzz_limits();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  core::FileTable files;
  parse::FrontendInput in;
  in.source.text = text;
  in.source.file = files.add("fuzz.tf");  // == fuzz::kFuzzFile
  in.source.display = "fuzz.tf";
  in.files = &files;
  in.limits = limits;
  const parse::Fragment out = parse::terraform::build(in);
  if (!out.recognised) __builtin_trap();  // a .tf file is always Terraform's
  fuzz::check_build(out);
  return 0;
}
