#pragma once
// Helpers shared by the logging-layer checks (header only: every .cpp in this folder is a check).
#include <string>
#include <string_view>

#include "ecsguard/core/strings.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::logging {

inline bool is_fargate_capacity(const model::Str& launch_type,
                                const std::vector<model::CapacityProviderItem>& strategy) {
  if (launch_type.known() && core::iequals(launch_type.value, "FARGATE")) return true;
  for (const auto& item : strategy) {
    if (item.provider.known() && core::starts_with_i(item.provider.value, "FARGATE")) return true;
  }
  return false;
}

// The task definition runs on Fargate: it requires FARGATE, or a service / task set in the scan
// launches it with the FARGATE launch type or a FARGATE(_SPOT) capacity provider.
inline bool runs_on_fargate(const model::TaskDefinition& td, const model::Stack& stack) {
  if (td.fargate_compatible()) return true;
  for (const auto* s : stack.services_using(td)) {
    if (is_fargate_capacity(s->launch_type, s->capacity_provider_strategy)) return true;
  }
  for (const auto* ts : stack.task_sets_using(td)) {
    if (is_fargate_capacity(ts->launch_type, ts->capacity_provider_strategy)) return true;
  }
  return false;
}

// Lower-cased, trimmed known text; empty when absent or unknown.
inline std::string known_lower(const model::Str& v) {
  return v.known() ? core::to_lower(core::trim(v.value)) : std::string();
}

}  // namespace ecsguard::checks::logging
