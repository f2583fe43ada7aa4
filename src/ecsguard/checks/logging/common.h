#pragma once
// Helpers shared by the logging-layer checks (header only: every .cpp in this folder is a check).
#include <string>
#include <string_view>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::logging {

// Does the task definition run on Fargate, and if that is not known, why.
struct FargateAnswer {
  Tri runs = Tri::kNo;
  i18n::Message why_unknown{};  // when runs == kUnknown
};

// The task definition runs on Fargate when it requires FARGATE, or when a service / task set in
// the scan launches it on Fargate (launch type FARGATE, or a FARGATE / FARGATE_SPOT capacity
// provider of its own strategy or of its cluster's default strategy). Not known when
// requiresCompatibilities (or an element of it) is not known, when the file holds only container
// definitions, or when a service / task set's launch type or capacity providers are not known;
// a known "yes" from any source wins over an unknown.
inline FargateAnswer runs_on_fargate(const model::TaskDefinition& td, const model::Stack& stack) {
  FargateAnswer out;
  const Tri compat = container::fargate_compatible(td);
  if (compat == Tri::kYes) return {Tri::kYes, {}};
  if (compat == Tri::kUnknown) {
    out = {Tri::kUnknown, container::compatibilities_reason(td)};
  }
  auto consider = [&out](Tri t, auto who) {
    if (t == Tri::kYes) {
      out = {Tri::kYes, {}};
    } else if (t == Tri::kUnknown && out.runs == Tri::kNo) {
      out = {Tri::kUnknown, msg::log::FargateLaunchUnknown{.subject = who()}};
    }
  };
  for (const auto* s : stack.services_using(td)) {
    consider(container::runs_on_fargate(stack, *s),
             [s] { return msg::common::Service{.name = service_label(*s)}; });
    if (out.runs == Tri::kYes) return out;
  }
  for (const auto* ts : stack.task_sets_using(td)) {
    consider(container::runs_on_fargate(stack, *ts),
             [ts] { return msg::common::TaskSet{.name = ts->id.name}; });
    if (out.runs == Tri::kYes) return out;
  }
  return out;
}

// Lower-cased, trimmed known text; empty when absent or unknown.
inline std::string known_lower(const model::Str& v) {
  return v.known() ? core::to_lower(core::trim(v.value)) : std::string();
}

}  // namespace ecsguard::checks::logging
