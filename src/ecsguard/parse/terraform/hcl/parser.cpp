// HCL bodies: attributes, blocks, labels, item ends, error recovery; the cursor; parse_hcl().
#include "ecsguard/parse/terraform/hcl/parser.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "ecsguard/parse/detail/text_position.h"
#include "ecsguard/parse/terraform/hcl/parser_impl.h"

namespace ecsguard::parse::terraform::hcl {

namespace detail {

namespace {

// A file of garbage yields one diagnostic per line; past this many the rest are dropped (the
// file is reported as broken either way).
constexpr std::size_t kMaxDiagnostics = 100;

constexpr bool is_identifier_byte(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
         u == '-' || u >= 0x80;
}

void add_diagnostic(std::vector<core::Error>& diags, core::Error e) {
  if (diags.size() < kMaxDiagnostics) diags.push_back(std::move(e));
}

}  // namespace

void Parser::advance(std::size_t n) noexcept {
  const std::size_t end = pos_ + n < text_.size() ? pos_ + n : text_.size();
  for (; pos_ < end; ++pos_) {
    const auto c = static_cast<unsigned char>(text_[pos_]);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((c & 0xC0U) != 0x80U) {
      ++column_;
    }
  }
}

void Parser::skip_space() {
  for (;;) {
    const char c = peek();
    if (c == ' ' || c == '\t' || (c == '\r' && peek(1) != '\n')) {
      advance();
    } else if (c == '\n' || c == '\r') {
      if (newlines_significant_) return;
      advance(c == '\r' ? 2 : 1);
    } else if (c == '#' || (c == '/' && peek(1) == '/')) {
      while (!at_end() && !at_newline()) advance();
    } else if (c == '/' && peek(1) == '*') {
      const std::size_t close = text_.find("*/", pos_ + 2);
      if (close == std::string_view::npos) fail(Msg::kExpected, {{"what", "*/"}});
      advance(close + 2 - pos_);
    } else {
      return;
    }
  }
}

void Parser::skip_space_and_newlines() {
  const NewlineMode mode(*this, false);
  skip_space();
}

bool Parser::at_identifier_start() const noexcept {
  const auto u = static_cast<unsigned char>(peek());
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}

std::string Parser::read_identifier() {
  const std::size_t begin = pos_;
  std::size_t end = pos_;
  while (end < text_.size() && is_identifier_byte(text_[end])) ++end;
  advance(end - begin);
  mark_end();
  return std::string(text_.substr(begin, end - begin));
}

bool Parser::at_keyword(std::string_view word) const noexcept {
  return looking_at(word) && !is_identifier_byte(peek(word.size()));
}

void Parser::expect(char c, std::string_view what) {
  skip_space();
  if (peek() != c) fail(Msg::kExpected, {{"what", std::string(what)}});
  advance();
  mark_end();
}

void Parser::fail(Msg id, const MessageArgs& args) const { fail_at(here(), id, args); }

void Parser::fail_at(core::Loc loc, Msg id, const MessageArgs& args) const {
  throw SyntaxError{core::make_error(core::Errc::kSyntax, render(id, args), loc)};
}

void Parser::limit(core::Loc loc, Msg id, const MessageArgs& args) const {
  throw LimitError{core::make_error(core::Errc::kLimit, render(id, args), loc)};
}

void Parser::count_node() {
  if (++nodes_ > limits_.max_nodes) {
    limit(here(), Msg::kLimitNodes, {{"limit", std::to_string(limits_.max_nodes)}});
  }
}

void Parser::parse_file(ParseResult& out) {
  pos_ = parse::detail::bom_length(text_);
  const std::size_t bad = parse::detail::find_invalid_utf8(text_);
  if (bad != std::string_view::npos) {
    Parser probe(text_, file_, limits_);
    probe.advance(bad);
    out.diagnostics.push_back(core::make_error(
        core::Errc::kSyntax, render(Msg::kUnexpectedCharacter, {{"char", "\\x??"}}), probe.here()));
  }
  parse_body(out.file.body, false, out.diagnostics);
}

void Parser::parse_body(Body& body, bool in_block, std::vector<core::Error>& diags) {
  std::unordered_map<std::string, std::uint32_t> seen;  // attribute name -> line
  for (;;) {
    skip_space_and_newlines();
    if (at_end()) return;
    if (peek() == '}') {
      if (in_block) return;
      add_diagnostic(diags,
                     core::make_error(core::Errc::kSyntax, render(Msg::kItemRequired, {}), here()));
      advance();
      continue;
    }
    const std::size_t attributes_before = body.attributes.size();
    try {
      parse_item(body, diags);
    } catch (SyntaxError& e) {
      add_diagnostic(diags, std::move(e.error));
      recover();
    }
    if (body.attributes.size() > attributes_before) {
      const Attribute& a = body.attributes.back();
      const auto [it, inserted] = seen.emplace(a.name, a.loc.line);
      if (!inserted) {
        add_diagnostic(diags, core::make_error(
                                  core::Errc::kSyntax,
                                  render(Msg::kAttributeRedefined,
                                         {{"name", a.name}, {"line", std::to_string(it->second)}}),
                                  a.loc));
        body.attributes.pop_back();
      }
    }
  }
}

void Parser::parse_item(Body& body, std::vector<core::Error>& diags) {
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  if (!at_identifier_start()) fail(Msg::kItemRequired);
  std::string name = read_identifier();
  skip_space();
  if (peek() == '=' && peek(1) != '=') {
    advance();
    Attribute a;
    a.name = std::move(name);
    a.loc = loc;
    {
      const NewlineMode mode(*this, true);
      a.value = parse_expression();
    }
    a.span = Span{begin, last_end_};
    body.attributes.push_back(std::move(a));
    end_of_item();
    return;
  }
  Block block;
  block.type = std::move(name);
  block.loc = loc;
  for (;;) {
    skip_space();
    if (peek() == '"') {
      block.label_locs.push_back(here());
      block.labels.push_back(parse_label_string());
    } else if (at_identifier_start()) {
      block.label_locs.push_back(here());
      block.labels.push_back(read_identifier());
    } else if (peek() == '{') {
      break;
    } else {
      fail(Msg::kBadBlockHeader);
    }
  }
  advance();
  parse_block_rest(block, diags);
  block.span = Span{begin, offset()};
  body.blocks.push_back(std::move(block));
  end_of_item();
}

void Parser::parse_block_rest(Block& block, std::vector<core::Error>& diags) {
  const Nest nest(*this);
  skip_space();
  if (at_end()) fail_at(block.loc, Msg::kUnclosedBlock);
  if (at_newline()) {
    parse_body(block.body, true, diags);
    if (at_end()) fail_at(block.loc, Msg::kUnclosedBlock);
    advance();  // '}'
    return;
  }
  if (peek() == '}') {
    advance();
    return;
  }
  // Single-line block: at most one argument, no nested block.
  const core::Loc loc = here();
  const std::uint32_t begin = offset();
  if (!at_identifier_start()) fail(Msg::kItemRequired);
  Attribute a;
  a.name = read_identifier();
  a.loc = loc;
  skip_space();
  if (peek() != '=' || peek(1) == '=') fail(Msg::kSingleLineBlock);
  advance();
  {
    const NewlineMode mode(*this, true);
    a.value = parse_expression();
  }
  a.span = Span{begin, last_end_};
  skip_space();
  if (peek() != '}') fail(Msg::kSingleLineBlock);
  advance();
  block.body.attributes.push_back(std::move(a));
}

void Parser::end_of_item() {
  skip_space();
  if (at_end()) return;
  if (at_newline()) {
    advance(peek() == '\r' ? 2 : 1);
    return;
  }
  fail(Msg::kMissingNewline);
}

void Parser::recover() {
  int depth = 0;
  while (!at_end()) {
    const char c = peek();
    if (c == '"') {
      advance();
      while (!at_end() && peek() != '"' && peek() != '\n') advance(peek() == '\\' ? 2 : 1);
      if (peek() == '"') advance();
      continue;
    }
    if (c == '#' || (c == '/' && peek(1) == '/')) {
      while (!at_end() && peek() != '\n') advance();
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0 && c == '}') return;  // closes the enclosing block: its body parser's
      if (depth > 0) --depth;
    } else if (c == '\n' && depth == 0) {
      advance();
      return;
    }
    advance();
  }
}

}  // namespace detail

