// IAM-004 Task/execution role trust policy limited to ecs-tasks.amazonaws.com.
#include <string>
#include <string_view>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/iam/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::iam {

namespace {

namespace iam = analysis::iam;

constexpr std::string_view kEcsTasks = "ecs-tasks.amazonaws.com";

// Does the trust statement let principals assume the role (sts:AssumeRole and its variants)?
Tri assumes(const model::Statement& st) {
  return core::tri_or(core::tri_or(iam::matches_action(st, "sts:AssumeRole"),
                                   iam::matches_action(st, "sts:AssumeRoleWithWebIdentity")),
                      iam::matches_action(st, "sts:AssumeRoleWithSAML"));
}

struct Subject {
  const RoleUse& use;
  engine::CheckContext& ctx;
  [[nodiscard]] i18n::Message which() const {
    return use.execution ? i18n::Message(msg::stack::ExecutionRole{})
                         : i18n::Message(msg::stack::TaskRole{});
  }
};

void judge_principal(const Subject& s, const model::Statement& st, const model::Principal& p) {
  const model::Str& v = p.value;
  if (!v.known()) {
    if (v.unknown())
      s.ctx.unknown(v.loc.valid() ? v.loc : st.loc, "AssumeRolePolicyDocument", v.reason);
    return;
  }
  const std::string td = task_definition_label(*s.use.td);
  const bool star = p.type == "*" || v.value == "*";
  if (star && st.conditions.empty()) {
    s.ctx.fail(v.loc.valid() ? v.loc : st.loc, "AssumeRolePolicyDocument",
               msg::iam004::AnyPrincipal{
                   .role = role_label(*s.use.role), .which = s.which(), .task_definition = td});
    return;
  }
  if (star) return;  // '*' restricted by a Condition: judged by its condition, not here
  if (p.type == "Service" && v.value == kEcsTasks) return;
  s.ctx.fail(v.loc.valid() ? v.loc : st.loc, "AssumeRolePolicyDocument",
             msg::iam004::OtherPrincipal{.role = role_label(*s.use.role),
                                         .which = s.which(),
                                         .task_definition = td,
                                         .type = p.type,
                                         .principal = v.value});
}

void judge(const RoleUse& use, engine::CheckContext& ctx) {
  ctx.set_subject(use.role->id);
  const model::PolicyDocument& trust = use.role->trust;
  if (trust.state == model::Presence::kUnknown) {
    ctx.unknown(trust.loc, "AssumeRolePolicyDocument", trust.reason);
    return;
  }
  const Subject s{use, ctx};
  for (const auto& st : trust.statements) {
    if (!iam::is_allow(st)) continue;
    const Tri a = assumes(st);
    if (a == Tri::kNo) continue;
    if (a == Tri::kUnknown) {
      ctx.unknown(st.actions.loc.valid() ? st.actions.loc : st.loc, "AssumeRolePolicyDocument",
                  st.actions.reason);
      continue;
    }
    for (const auto& p : st.principals) judge_principal(s, st, p);
  }
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  std::vector<RoleUse> uses = roles_used(stack, /*execution=*/false, ctx);
  for (const RoleUse& u : roles_used(stack, /*execution=*/true, ctx)) {
    bool seen = false;
    for (const auto& t : uses) seen = seen || t.role == u.role;
    if (!seen) uses.push_back(u);
  }
  for (const RoleUse& use : uses) {
    ctx.guarded(&use.role->id, [&] { judge(use, ctx); });
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef task_role_trust;
const engine::CheckDef task_role_trust{
    .id = "IAM-004",
    .rationale = i18n::Id::kIam004Rationale,
    .remediation =
        {
            .cdk = "new iam.Role(this, 'TaskRole', {\n"
                   "  assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com', {\n"
                   "    conditions: { StringEquals: { 'aws:SourceAccount': this.account } },\n"
                   "  }),\n});",
            .cloudformation = "AssumeRolePolicyDocument:\n  Statement:\n    - Effect: Allow\n"
                              "      Principal: { Service: ecs-tasks.amazonaws.com }\n"
                              "      Action: sts:AssumeRole\n      Condition:\n"
                              "        StringEquals: { aws:SourceAccount: !Ref AWS::AccountId }",
            .terraform = "assume_role_policy = jsonencode({\n  Statement = [{\n"
                         "    Effect = \"Allow\", Action = \"sts:AssumeRole\"\n"
                         "    Principal = { Service = \"ecs-tasks.amazonaws.com\" }\n"
                         "    Condition = { StringEquals = { \"aws:SourceAccount\" = "
                         "data.aws_caller_identity.current.account_id } }\n  }]\n})",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::iam
