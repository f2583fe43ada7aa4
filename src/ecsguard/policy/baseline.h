#pragma once
// Baseline files (CONVENTIONS.md §3.2 item 6, Checkov's format) for adopting ecsguard on an
// existing stack: `--create-baseline FILE` records today's findings, `--baseline FILE` marks them
// as baselined in later runs so only new findings fail. Matching is by (file, resource, check),
// never by line, so edits do not resurrect findings; the stable fingerprints are recorded too and
// match whatever the working directory.
//
//   {"failed_checks": [{"file": "cdk.out/AppStack.template.json",
//     "findings": [{"resource": "AWS::ECS::TaskDefinition.WebTaskDef",
//                   "check_ids": ["CTR-001", "CTR-004"]}]}],
//    "fingerprints": ["3f1c2a9b7d4e5f60", ...]}
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <tuple>

#include "ecsguard/core/error.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/i18n/lang.h"

namespace ecsguard::policy {

struct Baseline {
  std::string path;
  std::set<std::tuple<std::string, std::string, std::string>> entries;  // file, resource, check
  std::set<std::string> fingerprints;

  [[nodiscard]] bool contains(const engine::Finding& f) const;
};

// "AWS::ECS::TaskDefinition.WebTaskDef": Checkov's resource spelling.
std::string baseline_resource(const engine::Finding& f);

core::Result<Baseline> load_baseline(const std::string& path, i18n::Lang lang);
// The findings that are not suppressed, grouped by file and resource, in a stable order.
void write_baseline(std::span<const engine::Finding> findings, std::ostream& out);

}  // namespace ecsguard::policy
