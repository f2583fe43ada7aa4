#pragma once
// ECS: task definitions and their containers, services, task sets, clusters.
#include <string>
#include <vector>

#include "ecsguard/model/image_ref.h"
#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

struct SecretRef {
  Str name;
  Str value_from;  // Secrets Manager ARN / SSM parameter ARN or name; refs name the resources
  core::Loc loc;
};

struct MountPoint {
  Str source_volume;
  Str container_path;
  FlexBool read_only;  // default false
  core::Loc loc;
};

struct LogConfiguration {
  Presence state = Presence::kAbsent;
  Str driver;
  std::vector<KeyValue> options;  // awslogs-group, awslogs-region, mode, max-buffer-size, ...
  std::vector<SecretRef> secret_options;
  core::Loc loc;
  [[nodiscard]] const KeyValue* option(std::string_view name) const noexcept {
    for (const auto& kv : options) {
      if (kv.name.known() && kv.name.value == name) return &kv;
    }
    return nullptr;
  }
};

struct HealthCheck {
  Presence state = Presence::kAbsent;
  StrList command;
  core::Loc loc;
};

struct Container {
  Str name;
  Str image;
  ImageRef image_ref;  // `image` parsed by the builder (meaningful unless image is absent)
  Str user;
  FlexBool essential;  // default true
  FlexBool privileged;
  FlexBool readonly_root_filesystem;
  Int cpu;
  Int memory;
  Int memory_reservation;
  std::vector<KeyValue> environment;
  std::vector<KeyValue> docker_labels;             // DockerLabels / dockerLabels (name -> value)
  Presence environment_state = Presence::kAbsent;  // the Environment list itself
  StrList environment_files;                       // S3 ARNs
  std::vector<SecretRef> secrets;
  std::vector<MountPoint> mount_points;
  Presence mount_points_state = Presence::kAbsent;
  LogConfiguration log_configuration;
  HealthCheck health_check;
  Presence linux_parameters_state = Presence::kAbsent;
  StrList capabilities_add;
  StrList capabilities_drop;
  Bool init_process_enabled;
  StrList docker_security_options;
  Str repository_credentials;  // repositoryCredentials.credentialsParameter
  core::Loc repository_credentials_loc;
  StrList entry_point;
  StrList command;
  struct PortMapping {
    Int container_port;
    Int host_port;
    Str protocol;
    core::Loc loc;
  };
  std::vector<PortMapping> port_mappings;
  core::Loc loc;  // the container definition object
};

struct EfsVolumeConfiguration {
  Str file_system_id;
  Toggle transit_encryption;  // ENABLED | DISABLED (default DISABLED)
  Toggle iam;                 // authorizationConfig.iam: ENABLED | DISABLED (default DISABLED)
  Str access_point_id;
  Str root_directory;
  core::Loc loc;
};

struct Volume {
  Str name;
  Presence host_state = Presence::kAbsent;  // Host: {} written
  Str host_source_path;
  bool docker_volume_configuration = false;
  Presence efs_state = Presence::kAbsent;
  EfsVolumeConfiguration efs;
  core::Loc loc;
};

// A place where a task definition does not match the ECS API model (parse/ecs_model/), found by
// the builders while the document tree is at hand and reported by CTR-018. Members the model does
// not know are never violations (newer than the model); values that cannot be known are skipped.
struct ApiViolation {
  enum class Kind : unsigned char { kType, kEnum, kRequired };
  Kind kind = Kind::kType;
  std::string path;      // as the input spells it: ContainerDefinitions[0].PortMappings[0].Protocol
  std::string expected;  // the model's shape: "list of Secret", "string", "tcp | udp"
  std::string found;     // kType: what is written ("object", "string"); kEnum: the value
  core::Loc loc;         // the value (kRequired: the object that lacks the member)
};

struct TaskDefinition {
  static constexpr ResourceKind kKind = ResourceKind::kTaskDefinition;
  ResourceId id;
  Str family;
  Int revision;  // describe-task-definition output only
  Str network_mode;
  StrList requires_compatibilities;
  Str pid_mode;
  Str ipc_mode;
  Str cpu;  // strings in CloudFormation ("256", "1 vCPU"); numbers in JSON are normalized to text
  Str memory;
  Str task_role_arn;
  Str execution_role_arn;
  Str operating_system_family;  // runtimePlatform.operatingSystemFamily
  Str cpu_architecture;
  std::vector<Volume> volumes;
  Presence containers_state = Presence::kAbsent;  // ContainerDefinitions written and a list
  std::string containers_reason;                  // when unknown
  // Built from a bare container-definition array (e.g. a Terraform container_definitions file):
  // the task-level properties (networkMode, requiresCompatibilities, cpu, ...) live elsewhere, so
  // task-level checks do not judge them here.
  bool containers_only = false;
  std::vector<Container> containers;
  std::vector<ApiViolation> api_violations;  // against the ECS API model (CTR-018)
};

struct CapacityProviderItem {
  Str provider;
  core::Loc loc;
};

struct NetworkConfiguration {
  Presence state = Presence::kAbsent;
  Toggle assign_public_ip;  // ENABLED | DISABLED (Terraform: true | false)
  StrList subnets;
  StrList security_groups;
  core::Loc loc;
};

struct LoadBalancerRef {
  Str container_name;
  Int container_port;
  Str target_group;
  core::Loc loc;
};

struct Service {
  static constexpr ResourceKind kKind = ResourceKind::kService;
  ResourceId id;
  Str service_name;
  Str cluster;          // refs -> cluster logical id
  Str task_definition;  // refs -> task definition logical id
  Str launch_type;
  std::vector<CapacityProviderItem> capacity_provider_strategy;
  Presence capacity_provider_strategy_state = Presence::kAbsent;
  Str platform_version;
  FlexBool enable_execute_command;
  NetworkConfiguration network;
  std::vector<LoadBalancerRef> load_balancers;
  Str role;  // legacy ECS service role (Role): only for load balancers without awsvpc (so never
             // Fargate); refs -> AWS::IAM::Role
};

struct TaskSet {
  static constexpr ResourceKind kKind = ResourceKind::kTaskSet;
  ResourceId id;
  Str service;
  Str cluster;
  Str task_definition;
  Str launch_type;
  std::vector<CapacityProviderItem> capacity_provider_strategy;
  Str platform_version;
  NetworkConfiguration network;
};

struct Cluster {
  static constexpr ResourceKind kKind = ResourceKind::kCluster;
  ResourceId id;
  Str cluster_name;
  // ClusterSettings[Name=containerInsights].Value: enabled | enhanced (on) | disabled, any case.
  Toggle container_insights;
  core::Loc settings_loc;
  std::vector<CapacityProviderItem> default_capacity_provider_strategy;
  Str fargate_ephemeral_storage_kms_key;
  Str exec_logging;  // Configuration.ExecuteCommandConfiguration.Logging
  // EC2 capacity: the launch configurations / launch templates / instances of the template whose
  // UserData names this cluster (ECS_CLUSTER=...), by logical id.
  std::vector<std::string> ec2_capacity;
};

// AWS::ECS::ClusterCapacityProviderAssociations
struct ClusterCapacityProviderAssociation {
  static constexpr ResourceKind kKind = ResourceKind::kClusterCapacityProviderAssociations;
  ResourceId id;
  Str cluster;
  std::vector<CapacityProviderItem> default_capacity_provider_strategy;
};

}  // namespace ecsguard::model
