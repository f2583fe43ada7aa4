#pragma once
// The policy step between the runner and the reports (hadolint's fixSeverity/ignore step): the
// checks say what they see; the policy decides what of it counts. In order: severity overrides,
// run-wide skips (--skip-check, `skip-check:`), skips written in the files (source_skips.h), the
// baseline (baseline.h), accepted risks (config::AcceptedRisk), then the fail threshold. A
// suppressed finding is kept, marked with why (engine::Suppression); an expired acceptance
// counts again and says so. No reporter and no check learns about any of this.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/config/config.h"
#include "ecsguard/core/error.h"
#include "ecsguard/core/severity.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/policy/baseline.h"
#include "ecsguard/policy/source_skips.h"

namespace ecsguard::policy {

struct Policy {
  // Findings with status fail at or above this severity fail the run, unless fail_never.
  core::Severity fail_on = core::Severity::kHigh;
  bool fail_never = false;
  std::vector<std::string> skip_checks;  // ids, globs or severities (matching.h)
  std::vector<std::pair<std::string, core::Severity>> severity_overrides;  // id/glob -> severity
  std::vector<config::AcceptedRisk> accepted_risks;
  std::optional<Baseline> baseline;
  std::string today;  // YYYY-MM-DD (UTC): acceptances and skips expire after this day

  // "critical|high|medium|low|info|never" (case-insensitive); kUsage otherwise.
  static core::Result<Policy> from_fail_on(std::string_view text);
  // "high", "never", ...: the spelling the JSON report and --fail-on use.
  [[nodiscard]] std::string threshold_name() const;
};

// What the policy decided about one run.
struct Verdict {
  std::size_t failing = 0;     // findings that fail the run
  std::size_t suppressed = 0;  // skipped (inline, metadata, --skip-check)
  std::size_t accepted = 0;    // accepted risks, not expired
  std::size_t baselined = 0;   // in the baseline
  std::size_t expired = 0;     // acceptances or skips past their date: counting again
  [[nodiscard]] bool failed() const noexcept { return failing > 0; }
};

// Does this one finding fail the run? Warnings, unknowns and suppressed findings never do.
[[nodiscard]] bool fails(const Policy& policy, const engine::Finding& finding) noexcept;

// Counts what `findings` (already marked) add up to.
Verdict evaluate(const Policy& policy, std::span<const engine::Finding> findings);

// Marks `findings` in place (severity overrides, suppressions) and decides. `notes` receives the
// located notes of the step (an expired acceptance or skip, an acceptance that matched nothing).
Verdict apply(const Policy& policy, std::span<engine::Finding> findings,
              std::span<const SourceSkip> skips, std::vector<engine::Diagnostic>& notes,
              i18n::Lang lang);

// Does `risk` describe `f` (check id/glob, resource glob on name, name/container or cdk path,
// optional file glob)?
[[nodiscard]] bool accepts(const config::AcceptedRisk& risk, const engine::Finding& f);

// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

}  // namespace ecsguard::policy
