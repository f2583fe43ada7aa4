#pragma once
// A finding's property path in the spelling of the input format it came from. Checks write
// paths in CloudFormation's spelling ("ContainerDefinitions[app].ReadonlyRootFilesystem",
// "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"); a Terraform resource reports
// Terraform's ("container_definitions[app].readonlyRootFilesystem",
// "network_configuration.assign_public_ip"): arguments in snake_case, container definition
// fields in the camelCase of the JSON they are written in. A stop-gap until field ids are
// rendered per format (platform).
#include <string>
#include <string_view>

namespace ecsguard::engine {

[[nodiscard]] std::string terraform_property(std::string_view cloudformation_path);

}  // namespace ecsguard::engine
