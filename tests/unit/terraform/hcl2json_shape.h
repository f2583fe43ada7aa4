#pragma once
// Test-only: an hcl::File rendered in the JSON shape of the reference implementation packaged on
// npm as @cdktf/hcl2json (HashiCorp's hclsyntax + tmccombs/hcl2json 0.6.5), so the parser can be
// compared with it file by file (hcl_differential.js). The rules are hcl2json's:
//   * blocks nest by type, then by each label, ending in an array of bodies; a block type used
//     both with and without labels is an error; attributes replace blocks of the same name;
//   * null, booleans, numbers, tuples and objects of them become JSON values; `-<number>` and
//     `!<bool>` are folded; a quoted template that is exactly one `${x}` is x converted;
//   * other templates become strings: literal text with `${` / `%{` escaped as `$${` / `%%{`,
//     interpolations as "${<source>}", directives rebuilt as %{if <source>}...%{endif} and
//     %{for k, v in <source>}...%{endfor};
//   * object keys: a bare name or traversal is its source text, others convert as template parts;
//   * every other expression is "${<its source text>}" (with hcl2json's habit of taking one more
//     ')' when the expression's source is directly followed by one).
#include <string>
#include <string_view>

#include "ecsguard/parse/terraform/hcl/ast.h"

namespace ecsguard::testing {

struct Hcl2JsonResult {
  bool ok = false;
  std::string json;   // when ok
  std::string error;  // when not
};

Hcl2JsonResult hcl2json_shape(const parse::terraform::hcl::File& file, std::string_view source);

// A JSON string literal (quotes included).
std::string json_quote(std::string_view s);

}  // namespace ecsguard::testing
