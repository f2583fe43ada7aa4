#pragma once
// Private to the HCL parser (parser.cpp: bodies and recovery, expr_parser.cpp: expressions,
// template_parser.cpp: quoted strings, heredocs and directives). A scannerless recursive-descent
// parser: the cursor walks the bytes and keeps line/column; each parse function skips the
// whitespace and comments before its token. Nesting (expressions, blocks, template directives)
// is counted against Limits before recursing, so hostile depth costs no unbounded stack.
//
// Errors unwind with exceptions inside these files only: SyntaxError is caught at the body item
// being parsed (a diagnostic, then recovery at the next line), LimitError at parse_hcl (a
// diagnostic, then the parse stops). Neither crosses parser.h.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/terraform/hcl/ast.h"
#include "ecsguard/parse/terraform/hcl/limits.h"
#include "ecsguard/parse/terraform/hcl/messages.h"
#include "ecsguard/parse/terraform/hcl/parser.h"

namespace ecsguard::parse::terraform::hcl::detail {

struct SyntaxError {
  core::Error error;
};
struct LimitError {
  core::Error error;
};

// One flat template token before directives are nested (HCL's templateToken).
struct TemplateToken {
  enum class Kind : std::uint8_t { kLiteral, kInterp, kIf, kElse, kEndIf, kFor, kEndFor, kEnd };
  Kind kind = Kind::kLiteral;
  bool strip_before = false;  // `${~` / `%{~`
  bool strip_after = false;   // `~}`
  core::Loc loc;
  Span span;
  std::string text;     // kLiteral: decoded text; kFor: value var
  std::string key_var;  // kFor
  Expr expr;            // kInterp: the expression; kIf: condition; kFor: collection
};

class Parser {
 public:
  Parser(std::string_view text, core::FileId file, const Limits& limits)
      : text_(text), file_(file), limits_(limits) {}

  void parse_file(ParseResult& out);

  // --- cursor (parser.cpp) ---
  [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const noexcept {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  [[nodiscard]] bool looking_at(std::string_view s) const noexcept {
    return text_.substr(pos_, s.size()) == s;
  }
  void advance(std::size_t n = 1) noexcept;
  [[nodiscard]] core::Loc here() const noexcept { return core::Loc{file_, line_, column_}; }
  [[nodiscard]] std::uint32_t offset() const noexcept { return static_cast<std::uint32_t>(pos_); }
  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  // Skips spaces, tabs, comments and (when newlines are not significant) line breaks.
  void skip_space();
  void skip_space_and_newlines();
  [[nodiscard]] bool at_newline() const noexcept { return peek() == '\n' || looking_at("\r\n"); }
  [[nodiscard]] bool at_identifier_start() const noexcept;
  std::string read_identifier();
  // Is the next token the keyword `word` (not a longer identifier)?
  [[nodiscard]] bool at_keyword(std::string_view word) const noexcept;
  void expect(char c, std::string_view what);

  [[noreturn]] void fail(Msg id, const MessageArgs& args = {}) const;
  [[noreturn]] void fail_at(core::Loc loc, Msg id, const MessageArgs& args = {}) const;
  [[noreturn]] void limit(core::Loc loc, Msg id, const MessageArgs& args) const;
  void count_node();
  // One more level of nesting (kLimit error past Limits::max_depth) / one less.
  void enter() {
    if (++depth_ > limits_.max_depth) {
      limit(here(), Msg::kLimitDepth, {{"limit", std::to_string(limits_.max_depth)}});
    }
  }
  void leave() noexcept { --depth_; }

  // Newline significance: on inside bodies and object constructors, off inside (), [], ${}.
  class NewlineMode {
   public:
    NewlineMode(Parser& p, bool significant) : p_(p), saved_(p.newlines_significant_) {
      p.newlines_significant_ = significant;
    }
    ~NewlineMode() { p_.newlines_significant_ = saved_; }
    NewlineMode(const NewlineMode&) = delete;
    NewlineMode& operator=(const NewlineMode&) = delete;
    NewlineMode(NewlineMode&&) = delete;
    NewlineMode& operator=(NewlineMode&&) = delete;

   private:
    Parser& p_;
    bool saved_;
  };
  // Counts one level of nesting against Limits::max_depth for its lifetime.
  class Nest {
   public:
    explicit Nest(Parser& p) : p_(p) { p.enter(); }
    ~Nest() { p_.leave(); }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    Nest(Nest&&) = delete;
    Nest& operator=(Nest&&) = delete;

   private:
    Parser& p_;
  };

  // --- expressions (expr_parser.cpp) ---
  Expr parse_expression();

  // --- templates (template_parser.cpp) ---
  Expr parse_quoted_template();
  Expr parse_heredoc();
  // The whole remaining text as a template (parse_template()).
  Expr parse_template_text();
  // A block label: a quoted string without interpolation; returns its decoded value.
  std::string parse_label_string();

 private:
  // bodies (parser.cpp)
  void parse_body(Body& body, bool in_block, std::vector<core::Error>& diags);
  void parse_item(Body& body, std::vector<core::Error>& diags);
  void parse_block_rest(Block& block, std::vector<core::Error>& diags);
  void end_of_item();
  void recover();

  // expressions (expr_parser.cpp)
  Expr parse_binary(int min_prec);
  Expr parse_unary();
  Expr parse_postfix(Expr base);
  Expr parse_term();
  Expr parse_number();
  Expr parse_name_or_call();
  Expr parse_call(Expr name_expr);
  // Comma-separated expressions up to `close` (consumed); `...` after the last when allowed.
  void parse_items(Expr& e, char close, bool allow_expand);
  // `k, v in` / `v in` of a for expression or %{for} directive.
  void read_for_variables(std::string& key, std::string& value);
  Expr parse_tuple();
  Expr parse_object();
  Expr parse_for(core::Loc loc, std::uint32_t begin, bool object_form);
  Expr parse_parens();
  Expr parse_splat_each(bool full);
  Op peek_binary_op(std::size_t& length) const noexcept;
  Expr make(ExprKind kind, core::Loc loc, std::uint32_t begin);
  void finish(Expr& e) const noexcept { e.span.end = last_end_; }

  // templates (template_parser.cpp)
  // `opened`: where the template starts (its `"` or `<<`), for unterminated and limit errors.
  void scan_template(std::vector<TemplateToken>& tokens, bool heredoc, std::string_view marker,
                     std::size_t max_bytes, core::Loc opened);
  bool scan_template_literal(std::vector<TemplateToken>& tokens, bool heredoc);
  void scan_template_sequence(TemplateToken& tok);
  void scan_directive(TemplateToken& tok);
  bool at_heredoc_end(std::string_view marker, std::size_t& line_length) const noexcept;
  Expr build_template(std::vector<TemplateToken>& tokens, core::Loc loc, std::uint32_t begin,
                      bool heredoc);
  void build_parts(std::vector<TemplateToken>& tokens, std::size_t& i, Expr& into,
                   std::uint32_t depth, TemplateToken::Kind& stopped_at);

  std::string_view text_;
  core::FileId file_;
  const Limits& limits_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
  std::uint32_t last_end_ = 0;  // end offset of the last token consumed by an expression
  std::uint32_t depth_ = 0;
  std::size_t nodes_ = 0;
  bool newlines_significant_ = true;

 public:
  // Marks the end of the token just consumed (spans end there, not after trailing space).
  void mark_end() noexcept { last_end_ = offset(); }
  [[nodiscard]] std::uint32_t last_end() const noexcept { return last_end_; }
};

}  // namespace ecsguard::parse::terraform::hcl::detail
