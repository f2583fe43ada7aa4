#pragma once
// Builders for the resources of the stack layer (IAM, VPC, detection, alert routing): one
// function per CloudFormation type, found by type name. template_builder.cpp resolves the
// resource (Condition, intrinsics) and hands the resolved Properties here; each builder fills its
// model struct field by field (Absent / Known / Unknown) and adds it to the stack.
#include <string_view>

#include "ecsguard/core/limits.h"
#include "ecsguard/model/stack.h"
#include "ecsguard/parse/taskdef/fields.h"

namespace ecsguard::parse::cfn {

struct StackBuildInput {
  const fields::Field& props;  // resolved Properties
  model::ResourceId id;
  model::Stack& stack;
  const core::Limits& limits;
};

using StackResourceBuilder = void (*)(StackBuildInput in);

// The builder for `type`, nullptr when the stack layer does not model it.
[[nodiscard]] StackResourceBuilder stack_resource_builder(std::string_view type) noexcept;

// One builder per service file (build_iam.cpp, build_ec2.cpp, build_detection.cpp).
void build_role(StackBuildInput in);
void build_policy(StackBuildInput in);
void build_managed_policy(StackBuildInput in);
void build_user(StackBuildInput in);
void build_access_key(StackBuildInput in);

void build_security_group(StackBuildInput in);
void build_security_group_ingress(StackBuildInput in);
void build_security_group_egress(StackBuildInput in);
void build_vpc(StackBuildInput in);
void build_subnet(StackBuildInput in);
void build_route_table(StackBuildInput in);
void build_route(StackBuildInput in);
void build_subnet_route_table_association(StackBuildInput in);
void build_internet_gateway(StackBuildInput in);
void build_nat_gateway(StackBuildInput in);
void build_vpc_endpoint(StackBuildInput in);
void build_flow_log(StackBuildInput in);

void build_trail(StackBuildInput in);
void build_guardduty_detector(StackBuildInput in);
void build_security_hub(StackBuildInput in);
void build_security_hub_standard(StackBuildInput in);
void build_event_rule(StackBuildInput in);
void build_sns_topic(StackBuildInput in);
void build_sns_subscription(StackBuildInput in);
void build_chatbot_channel(StackBuildInput in);

}  // namespace ecsguard::parse::cfn
