#pragma once
// Names of a ResourceKind: the one the fingerprint uses and the ones each input format shows.
#include <string>
#include <string_view>

#include "ecsguard/model/resource.h"

namespace ecsguard::model {

// The CloudFormation type of `kind` ("AWS::ECS::TaskDefinition"); listeners and listener rules
// share kListener and its name "AWS::ElasticLoadBalancingV2::Listener"; "" for kUnknown. This is
// the kind's stable name: the fingerprint hashes it, whatever format the resource came from.
std::string_view cloudformation_type(ResourceKind kind) noexcept;

// Hook of the Terraform frontend (model/terraform_spelling.cpp): "aws_ecs_task_definition".
std::string_view terraform_type(ResourceKind kind) noexcept;

// The resource's type as its input format shows it: the type the template spelled for
// CloudFormation, the kind's CloudFormation type for task definition JSON (documented in
// docs/json-format.md), Terraform's for Terraform.
std::string display_type(const ResourceId& id);

}  // namespace ecsguard::model
