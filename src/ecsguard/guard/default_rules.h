#pragma once
// The Fargate rule set shipped in the binary (src/ecsguard/guard/rules/fargate_rules.yaml,
// embedded at build time).
#include <string_view>

namespace ecsguard::guard {

std::string_view default_rules_yaml() noexcept;
inline constexpr std::string_view kDefaultRulesName = "<default: fargate_rules.yaml>";

}  // namespace ecsguard::guard
