#pragma once
// Validates a task definition document tree against the ECS API model (shapes.h): types, enums,
// required members, list vs structure. The violations are model data
// (model::TaskDefinition::api_violations) that CTR-018 reports; the builders call this while the
// tree is at hand, since the model keeps no raw shapes.
//
// What is judged, and what is not:
// - Member names ignore ASCII case, so PascalCase CloudFormation and camelCase API JSON share the
//   model. CloudFormation names that differ from the API are mapped (ProxyConfiguration's
//   ProxyConfigurationProperties is the API's `properties`).
// - A member the model does not know is never a violation (it may be newer than the model, or
//   describe-task-definition output such as taskDefinitionArn).
// - A value that cannot be known (a kUnknown node, a partially known string) is not judged; null
//   counts as absent.
// - Scalars are accepted where CloudFormation and the SDKs convert them: a number or boolean for a
//   string, integer text for an integer, "true"/"false" for a boolean. A list, an object or a
//   string where the model has another of these is a violation, as is a value outside an enum.
// - CloudFormation: the request's required members (family, containerDefinitions) are optional in
//   AWS::ECS::TaskDefinition.
// - Recursion follows the model (a few levels), never the input; at most kMaxViolations are kept.
#include <cstddef>
#include <string>
#include <vector>

#include "ecsguard/model/ecs.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse::ecs_model {

enum class Spelling : unsigned char { kApi, kCloudFormation };

inline constexpr std::size_t kMaxViolations = 100;

// The register-task-definition body (the JSON object, or CloudFormation Properties resolved).
void validate_task_definition(const Node& body, Spelling spelling,
                              std::vector<model::ApiViolation>& out);

// A container-definitions list (a bare container-definitions file, Terraform's
// container_definitions JSON): paths start at "[0]".
void validate_container_definitions(const Node& list, Spelling spelling,
                                    std::vector<model::ApiViolation>& out);

// One container definition object; `path` names it in the violations.
void validate_container_definition(const Node& definition, const std::string& path,
                                   Spelling spelling, std::vector<model::ApiViolation>& out);

}  // namespace ecsguard::parse::ecs_model
