#include "ecsguard/parse/cfn/build_stack.h"

namespace ecsguard::parse::cfn {

namespace {

struct Entry {
  std::string_view type;
  StackResourceBuilder build;
};

constexpr Entry kBuilders[] = {
    {"AWS::IAM::Role", &build_role},
    {"AWS::IAM::Policy", &build_policy},
    {"AWS::IAM::ManagedPolicy", &build_managed_policy},
    {"AWS::IAM::User", &build_user},
    {"AWS::IAM::AccessKey", &build_access_key},
    {"AWS::EC2::SecurityGroup", &build_security_group},
    {"AWS::EC2::SecurityGroupIngress", &build_security_group_ingress},
    {"AWS::EC2::SecurityGroupEgress", &build_security_group_egress},
    {"AWS::EC2::VPC", &build_vpc},
    {"AWS::EC2::Subnet", &build_subnet},
    {"AWS::EC2::RouteTable", &build_route_table},
    {"AWS::EC2::Route", &build_route},
    {"AWS::EC2::SubnetRouteTableAssociation", &build_subnet_route_table_association},
    {"AWS::EC2::InternetGateway", &build_internet_gateway},
    {"AWS::EC2::NatGateway", &build_nat_gateway},
    {"AWS::EC2::VPCEndpoint", &build_vpc_endpoint},
    {"AWS::EC2::FlowLog", &build_flow_log},
    {"AWS::CloudTrail::Trail", &build_trail},
    {"AWS::GuardDuty::Detector", &build_guardduty_detector},
    {"AWS::SecurityHub::Hub", &build_security_hub},
    {"AWS::SecurityHub::Standard", &build_security_hub_standard},
    {"AWS::Events::Rule", &build_event_rule},
    {"AWS::SNS::Topic", &build_sns_topic},
    {"AWS::SNS::Subscription", &build_sns_subscription},
    {"AWS::Chatbot::SlackChannelConfiguration", &build_chatbot_channel},
    {"AWS::Chatbot::MicrosoftTeamsChannelConfiguration", &build_chatbot_channel},
};

}  // namespace

StackResourceBuilder stack_resource_builder(std::string_view type) noexcept {
  for (const auto& e : kBuilders) {
    if (e.type == type) return e.build;
  }
  return nullptr;
}

}  // namespace ecsguard::parse::cfn
