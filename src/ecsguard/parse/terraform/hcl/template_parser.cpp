// HCL templates: quoted strings (escapes), heredocs (<<EOT, <<-EOT), `${}` interpolations,
// `%{if}` / `%{for}` directives and `~` strip markers.
//
// As in HCL, a template is first scanned into flat tokens (a heredoc's literal text is one token
// per line), then strip markers trim the whitespace of the adjacent literal token, then `<<-`
// indentation is removed (the smallest indentation of the lines, counted in characters;
// whitespace-only lines neither count nor change; a line whose first token was stripped to
// nothing does not start a line any more), and finally directives are nested. This order is
// HCL's (checked against hclsyntax through the differential test).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "ecsguard/parse/terraform/hcl/parser_impl.h"

namespace ecsguard::parse::terraform::hcl::detail {

namespace {

using Kind = TemplateToken::Kind;

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Characters that end a run of literal template text.
constexpr bool is_template_special(char c) noexcept {
  return c == '$' || c == '%' || c == '"' || c == '\\' || c == '\n';
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Leading whitespace of `s`: its length in bytes (all of it ASCII, so also in characters).
std::size_t leading_space(const std::string& s) noexcept {
  std::size_t n = 0;
  while (n < s.size() && is_space(s[n])) ++n;
  return n;
}

// `<<-`: remove the smallest indentation of the lines from every line that counted.
void flush_heredoc(std::vector<TemplateToken>& tokens) {
  std::size_t min_spaces = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> adjust;
  bool line_start = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const TemplateToken& tok = tokens[i];
    if (line_start) {
      line_start = false;
      std::size_t spaces = 0;
      if (tok.kind == Kind::kLiteral) {
        const std::size_t lead = leading_space(tok.text);
        const bool blank = lead == tok.text.size() && !tok.text.empty() && tok.text.back() == '\n';
        if (blank) {
          spaces = std::numeric_limits<std::size_t>::max();
        } else {
          spaces = lead;
          adjust.push_back(i);
        }
      }
      min_spaces = std::min(min_spaces, spaces);
    }
    if (tok.kind == Kind::kLiteral && !tok.text.empty() && tok.text.back() == '\n') {
      line_start = true;
    }
  }
  if (adjust.empty()) return;
  for (const std::size_t i : adjust) {
    std::string& s = tokens[i].text;
    s.erase(0, std::min(min_spaces, leading_space(s)));
  }
}

void apply_strip_markers(std::vector<TemplateToken>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const TemplateToken& tok = tokens[i];
    if (tok.kind == Kind::kLiteral) continue;
    if (tok.strip_before && i > 0 && tokens[i - 1].kind == Kind::kLiteral) {
      std::string& s = tokens[i - 1].text;
      while (!s.empty() && is_space(s.back())) s.pop_back();
    }
    if (tok.strip_after && i + 1 < tokens.size() && tokens[i + 1].kind == Kind::kLiteral) {
      std::string& s = tokens[i + 1].text;
      s.erase(0, leading_space(s));
    }
  }
}

const char* directive_name(Kind kind) noexcept {
  switch (kind) {
    case Kind::kIf:
      return "%{if}";
    case Kind::kElse:
      return "%{else}";
    case Kind::kEndIf:
      return "%{endif}";
    case Kind::kFor:
      return "%{for}";
    case Kind::kEndFor:
      return "%{endfor}";
    case Kind::kLiteral:
    case Kind::kInterp:
    case Kind::kEnd:
      break;
  }
  return "";
}

}  // namespace

Expr Parser::parse_quoted_template() {
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  advance();  // '"'
  std::vector<TemplateToken> tokens;
  scan_template(tokens, false, {}, limits_.max_string_bytes, loc);
  mark_end();
  apply_strip_markers(tokens);
  return build_template(tokens, loc, begin, false);
}

std::string Parser::parse_label_string() {
  const core::Loc loc = here();
  advance();  // '"'
  std::vector<TemplateToken> tokens;
  scan_template(tokens, false, {}, limits_.max_string_bytes, loc);
  std::string label;
  for (const TemplateToken& tok : tokens) {
    if (tok.kind != Kind::kLiteral) fail_at(loc, Msg::kLabelNotLiteral);
    label += tok.text;
  }
  return label;
}

Expr Parser::parse_heredoc() {
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  advance(2);  // "<<"
  const bool flush = peek() == '-';
  if (flush) advance();
  if (!at_identifier_start()) fail(Msg::kBadHeredocMarker);
  const std::string marker = read_identifier();
  if (!at_newline()) fail(Msg::kBadHeredocMarker);
  advance(peek() == '\r' ? 2 : 1);
  std::vector<TemplateToken> tokens;
  scan_template(tokens, true, marker, limits_.max_heredoc_bytes, loc);
  mark_end();
  apply_strip_markers(tokens);
  if (flush) flush_heredoc(tokens);
  return build_template(tokens, loc, begin, true);
}

