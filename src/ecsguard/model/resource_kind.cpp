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
    case ResourceKind::kRole:
      return "AWS::IAM::Role";
    case ResourceKind::kPolicy:
      return "AWS::IAM::Policy";
    case ResourceKind::kUser:
      return "AWS::IAM::User";
    case ResourceKind::kAccessKey:
      return "AWS::IAM::AccessKey";
    case ResourceKind::kSecurityGroup:
      return "AWS::EC2::SecurityGroup";
    case ResourceKind::kSecurityGroupRule:
      return "AWS::EC2::SecurityGroupIngress";
    case ResourceKind::kVpc:
      return "AWS::EC2::VPC";
    case ResourceKind::kSubnet:
      return "AWS::EC2::Subnet";
    case ResourceKind::kRouteTable:
      return "AWS::EC2::RouteTable";
    case ResourceKind::kRoute:
      return "AWS::EC2::Route";
    case ResourceKind::kSubnetRouteTableAssociation:
      return "AWS::EC2::SubnetRouteTableAssociation";
    case ResourceKind::kInternetGateway:
      return "AWS::EC2::InternetGateway";
    case ResourceKind::kNatGateway:
      return "AWS::EC2::NatGateway";
    case ResourceKind::kVpcEndpoint:
      return "AWS::EC2::VPCEndpoint";
    case ResourceKind::kFlowLog:
      return "AWS::EC2::FlowLog";
    case ResourceKind::kTrail:
      return "AWS::CloudTrail::Trail";
    case ResourceKind::kGuardDutyDetector:
      return "AWS::GuardDuty::Detector";
    case ResourceKind::kSecurityHub:
      return "AWS::SecurityHub::Hub";
    case ResourceKind::kSecurityHubStandard:
      return "AWS::SecurityHub::Standard";
    case ResourceKind::kEventRule:
      return "AWS::Events::Rule";
    case ResourceKind::kSnsTopic:
      return "AWS::SNS::Topic";
    case ResourceKind::kSnsSubscription:
      return "AWS::SNS::Subscription";
    case ResourceKind::kDockerfile:
      return "Dockerfile";
    case ResourceKind::kImage:
      return "ImageArchive";
  }
  return {};
}

std::string display_type(const ResourceId& id) {
  switch (id.origin) {
    case Origin::kCloudFormation:
    case Origin::kApi:
    case Origin::kDockerfile:
    case Origin::kImageArchive:
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
