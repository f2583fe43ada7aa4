#pragma once
// The run's policy from `.ecsguard.yaml` and the command line (the command line wins where both
// say something): which file is read, the check options it sets, skips, acceptances, baseline.
#include <string>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/engine/config.h"
#include "ecsguard/i18n/lang.h"
#include "ecsguard/policy/policy.h"

namespace ecsguard::cli {

struct PolicyArgs {
  std::string config_file;               // --config-file: replaces the search
  std::vector<std::string> skip_checks;  // --skip-check (ids, globs, severities)
  std::string accepted_risks_file;       // --accepted-risks
  std::string baseline_file;             // --baseline
  std::string fail_on = "high";          // --fail-on
  bool fail_on_given = false;            // --fail-on was on the command line
};

struct PolicySetup {
  policy::Policy policy;
  std::vector<std::string> checks;  // `check:` of the configuration (added to --check)
  std::string config_path;          // the file read, or empty
};

// Reads the configuration (found as config::find_config says unless --config-file), merges the
// command line, fills `options` (check settings) and loads the accepted risks and the baseline.
// Every error is kUsage with a located message.
core::Result<PolicySetup> setup_policy(const PolicyArgs& args,
                                       const std::vector<std::string>& scan_paths,
                                       engine::CheckOptions& options, i18n::Lang lang);

}  // namespace ecsguard::cli
