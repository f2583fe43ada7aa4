#pragma once
// Helpers shared by the IAM-layer checks (header only: every .cpp in this folder is a check).
#include <string>
#include <vector>

#include "ecsguard/analysis/iam/managed.h"
#include "ecsguard/analysis/iam/permissions.h"
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::iam {

using analysis::iam::Permissions;
using analysis::iam::Source;

// "role 'app-task'" (RoleName when known, else the logical id).
inline i18n::Message role_label(const model::Role& r) {
  return msg::stack::Role{.name = r.role_name.known() ? r.role_name.value : r.id.name};
}

// Where a statement comes from, for messages.
inline i18n::Message source_label(const Source& s) {
  switch (s.kind) {
    case Source::Kind::kInline:
      return msg::stack::SourceInline{.name = s.name};
    case Source::Kind::kPolicy:
      return msg::stack::SourcePolicy{.name = s.name};
    case Source::Kind::kAwsManaged:
      break;
  }
  return msg::stack::SourceAwsManaged{.name = s.name};
}

// Every part of the permissions that could not be evaluated: `unknown` at its location.
inline void report_unknowns(const Permissions& p, engine::CheckContext& ctx) {
  using Why = analysis::iam::Unknown::Why;
  for (const auto& u : p.unknowns()) {
    switch (u.why) {
      case Why::kModel:
        ctx.unknown(
            u.loc, "Policies",
            msg::stack::PolicyNotKnown{.source = source_label(u.source), .reason = u.reason});
        break;
      case Why::kManagedNotInTable:
        ctx.unknown(u.loc, "ManagedPolicyArns",
                    msg::stack::ManagedNotInTable{.source = source_label(u.source)});
        break;
      case Why::kPolicyArnNotKnown:
        ctx.unknown(u.loc, "ManagedPolicyArns", msg::stack::PolicyArnNotKnown{.arn = u.reason});
        break;
    }
  }
}

// A value for messages: the text when known, the known parts of a partial one, else the reason.
inline std::string shown(const model::Str& v) {
  if (v.known()) return v.value;
  if (model::partial::has_known_text(v.value)) return model::partial::printable(v.value);
  return v.reason;
}

// A role a task definition uses, with the first task definition that uses it that way.
struct RoleUse {
  const model::Role* role = nullptr;
  const model::TaskDefinition* td = nullptr;
  bool execution = false;  // used as the task execution role
};

// The roles of the scan used as task roles (execution = false) or execution roles, once each
// (input order of the task definitions). A TaskRoleArn that names no role of the scan is
// reported `unknown` on the task definition ("scan the stack that defines it too").
inline std::vector<RoleUse> roles_used(const model::Stack& stack, bool execution,
                                       engine::CheckContext& ctx) {
  std::vector<RoleUse> out;
  for (const auto& td : stack.task_definitions) {
    const model::Str& arn = execution ? td.execution_role_arn : td.task_role_arn;
    if (arn.absent()) continue;
    const model::Role* role =
        execution ? ctx.links().execution_role_of(td) : ctx.links().task_role_of(td);
    if (role == nullptr) {
      ctx.set_subject(td.id);
      const i18n::Message which = execution ? i18n::Message(msg::stack::ExecutionRole{})
                                            : i18n::Message(msg::stack::TaskRole{});
      ctx.unknown(arn.loc, execution ? "ExecutionRoleArn" : "TaskRoleArn",
                  msg::stack::RoleNotInScan{.which = which, .value = shown(arn)});
      continue;
    }
    bool seen = false;
    for (const auto& u : out) seen = seen || u.role == role;
    if (!seen) out.push_back({role, &td, execution});
  }
  return out;
}

// The subject of a role check: the role and the first task definition that uses it.
struct RoleSubject {
  const RoleUse& use;
  engine::CheckContext& ctx;
  [[nodiscard]] i18n::Message role() const { return role_label(*use.role); }
  [[nodiscard]] std::string td() const { return task_definition_label(*use.td); }
};

// Calls judge(subject) for every role of the scan used as task role (or execution role), with the
// role as the finding subject, each inside the check's fault boundary.
template <class Judge>
void each_role_use(const model::Stack& stack, bool execution, engine::CheckContext& ctx,
                   Judge&& judge) {
  for (const RoleUse& use : roles_used(stack, execution, ctx)) {
    ctx.set_subject(use.role->id);
    ctx.guarded(&use.role->id, [&] { judge(RoleSubject{use, ctx}); });
  }
}

// Calls f(arn, name) for each AWS managed policy the role attaches by a known or partially
// known ARN.
template <class F>
void each_aws_managed(const model::Role& role, F&& f) {
  if (!role.managed_policy_arns.known()) return;
  for (const auto& arn : role.managed_policy_arns.value) {
    const std::string name = analysis::iam::aws_managed_policy_name(arn);
    if (!name.empty()) f(arn, name);
  }
}

}  // namespace ecsguard::checks::iam
