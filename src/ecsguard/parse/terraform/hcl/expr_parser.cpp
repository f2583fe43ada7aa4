// HCL expressions: conditional, binary operators by precedence, unary operators, terms
// (literals, names, function calls, tuples, objects, for expressions, parentheses, templates) and
// postfix traversals (attribute, index, legacy index, splats).
#include <string>
#include <utility>

#include "ecsguard/parse/terraform/hcl/parser_impl.h"

namespace ecsguard::parse::terraform::hcl::detail {

namespace {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// A left-nested chain (a.b.c..., 1+2+3...) grows the tree one level per link; each link counts
// against max_depth like a bracket does, so no tree is deeper than the limit.
class ChainDepth {
 public:
  explicit ChainDepth(Parser& p) : p_(p) {}
  ~ChainDepth() {
    for (; links_ > 0; --links_) p_.leave();
  }
  void link() {
    p_.enter();
    ++links_;
  }
  ChainDepth(const ChainDepth&) = delete;
  ChainDepth& operator=(const ChainDepth&) = delete;
  ChainDepth(ChainDepth&&) = delete;
  ChainDepth& operator=(ChainDepth&&) = delete;

 private:
  Parser& p_;
  std::uint32_t links_ = 0;
};

void add_items(Expr& e, Expr a) { e.items.push_back(std::move(a)); }
void add_items(Expr& e, Expr a, Expr b) {
  e.items.reserve(2);
  e.items.push_back(std::move(a));
  e.items.push_back(std::move(b));
}

}  // namespace

Expr Parser::make(ExprKind kind, core::Loc loc, std::uint32_t begin) {
  count_node();
  Expr e;
  e.kind = kind;
  e.loc = loc;
  e.span.begin = begin;
  return e;
}

Expr Parser::parse_expression() {
  const Nest nest(*this);
  skip_space();
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  Expr cond = parse_binary(1);
  skip_space();
  if (peek() != '?') return cond;
  advance();
  Expr e = make(ExprKind::kConditional, loc, begin);
  Expr then_expr = parse_expression();
  expect(':', "':'");
  Expr else_expr = parse_expression();
  e.items.reserve(3);
  e.items.push_back(std::move(cond));
  e.items.push_back(std::move(then_expr));
  e.items.push_back(std::move(else_expr));
  finish(e);
  return e;
}

Op Parser::peek_binary_op(std::size_t& length) const noexcept {
  length = 2;
  if (looking_at("||")) return Op::kOr;
  if (looking_at("&&")) return Op::kAnd;
  if (looking_at("==")) return Op::kEqual;
  if (looking_at("!=")) return Op::kNotEqual;
  if (looking_at("<=")) return Op::kLessEqual;
  if (looking_at(">=")) return Op::kGreaterEqual;
  length = 1;
  switch (peek()) {
    case '<':
      return Op::kLess;
    case '>':
      return Op::kGreater;
    case '+':
      return Op::kAdd;
    case '-':
      return Op::kSubtract;
    case '*':
      return Op::kMultiply;
    case '/':
      return Op::kDivide;
    case '%':
      return Op::kModulo;
    default:
      return Op::kNone;
  }
}

Expr Parser::parse_binary(int min_prec) {
  Expr left = parse_unary();
  ChainDepth chain(*this);
  for (;;) {
    skip_space();
    std::size_t length = 0;
    const Op op = peek_binary_op(length);
    if (op == Op::kNone || precedence(op) < min_prec) return left;
    chain.link();
    advance(length);
    Expr right = parse_binary(precedence(op) + 1);
    Expr e = make(ExprKind::kBinary, left.loc, left.span.begin);
    e.op = op;
    add_items(e, std::move(left), std::move(right));
    finish(e);
    left = std::move(e);
  }
}

Expr Parser::parse_unary() {
  skip_space();
  const bool is_not = peek() == '!' && peek(1) != '=';
  if (!is_not && peek() != '-') return parse_postfix(parse_term());
  const Nest nest(*this);
  Expr e = make(ExprKind::kUnary, here(), offset());
  e.op = is_not ? Op::kNot : Op::kNegate;
  advance();
  add_items(e, parse_unary());
  finish(e);
  return e;
}

Expr Parser::parse_term() {
  skip_space();
  const char c = peek();
  if (is_digit(c)) return parse_number();
  if (c == '"') return parse_quoted_template();
  if (looking_at("<<")) return parse_heredoc();
  if (c == '[') return parse_tuple();
  if (c == '{') return parse_object();
  if (c == '(') return parse_parens();
  if (at_identifier_start()) return parse_name_or_call();
  fail(Msg::kExpectedExpression);
}

Expr Parser::parse_number() {
  Expr e = make(ExprKind::kNumber, here(), offset());
  std::size_t n = 0;
  while (is_digit(peek(n))) ++n;
  if (peek(n) == '.' && is_digit(peek(n + 1))) {
    ++n;
    while (is_digit(peek(n))) ++n;
  }
  if (peek(n) == 'e' || peek(n) == 'E') {
    std::size_t m = n + 1;
    if (peek(m) == '+' || peek(m) == '-') ++m;
    if (is_digit(peek(m))) {
      while (is_digit(peek(m))) ++m;
      n = m;
    }
  }
  e.text = std::string(text().substr(offset(), n));
  advance(n);
  mark_end();
  finish(e);
  return e;
}

Expr Parser::parse_name_or_call() {
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  std::string name = read_identifier();
  const std::uint32_t name_end = last_end();
  if (name == "true" || name == "false") {
    Expr e = make(ExprKind::kBool, loc, begin);
    e.boolean = name == "true";
    finish(e);
    return e;
  }
  if (name == "null") {
    Expr e = make(ExprKind::kNull, loc, begin);
    finish(e);
    return e;
  }
  skip_space();
  while (looking_at("::")) {
    advance(2);
    if (!at_identifier_start()) fail(Msg::kExpected, {{"what", "a function name"}});
    name += "::" + read_identifier();
    skip_space();
    if (peek() != '(' && !looking_at("::")) fail(Msg::kExpected, {{"what", "'('"}});
  }
  Expr e = make(ExprKind::kVariable, loc, begin);
  e.name = std::move(name);
  e.span.end = name_end;
  if (peek() != '(') return e;
  return parse_call(std::move(e));
}

Expr Parser::parse_call(Expr name_expr) {
  Expr e = std::move(name_expr);
  e.kind = ExprKind::kCall;
  advance();  // '('
  const NewlineMode mode(*this, false);
  parse_items(e, ')', true);
  finish(e);
  return e;
}

void Parser::parse_items(Expr& e, char close, bool allow_expand) {
  const std::string separator = std::string("',' or '") + close + "'";
  for (;;) {
    skip_space();
    if (peek() == close) break;
    e.items.push_back(parse_expression());
    skip_space();
    if (allow_expand && looking_at("...")) {
      advance(3);
      e.expand = true;
      skip_space();
      if (peek() != close) fail(Msg::kExpected, {{"what", "')' after '...'"}});
      break;
    }
    if (peek() == ',') {
      advance();
      continue;
    }
    if (peek() != close) fail(Msg::kExpected, {{"what", separator}});
  }
  advance();
  mark_end();
}

Expr Parser::parse_tuple() {
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  advance();  // '['
  const NewlineMode mode(*this, false);
  skip_space();
  if (at_keyword("for")) return parse_for(loc, begin, false);
  Expr e = make(ExprKind::kTuple, loc, begin);
  parse_items(e, ']', false);
  finish(e);
  return e;
}

Expr Parser::parse_object() {
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  advance();  // '{'
  skip_space_and_newlines();
  if (at_keyword("for")) {
    const NewlineMode mode(*this, false);
    return parse_for(loc, begin, true);
  }
  Expr e = make(ExprKind::kObject, loc, begin);
  const NewlineMode mode(*this, true);
  for (;;) {
    skip_space_and_newlines();
    if (peek() == '}') break;
    Expr key = parse_expression();
    skip_space();
    const bool equals = peek() == '=' && peek(1) != '=' && peek(1) != '>';
    if (!equals && peek() != ':') fail(Msg::kExpected, {{"what", "'=' or ':'"}});
    advance();
    Expr value = parse_expression();
    e.items.push_back(std::move(key));
    e.items.push_back(std::move(value));
    skip_space();
    if (peek() == ',') {
      advance();
    } else if (at_newline()) {
      advance(peek() == '\r' ? 2 : 1);
    } else if (peek() != '}') {
      fail(Msg::kExpected, {{"what", "a newline or ',' between object items"}});
    }
  }
  advance();
  mark_end();
  finish(e);
  return e;
}

Expr Parser::parse_for(core::Loc loc, std::uint32_t begin, bool object_form) {
  Expr e = make(ExprKind::kFor, loc, begin);
  e.object_for = object_form;
  advance(3);  // "for"
  read_for_variables(e.name, e.text);
  e.items.push_back(parse_expression());
  expect(':', "':'");
  if (object_form) {
    e.items.push_back(parse_expression());
    skip_space();
    if (!looking_at("=>")) fail(Msg::kExpected, {{"what", "'=>'"}});
    advance(2);
  }
  e.items.push_back(parse_expression());
  skip_space();
  if (object_form && looking_at("...")) {
    advance(3);
    e.expand = true;
    skip_space();
  }
  if (at_keyword("if")) {
    advance(2);
    e.items.push_back(parse_expression());
    e.has_cond = true;
  }
  expect(object_form ? '}' : ']', object_form ? "'}'" : "']'");
  finish(e);
  return e;
}

void Parser::read_for_variables(std::string& key, std::string& value) {
  skip_space();
  if (!at_identifier_start()) fail(Msg::kExpected, {{"what", "a variable name after 'for'"}});
  value = read_identifier();
  skip_space();
  if (peek() == ',') {
    advance();
    skip_space();
    if (!at_identifier_start()) fail(Msg::kExpected, {{"what", "a value variable name"}});
    key = std::move(value);
    value = read_identifier();
    skip_space();
  }
  if (!at_keyword("in")) fail(Msg::kExpected, {{"what", "'in'"}});
  advance(2);
}

Expr Parser::parse_parens() {
  Expr e = make(ExprKind::kParens, here(), offset());
  advance();  // '('
  const NewlineMode mode(*this, false);
  add_items(e, parse_expression());
  expect(')', "')'");
  finish(e);
  return e;
}

namespace {

// "[" spaces "*" spaces "]" at `pos`?  Returns its length or 0.
std::size_t full_splat_length(std::string_view text, std::size_t pos) noexcept {
  std::size_t i = pos + 1;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] != '*') return 0;
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i < text.size() && text[i] == ']' ? i + 1 - pos : 0;
}

}  // namespace

