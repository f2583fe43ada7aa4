#pragma once
// Every message of the Dockerfile parser, in English and Japanese, with named arguments
// (detail/message_table.h). Ids are stable: tests and the future catalogue use them.
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/detail/message_table.h"

namespace ecsguard::parse::dockerfile {

inline constexpr detail::MessageText kMessages[] = {
    // Lines, directives, heredocs.
    {"dockerfile.directive-repeated", "only one {name} parser directive can be used",
     "パーサーディレクティブ {name} は 1 回しか書けません"},
    {"dockerfile.bad-escape", "invalid escape token '{value}': the escape directive takes ` or \\",
     "escape ディレクティブの値 '{value}' は使えません（` か \\ のどちらかです）"},
    {"dockerfile.no-instructions", "file with no instructions",
     "命令が 1 つもない Dockerfile です"},
    {"dockerfile.empty-continuation",
     "empty continuation line (BuildKit warns now and will reject it in a future release)",
     "継続行の途中に空行があります（BuildKit は現在警告を出し、将来はエラーになります）"},
    {"dockerfile.unterminated-heredoc", "unterminated heredoc: no line '{name}' ends it",
     "ヒアドキュメントが閉じていません（終端の '{name}' 行がありません）"},
    // Instructions.
    {"dockerfile.unknown-instruction", "unknown instruction: {keyword}",
     "不明な命令です: {keyword}"},
    {"dockerfile.no-stage", "{keyword} before the first FROM (only ARG may come before FROM)",
     "最初の FROM より前に {keyword} があります（FROM の前に書けるのは ARG だけです）"},
    {"dockerfile.from-arguments", "FROM requires either one or three arguments (image [AS name])",
     "FROM の引数は 1 つ（イメージ）か 3 つ（イメージ AS ステージ名）です"},
    {"dockerfile.bad-stage-name",
     "invalid name for build stage: '{name}', name can't start with a number or contain symbols",
     "ビルドステージ名 '{name}' は使えません（英字で始め、英数字と - _ . だけにしてください）"},
    {"dockerfile.duplicate-stage", "duplicate stage name '{name}'",
     "ステージ名 '{name}' が重複しています"},
    {"dockerfile.unknown-flag", "unknown flag --{flag} on {keyword}",
     "{keyword} では使えないフラグ --{flag} があります"},
    {"dockerfile.flag-missing-value", "missing a value on flag --{flag}",
     "フラグ --{flag} に値がありません"},
    {"dockerfile.flag-bool-value", "flag --{flag} takes true or false, not '{value}'",
     "フラグ --{flag} の値は true か false です（'{value}' は使えません）"},
    {"dockerfile.flag-duplicate", "flag --{flag} is given more than once",
     "フラグ --{flag} が 2 回以上指定されています"},
    {"dockerfile.flag-syntax", "'{word}' is not a flag of the form --name[=value]",
     "'{word}' は --名前[=値] の形のフラグではありません"},
    {"dockerfile.json-not-strings",
     "when using JSON array syntax, arrays must be comprised of strings only",
     "JSON 配列形式（exec 形式）では要素をすべて文字列にしてください"},
    {"dockerfile.two-arguments", "{keyword} must have two arguments (name and value)",
     "{keyword} には名前と値の 2 つが必要です"},
    {"dockerfile.missing-equals", "can't find = in '{word}'; {keyword} takes name=value pairs",
     "'{word}' に = がありません。{keyword} は 名前=値 の形で書いてください"},
    {"dockerfile.blank-name", "{keyword} names can not be blank", "{keyword} の名前が空です"},
    {"dockerfile.at-least-one", "{keyword} requires at least one argument",
     "{keyword} には引数が 1 つ以上必要です"},
    {"dockerfile.exactly-one", "{keyword} requires exactly one argument",
     "{keyword} の引数はちょうど 1 つです"},
    {"dockerfile.no-destination",
     "{keyword} requires at least two arguments: the sources and the destination",
     "{keyword} にはコピー元とコピー先の 2 つ以上の引数が必要です"},
    {"dockerfile.onbuild-chain", "chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
     "ONBUILD ONBUILD のように ONBUILD を重ねることはできません"},
    {"dockerfile.onbuild-trigger", "{keyword} isn't allowed as an ONBUILD trigger",
     "{keyword} は ONBUILD のトリガーにできません"},
    {"dockerfile.healthcheck-type", "unknown type '{type}' in HEALTHCHECK (try CMD)",
     "HEALTHCHECK の種類 '{type}' は不明です（CMD か NONE を使ってください）"},
    {"dockerfile.healthcheck-none", "HEALTHCHECK NONE takes no arguments",
     "HEALTHCHECK NONE には引数を付けられません"},
    {"dockerfile.healthcheck-cmd", "missing command after HEALTHCHECK CMD",
     "HEALTHCHECK CMD の後にコマンドがありません"},
    {"dockerfile.shell-json", "SHELL requires the arguments to be in JSON form",
     "SHELL の引数は JSON 配列形式で書いてください"},
    {"dockerfile.volume-empty", "VOLUME specified can not be an empty string",
     "VOLUME に空文字列は指定できません"},
    // Variable expansion (resolve.h).
    {"dockerfile.expand-bad-substitution", "bad substitution in '{word}'",
     "'{word}' の変数展開の書き方が正しくありません"},
    {"dockerfile.expand-missing-brace", "missing '}' in '{word}'",
     "'{word}' の変数展開に閉じ括弧 '}' がありません"},
    {"dockerfile.expand-unterminated-quote", "unterminated quote in '{word}'",
     "'{word}' の引用符が閉じていません"},
    {"dockerfile.expand-unsupported-modifier", "unsupported modifier in '{word}'",
     "'{word}' の変数展開にサポートされない修飾子があります"},
    {"dockerfile.expand-required", "variable {name} is required: {message}",
     "変数 {name} は必須です: {message}"},
    // Limits (core::Error; the file is not parsed).
    {"dockerfile.limit-file", "Dockerfile is larger than the limit of {limit} bytes",
     "Dockerfile が上限の {limit} バイトを超えています"},
    {"dockerfile.limit-line", "logical line is longer than the limit of {limit} bytes",
     "1 行（継続行を含む）が上限の {limit} バイトを超えています"},
    {"dockerfile.limit-instructions", "more than {limit} instructions",
     "命令の数が上限の {limit} を超えています"},
    {"dockerfile.limit-heredoc", "heredoc '{name}' is larger than the limit of {limit} bytes",
     "ヒアドキュメント '{name}' が上限の {limit} バイトを超えています"},
    {"dockerfile.limit-expansion-depth", "variable expansion nested deeper than {limit}",
     "変数展開の入れ子が上限の {limit} 段を超えています"},
    {"dockerfile.limit-expansion-size", "variable expansion larger than {limit} bytes",
     "変数展開の結果が上限の {limit} バイトを超えています"},
};

// A limit error (Errc::kLimit) with the English text of message `id`.
core::Error limit_error(std::string_view id, core::Loc at, const detail::MessageArgs& args);

}  // namespace ecsguard::parse::dockerfile
