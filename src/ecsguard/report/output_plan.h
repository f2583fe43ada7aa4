#pragma once
// Which writer goes to which file: `--format` is repeatable (and takes comma lists), the i-th
// `--output` is the file of the i-th format, and the formats without one go to `--output-dir`
// under Checkov's names (results_sarif.sarif, ...) or, at most one of them, to standard output.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/i18n/lang.h"
#include "ecsguard/report/writers.h"

namespace ecsguard::report {

struct OutputTarget {
  const Writer* writer = nullptr;
  std::string path;  // "-" = standard output
  [[nodiscard]] bool to_stdout() const noexcept { return path == "-"; }
};

// The targets in --format order; no --format means the table on standard output. Errors (an
// unknown format, more --output than --format, two formats on standard output) are kUsage.
core::Result<std::vector<OutputTarget>> plan_outputs(std::span<const std::string> formats,
                                                     std::span<const std::string> outputs,
                                                     std::string_view output_dir,
                                                     i18n::Lang lang = i18n::Lang::kEn);

// The scan's time as RFC 3339 UTC ("2026-12-03T20:30:50Z"): SOURCE_DATE_EPOCH when set
// (reproducible reports), else now.
std::string report_time_now();

}  // namespace ecsguard::report