Expr Parser::parse_postfix(Expr base) {
  ChainDepth chain(*this);
  for (;;) {
    skip_space();
    const char c = peek();
    if (c == '.' && peek(1) == '*') {
      chain.link();
      advance(2);
      mark_end();
      Expr s = make(ExprKind::kSplat, base.loc, base.span.begin);
      add_items(s, std::move(base), parse_splat_each(false));
      finish(s);
      base = std::move(s);
      continue;
    }
    if (c == '[') {
      const std::size_t splat = full_splat_length(text(), offset());
      chain.link();
      if (splat != 0) {
        advance(splat);
        mark_end();
        Expr s = make(ExprKind::kSplat, base.loc, base.span.begin);
        s.full = true;
        add_items(s, std::move(base), parse_splat_each(true));
        finish(s);
        base = std::move(s);
        continue;
      }
      Expr e = make(ExprKind::kIndex, base.loc, base.span.begin);
      advance();
      Expr index;
      {
        const NewlineMode mode(*this, false);
        index = parse_expression();
        expect(']', "']'");
      }
      add_items(e, std::move(base), std::move(index));
      finish(e);
      base = std::move(e);
      continue;
    }
    if (c != '.' || peek(1) == '.') return base;
    chain.link();
    advance();
    skip_space();
    Expr e = make(ExprKind::kGetAttr, base.loc, base.span.begin);
    if (is_digit(peek())) {
      e.kind = ExprKind::kLegacyIndex;
      std::size_t n = 0;
      while (is_digit(peek(n))) ++n;
      // `a.0.1` scans as `a` `.` `0.1` in HCL: chained legacy indexes are an error.
      if (peek(n) == '.' && is_digit(peek(n + 1))) {
        fail(Msg::kExpected, {{"what", "[0][1] instead of chained legacy indexes .0.1"}});
      }
      e.text = std::string(text().substr(offset(), n));
      advance(n);
      mark_end();
    } else if (at_identifier_start()) {
      e.name = read_identifier();
    } else {
      fail(Msg::kExpected, {{"what", "an attribute name after '.'"}});
    }
    add_items(e, std::move(base));
    finish(e);
    base = std::move(e);
  }
}

