#pragma once
// Terraform resources -> the model. One builder per modelled resource type; the task definition
// goes through the shared builder (parse/taskdef/task_definition_builder.h) after its arguments
// are put into that builder's shape (task_definition.cpp). Terraform's own defaults apply where
// they differ from CloudFormation's (assign_public_ip is a bool, an aws_lb is internal only
// with `internal = true`). A resource of another type is not modelled (and not an error).
#include <string_view>

#include "ecsguard/parse/terraform/build_context.h"

namespace ecsguard::parse::terraform {

// Builds every instance of the resource block `block` (written in `file`) into b.out.stack.
void build_resource(BuildContext& b, const hcl::Block& block, core::FileId file);

// The CloudFormation type a Terraform resource type is shown as ("" when not modelled).
[[nodiscard]] std::string_view display_type(std::string_view terraform_type) noexcept;

// The task definition arguments (snake_case, blocks as lists) in the shared builder's shape.
[[nodiscard]] Node task_definition_shape(const Node& terraform, Node container_definitions);

}  // namespace ecsguard::parse::terraform
