// How Terraform spells what the model knows: field ids (terraform_property.cpp) and resource types
// (the kind's CloudFormation type, as the Terraform frontend's resources carry it).
#include <string>
#include <string_view>

#include "ecsguard/model/field_path.h"
#include "ecsguard/model/resource_kind.h"
#include "ecsguard/model/terraform_property.h"

namespace ecsguard::model {

std::string terraform_field_path(std::string_view field_id) { return terraform_property(field_id); }

std::string_view terraform_type(ResourceKind kind) noexcept { return cloudformation_type(kind); }

}  // namespace ecsguard::model
