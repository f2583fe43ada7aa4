#include "ecsguard/parse/terraform/hcl/messages.h"

#include <cstddef>

namespace ecsguard::parse::terraform::hcl {

const std::vector<MessageText>& message_table() {
  static const std::vector<MessageText> kTable = {
      {Msg::kUnexpectedCharacter, "hcl.unexpected_character",
       "unexpected character '{char}' in HCL", "HCL に使えない文字 '{char}' があります"},
      {Msg::kExpectedExpression, "hcl.expected_expression",
       "expected an expression (a value, reference, string, list, map or function call)",
       "式（値・参照・文字列・リスト・マップ・関数呼び出し）が必要です"},
      {Msg::kExpected, "hcl.expected", "expected {what}", "ここには {what} が必要です"},
      {Msg::kItemRequired, "hcl.item_required",
       "an argument (name = value) or a block (type \"label\" { ... }) is required here",
       "ここには引数（name = value）かブロック（type \"label\" { ... }）を書きます"},
      {Msg::kMissingNewline, "hcl.missing_newline", "an argument or block must end with a newline",
       "引数やブロックの後は改行が必要です"},
      {Msg::kAttributeRedefined, "hcl.attribute_redefined",
       "argument \"{name}\" is already set on line {line}; each argument may be set only once",
       "引数 \"{name}\" は {line} 行目で設定済みです（同じ引数は一度しか書けません）"},
      {Msg::kSingleLineBlock, "hcl.single_line_block",
       "a single-line block may hold only one argument; use one argument per line",
       "1 行で書くブロックには引数を 1 つしか書けません。1 行に 1 つずつ書いてください"},
      {Msg::kBadBlockHeader, "hcl.bad_block_header",
       "a block header is a type followed by quoted or bare labels and '{'",
       "ブロックの先頭は「種類 ラベル… {」の形で書きます"},
      {Msg::kUnclosedBlock, "hcl.unclosed_block", "this block has no closing '}'",
       "このブロックを閉じる '}' がありません"},
      {Msg::kUnterminatedString, "hcl.unterminated_string", "this string has no closing quote",
       "文字列を閉じる \" がありません"},
      {Msg::kMultiLineString, "hcl.multi_line_string",
       "a quoted string cannot span lines; use \\n or a heredoc (<<EOT)",
       "\" で囲んだ文字列は改行できません。\\n かヒアドキュメント（<<EOT）を使ってください"},
      {Msg::kBadEscape, "hcl.bad_escape", "invalid escape sequence '{escape}'",
       "エスケープシーケンス '{escape}' は使えません"},
      {Msg::kUnterminatedHeredoc, "hcl.unterminated_heredoc",
       "heredoc has no closing '{marker}' line",
       "ヒアドキュメントを閉じる '{marker}' 行がありません"},
      {Msg::kBadHeredocMarker, "hcl.bad_heredoc_marker",
       "a heredoc starts with <<NAME or <<-NAME followed by a newline",
       "ヒアドキュメントは <<NAME か <<-NAME の直後に改行して書き始めます"},
      {Msg::kBadDirective, "hcl.bad_directive", "unexpected template directive {what}",
       "テンプレートのディレクティブ {what} の位置が正しくありません"},
      {Msg::kUnclosedDirective, "hcl.unclosed_directive", "template directive {what} is not closed",
       "テンプレートのディレクティブ {what} が閉じられていません"},
      {Msg::kLabelNotLiteral, "hcl.label_not_literal",
       "block labels cannot contain ${...} or %{...}",
       "ブロックのラベルには ${...} や %{...} を書けません"},
      {Msg::kLimitFileSize, "hcl.limit_file_size",
       "file is larger than the limit of {limit} bytes; not parsed",
       "ファイルが上限 {limit} バイトを超えているため解析しません"},
      {Msg::kLimitDepth, "hcl.limit_depth",
       "nesting deeper than the limit of {limit}; parsing stopped here",
       "入れ子が上限 {limit} 段を超えたため、ここで解析を止めました"},
      {Msg::kLimitNodes, "hcl.limit_nodes",
       "more than {limit} expression nodes in one file; parsing stopped here",
       "1 ファイルの式の数が上限 {limit} を超えたため、ここで解析を止めました"},
      {Msg::kLimitString, "hcl.limit_string",
       "string longer than the limit of {limit} bytes; parsing stopped here",
       "文字列が上限 {limit} バイトを超えたため、ここで解析を止めました"},
      {Msg::kLimitHeredoc, "hcl.limit_heredoc",
       "heredoc longer than the limit of {limit} {unit}; parsing stopped here",
       "ヒアドキュメントが上限（{limit} {unit}）を超えたため、ここで解析を止めました"},
      {Msg::kLimitTemplateDepth, "hcl.limit_template_depth",
       "template directives nested deeper than the limit of {limit}; parsing stopped here",
       "テンプレートのディレクティブの入れ子が上限 {limit} 段を超えたため、ここで解析を止めました"},
  };
  return kTable;
}

std::string render(Msg id, const MessageArgs& args, Lang lang) {
  const MessageText& m = message_table()[static_cast<std::size_t>(id)];
  const std::string_view text = lang == Lang::kJa ? m.ja : m.en;
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, open - i));
    const std::string_view name = text.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [key, value] : args) {
      if (key == name) {
        out.append(value);
        found = true;
        break;
      }
    }
    if (!found) out.append(text.substr(open, close - open + 1));
    i = close + 1;
  }
  return out;
}

}  // namespace ecsguard::parse::terraform::hcl
