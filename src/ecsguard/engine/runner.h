#pragma once
// Runs checks over the model. Each check call is a fault boundary: an exception becomes an
// internal-error Diagnostic tagged with the check and resource, and the scan goes on.
#include <span>
#include <vector>

#include "ecsguard/core/file_table.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/config.h"
#include "ecsguard/engine/finding.h"

namespace ecsguard::engine {

struct RunResult {
  std::vector<Finding> findings;  // sorted with finding_less, duplicates removed
  std::vector<Diagnostic> diagnostics;
};

RunResult run_checks(const model::Stack& stack, const core::FileTable& files,
                     const CheckOptions& options, std::span<const CheckDef* const> checks);

}  // namespace ecsguard::engine
