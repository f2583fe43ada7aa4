// Fuzz target: bytes -> the frontend registry (parse/frontend.h): sniff under several names, then
// build_file, as the scan does for every discovered file. Whatever frontend claims the bytes, the
// fragment must keep the invariants of builder_invariants.h, and a file no frontend recognises
// carries no model.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "builder_invariants.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/parse/frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;
  static const core::Limits limits = fuzz::fuzz_limits();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const std::string_view name : {"fuzz.json", "fuzz.template", "fuzz.txt"}) {
    (void)parse::candidates(name, text.substr(0, parse::kSniffBytes));
    (void)parse::looks_like_input(name, text);
  }
  core::FileTable files;
  parse::FrontendInput in;
  in.source.text = text;
  in.source.file = files.add("fuzz.json");  // == fuzz::kFuzzFile
  in.source.display = "fuzz.json";
  in.files = &files;
  in.limits = limits;
  const parse::Fragment out = parse::build_file(in);
  if (!out.recognised) {
    if (!out.stack.task_definitions.empty() || !out.stack.scopes.empty()) __builtin_trap();
    return 0;
  }
  fuzz::check_build(out);
  return 0;
}
