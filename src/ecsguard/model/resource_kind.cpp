#include "ecsguard/model/resource_kind.h"

namespace ecsguard::model {

std::string_view cloudformation_type(ResourceKind kind) noexcept {
  switch (kind) {
    case ResourceKind::kUnknown:
      return {};
    case ResourceKind::kTaskDefinition:
      return "AWS::ECS::TaskDefinition";
    case ResourceKind::kService:
      return "AWS::ECS::Service";
    case ResourceKind::kTaskSet:
      return "AWS::ECS::TaskSet";
    case ResourceKind::kCluster:
      return "AWS::ECS::Cluster";
    case ResourceKind::kClusterCapacityProviderAssociations:
      return "AWS::ECS::ClusterCapacityProviderAssociations";
    case ResourceKind::kRepository:
      return "AWS::ECR::Repository";
    case ResourceKind::kRegistryScanningConfiguration:
      return "AWS::ECR::RegistryScanningConfiguration";
    case ResourceKind::kLogGroup:
      return "AWS::Logs::LogGroup";
    case ResourceKind::kSecret:
      return "AWS::SecretsManager::Secret";
    case ResourceKind::kRotationSchedule:
      return "AWS::SecretsManager::RotationSchedule";
    case ResourceKind::kSsmParameter:
      return "AWS::SSM::Parameter";
    case ResourceKind::kEfsFileSystem:
      return "AWS::EFS::FileSystem";
    case ResourceKind::kEfsAccessPoint:
      return "AWS::EFS::AccessPoint";
    case ResourceKind::kLoadBalancer:
      return "AWS::ElasticLoadBalancingV2::LoadBalancer";
    case ResourceKind::kListener:
      return "AWS::ElasticLoadBalancingV2::Listener";
  }
  return {};
}

std::string display_type(const ResourceId& id) {
  switch (id.origin) {
    case Origin::kCloudFormation:
    case Origin::kApi:
      if (!id.type.empty()) return id.type;
      break;
    case Origin::kTaskDefinitionJson:
      break;
    case Origin::kTerraform:
      return std::string(terraform_type(id.kind));
  }
  return std::string(cloudformation_type(id.kind));
}

}  // namespace ecsguard::model
