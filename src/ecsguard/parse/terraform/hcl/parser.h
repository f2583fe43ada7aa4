#pragma once
// HCL2 native syntax (Terraform `.tf`) -> hcl::File (ast.h), written for ecsguard: no C++ HCL
// library exists in Debian, and HashiCorp's is Go. The grammar is HCL's (hclsyntax spec):
// bodies of attributes and blocks with labels; every expression form (literals, quoted templates
// with `${}` interpolation, `%{if}` / `%{for}` directives and `~` strip markers, heredocs `<<EOT`
// and `<<-EOT` with indentation removal, tuples, objects with `=` / `:` and expression keys,
// function calls with `...` expansion and `provider::ns::fn` names, `for` expressions with `if`
// and `...` grouping, `.*` and `[*]` splats, conditionals, unary and binary operators with HCL's
// precedence, index, attribute and legacy `.0` index access) and comments `#`, `//`, `/* */`.
// Newlines end attributes; inside (), [] and ${} they are ignored; inside {} objects they
// separate items, as in HCL.
//
// Errors are values. A syntax error is a located diagnostic (core::Errc::kSyntax) and the parser
// recovers at the next line of the enclosing body, so one bad attribute or block does not lose
// the rest of the file. A limit (limits.h) that is exceeded is a located kLimit diagnostic and
// stops the parse (what was parsed before it is kept). Nothing here reads another file or
// evaluates anything.
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/terraform/hcl/ast.h"
#include "ecsguard/parse/terraform/hcl/limits.h"

namespace ecsguard::parse::terraform::hcl {

struct ParseResult {
  File file;
  std::vector<core::Error> diagnostics;  // in the order found; empty when the file is valid

  [[nodiscard]] bool ok() const noexcept { return diagnostics.empty(); }
};

// `text` must outlive the spans of the result (they index it). A leading UTF-8 BOM is skipped.
[[nodiscard]] ParseResult parse_hcl(std::string_view text, core::FileId file,
                                    const Limits& limits = {});

struct TemplateResult {
  Expr expr;  // kTemplate
  std::vector<core::Error> diagnostics;

  [[nodiscard]] bool ok() const noexcept { return diagnostics.empty(); }
};

// A whole text as a template (what templatefile() reads): literal text with `${}` and `%{}`
// sequences, no quotes, no escapes but `$${` / `%%{`, ending at the end of the text.
[[nodiscard]] TemplateResult parse_template(std::string_view text, core::FileId file,
                                            const Limits& limits = {});

}  // namespace ecsguard::parse::terraform::hcl
