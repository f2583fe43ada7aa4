#include "ecsguard/model/terraform_property.h"

#include <cctype>
#include <utility>

namespace ecsguard::model {

namespace {

// Arguments whose Terraform name is not the snake_case of the CloudFormation property.
constexpr std::pair<std::string_view, std::string_view> kRenamed[] = {
    {"ServiceName", "name"},
    {"RepositoryName", "name"},
    {"ClusterName", "name"},
    {"LogGroupName", "name"},
    {"ClusterSettings", "setting"},
    {"Volumes", "volume"},
    {"EFSVolumeConfiguration", "efs_volume_configuration"},
    {"FilesystemId", "file_system_id"},
    {"AwsvpcConfiguration", ""},  // network_configuration holds its arguments directly
    {"AwsVpcConfiguration", ""},
    {"RepositoryPolicyText", "policy"},  // aws_ecr_repository_policy
    {"LifecyclePolicy", "policy"},       // aws_ecr_lifecycle_policy
    {"LifecyclePolicyText", ""},
    {"ImageTagMutabilityExclusionFilters", "image_tag_mutability_exclusion_filter"},
    {"CapacityProviderStrategy", "capacity_provider_strategy"},
    {"LoadBalancers", "load_balancer"},
    {"DefaultActions", "default_action"},
};

bool upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// EFSVolume -> efs_volume, KmsKeyId -> kms_key_id, IAM -> iam.
std::string snake(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (upper(c) && i > 0 &&
        (!upper(name[i - 1]) || (i + 1 < name.size() && !upper(name[i + 1]) &&
                                 std::isalpha(static_cast<unsigned char>(name[i + 1]))))) {
      out.push_back('_');
    }
    out.push_back(lower(c));
  }
  return out;
}

// ReadonlyRootFilesystem -> readonlyRootFilesystem (container definition JSON).
std::string camel(std::string_view name) {
  std::string out(name);
  if (!out.empty()) out[0] = lower(out[0]);
  return out;
}

std::string argument(std::string_view name) {
  for (const auto& [cfn, tf] : kRenamed) {
    if (cfn == name) return std::string(tf);
  }
  return snake(name);
}

}  // namespace

std::string terraform_property(std::string_view path) {
  std::string out;
  bool in_container = false;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t end = i;
    while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
    const std::string_view name = path.substr(i, end - i);
    std::string spelled;
    if (name == "ContainerDefinitions") {
      spelled = "container_definitions";
      in_container = true;
    } else if (in_container) {
      spelled = camel(name);
    } else {
      spelled = argument(name);
    }
    if (!spelled.empty()) {
      if (!out.empty()) out.push_back('.');
      out += spelled;
    }
    // Copy a [selector] as written (container names, indexes).
    if (end < path.size() && path[end] == '[') {
      const std::size_t close = path.find(']', end);
      const std::size_t stop = close == std::string_view::npos ? path.size() : close + 1;
      out += path.substr(end, stop - end);
      end = stop;
    }
    i = end < path.size() && path[end] == '.' ? end + 1 : end;
  }
  return out;
}

}  // namespace ecsguard::model
