#pragma once
// Dockerfile parser that follows BuildKit (moby/buildkit frontend/dockerfile/parser and
// instructions): the same logical lines, words, flags, JSON/shell forms and heredocs, the same
// errors for input BuildKit refuses.
//
// Read:
//   parser directives (`# syntax=`, `# escape=` with '\' or '`', `# check=`) before anything else,
//   a UTF-8 BOM, line continuations (comment and blank lines inside them are skipped, a blank one
//   is a warning), heredocs on RUN/COPY/ADD and ONBUILD of those (`<<EOT`, `<<-EOT`, quoted
//   delimiters that turn off expansion, `2<<EOT`, several on one line), builder flags
//   (`--mount=...`, `--from=...`; each instruction accepts BuildKit's flags only), exec (JSON) and
//   shell forms, ENV/LABEL in both `k v` and `k=v` forms, ARG before the first FROM (meta args),
//   ONBUILD with its trigger, lowercase instructions.
// Errors that stop the file (core::Error, Errc::kLimit): a limit of dockerfile::Limits.
// Diagnostics (the file still parses; every one has a line): what BuildKit refuses (unknown
//   instruction, instruction before FROM, FROM without one or three arguments, bad stage name,
//   duplicate stage name, unknown or malformed flag, JSON array of non-strings, ENV without value,
//   unterminated heredoc, repeated or invalid directive, file with no instructions, ...) as
//   errors, and what BuildKit only warns about (empty continuation line) as warnings.
// Variables are not expanded here; see resolve.h for the per-stage view.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/location.h"
#include "ecsguard/parse/detail/message_table.h"

namespace ecsguard::parse::dockerfile {

// Limits for one Dockerfile (core/limits.h style: generous for real files, bounded for hostile
// ones). Real Dockerfiles are a few KiB; BuildKit's own line limit is 64 KiB per physical line.
struct Limits {
  std::size_t max_file_bytes = 4u << 20;       // the whole file
  std::size_t max_line_bytes = 1u << 20;       // one logical line (continuations joined)
  std::uint32_t max_instructions = 20'000;     // instructions in one file (ONBUILD counts once)
  std::size_t max_heredoc_bytes = 4u << 20;    // the body of one heredoc
  std::uint32_t max_expansion_depth = 32;      // nested ${a:-${b:-...}}
  std::size_t max_expansion_bytes = 1u << 20;  // the result of expanding one word
};

enum class Kind : unsigned char {
  kFrom,
  kRun,
  kCmd,
  kLabel,
  kMaintainer,
  kExpose,
  kEnv,
  kAdd,
  kCopy,
  kEntrypoint,
  kVolume,
  kUser,
  kWorkdir,
  kArg,
  kOnbuild,
  kStopsignal,
  kHealthcheck,
  kShell,
  kUnknown,
};

// "RUN", "COPY", ... (upper case; "" for kUnknown).
std::string_view to_string(Kind k) noexcept;

// `--name=value` or `--name` (has_value false). Quotes and escapes removed as BuildKit does.
struct Flag {
  std::string name;
  std::string value;
  bool has_value = false;
};

// ENV / LABEL pairs and ARG declarations. Raw text as written (quotes kept, nothing expanded);
// has_value is false for `ARG NAME` and for nothing else.
struct KeyValue {
  std::string key;
  std::string value;
  bool has_value = true;
};

struct Heredoc {
  std::string name;              // the delimiter, unquoted
  std::string content;           // the body, line endings kept, not chomped
  bool expand = true;            // false when the delimiter was quoted (<<"EOT", <<'EOT')
  bool chomp = false;            // <<-: leading tabs are removed when the body is used
  std::uint32_t fd = 0;          // 2<<EOT (0 when not written)
  std::uint32_t first_line = 0;  // line of the first body line (0 for an empty body)
};

struct Instruction {
  Kind kind = Kind::kUnknown;
  std::string keyword;         // as written ("run", "Copy")
  core::Loc loc;               // the keyword
  std::uint32_t end_line = 0;  // last line, heredoc bodies included
  std::string original;        // the logical line (continuations joined, comments removed)
  std::vector<Flag> flags;
  // Arguments as BuildKit's AST holds them:
  //   exec form (json) -> the JSON strings; shell form RUN/CMD/ENTRYPOINT/SHELL/USER/WORKDIR/
  //   STOPSIGNAL/MAINTAINER -> one string (the rest of the line); FROM/EXPOSE/ADD/COPY/VOLUME
  //   shell form -> whitespace-separated words; HEALTHCHECK -> the type then the command.
  std::vector<std::string> args;
  bool json = false;            // exec form
  std::vector<KeyValue> pairs;  // ENV, LABEL, ARG
  std::vector<Heredoc> heredocs;
  std::vector<Instruction> trigger;  // ONBUILD: the one instruction it defers

  [[nodiscard]] const Flag* flag(std::string_view name) const noexcept;
};

enum class DiagLevel : unsigned char { kError, kWarning };

// A located message from the parser; `id` is its row of the message table (messages.h).
struct Diagnostic {
  DiagLevel level = DiagLevel::kError;
  std::string_view id;
  core::Loc where;
  detail::MessageArgs args;

  // The text in English or Japanese.
  [[nodiscard]] std::string text(detail::Lang lang = detail::Lang::kEn) const;
};

struct Directive {
  std::string name;  // lower case: syntax, escape, check
  std::string value;
  std::uint32_t line = 0;
};

// One build stage: its FROM and the instructions up to the next FROM.
struct Stage {
  std::size_t from = 0;           // index into Dockerfile::instructions
  std::vector<std::size_t> body;  // indices of the following instructions
  std::string name;               // lower case `AS` name, or ""
  std::string base;               // FROM's image argument as written (not expanded)
};

struct Dockerfile {
  core::FileId file = 0;
  char escape = '\\';
  std::vector<Directive> directives;
  std::vector<Instruction> instructions;  // every top-level instruction in order
  std::vector<std::size_t> meta_args;     // ARG instructions before the first FROM
  std::vector<Stage> stages;
  std::vector<Diagnostic> diagnostics;

  [[nodiscard]] bool has_errors() const noexcept;
};

// Parses one Dockerfile. Only a limit makes it fail; everything else is a diagnostic.
core::Result<Dockerfile> parse(std::string_view text, core::FileId file, const Limits& limits = {});

}  // namespace ecsguard::parse::dockerfile
