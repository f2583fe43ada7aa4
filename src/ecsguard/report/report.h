#pragma once
// Reporters: one writer per format, each a projection of the same findings (CONVENTIONS.md §0),
// looked up by name (report/writers.h). They receive the findings after the policy step
// (policy/policy.h) and never decide pass or fail themselves.
#include <ostream>
#include <span>
#include <string_view>

#include "ecsguard/engine/check.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/policy/policy.h"

namespace ecsguard::report {

struct ReportData {
  std::span<const engine::Finding> findings;  // already sorted
  std::span<const engine::Diagnostic> diagnostics;
  std::span<const engine::CheckDef* const> checks_run;  // what was evaluated (layer coverage)
  std::size_t files_discovered = 0;
  std::size_t files_scanned = 0;
  std::size_t files_failed = 0;
  policy::Policy policy;    // the fail threshold the verdict used
  policy::Verdict verdict;  // what the policy decided

  // Nothing was recognised and scanned: no layer has a result, and the run is no PASS.
  [[nodiscard]] bool scanned_nothing() const noexcept { return files_scanned == 0; }
  // Some check of this layer ran on scanned input (else the layer is "not checked", not clean).
  [[nodiscard]] bool layer_checked(core::Layer layer) const noexcept;
};

// The JSON contract (docs/json-format.md).
void write_json(const ReportData& data, std::ostream& out);
// How the terminal table is laid out (--verbose, --quiet, --compact, the terminal's width).
struct TableOptions {
  bool color = false;  // ANSI colours
  i18n::Lang lang = i18n::Lang::kEn;
  bool verbose = false;     // rationale and fix under each finding
  bool quiet = false;       // only findings that fail the run
  bool compact = false;     // one line per finding, nothing else but the summary
  std::size_t width = 100;  // columns to wrap to
};

// Terminal table: the layer picture, then findings grouped by resource (task definition ›
// container), most severe first, wrapped to the width; then input problems and the verdict.
void write_table(const ReportData& data, std::ostream& out, const TableOptions& options);

// Findings that fail the run (the policy's verdict): the exit code's basis. Warnings and unknowns
// are reported, never fail the build.
std::size_t count_failing(const ReportData& data);

}  // namespace ecsguard::report
