#pragma once
// Identity of a modelled resource, whatever the input it came from.
#include <cstdint>
#include <string>

#include "ecsguard/core/location.h"

namespace ecsguard::model {

// Where logical ids are unique: one CloudFormation template (a nested stack is its own scope),
// one task definition file, later one Terraform module.
using ScopeId = std::uint32_t;

// Which input format a resource came from. Reports and field-id rendering may use it; checks
// never do (they read normalised values).
enum class Origin : unsigned char {
  kCloudFormation,
  kTaskDefinitionJson,
  kTerraform,
  kApi,
  kDockerfile,
  kImageArchive,
};

// What a resource is, whatever the format spelled it as. Each model struct names its kind
// (`static constexpr ResourceKind kKind`), and the stack keeps one table per kind (stack.h).
enum class ResourceKind : unsigned char {
  kUnknown,
  kTaskDefinition,
  kService,
  kTaskSet,
  kCluster,
  kClusterCapacityProviderAssociations,
  kRepository,
  kRegistryScanningConfiguration,
  kLogGroup,
  kSecret,
  kRotationSchedule,
  kSsmParameter,
  kEfsFileSystem,
  kEfsAccessPoint,
  kLoadBalancer,
  kListener,  // ELBv2 listeners and listener rules
  // IAM (model/iam.h)
  kRole,
  kPolicy,  // AWS::IAM::Policy and AWS::IAM::ManagedPolicy
  kUser,
  kAccessKey,
  // VPC (model/ec2.h)
  kSecurityGroup,
  kSecurityGroupRule,  // AWS::EC2::SecurityGroupIngress / SecurityGroupEgress
  kVpc,
  kSubnet,
  kRouteTable,
  kRoute,
  kSubnetRouteTableAssociation,
  kInternetGateway,
  kNatGateway,
  kVpcEndpoint,
  kFlowLog,
  // Detection and alert routing (model/detection.h)
  kTrail,
  kGuardDutyDetector,
  kSecurityHub,
  kSecurityHubStandard,
  kEventRule,
  kSnsTopic,
  kSnsSubscription,
  kDockerfile,
  kImage,  // a container image archive (docker save / OCI layout)
};

struct ResourceId {
  ResourceKind kind = ResourceKind::kUnknown;
  // The resource type as the input spells it, for display only ("AWS::ECS::TaskDefinition";
  // Terraform resources map to the CloudFormation type name). Checks use `kind`.
  std::string type;
  // Display identity: CloudFormation logical id | task definition family | Terraform address.
  std::string name;
  std::string cdk_path;  // Metadata "aws:cdk:path" when the template is CDK synth output
  ScopeId scope = 0;
  Origin origin = Origin::kCloudFormation;
  core::Loc loc;  // the resource's header (logical id key / file start)
};

}  // namespace ecsguard::model
