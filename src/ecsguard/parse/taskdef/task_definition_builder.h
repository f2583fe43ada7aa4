#pragma once
// The one task definition / container definition builder shared by CloudFormation
// (AWS::ECS::TaskDefinition Properties, PascalCase, resolved by parse/cfn/resolver.h) and ECS task
// definition JSON (register-task-definition input, camelCase). Property lookups ignore ASCII case;
// the few real differences between the two spellings are handled here (e.g. the EFS volume key is
// EFSVolumeConfiguration in CloudFormation and efsVolumeConfiguration in JSON, FilesystemId vs
// fileSystemId).
#include "ecsguard/model/ecs.h"
#include "ecsguard/parse/node.h"
#include "ecsguard/parse/taskdef/fields.h"

namespace ecsguard::parse::taskdef {

// One container definition (a map node). Container.loc = the node's loc.
model::Container build_container(const Node& definition);

// Fills every field of `td` except `id` from the task definition body `body` (a map node:
// CloudFormation Properties or the register-task-definition JSON object).
void fill_task_definition(const Node& body, model::TaskDefinition& td);

// Fills containers (and containers_state/reason) from a ContainerDefinitions property.
void fill_containers(const fields::Field& definitions, model::TaskDefinition& td);

}  // namespace ecsguard::parse::taskdef
