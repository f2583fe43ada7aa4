#pragma once
// The syntax tree of one HCL2 native-syntax file (Terraform's `.tf`), as parse_hcl() builds it.
//
// A file is a Body: attributes (`name = expr`) and blocks (`type "label" ... { body }`), in
// document order. Every node carries where it starts (core::Loc: file, line, column; columns count
// Unicode code points) and the byte span [begin, end) of its source text, so a finding can point
// at the attribute's line and a dump can quote the expression exactly as written.
//
// Expressions are one tagged node type (Expr) with its children in `items`; what `items`,
// `text` and `name` hold per kind is written next to each ExprKind below. Templates are already
// cooked: escapes are decoded, heredoc indentation (`<<-`) is removed and `~` strip markers are
// applied, so a literal segment's `text` is the string value HCL gives it.
#include <cstdint>
#include <string>
#include <vector>

#include "ecsguard/core/location.h"

namespace ecsguard::parse::terraform::hcl {

// Byte offsets into the source text, end exclusive.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

enum class ExprKind : std::uint8_t {
  kNull,         // null
  kBool,         // true / false: `boolean`
  kNumber,       // text = the number as written (digits, fraction, exponent)
  kTemplate,     // "..." or heredoc: items = parts (kLiteral, kTemplateIf, kTemplateFor or any
                 // expression for an interpolation); `heredoc` tells which syntax
  kLiteral,      // a literal template segment: text = its (decoded) string value
  kTemplateIf,   // %{if c}..%{else}..%{endif}: items = [cond, then (kTemplate), else (kTemplate)]
  kTemplateFor,  // %{for k, v in coll}..%{endfor}: name = key var ("" if none), text = value
                 // var, items = [collection, body (kTemplate)]
  kVariable,     // a bare name (root of a traversal): name
  kGetAttr,      // items[0].name: name
  kIndex,        // items[0][items[1]]
  kLegacyIndex,  // items[0].N (the old `.0` index form): text = the digits
  kSplat,        // items[0][*] or items[0].*: items[1] = what is applied to every element,
                 // built on a kSplatItem; `full` for [*] (attribute-only for .*)
  kSplatItem,    // the element placeholder inside a splat's items[1]
  kCall,         // name(args...): name may contain `::` (provider functions); items = args;
                 // `expand` when the last argument is followed by `...`
  kTuple,        // [a, b]: items
  kObject,       // {k = v, ...}: items = key, value, key, value, ... (a bare-name key is a
                 // kVariable; a parenthesised key is kParens)
  kFor,          // [for ...] / {for ...}: name = key var ("" if none), text = value var,
                 // items = [collection, key expr (object form only), value expr, condition if
                 // `has_cond`]; `object_for` for {}, `expand` for the `...` grouping form
  kConditional,  // items = [cond, then, else]
  kUnary,        // op, items = [operand]
  kBinary,       // op, items = [left, right]
  kParens,       // (items[0])
};

enum class Op : std::uint8_t {
  kNone,
  kNot,
  kNegate,
  kOr,
  kAnd,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
};

struct Expr {
  ExprKind kind = ExprKind::kNull;
  Op op = Op::kNone;
  bool boolean = false;     // kBool
  bool heredoc = false;     // kTemplate written as <<EOT / <<-EOT
  bool full = false;        // kSplat: [*] (true) or .* (false)
  bool expand = false;      // kCall: f(xs...); kFor: {for ...: k => v...}
  bool object_for = false;  // kFor: {for ...}
  bool has_cond = false;    // kFor: `if` clause present
  core::Loc loc;            // first character
  Span span;                // source text
  std::string name;
  std::string text;
  std::vector<Expr> items;
};

struct Attribute {
  std::string name;
  core::Loc loc;  // the name
  Span span;      // name through the end of the expression
  Expr value;
};

struct Block;

struct Body {
  std::vector<Attribute> attributes;  // document order
  std::vector<Block> blocks;          // document order
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  std::vector<core::Loc> label_locs;
  core::Loc loc;  // the type name
  Span span;      // type name through the closing brace
  Body body;
};

// A parsed file. `source` is not stored: spans index the text given to parse_hcl().
struct File {
  core::FileId file = 0;
  Body body;
};

// Operator precedence (HCL: || lowest, then &&, equality, comparison, + -, * / %).
[[nodiscard]] int precedence(Op op) noexcept;
// The operator as written ("&&", "+", "!", ...).
[[nodiscard]] const char* spelling(Op op) noexcept;

}  // namespace ecsguard::parse::terraform::hcl
