#include "ecsguard/guard/condition.h"

#include <algorithm>
#include <array>

namespace ecsguard::guard {
namespace {

constexpr std::array<std::string_view, 7> kSymbolOps = {"<=", "<", ">=", ">", "==", "!=", "="};
constexpr std::array<std::string_view, 13> kWordOps = {
    "bstartswith", "startswith", "endswith",   "icontains", "bcontains", "contains", "iglob",
    "glob",        "regex",      "intersects", "pmatch",    "in",        "exists"};
constexpr std::array<std::string_view, 3> kListOps = {"in", "intersects", "pmatch"};
constexpr std::array<std::string_view, 6> kTransformers = {"tolower",  "toupper", "b64",
                                                           "basename", "len",     "val"};

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == '\f';
}
bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9') || c == '_'; }
bool is_bare_char(char c) {
  return !is_blank(c) && c != '(' && c != ')' && c != ',' && c != '=' && c != '"' && c != '\'' &&
         c != '\0';
}

class Parser {
 public:
  Parser(std::string_view in, const ParseLimits& limits) : in_(in), limits_(limits) {}

  core::Result<CondAst> run() {
    if (in_.size() > limits_.max_length) {
      return core::make_error(core::Errc::kLimit, "condition longer than the limit");
    }
    CondAst ast = parse_or();
    if (failed_) return error_;
    blank();
    if (pos_ != in_.size()) {
      fail("unexpected '" + std::string(in_.substr(pos_, 20)) + "'");
      return error_;
    }
    return ast;
  }

 private:
  void fail(const std::string& msg) {
    if (failed_) return;
    failed_ = true;
    error_ =
        core::make_error(core::Errc::kSyntax, msg + " at position " + std::to_string(pos_ + 1));
  }

  void blank() {
    while (pos_ < in_.size() && is_blank(in_[pos_])) ++pos_;
  }

  [[nodiscard]] char peek() const { return pos_ < in_.size() ? in_[pos_] : '\0'; }

  // A keyword at the cursor that is not the prefix of a longer identifier.
  bool keyword(std::string_view kw) {
    if (in_.substr(pos_, kw.size()) != kw) return false;
    std::size_t end = pos_ + kw.size();
    if (end < in_.size() && (is_ident_char(in_[end]) || in_[end] == '.')) return false;
    pos_ = end;
    return true;
  }

  class DepthGuard {
   public:
    explicit DepthGuard(Parser& p) : p_(p) {
      if (++p_.depth_ > p_.limits_.max_depth) p_.fail("condition nested too deeply");
    }
    ~DepthGuard() { --p_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    DepthGuard(DepthGuard&&) = delete;
    DepthGuard& operator=(DepthGuard&&) = delete;

   private:
    Parser& p_;
  };

  CondAst parse_or() {
    DepthGuard guard(*this);
    if (failed_) return {};
    CondAst left = parse_and();
    blank();
    if (failed_ || !keyword("or")) return left;
    CondAst node;
    node.kind = CondAst::Kind::kOr;
    node.pos = left.pos;
    node.children.push_back(std::move(left));
    do {
      node.children.push_back(parse_and());
      if (failed_) return {};
      blank();
    } while (keyword("or"));
    return node;
  }

  CondAst parse_and() {
    CondAst left = parse_not();
    blank();
    if (failed_ || !keyword("and")) return left;
    CondAst node;
    node.kind = CondAst::Kind::kAnd;
    node.pos = left.pos;
    node.children.push_back(std::move(left));
    do {
      node.children.push_back(parse_not());
      if (failed_) return {};
      blank();
    } while (keyword("and"));
    return node;
  }

  CondAst parse_not() {
    DepthGuard guard(*this);
    if (failed_) return {};
    blank();
    auto start = static_cast<std::uint32_t>(pos_);
    if (keyword("not")) {
      CondAst node;
      node.kind = CondAst::Kind::kNot;
      node.pos = start;
      node.children.push_back(parse_not());
      return node;
    }
    return parse_check();
  }

  std::string identifier_or_field() {
    std::size_t start = pos_;
    if (!is_ident_start(peek())) return {};
    while (true) {
      while (pos_ < in_.size() && is_ident_char(in_[pos_])) ++pos_;
      if (peek() == '.' && pos_ + 1 < in_.size() && is_ident_start(in_[pos_ + 1])) {
        ++pos_;
        continue;
      }
      break;
    }
    return std::string(in_.substr(start, pos_ - start));
  }

  CondAst parse_check() {
    CondAst node = parse_check_inner();
    if (!failed_ && node.kind == CondAst::Kind::kCheck && !node.transformer.empty() &&
        node.raw.empty()) {
      // Kept verbatim: the rule is disabled anyway, and diagnostics show what was written.
      node.raw = std::string(in_.substr(node.pos, pos_ - node.pos));
    }
    return node;
  }

