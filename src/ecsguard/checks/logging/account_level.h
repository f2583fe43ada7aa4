#pragma once
// Account-level controls (CloudTrail, GuardDuty): judged over every scanned stack, since an account
// baseline stack usually holds them (header only: every .cpp in this folder is a check).
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::logging {

// The ECS resource an account-level answer is reported on when no scanned file defines the
// control: the first service, else task definition, else cluster; nullptr when the scan has no
// ECS workload (then nothing needs the control and nothing is reported).
inline const model::ResourceId* workload_subject(const model::Stack& stack) {
  if (!stack.services.empty()) return &stack.services.front().id;
  if (!stack.task_definitions.empty()) return &stack.task_definitions.front().id;
  if (!stack.clusters.empty()) return &stack.clusters.front().id;
  return nullptr;
}

// `unknown` ("no <control> in the scanned files: scan your account baseline stack too") on the
// first ECS resource of the scan.
inline void control_not_scanned(const model::Stack& stack, const i18n::Message& control,
                                engine::CheckContext& ctx) {
  const model::ResourceId* subject = workload_subject(stack);
  if (subject == nullptr) return;
  ctx.set_subject(*subject);
  ctx.unknown(subject->loc, "", msg::stack::AccountControlNotScanned{.control = control});
}

// "true" / "false" / the unknown reason of a flag, for messages.
inline std::string flag_text(const model::FlexBool& f, bool fallback) {
  if (f.known()) return f.value ? "true" : "false";
  if (f.absent()) return fallback ? "true" : "false";
  return f.reason;
}

}  // namespace ecsguard::checks::logging
