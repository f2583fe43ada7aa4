#pragma once
// The link pass: after every frontend has built its fragment and the fragments are merged, the
// references between resources become typed edges, computed once per scan. Today's edges (all
// within one scope: a template, a task definition file) follow Ref / GetAtt / Sub references
// (Value::refs) and, where the model has no reference, known names:
//   service, task set      -> task definition, cluster
//   task definition        -> the services and task sets that run it (reverse edge)
//   cluster                -> its capacity provider associations
//   container image        -> ECR repository (by reference, or by repository name in any scope)
//   awslogs-group option   -> log group (by reference, partial name, or name in any scope)
// Not yet edges (the model does not hold the resources): task definition -> IAM roles, service ->
// security groups / subnets, export <-> Fn::ImportValue.
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ecsguard/model/stack.h"

namespace ecsguard::analysis {

class Links {
 public:
  explicit Links(const model::Stack& stack);

  [[nodiscard]] const model::Stack& stack() const noexcept { return stack_; }

  // The first resource of kind T a value references (Ref / GetAtt / Sub) in `scope`.
  template <class T>
  [[nodiscard]] const T* referenced(model::ScopeId scope, const model::Str& v) const {
    for (const auto& id : v.refs) {
      if (const T* r = stack_.find<T>(scope, id)) return r;
    }
    return nullptr;
  }

  // The task definition a service / task set runs, or nullptr when not in the scan.
  [[nodiscard]] const model::TaskDefinition* task_definition_of(const model::Service& s) const;
  [[nodiscard]] const model::TaskDefinition* task_definition_of(const model::TaskSet& t) const;
  // The cluster named by `ref` in `scope` (by reference, or by its known ClusterName).
  [[nodiscard]] const model::Cluster* cluster_of(model::ScopeId scope, const model::Str& ref) const;
  // Services / task sets that run `td` (input order).
  [[nodiscard]] std::span<const model::Service* const> services_of(
      const model::TaskDefinition& td) const;
  [[nodiscard]] std::span<const model::TaskSet* const> task_sets_of(
      const model::TaskDefinition& td) const;
  // Capacity provider associations naming `cluster` (by reference or by its known name).
  [[nodiscard]] std::vector<const model::ClusterCapacityProviderAssociation*> associations_of(
      const model::Cluster& cluster) const;
  // The repository `c`'s image is pulled from, when the scan defines it.
  [[nodiscard]] const model::Repository* repository_of(const model::TaskDefinition& td,
                                                       const model::Container& c) const;
  // The log group an awslogs-group value names: by reference in `scope`, by the same partially
  // known name in `scope`, else by known name (`scope` first, then any scope).
  [[nodiscard]] const model::LogGroup* log_group_named(model::ScopeId scope,
                                                       const model::Str& group) const;

 private:
  const model::Stack& stack_;
  std::unordered_map<const model::TaskDefinition*, std::vector<const model::Service*>> services_;
  std::unordered_map<const model::TaskDefinition*, std::vector<const model::TaskSet*>> task_sets_;
};

}  // namespace ecsguard::analysis
