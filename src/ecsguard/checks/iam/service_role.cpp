// IAM-012 No legacy ECS service role, and never an admin role, on ECS services.
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/iam/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::iam {

namespace {

namespace iam = analysis::iam;

// The first statement that allows "*" on "*" without a Condition.
const iam::SourcedStatement* admin_statement(const Permissions& p) {
  for (const auto& st : p.allow_statements()) {
    const model::Statement& s = *st.statement;
    if (!s.conditions.empty() || iam::on_all_resources(s) != Tri::kYes) continue;
    if (iam::matches_action(s, "iam:CreateUser") == Tri::kYes &&
        iam::matches_action(s, "ec2:RunInstances") == Tri::kYes &&
        iam::matches_action(s, "s3:DeleteBucket") == Tri::kYes) {
      return &st;
    }
  }
  return nullptr;
}

void run(const model::Service& s, engine::CheckContext& ctx) {
  const model::Str& role_ref = s.role;
  if (role_ref.absent()) return;
  // Bridge / host networking with a classic load balancer still needs the service role.
  const model::TaskDefinition* td = ctx.links().task_definition_of(s);
  if (s.network.state == model::Presence::kAbsent && td != nullptr && td->network_mode.known() &&
      td->network_mode.value != "awsvpc") {
    return;
  }
  const std::string name = service_label(s);
  const model::Role* role = ctx.links().role_named(s.id.scope, role_ref);
  const i18n::Value shown_role =
      role != nullptr ? i18n::Value(role_label(*role)) : i18n::Value(shown(role_ref));
  if (role != nullptr) {
    const Permissions p = iam::permissions_of(ctx.links(), *role);
    if (const auto* st = admin_statement(p)) {
      ctx.fail(role_ref.loc, "Role",
               msg::iam012::AdminRole{
                   .service = name, .role = shown_role, .source = source_label(st->source)});
      return;
    }
  }
  ctx.warn(role_ref.loc, "Role", msg::iam012::LegacyRole{.service = name, .role = shown_role});
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef service_role;
const engine::CheckDef service_role{
    .id = "IAM-012",
    .rationale = i18n::Id::kIam012Rationale,
    .remediation =
        {
            .cdk = "// ecs.FargateService never sets a service role: remove any\n"
                   "// (cfnService as ecs.CfnService).role override",
            .cloudformation = "Service:\n  Type: AWS::ECS::Service\n  Properties:\n"
                              "    # no Role: the AWSServiceRoleForECS service-linked role is used",
            .terraform = "resource \"aws_ecs_service\" \"app\" {\n"
                         "  # no iam_role with awsvpc network mode\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Service, &run>,
};

}  // namespace ecsguard::checks::iam