Expr Parser::parse_template_text() {
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  std::vector<TemplateToken> tokens;
  scan_template(tokens, true, {}, limits_.max_file_bytes, loc);
  mark_end();
  apply_strip_markers(tokens);
  return build_template(tokens, loc, begin, true);
}

bool Parser::at_heredoc_end(std::string_view marker, std::size_t& line_length) const noexcept {
  std::size_t i = 0;
  while (peek(i) == ' ' || peek(i) == '\t') ++i;
  if (text().substr(offset() + i, marker.size()) != marker) return false;
  i += marker.size();
  while (peek(i) == ' ' || peek(i) == '\t') ++i;
  // The marker line must end with a line break (HCL rejects a marker at the very end of the file).
  const char c = peek(i);
  if (c != '\n' && !(c == '\r' && peek(i + 1) == '\n')) return false;
  line_length = i;
  return true;
}

void Parser::scan_template(std::vector<TemplateToken>& tokens, bool heredoc,
                           std::string_view marker, std::size_t max_bytes, core::Loc opened) {
  const core::Loc start = opened;
  const std::size_t begin = offset();
  std::uint32_t lines = 0;
  const bool to_end = heredoc && marker.empty();  // parse_template_text(): no end marker
  bool line_start = heredoc && !to_end;
  for (;;) {
    if (line_start) {
      std::size_t length = 0;
      if (at_heredoc_end(marker, length)) {
        advance(length);
        return;
      }
      line_start = false;
    }
    if (at_end()) {
      if (to_end) return;
      if (heredoc) fail_at(start, Msg::kUnterminatedHeredoc, {{"marker", std::string(marker)}});
      fail_at(start, Msg::kUnterminatedString);
    }
    if (!heredoc && peek() == '"') {
      advance();
      return;
    }
    if (looking_at("${") || looking_at("%{")) {
      tokens.emplace_back();
      scan_template_sequence(tokens.back());
    } else if (scan_template_literal(tokens, heredoc)) {
      line_start = !to_end;
      if (!to_end && ++lines > limits_.max_heredoc_lines) {
        limit(start, Msg::kLimitHeredoc,
              {{"limit", std::to_string(limits_.max_heredoc_lines)}, {"unit", "lines"}});
      }
    }
    if (offset() - begin > max_bytes) {
      limit(start, heredoc ? Msg::kLimitHeredoc : Msg::kLimitString,
            {{"limit", std::to_string(max_bytes)}, {"unit", "bytes"}});
    }
  }
}

bool Parser::scan_template_literal(std::vector<TemplateToken>& tokens, bool heredoc) {
  TemplateToken tok;
  tok.loc = here();
  tok.span.begin = offset();
  bool ended_line = false;
  while (!at_end()) {
    const char c = peek();
    if (c == '$' || c == '%') {
      if (peek(1) == c && peek(2) == '{') {
        tok.text += c;
        tok.text += '{';
        advance(3);
        continue;
      }
      if (peek(1) == '{') break;
    } else if (c == '"' && !heredoc) {
      break;
    } else if (c == '\n') {
      if (!heredoc) fail(Msg::kMultiLineString);
      tok.text += c;
      advance();
      ended_line = true;
      break;
    } else if (c == '\\' && !heredoc) {
      const char e = peek(1);
      const char* simple = nullptr;
      switch (e) {
        case 'n':
          simple = "\n";
          break;
        case 'r':
          simple = "\r";
          break;
        case 't':
          simple = "\t";
          break;
        case '"':
          simple = "\"";
          break;
        case '\\':
          simple = "\\";
          break;
        default:
          break;
      }
      if (simple != nullptr) {
        tok.text += simple;
        advance(2);
        continue;
      }
      const std::size_t digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
      std::uint32_t cp = 0;
      bool valid = digits != 0;
      for (std::size_t k = 0; valid && k < digits; ++k) {
        const int v = hex_value(peek(2 + k));
        valid = v >= 0;
        cp = cp * 16 + static_cast<std::uint32_t>(v);
      }
      if (!valid || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        fail(Msg::kBadEscape, {{"escape", std::string(text().substr(offset(), 2))}});
      }
      append_utf8(tok.text, cp);
      advance(2 + digits);
      continue;
    }
    // A run of ordinary characters at once.
    std::size_t n = 1;
    while (!is_template_special(peek(n)) && offset() + n < text().size()) ++n;
    tok.text.append(text().substr(offset(), n));
    advance(n);
  }
  tok.span.end = offset();
  if (tok.span.end > tok.span.begin) tokens.push_back(std::move(tok));
  return ended_line;
}

void Parser::scan_template_sequence(TemplateToken& tok) {
  tok.loc = here();
  tok.span.begin = offset();
  const bool interp = peek() == '$';
  advance(2);
  if (peek() == '~') {
    tok.strip_before = true;
    advance();
  }
  const NewlineMode mode(*this, false);
  if (interp) {
    tok.kind = Kind::kInterp;
    tok.expr = parse_expression();
  } else {
    scan_directive(tok);
  }
  skip_space();
  if (peek() == '~') {
    tok.strip_after = true;
    advance();
  }
  if (peek() != '}') fail(Msg::kExpected, {{"what", "'}'"}});
  advance();
  tok.span.end = offset();
}

