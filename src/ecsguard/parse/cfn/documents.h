#pragma once
// Documents embedded in resource properties: IAM policy documents (RepositoryPolicyText, later
// role policies) and ECR lifecycle policies. CloudFormation accepts them as objects or as JSON
// text; JSON text is parsed with load_json. A partially known JSON text (Fn::Sub with
// ${AWS::AccountId} inside an ARN) is still parsed when the unknown segments sit inside JSON
// strings: those strings become partially known values.
#include "ecsguard/core/limits.h"
#include "ecsguard/model/ecr.h"
#include "ecsguard/model/iam.h"
#include "ecsguard/parse/taskdef/fields.h"

namespace ecsguard::parse::cfn {

// `doc` is the property holding the policy (object or JSON string).
model::PolicyDocument build_policy_document(const fields::Field& doc, const core::Limits& limits);

// `lifecycle_policy` is the AWS::ECR::Repository LifecyclePolicy property (a map with
// LifecyclePolicyText).
model::LifecyclePolicy build_lifecycle_policy(const fields::Field& lifecycle_policy,
                                              const core::Limits& limits);

}  // namespace ecsguard::parse::cfn
