#pragma once
// The pipeline of ARCHITECTURE.md: discover -> load -> build -> checks. Parallel by file, output
// independent of the thread count.
#include <string>
#include <vector>

#include "ecsguard/core/limits.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/config.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/model/stack.h"
#include "ecsguard/policy/source_skips.h"

namespace ecsguard::scan {

struct ScanRequest {
  std::vector<std::string> paths;  // files or directories, "-" = standard input; empty = "."
  std::string stdin_name;          // display name of standard input in reports ("<stdin>")
  core::Limits limits;
  engine::CheckOptions options;
  std::vector<std::string> only_checks;  // ids; empty = every registered check
  unsigned threads = 0;                  // 0 = hardware concurrency

  [[nodiscard]] bool reads_stdin() const noexcept;
  [[nodiscard]] std::string stdin_display_name() const;
};

struct ScanResult {
  model::Stack stack;
  std::vector<engine::Finding> findings;            // sorted (engine::finding_less)
  std::vector<engine::Diagnostic> diagnostics;      // sorted by file, line
  std::vector<const engine::CheckDef*> checks_run;  // sorted by id
  std::vector<policy::SourceSkip> skips;            // written in the scanned files, file order
  std::size_t files_discovered = 0;
  std::size_t files_scanned = 0;  // files recognised as CloudFormation / task definitions
  std::size_t files_failed = 0;   // files whose content was lost (parse or read errors)
  [[nodiscard]] bool input_lost() const noexcept { return files_failed > 0; }
};

ScanResult run_scan(const ScanRequest& request);

}  // namespace ecsguard::scan