void Parser::scan_directive(TemplateToken& tok) {
  skip_space();
  if (at_keyword("if")) {
    advance(2);
    tok.kind = Kind::kIf;
    tok.expr = parse_expression();
  } else if (at_keyword("else")) {
    advance(4);
    tok.kind = Kind::kElse;
  } else if (at_keyword("endif")) {
    advance(5);
    tok.kind = Kind::kEndIf;
  } else if (at_keyword("endfor")) {
    advance(6);
    tok.kind = Kind::kEndFor;
  } else if (at_keyword("for")) {
    advance(3);
    tok.kind = Kind::kFor;
    read_for_variables(tok.key_var, tok.text);
    tok.expr = parse_expression();
  } else {
    fail(Msg::kBadDirective, {{"what", "%{...}"}});
  }
}

Expr Parser::build_template(std::vector<TemplateToken>& tokens, core::Loc loc, std::uint32_t begin,
                            bool heredoc) {
  Expr t = make(ExprKind::kTemplate, loc, begin);
  t.heredoc = heredoc;
  const std::uint32_t end = last_end();
  std::size_t i = 0;
  Kind stopped = Kind::kEnd;
  build_parts(tokens, i, t, 0, stopped);
  if (stopped != Kind::kEnd) {
    fail_at(tokens[i].loc, Msg::kBadDirective, {{"what", directive_name(stopped)}});
  }
  t.span.end = end;
  return t;
}

void Parser::build_parts(std::vector<TemplateToken>& tokens, std::size_t& i, Expr& into,
                         std::uint32_t depth, Kind& stopped_at) {
  while (i < tokens.size()) {
    TemplateToken& tok = tokens[i];
    switch (tok.kind) {
      case Kind::kLiteral:
        if (!tok.text.empty()) {
          if (!into.items.empty() && into.items.back().kind == ExprKind::kLiteral) {
            into.items.back().text += tok.text;
            into.items.back().span.end = tok.span.end;
          } else {
            Expr lit = make(ExprKind::kLiteral, tok.loc, tok.span.begin);
            lit.text = std::move(tok.text);
            lit.span.end = tok.span.end;
            into.items.push_back(std::move(lit));
          }
        }
        ++i;
        break;
      case Kind::kInterp:
        into.items.push_back(std::move(tok.expr));
        ++i;
        break;
      case Kind::kIf:
      case Kind::kFor: {
        if (depth + 1 > limits_.max_template_depth) {
          limit(tok.loc, Msg::kLimitTemplateDepth,
                {{"limit", std::to_string(limits_.max_template_depth)}});
        }
        const bool is_if = tok.kind == Kind::kIf;
        Expr d =
            make(is_if ? ExprKind::kTemplateIf : ExprKind::kTemplateFor, tok.loc, tok.span.begin);
        d.name = std::move(tok.key_var);
        d.text = std::move(tok.text);
        d.items.push_back(std::move(tok.expr));
        const std::uint32_t body_begin = tok.span.end;
        ++i;
        Kind inner = Kind::kEnd;
        Expr body = make(ExprKind::kTemplate, d.loc, body_begin);
        build_parts(tokens, i, body, depth + 1, inner);
        if (inner != (is_if ? Kind::kEndIf : Kind::kEndFor) && inner != Kind::kElse) {
          fail_at(d.loc, Msg::kUnclosedDirective, {{"what", is_if ? "%{if}" : "%{for}"}});
        }
        // Spans of the branches: from the end of the opening directive to the next one.
        body.span.end = tokens[i].span.begin;
        d.items.push_back(std::move(body));
        if (is_if) {
          Expr other = make(ExprKind::kTemplate, d.loc, tokens[i].span.begin);
          if (inner == Kind::kElse) {
            other.span.begin = tokens[i].span.end;
            ++i;
            build_parts(tokens, i, other, depth + 1, inner);
          }
          if (inner != Kind::kEndIf) fail_at(d.loc, Msg::kUnclosedDirective, {{"what", "%{if}"}});
          other.span.end = tokens[i].span.begin;
          d.items.push_back(std::move(other));
        } else if (inner != Kind::kEndFor) {
          fail_at(d.loc, Msg::kUnclosedDirective, {{"what", "%{for}"}});
        }
        d.span.end = tokens[i].span.end;
        ++i;
        into.items.push_back(std::move(d));
        break;
      }
      case Kind::kElse:
      case Kind::kEndIf:
      case Kind::kEndFor:
      case Kind::kEnd:
        stopped_at = tok.kind;
        return;
    }
  }
  stopped_at = Kind::kEnd;
}

}  // namespace ecsguard::parse::terraform::hcl::detail
