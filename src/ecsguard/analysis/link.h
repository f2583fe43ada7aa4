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
// The stack layer's edges (analysis/link_stack.cpp), by reference in the scope, else by known
// name / ARN in any scanned file:
//   task definition        -> task role, execution role (TaskRoleArn / ExecutionRoleArn)
//   role                   -> the customer policies attached to it (AWS::IAM::Policy /
//                             ManagedPolicy Roles, the role's ManagedPolicyArns)
//   service                -> security groups, subnets
//   security group         -> its standalone ingress / egress rules
//   subnet                 -> route tables (explicit association) -> routes -> IGW / NAT
//   SNS topic              -> subscriptions (SNS, Chatbot)
// Not yet an edge: export <-> Fn::ImportValue (the resolver keeps only the export name in the
// unknown reason).
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

  // ---- the stack layer (link_stack.cpp) ----
  // The role a TaskRoleArn / ExecutionRoleArn / Service.Role value names: by reference, else by
  // a known ARN (".../role/<path>/<name>") or name matched to a RoleName of any scanned file.
  [[nodiscard]] const model::Role* role_named(model::ScopeId scope, const model::Str& ref) const;
  [[nodiscard]] const model::Role* task_role_of(const model::TaskDefinition& td) const;
  [[nodiscard]] const model::Role* execution_role_of(const model::TaskDefinition& td) const;
  // Customer policies attached to `role` (input order).
  [[nodiscard]] std::span<const model::Policy* const> policies_of(const model::Role& role) const;
  // A role's ManagedPolicyArns entry that is a customer managed policy of the scan.
  [[nodiscard]] const model::Policy* managed_policy_named(model::ScopeId scope,
                                                          const model::Str& arn) const;
  // The security group a SecurityGroups / GroupId value names (by reference in `scope`).
  [[nodiscard]] const model::SecurityGroup* security_group_named(model::ScopeId scope,
                                                                 const model::Str& ref) const;
  // Standalone AWS::EC2::SecurityGroupIngress / Egress rules of `sg` (input order).
  [[nodiscard]] std::span<const model::SecurityGroupRule* const> rules_of(
      const model::SecurityGroup& sg) const;
  [[nodiscard]] const model::Subnet* subnet_named(model::ScopeId scope,
                                                  const model::Str& ref) const;
  // Route tables explicitly associated with `subnet`.
  [[nodiscard]] std::vector<const model::RouteTable*> route_tables_of(
      const model::Subnet& subnet) const;
  [[nodiscard]] std::span<const model::Route* const> routes_of(const model::RouteTable& t) const;
  [[nodiscard]] const model::InternetGateway* internet_gateway_of(const model::Route& r) const;
  [[nodiscard]] const model::SnsTopic* topic_named(model::ScopeId scope,
                                                   const model::Str& ref) const;
  [[nodiscard]] std::span<const model::SnsSubscription* const> subscriptions_of(
      const model::SnsTopic& topic) const;

 private:
  const model::Stack& stack_;
  std::unordered_map<const model::TaskDefinition*, std::vector<const model::Service*>> services_;
  std::unordered_map<const model::TaskDefinition*, std::vector<const model::TaskSet*>> task_sets_;
  void link_stack();
  std::unordered_map<const model::Role*, std::vector<const model::Policy*>> role_policies_;
  std::unordered_map<const model::SecurityGroup*, std::vector<const model::SecurityGroupRule*>>
      sg_rules_;
  std::unordered_map<const model::RouteTable*, std::vector<const model::Route*>> routes_;
  std::unordered_map<const model::SnsTopic*, std::vector<const model::SnsSubscription*>>
      subscriptions_;
};

}  // namespace ecsguard::analysis
