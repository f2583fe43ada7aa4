#pragma once
// Report writers by name (hadolint's Formatter/ modules): `--format NAME` looks the writer up here,
// so a new format (sarif, junit, ...) is one file and one line in writers.cpp, never an if/else in
// the CLI.
#include <ostream>
#include <span>
#include <string_view>

#include "ecsguard/i18n/lang.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

struct WriteOptions {
  bool color = false;                 // ANSI colours (terminal formats only)
  i18n::Lang lang = i18n::Lang::kEn;  // language of messages and headings
  bool verbose = false;               // table: rationale and fix per finding
  bool quiet = false;                 // table: only failing findings
  bool compact = false;               // table: one line per finding
  std::size_t width = 100;            // table: terminal columns
};

struct Writer {
  std::string_view name;  // --format value
  std::string_view description;
  bool machine_readable = false;  // diagnostics are repeated on stderr for these
  void (*write)(const ReportData& data, std::ostream& out, const WriteOptions& options) = nullptr;
};

// Every writer, in --help order.
std::span<const Writer> writers() noexcept;
// The writer called `name` (exact), or null.
const Writer* find_writer(std::string_view name) noexcept;

}  // namespace ecsguard::report
