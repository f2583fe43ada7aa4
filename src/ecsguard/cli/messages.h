#pragma once
// Command-line messages added by the [platform] edges work, English and Japanese, with named
// arguments. They move into the message catalogue (src/ecsguard/i18n/) when it lands; until then
// the English text is printed (text()).
#include <fmt/format.h>

#include <string>
#include <string_view>

namespace ecsguard::cli::messages {

struct Message {
  std::string_view id;
  std::string_view en;
  std::string_view ja;
};

inline constexpr Message kUnknownCommand{
    "cli.unknown_command", "ecsguard: unknown command '{command}' (see `ecsguard help`)",
    "ecsguard: '{command}' というコマンドはありません (`ecsguard help` で一覧を確認してください)"};
inline constexpr Message kDidYouMean{
    "cli.did_you_mean", "ecsguard: unknown command '{command}'. Did you mean '{suggestion}'?",
    "ecsguard: '{command}' というコマンドはありません。'{suggestion}' "
    "のことですか?"};
inline constexpr Message kHelpUnknownTopic{
    "cli.help_unknown_topic", "ecsguard help: no command '{command}' (see `ecsguard help`)",
    "ecsguard help: '{command}' というコマンドはありません (`ecsguard help` "
    "で一覧を確認してください)"};
inline constexpr Message kStdinTwice{
    "cli.stdin_twice", "ecsguard: standard input ('-') can be scanned only once per run",
    "ecsguard: 標準入力 ('-') は 1 回の実行で 1 度だけ指定できます"};
inline constexpr Message kStdinNameWithoutDash{
    "cli.stdin_name_without_dash",
    "ecsguard: --stdin-name names standard input, which is scanned only with the path '-'",
    "ecsguard: --stdin-name は標準入力の名前です。標準入力をスキャンするにはパスに '-' "
    "を指定してください"};
inline constexpr Message kDocsNeedsOut{
    "cli.docs_needs_out",
    "ecsguard docs: say where the pages go with -o DIR (for the repository: -o docs/checks)",
    "ecsguard docs: ページの出力先を -o DIR で指定してください (リポジトリでは -o docs/checks)"};

// --help texts of what this work added or changed.
inline constexpr Message kHelpPaths{
    "cli.help.scan.paths", "Files or directories, '-' for standard input (default: .)",
    "スキャンするファイルまたはディレクトリ。'-' で標準入力 (省略時: .)"};
inline constexpr Message kHelpStdinName{
    "cli.help.scan.stdin_name", "Name standard input ('-') has in reports (default: <stdin>)",
    "レポートに表示する標準入力 ('-') のファイル名 (省略時: <stdin>)"};
inline constexpr Message kHelpCheck{
    "cli.help.scan.check",
    "Run only these check ids (comma-separated, case-insensitive; repeatable)",
    "指定したチェック ID だけを実行 (カンマ区切り、大文字小文字は区別しない、複数回指定可)"};
inline constexpr Message kHelpExplainId{"cli.help.explain.id",
                                        "Check id, e.g. CTR-001 (case-insensitive)",
                                        "チェック ID (例: CTR-001、大文字小文字は区別しない)"};
inline constexpr Message kHelpDocsOut{
    "cli.help.docs.out", "Directory of the pages (required; the repository's is docs/checks)",
    "ページの出力先ディレクトリ (必須。リポジトリでは docs/checks)"};
inline constexpr Message kHelpDocsCheck{"cli.help.docs.check",
                                        "Only verify that the pages in -o DIR are up to date",
                                        "-o DIR のページが最新かどうかの確認だけを行う"};
inline constexpr Message kHelpHelp{"cli.help.help", "Show help for ecsguard or one command",
                                   "ecsguard 全体または指定したコマンドのヘルプを表示"};
inline constexpr Message kHelpHelpCommand{"cli.help.help.command", "The command to explain",
                                          "ヘルプを表示するコマンド"};
inline constexpr Message kHelpVersion{"cli.help.version", "Print the version", "バージョンを表示"};

inline constexpr Message kAll[] = {
    kUnknownCommand, kDidYouMean,    kHelpUnknownTopic, kStdinTwice,      kStdinNameWithoutDash,
    kDocsNeedsOut,   kHelpPaths,     kHelpStdinName,    kHelpCheck,       kHelpExplainId,
    kHelpDocsOut,    kHelpDocsCheck, kHelpHelp,         kHelpHelpCommand, kHelpVersion};

// The message in the language of the run (English until the catalogue chooses), its {names}
// replaced: text(kDidYouMean, fmt::arg("command", c), fmt::arg("suggestion", s)).
template <class... Args>
std::string text(const Message& m, const Args&... args) {
  return fmt::format(fmt::runtime(m.en), args...);
}

}  // namespace ecsguard::cli::messages
