#pragma once
// The one normalized model of the scanned stack: every input (CloudFormation, CDK synth output,
// task definition JSON, later Terraform and images) contributes to it. Checks read only this.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/model/ecr.h"
#include "ecsguard/model/ecs.h"
#include "ecsguard/model/elb.h"
#include "ecsguard/model/misc.h"

namespace ecsguard::model {

// One template / file: its scope id and the facts about it that checks may need.
struct Scope {
  ScopeId id = 0;
  core::FileId file = 0;
  Origin origin = Origin::kCloudFormation;
  bool cdk = false;          // CDK synth output (aws:cdk:path metadata present)
  std::string stack_prefix;  // nested stack: "Parent/ChildLogicalId"
};

struct Stack {
  std::vector<Scope> scopes;
  std::vector<TaskDefinition> task_definitions;
  std::vector<Service> services;
  std::vector<TaskSet> task_sets;
  std::vector<Cluster> clusters;
  std::vector<ClusterCapacityProviderAssociation> capacity_provider_associations;
  std::vector<Repository> repositories;
  std::vector<RegistryScanningConfiguration> registry_scanning;
  std::vector<LogGroup> log_groups;
  std::vector<Secret> secrets;
  std::vector<RotationSchedule> rotation_schedules;
  std::vector<SsmParameter> ssm_parameters;
  std::vector<EfsFileSystem> efs_file_systems;
  std::vector<EfsAccessPoint> efs_access_points;
  std::vector<LoadBalancer> load_balancers;  // ELBv2 load balancers
  std::vector<Listener> listeners;           // ELBv2 listeners and listener rules

  // Appends everything from `other` (used to merge per-file models in discovery order).
  void merge(Stack&& other);

  // Lookups by logical id within a scope; nullptr when not modelled.
  [[nodiscard]] const TaskDefinition* task_definition(ScopeId scope,
                                                      std::string_view logical_id) const;
  [[nodiscard]] const Cluster* cluster(ScopeId scope, std::string_view logical_id) const;
  [[nodiscard]] const Repository* repository(ScopeId scope, std::string_view logical_id) const;
  [[nodiscard]] const LogGroup* log_group(ScopeId scope, std::string_view logical_id) const;
  [[nodiscard]] const Secret* secret(ScopeId scope, std::string_view logical_id) const;
  [[nodiscard]] const SsmParameter* ssm_parameter(ScopeId scope, std::string_view logical_id) const;
  [[nodiscard]] const EfsFileSystem* efs_file_system(ScopeId scope,
                                                     std::string_view logical_id) const;
  [[nodiscard]] const EfsAccessPoint* efs_access_point(ScopeId scope,
                                                       std::string_view logical_id) const;
  // Services and task sets that run the given task definition (by Ref in the same scope).
  [[nodiscard]] std::vector<const Service*> services_using(const TaskDefinition& td) const;
  [[nodiscard]] std::vector<const TaskSet*> task_sets_using(const TaskDefinition& td) const;
  // A repository by its (known) RepositoryName in any scope.
  [[nodiscard]] const Repository* repository_named(std::string_view name) const;
};

}  // namespace ecsguard::model
