#pragma once
// ECS task definition JSON -> model: register-task-definition input ({"family", ...,
// "containerDefinitions": [...]}), describe-task-definition output ({"taskDefinition": {...}}:
// family and revision), a bare container-definition array or a single container-definition object
// (a synthetic task definition named after the file). ResourceId.type is
// "AWS::ECS::TaskDefinition", name = family (or the file stem), origin kTaskDefinitionJson, scope =
// the file id.
#include "ecsguard/parse/build.h"
#include "ecsguard/parse/taskdef/frontend.h"

namespace ecsguard::parse::taskdef {

// `shape` is kTaskDefinition or kContainerDefinitions (shape_of).
void build_task_definition_json(const BuildInput& in, Shape shape, Fragment& out);

}  // namespace ecsguard::parse::taskdef
