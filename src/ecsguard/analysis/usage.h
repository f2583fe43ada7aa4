#pragma once
// Is a resource used by anything in the scan (through the edges of link.h)?
#include "ecsguard/analysis/link.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::analysis {

// A service or task set runs it.
[[nodiscard]] bool used(const Links& links, const model::TaskDefinition& td);
// A container's awslogs-group names it.
[[nodiscard]] bool used(const Links& links, const model::LogGroup& lg);
// A container's image is pulled from it.
[[nodiscard]] bool used(const Links& links, const model::Repository& repo);

}  // namespace ecsguard::analysis