Expr Parser::parse_splat_each(bool full) {
  Expr each = make(ExprKind::kSplatItem, here(), offset());
  each.span.end = offset();
  ChainDepth chain(*this);
  for (;;) {
    skip_space();
    const char c = peek();
    const bool attr = c == '.' && peek(1) != '.' && peek(1) != '*';
    const bool index = full && c == '[' && full_splat_length(text(), offset()) == 0;
    if (!attr && !index) break;
    chain.link();
    Expr e = make(ExprKind::kGetAttr, each.loc, each.span.begin);
    advance();
    skip_space();
    if (index) {
      e.kind = ExprKind::kIndex;
      const NewlineMode mode(*this, false);
      Expr i = parse_expression();
      expect(']', "']'");
      add_items(e, std::move(each), std::move(i));
    } else if (is_digit(peek())) {
      e.kind = ExprKind::kLegacyIndex;
      std::size_t n = 0;
      while (is_digit(peek(n))) ++n;
      e.text = std::string(text().substr(offset(), n));
      advance(n);
      mark_end();
      add_items(e, std::move(each));
    } else if (at_identifier_start()) {
      e.name = read_identifier();
      add_items(e, std::move(each));
    } else {
      fail(Msg::kExpected, {{"what", "an attribute name after '.'"}});
    }
    finish(e);
    each = std::move(e);
  }
  return each;
}

}  // namespace ecsguard::parse::terraform::hcl::detail
