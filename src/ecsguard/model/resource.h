#pragma once
// Identity of a modelled resource, whatever the input it came from.
#include <cstdint>
#include <string>

#include "ecsguard/core/location.h"

namespace ecsguard::model {

// Where logical ids are unique: one CloudFormation template (a nested stack is its own scope),
// one task definition file, later one Terraform module.
using ScopeId = std::uint32_t;

enum class Origin : unsigned char { kCloudFormation, kTaskDefinitionJson, kTerraform, kApi };

struct ResourceId {
  std::string type;  // "AWS::ECS::TaskDefinition" (Terraform resources map to the CFN type name)
  std::string name;  // CloudFormation logical id | task definition family | Terraform address
  std::string cdk_path;  // Metadata "aws:cdk:path" when the template is CDK synth output
  ScopeId scope = 0;
  Origin origin = Origin::kCloudFormation;
  core::Loc loc;  // the resource's header (logical id key / file start)
};

}  // namespace ecsguard::model
