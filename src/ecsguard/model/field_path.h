#pragma once
// Field ids: what a finding judged, whatever the input format spelled it as.
//
// A field id is the property path spelled as CloudFormation does, with the container's label in
// brackets: "ContainerDefinitions[app].ReadonlyRootFilesystem", "NetworkConfiguration.
// AwsvpcConfiguration.AssignPublicIp". Checks pass it to CheckContext; the engine keeps it as the
// fingerprint's field id (stable across formats) and shows it to the user rendered in the spelling
// of the file the resource came from (render_field_path).
#include <string>
#include <string_view>

#include "ecsguard/model/resource.h"

namespace ecsguard::model {

// The field id as the input format of `origin` spells it:
//   CloudFormation (and API): unchanged;
//   task definition JSON: ECS API spelling, "containerDefinitions[app].readonlyRootFilesystem";
//   Terraform: terraform_field_path (model/terraform_spelling.cpp).
std::string render_field_path(std::string_view field_id, Origin origin);

// One path segment in ECS API (lowerCamel) spelling: "Cpu" -> "cpu", "EFSVolumeConfiguration" ->
// "efsVolumeConfiguration", "IAM" -> "iam".
std::string lower_camel(std::string_view segment);

// Hook of the Terraform frontend: the field id in Terraform's spelling. Until that frontend builds
// model resources it returns the field id unchanged.
std::string terraform_field_path(std::string_view field_id);

}  // namespace ecsguard::model