namespace {

bool too_big(std::string_view text, core::FileId file, const Limits& limits,
             std::vector<core::Error>& diagnostics) {
  if (text.size() <= limits.max_file_bytes) return false;
  diagnostics.push_back(core::make_error(
      core::Errc::kLimit,
      render(Msg::kLimitFileSize, {{"limit", std::to_string(limits.max_file_bytes)}}),
      core::Loc{file, 1, 1}));
  return true;
}

}  // namespace

ParseResult parse_hcl(std::string_view text, core::FileId file, const Limits& limits) {
  ParseResult result;
  result.file.file = file;
  if (too_big(text, file, limits, result.diagnostics)) return result;
  detail::Parser parser(text, file, limits);
  try {
    parser.parse_file(result);
  } catch (detail::LimitError& e) {
    result.diagnostics.push_back(std::move(e.error));
  } catch (detail::SyntaxError& e) {
    result.diagnostics.push_back(std::move(e.error));
  }
  return result;
}

TemplateResult parse_template(std::string_view text, core::FileId file, const Limits& limits) {
  TemplateResult result;
  if (too_big(text, file, limits, result.diagnostics)) return result;
  detail::Parser parser(text, file, limits);
  try {
    result.expr = parser.parse_template_text();
  } catch (detail::LimitError& e) {
    result.diagnostics.push_back(std::move(e.error));
  } catch (detail::SyntaxError& e) {
    result.diagnostics.push_back(std::move(e.error));
  }
  return result;
}

}  // namespace ecsguard::parse::terraform::hcl
