#pragma once
// Helpers shared by the logging-layer checks (header only: every .cpp in this folder is a check).
#include <string>
#include <string_view>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::logging {

// Does the task definition run on Fargate, and if that is not known, why.
struct FargateAnswer {
  Tri runs = Tri::kNo;
  i18n::Message why_unknown{};  // when runs == kUnknown
};

// Does the task definition run on Fargate (analysis::task_launch: requiresCompatibilities, or a
// service / task set of the scan launching it there), and if that is not known, why.
inline FargateAnswer runs_on_fargate(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  const analysis::TaskLaunch& launch = ctx.analysis().launch(td);
  switch (launch.why_unknown) {
    case analysis::TaskLaunch::Why::kNone:
      break;
    case analysis::TaskLaunch::Why::kCompatibilities:
      return {launch.fargate, compatibilities_reason(td)};
    case analysis::TaskLaunch::Why::kService:
      return {launch.fargate,
              msg::log::FargateLaunchUnknown{.subject = msg::common::Service{.name = launch.who}}};
    case analysis::TaskLaunch::Why::kTaskSet:
      return {launch.fargate,
              msg::log::FargateLaunchUnknown{.subject = msg::common::TaskSet{.name = launch.who}}};
  }
  return {launch.fargate, {}};
}

// "true" as the readers of these values take it: Go's strconv.ParseBool (1, t, T, TRUE, true, True,
// the awslogs driver) and Fluent Bit's on / yes, around spaces. One reading for every logging
// check (the awslogs-create-group option, the audit-critical Docker label).
inline bool truthy(std::string_view v) {
  v = core::trim(v);
  for (std::string_view t :
       {"1", "t", "T", "TRUE", "true", "True", "on", "On", "ON", "yes", "Yes", "YES"}) {
    if (v == t) return true;
  }
  return false;
}

// Lower-cased, trimmed known text; empty when absent or unknown.
inline std::string known_lower(const model::Str& v) {
  return v.known() ? core::to_lower(core::trim(v.value)) : std::string();
}

}  // namespace ecsguard::checks::logging
