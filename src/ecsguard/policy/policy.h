#pragma once
// The policy step between the runner and the reports (hadolint's fixSeverity/ignore step): the
// checks say what they see; the policy decides what of it fails the run. Today that is the fail
// threshold (--fail-on). Configuration (.ecsguard.yaml), suppressions and acceptances arrive with
// [reports] and belong here too: they become fields of Policy and outcomes in Verdict (a
// suppressed finding kept with its reason, an expired acceptance failing again), so no reporter
// and no check learns about them.
#include <span>
#include <string>
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/core/severity.h"
#include "ecsguard/engine/finding.h"

namespace ecsguard::policy {

struct Policy {
  // Findings with status fail at or above this severity fail the run, unless fail_never.
  core::Severity fail_on = core::Severity::kHigh;
  bool fail_never = false;

  // "critical|high|medium|low|info|never" (case-insensitive); kUsage otherwise.
  static core::Result<Policy> from_fail_on(std::string_view text);
  // "high", "never", ...: the spelling the JSON report and --fail-on use.
  [[nodiscard]] std::string threshold_name() const;
};

// What the policy decided about one run.
struct Verdict {
  std::size_t failing = 0;  // findings that fail the run
  [[nodiscard]] bool failed() const noexcept { return failing > 0; }
};

// Does this one finding fail the run? Warnings and unknowns never do: they are reported only.
[[nodiscard]] bool fails(const Policy& policy, const engine::Finding& finding) noexcept;

Verdict evaluate(const Policy& policy, std::span<const engine::Finding> findings);

}  // namespace ecsguard::policy
