#pragma once
// Falco filter conditions -> AST. Recursive descent over the grammar of libsinsp's filter parser
// (and/or/not, parentheses, `field op value`, `field in (a, b, list_name)`, unary `exists`, macro
// references, field arguments `proc.aname[2]`, field transformers `tolower(basename(fd.name))`),
// depth-capped for hostile input. Operators and transformers the engine cannot evaluate (val(),
// transformers on the right side) are still parsed, so that a rule using them is disabled with a
// precise reason instead of failing the whole file.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"

namespace ecsguard::guard {

struct Operand {
  std::string text;
  bool quoted = false;  // "..." or '...': always a literal, never a list name
};

struct CondAst {
  enum class Kind : std::uint8_t { kAnd, kOr, kNot, kCheck, kMacro };
  Kind kind = Kind::kCheck;
  std::uint32_t pos = 0;  // byte offset in the condition text
  std::vector<CondAst> children;

  // kCheck
  std::string field;
  std::string field_arg;  // text inside [...]
  bool has_arg = false;
  std::string op;               // "=", "!=", "in", "exists", "startswith", ...
  std::vector<Operand> values;  // one for binary operators, n for list operators
  bool list_value = false;      // the right side was a parenthesised list
  std::string list_ref;         // `in list_name` without parentheses
  // tolower(basename(fd.name)) -> {"tolower", "basename"}: applied innermost first.
  std::vector<std::string> transformers;
  std::string transformer;  // val(...) or a right-side transformer seen: unsupported
  std::string raw;          // the check's source text when it uses a transformer
  // kMacro
  std::string macro;
};

struct ParseLimits {
  unsigned max_depth = 500;
  std::size_t max_length = 1U << 20;
};

core::Result<CondAst> parse_condition(std::string_view text, const ParseLimits& limits = {});

bool is_list_operator(std::string_view op) noexcept;
bool is_known_operator(std::string_view op) noexcept;

// A list item as written in YAML ('"75-system-updat"', "puma reactor", nginx): quoted items are
// unquoted with the condition language's rules, like Falco's textual list expansion does.
std::string unquote_list_item(std::string_view item);

// Renders an AST back to condition text (diagnostics, tests).
std::string to_string(const CondAst& ast);

}  // namespace ecsguard::guard
