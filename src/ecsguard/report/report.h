#pragma once
// Reporters: one file per format, each a projection of the same findings (CONVENTIONS.md §0).
#include <ostream>
#include <span>
#include <string_view>

#include "ecsguard/engine/check.h"
#include "ecsguard/engine/finding.h"

namespace ecsguard::report {

struct ReportData {
  std::span<const engine::Finding> findings;  // already sorted
  std::span<const engine::Diagnostic> diagnostics;
  std::span<const engine::CheckDef* const> checks_run;  // what was evaluated (layer coverage)
  std::size_t files_discovered = 0;
  std::size_t files_scanned = 0;
  std::size_t files_failed = 0;
  core::Severity fail_on = core::Severity::kHigh;
  bool fail_never = false;
};

// The JSON contract (docs/json-format.md).
void write_json(const ReportData& data, std::ostream& out);
// Terminal table grouped by layer; ANSI colours only when `color`.
void write_table(const ReportData& data, std::ostream& out, bool color,
                 i18n::Lang lang = i18n::Lang::kEn);

// Findings with status fail at or above the threshold: the exit code's basis. Warnings and
// unknowns are reported, never fail the build.
std::size_t count_failing(const ReportData& data);

}  // namespace ecsguard::report
