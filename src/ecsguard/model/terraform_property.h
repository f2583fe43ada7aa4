#pragma once
// A finding's property path in the spelling of the input format it came from. Checks write
// paths in CloudFormation's spelling ("ContainerDefinitions[app].ReadonlyRootFilesystem",
// "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"); a Terraform resource reports
// Terraform's ("container_definitions[app].readonlyRootFilesystem",
// "network_configuration.assign_public_ip"): arguments in snake_case, container definition
// fields in the camelCase of the JSON they are written in. model::render_field_path calls it
// for Terraform resources (terraform_spelling.cpp).
#include <string>
#include <string_view>

namespace ecsguard::model {

[[nodiscard]] std::string terraform_property(std::string_view cloudformation_path);

}  // namespace ecsguard::model
