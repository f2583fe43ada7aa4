#include "ecsguard/analysis/link.h"

#include <algorithm>

#include "ecsguard/model/partial_str.h"

namespace ecsguard::analysis {

namespace {

template <class Runner>
void link_runners(
    const model::Stack& stack, const std::vector<Runner>& runners,
    std::unordered_map<const model::TaskDefinition*, std::vector<const Runner*>>& into) {
  for (const Runner& r : runners) {
    for (const auto& id : r.task_definition.refs) {
      const auto* td = stack.find<model::TaskDefinition>(r.id.scope, id);
      if (td == nullptr) continue;
      auto& list = into[td];
      if (list.empty() || list.back() != &r) list.push_back(&r);
    }
  }
}

bool names(const model::Str& ref, const model::Cluster& cluster) {
  return std::find(ref.refs.begin(), ref.refs.end(), cluster.id.name) != ref.refs.end() ||
         (ref.known() && cluster.cluster_name.known() && ref.value == cluster.cluster_name.value);
}

}  // namespace

Links::Links(const model::Stack& stack) : stack_(stack) {
  link_runners(stack, stack.services, services_);
  link_runners(stack, stack.task_sets, task_sets_);
  link_stack();
}

const model::TaskDefinition* Links::task_definition_of(const model::Service& s) const {
  return referenced<model::TaskDefinition>(s.id.scope, s.task_definition);
}

const model::TaskDefinition* Links::task_definition_of(const model::TaskSet& t) const {
  return referenced<model::TaskDefinition>(t.id.scope, t.task_definition);
}

const model::Cluster* Links::cluster_of(model::ScopeId scope, const model::Str& ref) const {
  if (const auto* c = referenced<model::Cluster>(scope, ref)) return c;
  if (!ref.known()) return nullptr;
  for (const auto& c : stack_.clusters) {
    if (c.id.scope == scope && c.cluster_name.known() && c.cluster_name.value == ref.value) {
      return &c;
    }
  }
  return nullptr;
}

std::span<const model::Service* const> Links::services_of(const model::TaskDefinition& td) const {
  const auto it = services_.find(&td);
  if (it == services_.end()) return {};
  return it->second;
}

std::span<const model::TaskSet* const> Links::task_sets_of(const model::TaskDefinition& td) const {
  const auto it = task_sets_.find(&td);
  if (it == task_sets_.end()) return {};
  return it->second;
}

std::vector<const model::ClusterCapacityProviderAssociation*> Links::associations_of(
    const model::Cluster& cluster) const {
  std::vector<const model::ClusterCapacityProviderAssociation*> out;
  for (const auto& a : stack_.capacity_provider_associations) {
    if (a.id.scope == cluster.id.scope && names(a.cluster, cluster)) out.push_back(&a);
  }
  return out;
}

const model::Repository* Links::repository_of(const model::TaskDefinition& td,
                                              const model::Container& c) const {
  if (const auto* repo = referenced<model::Repository>(td.id.scope, c.image)) return repo;
  const model::ImageRef& ref = c.image_ref;
  if ((ref.kind == model::RegistryKind::kEcr || ref.kind == model::RegistryKind::kUnknown) &&
      !ref.repository.empty() && !model::partial::has_unknown(ref.repository)) {
    return stack_.repository_named(ref.repository);
  }
  return nullptr;
}

const model::LogGroup* Links::log_group_named(model::ScopeId scope, const model::Str& group) const {
  if (const auto* lg = referenced<model::LogGroup>(scope, group)) return lg;
  if (group.unknown() && model::partial::has_known_text(group.value)) {
    // The same partially known name in the same template ("/ecs/${AWS::StackName}/app").
    for (const auto& lg : stack_.log_groups) {
      if (lg.id.scope == scope && lg.log_group_name.unknown() &&
          lg.log_group_name.value == group.value) {
        return &lg;
      }
    }
  }
  if (!group.known()) return nullptr;
  const model::LogGroup* any_scope = nullptr;
  for (const auto& lg : stack_.log_groups) {
    if (!lg.log_group_name.known() || lg.log_group_name.value != group.value) continue;
    if (lg.id.scope == scope) return &lg;
    if (!any_scope) any_scope = &lg;
  }
  return any_scope;
}

}  // namespace ecsguard::analysis
