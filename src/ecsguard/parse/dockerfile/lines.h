#pragma once
// Physical lines -> BuildKit's logical lines (parser.go Parse): a UTF-8 BOM on the first line,
// parser directives at the top, comment lines, line continuations with the current escape token
// (comment and blank lines inside a continuation are skipped; a blank one is a warning), and the
// heredoc bodies that follow an instruction.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/dockerfile/dockerfile.h"

namespace ecsguard::parse::dockerfile {

struct LogicalLine {
  std::string text;              // continuations joined, escape tokens at line ends removed
  std::uint32_t start_line = 0;  // 1-based
  std::uint32_t end_line = 0;
  std::uint32_t column = 0;  // 1-based column of the first character on start_line
};

struct HeredocBody {
  std::string content;
  std::uint32_t first_line = 0;
  bool terminated = false;
};

class LineReader {
 public:
  LineReader(std::string_view text, core::FileId file, const Limits& limits,
             std::vector<Directive>& directives, std::vector<Diagnostic>& diagnostics);

  // The next logical line, std::nullopt at the end, or a limit error.
  core::Result<std::optional<LogicalLine>> next();
  // The body of a heredoc whose instruction ended on the last line read: the lines up to the one
  // that equals `name` (leading tabs removed first when `chomp`).
  core::Result<HeredocBody> heredoc(std::string_view name, bool chomp);

  [[nodiscard]] char escape() const noexcept { return escape_; }
  [[nodiscard]] std::uint32_t line() const noexcept { return line_; }

 private:
  bool next_physical(std::string_view& out);  // with its line ending
  std::string_view process(std::string_view raw, bool strip_left);
  void parse_directive(std::string_view line);
  bool trim_continuation(std::string_view& line) const;

  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 0;  // physical lines consumed
  core::FileId file_;
  const Limits& limits_;
  std::vector<Directive>& directives_;
  std::vector<Diagnostic>& diagnostics_;
  char escape_ = '\\';
  bool directives_done_ = false;
  std::set<std::string, std::less<>> seen_;
};

}  // namespace ecsguard::parse::dockerfile