  CondAst parse_check_inner() {
    blank();
    auto start = static_cast<std::uint32_t>(pos_);
    if (peek() == '(') {
      ++pos_;
      CondAst inner = parse_or();
      if (failed_) return {};
      blank();
      if (peek() != ')') {
        fail("expected ')'");
        return {};
      }
      ++pos_;
      return inner;
    }
    std::string name = identifier_or_field();
    if (name.empty()) {
      fail(pos_ >= in_.size() ? "unexpected end of condition" : "expected a field or a macro");
      return {};
    }
    CondAst node;
    node.pos = start;
    if (peek() == '(' && is_transformer(name) && name != "val") {
      // tolower(proc.name), len(basename(fd.name)): transformers over one field.
      node.transformers.push_back(name);
      ++pos_;
      if (!transformed_field(node, 1)) return {};
      return parse_condition_tail(std::move(node));
    }
    if (peek() == '(' && is_transformer(name)) {
      // val(...) on the left: parsed so the rule can be disabled with the reason.
      node.transformer = name;
      ++pos_;
      blank();
      std::string inner;
      int nest = 1;
      std::size_t inner_start = pos_;
      while (pos_ < in_.size() && nest > 0) {
        if (in_[pos_] == '(') ++nest;
        if (in_[pos_] == ')') --nest;
        ++pos_;
      }
      if (nest != 0) {
        fail("unbalanced transformer '" + name + "('");
        return {};
      }
      node.field = std::string(in_.substr(inner_start, pos_ - 1 - inner_start));
      return parse_condition_tail(std::move(node));
    }
    if (name.find('.') == std::string::npos) {
      node.kind = CondAst::Kind::kMacro;
      node.macro = std::move(name);
      return node;
    }
    node.field = std::move(name);
    if (!field_arg(node)) return {};
    return parse_condition_tail(std::move(node));
  }

  static bool is_transformer(std::string_view name) {
    return std::find(kTransformers.begin(), kTransformers.end(), name) != kTransformers.end();
  }

  // `[arg]` after a field name, when present.
  bool field_arg(CondAst& node) {
    if (peek() != '[') return true;
    ++pos_;
    node.has_arg = true;
    if (peek() == '"' || peek() == '\'') {
      node.field_arg = quoted();
    } else {
      std::size_t a = pos_;
      while (pos_ < in_.size() && in_[pos_] != ']' && in_[pos_] != '[' && !is_blank(in_[pos_]) &&
             in_[pos_] != '"' && in_[pos_] != '\'') {
        ++pos_;
      }
      node.field_arg = std::string(in_.substr(a, pos_ - a));
    }
    if (failed_) return false;
    if (peek() != ']') {
      fail("expected ']' after field argument");
      return false;
    }
    ++pos_;
    return true;
  }

  // After `transformer(`: another transformer or the field, then `)`.
  bool transformed_field(CondAst& node, unsigned depth) {
    if (depth > limits_.max_depth) {
      fail("transformers nested too deeply");
      return false;
    }
    blank();
    std::string name = identifier_or_field();
    if (name.empty()) {
      fail("expected a field inside '" + node.transformers.back() + "('");
      return false;
    }
    if (peek() == '(' && is_transformer(name) && name != "val") {
      node.transformers.push_back(name);
      ++pos_;
      if (!transformed_field(node, depth + 1)) return false;
    } else {
      if (name.find('.') == std::string::npos) {
        fail("expected a field inside '" + node.transformers.back() + "(', not '" + name + "'");
        return false;
      }
      node.field = std::move(name);
      if (!field_arg(node)) return false;
    }
    blank();
    if (peek() != ')') {
      fail("expected ')' after the argument of '" + node.transformers.back() + "'");
      return false;
    }
    ++pos_;
    return true;
  }

  std::string lex_operator() {
    for (auto op : kSymbolOps) {
      if (in_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return std::string(op);
      }
    }
    for (auto op : kWordOps) {
      if (in_.substr(pos_, op.size()) != op) continue;
      std::size_t end = pos_ + op.size();
      if (end < in_.size() && (is_ident_char(in_[end]) || in_[end] == '.')) continue;
      pos_ = end;
      return std::string(op);
    }
    return {};
  }

  CondAst parse_condition_tail(CondAst node) {
    node.kind = CondAst::Kind::kCheck;
    blank();
    node.op = lex_operator();
    if (node.op.empty()) {
      fail("expected an operator after '" + node.field + "'");
      return {};
    }
    if (node.op == "exists") return node;
    blank();
    if (is_list_operator(node.op)) {
      if (peek() == '(') {
        ++pos_;
        node.list_value = true;
        blank();
        if (peek() == ')') {
          ++pos_;
          return node;
        }
        while (true) {
          blank();
          node.values.push_back(value());
          if (failed_) return {};
          blank();
          if (peek() == ',') {
            ++pos_;
            continue;
          }
          if (peek() == ')') {
            ++pos_;
            break;
          }
          fail("expected ',' or ')' in list");
          return {};
        }
        return node;
      }
      std::string name = identifier_or_field();
      if (name.empty()) {
        fail("expected a list after '" + node.op + "'");
        return {};
      }
      if (peek() == '(') {
        if (std::find(kTransformers.begin(), kTransformers.end(), name) == kTransformers.end()) {
          fail("expected a list after '" + node.op + "'");
          return {};
        }
        return transformer_value(std::move(node), name);
      }
      node.list_ref = std::move(name);
      return node;
    }
    // val(field) / tolower(field) on the right side
    std::size_t save = pos_;
    std::string maybe = identifier_or_field();
    if (!maybe.empty() && peek() == '(' &&
        std::find(kTransformers.begin(), kTransformers.end(), maybe) != kTransformers.end()) {
      return transformer_value(std::move(node), maybe);
    }
    pos_ = save;
    node.values.push_back(value());
    if (failed_) return {};
    return node;
  }

