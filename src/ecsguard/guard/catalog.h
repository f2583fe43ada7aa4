#pragma once
// The RUN-* checks of the catalog as `ecsguard guard` implements them: which shipped rules (or
// built-in gates) carry the check's id, their priority, and what each does in monitor and enforce
// mode. Read by `ecsguard checks` and `ecsguard explain RUN-001` through the engine's runtime
// describer hook, so that the one catalog says what guard implements.
#include <string>
#include <string_view>

#include "ecsguard/i18n/lang.h"

namespace ecsguard::guard {

// "" when guard implements nothing for `id`; otherwise one line per rule, indented, in `lang`.
std::string describe_runtime_check(std::string_view id, i18n::Lang lang);

}  // namespace ecsguard::guard
