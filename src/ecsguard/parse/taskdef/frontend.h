#pragma once
// The ECS task definition frontend: register-task-definition input, describe-task-definition
// output, a bare container-definition array or one container-definition object (what Terraform
// modules render), in JSON or YAML. Built by parse/taskdef/taskdef_json.h.
#include "ecsguard/parse/frontend.h"

namespace ecsguard::parse::taskdef {

enum class Shape : unsigned char { kNone, kTaskDefinition, kContainerDefinitions };

[[nodiscard]] Confidence sniff(std::string_view path, std::string_view bytes) noexcept;
[[nodiscard]] Fragment build(const FrontendInput& in);
// What the document is, as far as this frontend goes. A CloudFormation template is never a task
// definition (kNone), whatever else it holds, so the two frontends never both claim a file.
[[nodiscard]] Shape shape_of(const Node& root) noexcept;

inline constexpr Frontend kFrontend{"task-definition", &sniff, &build};

}  // namespace ecsguard::parse::taskdef