  CondAst transformer_value(CondAst node, const std::string& name) {
    node.transformer = name + "() on the right side";
    int nest = 0;
    while (pos_ < in_.size()) {
      if (in_[pos_] == '(') ++nest;
      if (in_[pos_] == ')' && --nest == 0) {
        ++pos_;
        return node;
      }
      ++pos_;
    }
    fail("unbalanced '" + name + "('");
    return {};
  }

  std::string quoted() {
    char q = in_[pos_++];
    std::string out;
    while (pos_ < in_.size()) {
      char c = in_[pos_++];
      if (c == q) return out;
      if (c == '\\' && pos_ < in_.size()) {
        char e = in_[pos_++];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case '"':
          case '\'':
          case '\\':
            out += e;
            break;
          default:
            out += '\\';
            out += e;
        }
        continue;
      }
      out += c;
    }
    fail("unterminated string");
    return {};
  }

  Operand value() {
    Operand v;
    if (peek() == '"' || peek() == '\'') {
      v.quoted = true;
      v.text = quoted();
      return v;
    }
    std::size_t start = pos_;
    while (pos_ < in_.size() && is_bare_char(in_[pos_])) ++pos_;
    if (pos_ == start) {
      fail("expected a value");
      return v;
    }
    v.text = std::string(in_.substr(start, pos_ - start));
    return v;
  }

  std::string_view in_;
  ParseLimits limits_;
  std::size_t pos_ = 0;
  unsigned depth_ = 0;
  bool failed_ = false;
  core::Error error_;
};

void render(const CondAst& a, std::string& out) {
  switch (a.kind) {
    case CondAst::Kind::kAnd:
    case CondAst::Kind::kOr: {
      out += '(';
      for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (i > 0) out += a.kind == CondAst::Kind::kAnd ? " and " : " or ";
        render(a.children[i], out);
      }
      out += ')';
      return;
    }
    case CondAst::Kind::kNot:
      out += "not ";
      render(a.children.front(), out);
      return;
    case CondAst::Kind::kMacro:
      out += a.macro;
      return;
    case CondAst::Kind::kCheck:
      break;
  }
  if (!a.raw.empty()) {
    out += a.raw;
    return;
  }
  for (const auto& t : a.transformers) out += t + "(";
  out += a.field;
  if (a.has_arg) {
    bool bare =
        !a.field_arg.empty() && a.field_arg.find_first_of(" \t\n\r\b\f[]\"'") == std::string::npos;
    if (bare) {
      out += "[" + a.field_arg + "]";
    } else {
      out += "[\"";
      for (char c : a.field_arg) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += "\"]";
    }
  }
  out.append(a.transformers.size(), ')');
  out += ' ';
  out += a.op;
  if (a.op == "exists") return;
  out += ' ';
  auto val = [&](const Operand& v) {
    if (v.quoted || v.text.empty() ||
        v.text.find_first_of(" \t\n\r\b\f(),=\"'") != std::string::npos) {
      out += '"';
      for (char c : v.text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += '"';
    } else {
      out += v.text;
    }
  };
  if (!a.list_ref.empty()) {
    out += a.list_ref;
  } else if (a.list_value) {
    out += '(';
    for (std::size_t i = 0; i < a.values.size(); ++i) {
      if (i > 0) out += ", ";
      val(a.values[i]);
    }
    out += ')';
  } else if (!a.values.empty()) {
    val(a.values.front());
  }
}

}  // namespace

bool is_list_operator(std::string_view op) noexcept {
  return std::find(kListOps.begin(), kListOps.end(), op) != kListOps.end();
}

bool is_known_operator(std::string_view op) noexcept {
  return std::find(kSymbolOps.begin(), kSymbolOps.end(), op) != kSymbolOps.end() ||
         std::find(kWordOps.begin(), kWordOps.end(), op) != kWordOps.end();
}

core::Result<CondAst> parse_condition(std::string_view text, const ParseLimits& limits) {
  Parser p(text, limits);
  return p.run();
}

std::string unquote_list_item(std::string_view item) {
  if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') &&
      item.back() == item.front()) {
    // Reuse the condition lexer: `x = <item>` and take the value.
    std::string probe = "x.x = ";
    probe.append(item);
    auto ast = parse_condition(probe);
    if (ast.ok() && ast->values.size() == 1) return ast->values.front().text;
  }
  return std::string(item);
}

std::string to_string(const CondAst& ast) {
  std::string out;
  render(ast, out);
  return out;
}

}  // namespace ecsguard::guard
