// IAM-001 Task role and task execution role are different roles.
#include "ecsguard/checks/common.h"
#include "ecsguard/checks/iam/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::iam {

namespace {

bool share_ref(const model::Str& a, const model::Str& b) {
  for (const auto& r : a.refs) {
    for (const auto& s : b.refs) {
      if (r == s) return true;
    }
  }
  return false;
}

// Same role: the same role of the scan, the same reference, or the same text (known, or the same
// partially known text written twice).
Tri same_role(const analysis::Links& links, const model::TaskDefinition& td) {
  const model::Str& task = td.task_role_arn;
  const model::Str& exec = td.execution_role_arn;
  const model::Role* a = links.task_role_of(td);
  const model::Role* b = links.execution_role_of(td);
  if (a != nullptr && b != nullptr) return core::tri_of(a == b);
  if (share_ref(task, exec)) return Tri::kYes;
  if (task.known() && exec.known()) return core::tri_of(task.value == exec.value);
  if (!task.known() && !exec.known() && has_known_text(task.value) && task.value == exec.value) {
    return Tri::kYes;
  }
  return Tri::kUnknown;
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  if (td.task_role_arn.absent() || td.execution_role_arn.absent()) return;
  const Tri same = same_role(ctx.links(), td);
  if (same == Tri::kNo) return;
  const std::string name = task_definition_label(td);
  if (same == Tri::kUnknown) {
    const model::Str& why = td.task_role_arn.known() ? td.execution_role_arn : td.task_role_arn;
    ctx.unknown(td.execution_role_arn.loc, "ExecutionRoleArn",
                msg::iam001::CannotTell{.task_definition = name, .reason = shown(why)});
    return;
  }
  const model::Role* role = ctx.links().task_role_of(td);
  ctx.fail(td.execution_role_arn.loc, "ExecutionRoleArn",
           msg::iam001::SameRole{.task_definition = name,
                                 .role = role != nullptr ? i18n::Value(role_label(*role))
                                                         : i18n::Value(shown(td.task_role_arn))});
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef role_separation;
const engine::CheckDef role_separation{
    .id = "IAM-001",
    .rationale = i18n::Id::kIam001Rationale,
    .remediation =
        {
            .cdk = "const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {\n"
                   "  taskRole: appRole,            // what the application needs\n"
                   "  executionRole: executionRole, // pull, logs, secrets only\n});",
            .cloudformation = "TaskRoleArn: !GetAtt AppTaskRole.Arn\n"
                              "ExecutionRoleArn: !GetAtt TaskExecutionRole.Arn",
            .terraform = "task_role_arn      = aws_iam_role.app_task.arn\n"
                         "execution_role_arn = aws_iam_role.task_execution.arn",
        },
    .inputs = kInputs,
    .run = engine::per<model::TaskDefinition, &run>,
};

}  // namespace ecsguard::checks::iam
