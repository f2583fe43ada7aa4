#pragma once
// The one normalized model of the scanned stack: every input (CloudFormation, CDK synth output,
// task definition JSON, later Terraform and images) contributes to it. Checks read only this.
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "ecsguard/model/detection.h"
#include "ecsguard/model/ec2.h"
#include "ecsguard/model/ecr.h"
#include "ecsguard/model/ecs.h"
#include "ecsguard/model/elb.h"
#include "ecsguard/model/iam.h"
#include "ecsguard/model/image.h"
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

// The typed tables: one vector per resource kind. A new kind is its struct (with `kKind` and a
// ResourceId `id`), one member here and one entry in kTables below; merge, all<T>(), find<T>()
// and the check runner's per<T> (engine/check.h) then know it, with no switch anywhere else.
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
  // IAM, VPC, detection and alert routing (the stack layer).
  std::vector<Role> roles;
  std::vector<Policy> policies;
  std::vector<User> users;
  std::vector<AccessKey> access_keys;
  std::vector<SecurityGroup> security_groups;
  std::vector<SecurityGroupRule> security_group_rules;
  std::vector<Vpc> vpcs;
  std::vector<Subnet> subnets;
  std::vector<RouteTable> route_tables;
  std::vector<Route> routes;
  std::vector<SubnetRouteTableAssociation> subnet_route_table_associations;
  std::vector<InternetGateway> internet_gateways;
  std::vector<NatGateway> nat_gateways;
  std::vector<VpcEndpoint> vpc_endpoints;
  std::vector<FlowLog> flow_logs;
  std::vector<Trail> trails;
  std::vector<GuardDutyDetector> guardduty_detectors;
  std::vector<SecurityHub> security_hubs;
  std::vector<SecurityHubStandard> security_hub_standards;
  std::vector<EventRule> event_rules;
  std::vector<SnsTopic> sns_topics;
  std::vector<SnsSubscription> sns_subscriptions;
  std::vector<Dockerfile> dockerfiles;
  std::vector<ContainerImage> images;  // image archives

  // Every resource of kind T, in input order.
  template <class T>
  [[nodiscard]] const std::vector<T>& all() const noexcept;
  template <class T>
  [[nodiscard]] std::vector<T>& all() noexcept;
  // Adds a resource (its id.kind set from T).
  template <class T>
  T& add(T resource);
  // A resource of kind T by its address (logical id) within a scope; nullptr when not modelled.
  template <class T>
  [[nodiscard]] const T* find(ScopeId scope, std::string_view address) const;

  // Appends everything from `other` (used to merge per-file models in discovery order).
  void merge(Stack&& other);

  // Services and task sets that run the given task definition (by Ref in the same scope).
  [[nodiscard]] std::vector<const Service*> services_using(const TaskDefinition& td) const;
  [[nodiscard]] std::vector<const TaskSet*> task_sets_using(const TaskDefinition& td) const;
  // A repository by its (known) RepositoryName in any scope.
  [[nodiscard]] const Repository* repository_named(std::string_view name) const;
};

inline constexpr auto kTables = std::make_tuple(
    &Stack::task_definitions, &Stack::services, &Stack::task_sets, &Stack::clusters,
    &Stack::capacity_provider_associations, &Stack::repositories, &Stack::registry_scanning,
    &Stack::log_groups, &Stack::secrets, &Stack::rotation_schedules, &Stack::ssm_parameters,
    &Stack::efs_file_systems, &Stack::efs_access_points, &Stack::load_balancers, &Stack::listeners,
    &Stack::roles, &Stack::policies, &Stack::users, &Stack::access_keys, &Stack::security_groups,
    &Stack::security_group_rules, &Stack::vpcs, &Stack::subnets, &Stack::route_tables,
    &Stack::routes, &Stack::subnet_route_table_associations, &Stack::internet_gateways,
    &Stack::nat_gateways, &Stack::vpc_endpoints, &Stack::flow_logs, &Stack::trails,
    &Stack::guardduty_detectors, &Stack::security_hubs, &Stack::security_hub_standards,
    &Stack::event_rules, &Stack::sns_topics, &Stack::sns_subscriptions, &Stack::dockerfiles,
    &Stack::images);

template <class T>
const std::vector<T>& Stack::all() const noexcept {
  return this->*std::get<std::vector<T> Stack::*>(kTables);
}

template <class T>
std::vector<T>& Stack::all() noexcept {
  return this->*std::get<std::vector<T> Stack::*>(kTables);
}

template <class T>
T& Stack::add(T resource) {
  resource.id.kind = T::kKind;
  return all<T>().emplace_back(std::move(resource));
}

template <class T>
const T* Stack::find(ScopeId scope, std::string_view address) const {
  for (const T& r : all<T>()) {
    if (r.id.scope == scope && r.id.name == address) return &r;
  }
  return nullptr;
}

}  // namespace ecsguard::model
