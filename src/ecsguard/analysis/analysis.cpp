#include "ecsguard/analysis/analysis.h"

namespace ecsguard::analysis {

const TaskLaunch& Analysis::launch(const model::TaskDefinition& td) {
  auto it = launch_.find(&td);
  if (it == launch_.end()) it = launch_.emplace(&td, task_launch(links_, td)).first;
  return it->second;
}

const Exposure& Analysis::exposure(const model::TaskDefinition& td) {
  auto it = exposure_.find(&td);
  if (it == exposure_.end()) it = exposure_.emplace(&td, analysis::exposure(links_, td)).first;
  return it->second;
}

}  // namespace ecsguard::analysis
