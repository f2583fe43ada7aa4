// How Terraform spells what the model knows (field ids, resource types). The Terraform frontend
// ([terraform], parse/terraform/) fills these in when it builds model resources; until then a
// resource never has Origin::kTerraform and these give the CloudFormation spelling.
#include <string>
#include <string_view>

#include "ecsguard/model/field_path.h"
#include "ecsguard/model/resource_kind.h"

namespace ecsguard::model {

std::string terraform_field_path(std::string_view field_id) { return std::string(field_id); }

std::string_view terraform_type(ResourceKind kind) noexcept { return cloudformation_type(kind); }

}  // namespace ecsguard::model
