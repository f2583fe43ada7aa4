#pragma once
// Report writers by name (hadolint's Formatter/ modules): `--format NAME` looks the writer up here,
// so a new format (sarif, junit, ...) is one file and one line in writers.cpp, never an if/else in
// the CLI.
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "ecsguard/i18n/lang.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

struct PreviousAsff;  // report/asff.h

struct WriteOptions {
  bool color = false;                 // ANSI colours (terminal formats only)
  i18n::Lang lang = i18n::Lang::kEn;  // language of messages and headings
  std::string now;  // the scan's time, RFC 3339 UTC ("2026-12-03T20:30:50Z"): asff, gitlab-sast
  // asff: the account and region the findings are imported into (--aws-account/--aws-region).
  std::string aws_account;
  std::string aws_region;
  // asff: the previous run's report (--asff-previous); its findings gone from this run are
  // re-emitted with RecordState ARCHIVED, and kept findings keep their CreatedAt.
  std::shared_ptr<const PreviousAsff> previous_asff;
  bool verbose = false;     // table: rationale and fix per finding
  bool quiet = false;       // table: only failing findings
  bool compact = false;     // table: one line per finding
  std::size_t width = 100;  // table: terminal columns
};

struct Writer {
  std::string_view name;  // --format value
  std::string_view description;
  bool machine_readable = false;  // diagnostics are repeated on stderr for these
  void (*write)(const ReportData& data, std::ostream& out, const WriteOptions& options) = nullptr;
  std::string_view default_file;  // file name under --output-dir (Checkov's results_<format>)
};

// Every writer, in --help order.
std::span<const Writer> writers() noexcept;
// The writer called `name` (exact), or null.
const Writer* find_writer(std::string_view name) noexcept;

}  // namespace ecsguard::report
