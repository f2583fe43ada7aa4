// Fuzz target: bytes -> parse::load_json.
// Besides sanitizer findings, aborts when (fuzz_invariants.h) a node, key or error has no
// location, a tree exceeds max_nodes / max_depth, or when load_json disagrees with simdjson's DOM
// parser (a complete validator) about whether the input is JSON: the DOM accepting what we call a
// syntax error, or rejecting what we load (numbers outside the double range excepted: the JSON
// grammar allows them and we keep their text).
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ecsguard/parse/json_loader.h"
#include "fuzz_invariants.h"

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;
  static const core::Limits kLimits = fuzz::fuzz_limits();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  core::Result<parse::Node> r = parse::load_json(text, fuzz::kFuzzFile, kLimits);
  if (r.ok()) {
    fuzz::check_loaded(r.value(), kLimits);
  } else {
    fuzz::check_error(r.error());
    if (r.error().code == core::Errc::kLimit) return 0;  // the DOM has other limits
  }

  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // we skip a BOM
  static simdjson::dom::parser dom;
  const simdjson::padded_string padded(body);
  simdjson::dom::element root;
  const simdjson::error_code dom_error = dom.parse(padded).get(root);
  if (r.ok() && dom_error != simdjson::SUCCESS && dom_error != simdjson::NUMBER_ERROR &&
      dom_error != simdjson::NUMBER_OUT_OF_RANGE && dom_error != simdjson::DEPTH_ERROR) {
    fuzz::violated("loaded a document simdjson's DOM parser rejects", r.value().loc);
  }
  if (!r.ok() && dom_error == simdjson::SUCCESS) {
    fuzz::violated("rejected a document simdjson's DOM parser accepts", r.error().where);
  }
  return 0;
}
