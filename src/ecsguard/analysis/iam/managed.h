#pragma once
// AWS managed policies attached by ARN (ManagedPolicyArns: arn:aws:iam::aws:policy/...): the
// documents of the ones ECS stacks commonly attach, as published in the AWS Managed Policy
// Reference (docs.aws.amazon.com/aws-managed-policy/latest/reference/). A policy not in the table
// is "not known" (its document is not evaluated), never assumed harmless.
#include <string>
#include <string_view>

#include "ecsguard/model/iam.h"

namespace ecsguard::analysis::iam {

// Is `arn` an AWS managed policy ARN (any partition, any path)?
[[nodiscard]] bool is_aws_managed_arn(std::string_view arn) noexcept;
// The policy name of an AWS managed policy ARN ("service-role/AmazonECSTaskExecutionRolePolicy"
// -> "AmazonECSTaskExecutionRolePolicy").
[[nodiscard]] std::string_view aws_managed_name(std::string_view arn) noexcept;
// The AWS managed policy a ManagedPolicyArns value names, known or partially known
// (`!Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess`); "" when it names none.
[[nodiscard]] std::string aws_managed_policy_name(const model::Str& arn);
// The document of a known AWS managed policy (by ARN), nullptr when not in the table.
[[nodiscard]] const model::PolicyDocument* aws_managed_document(std::string_view arn);

}  // namespace ecsguard::analysis::iam
