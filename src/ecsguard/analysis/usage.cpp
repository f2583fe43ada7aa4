#include "ecsguard/analysis/usage.h"

namespace ecsguard::analysis {

namespace {

template <class Pred>
bool any_container(const model::Stack& stack, Pred pred) {
  for (const auto& td : stack.task_definitions) {
    for (const auto& c : td.containers) {
      if (pred(td, c)) return true;
    }
  }
  return false;
}

}  // namespace

bool used(const Links& links, const model::TaskDefinition& td) {
  return !links.services_of(td).empty() || !links.task_sets_of(td).empty();
}

bool used(const Links& links, const model::LogGroup& lg) {
  return any_container(
      links.stack(), [&](const model::TaskDefinition& td, const model::Container& c) {
        const auto* group = c.log_configuration.option("awslogs-group");
        return group != nullptr && links.log_group_named(td.id.scope, group->value) == &lg;
      });
}

bool used(const Links& links, const model::Repository& repo) {
  return any_container(links.stack(),
                       [&](const model::TaskDefinition& td, const model::Container& c) {
                         return links.repository_of(td, c) == &repo;
                       });
}

}  // namespace ecsguard::analysis
