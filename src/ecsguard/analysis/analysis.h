#pragma once
// The analysis layer: shared questions about the linked model, answered once per scan and
// memoised (a check asks per container; the answer is per task definition). Checks reach it
// through CheckContext::analysis(); they never follow references by hand.
//   link.h      the typed edges between resources
//   launch.h    Fargate / EC2 / external launch compatibility
//   exposure.h  internet exposure, which load balancer fronts which container
//   usage.h     is a resource used by anything in the scan
#include <unordered_map>

#include "ecsguard/analysis/exposure.h"
#include "ecsguard/analysis/launch.h"
#include "ecsguard/analysis/link.h"
#include "ecsguard/analysis/usage.h"

namespace ecsguard::analysis {

class Analysis {
 public:
  explicit Analysis(const model::Stack& stack) : links_(stack) {}

  [[nodiscard]] const Links& links() const noexcept { return links_; }
  [[nodiscard]] const model::Stack& stack() const noexcept { return links_.stack(); }

  // Memoised per task definition (not thread-safe: one Analysis per runner).
  [[nodiscard]] const TaskLaunch& launch(const model::TaskDefinition& td);
  [[nodiscard]] const Exposure& exposure(const model::TaskDefinition& td);

 private:
  Links links_;
  std::unordered_map<const model::TaskDefinition*, TaskLaunch> launch_;
  std::unordered_map<const model::TaskDefinition*, Exposure> exposure_;
};

}  // namespace ecsguard::analysis
