// IAM-002 Task execution role limited to execution permissions, secrets access scoped to the
// referenced ARNs.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/analysis/iam/actions.h"
#include "ecsguard/analysis/iam/managed.h"
#include "ecsguard/checks/common.h"
#include "ecsguard/checks/iam/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::iam {

namespace {

namespace iam = analysis::iam;

constexpr std::size_t kExamples = 3;

// What the ECS agent needs: image pull, log streams, secrets injection, environment files.
constexpr std::string_view kAgentActions[] = {
    "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup",
    "secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt", "s3:GetObject",
    "s3:GetBucketLocation",
    // read-only companions the CDK's grantRead adds for the secrets and parameters a task injects
    "secretsmanager:DescribeSecret", "ssm:GetParameter", "ssm:GetParameterHistory",
    "ssm:DescribeParameters"};

// Actions that must name the referenced ARNs, never '*'.
constexpr std::string_view kSecretActions[] = {"secretsmanager:GetSecretValue", "ssm:GetParameters",
                                               "kms:Decrypt"};

constexpr std::string_view kAllowedManaged[] = {"AmazonECSTaskExecutionRolePolicy",
                                                "AmazonEC2ContainerRegistryReadOnly"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view value) {
  for (const auto v : list) {
    if (core::iequals(v, value)) return true;
  }
  return false;
}

std::string full_name(const iam::Action& a) {
  return std::string(a.service) + ":" + std::string(a.name);
}

using Subject = RoleSubject;

// Actions of the statement outside the agent's set (still allowed after Deny statements).
void extra_actions(const Subject& s, const Permissions& p, const iam::SourcedStatement& st) {
  std::size_t count = 0;
  std::string examples;
  std::vector<std::string> seen;
  for (const auto& a : st.statement->actions.value) {
    if (!a.known()) {
      if (a.unknown()) s.ctx.unknown(a.loc.valid() ? a.loc : st.loc, "Policies", a.reason);
      continue;
    }
    iam::for_each_match(a.value, [&](const iam::Action& act) {
      const std::string name = full_name(act);
      if (listed(kAgentActions, name)) return;
      for (const auto& x : seen) {
        if (x == name) return;
      }
      seen.push_back(name);
      if (p.allows(name).allowed != Tri::kYes) return;
      if (++count <= kExamples) examples += (examples.empty() ? "" : ", ") + name;
    });
  }
  if (count == 0) return;
  s.ctx.fail(st.loc, "Policies",
             msg::iam002::ExtraActions{.role = s.role(),
                                       .task_definition = s.td(),
                                       .count = count,
                                       .source = source_label(st.source),
                                       .examples = examples});
}

void secrets_on_all(const Subject& s, const iam::SourcedStatement& st) {
  const model::Statement& stmt = *st.statement;
  if (!stmt.conditions.empty() || iam::on_all_resources(stmt) != Tri::kYes) return;
  for (const auto action : kSecretActions) {
    if (iam::matches_action(stmt, action) != Tri::kYes) continue;
    s.ctx.fail(st.loc, "Policies",
               msg::iam002::SecretsOnAll{.role = s.role(),
                                         .task_definition = s.td(),
                                         .action = std::string(action),
                                         .source = source_label(st.source)});
    return;
  }
}

// Is the role also the task role of a task definition of the scan?
bool also_task_role(const model::Stack& stack, const analysis::Links& links,
                    const model::Role& role) {
  for (const auto& td : stack.task_definitions) {
    if (links.task_role_of(td) == &role) return true;
  }
  return false;
}

void judge(const Subject& s) {
  const bool shared_with_task_role = also_task_role(s.ctx.stack(), s.ctx.links(), *s.use.role);
  const Permissions p = iam::permissions_of(s.ctx.links(), *s.use.role);
  report_unknowns(p, s.ctx);
  for (const auto& st : p.allow_statements()) {
    if (st.source.kind == Source::Kind::kAwsManaged) continue;  // judged by name below
    if (!st.statement->not_actions.absent()) {
      s.ctx.fail(
          st.loc, "Policies",
          msg::iam002::NotAction{
              .role = s.role(), .task_definition = s.td(), .source = source_label(st.source)});
      continue;
    }
    if (!st.statement->actions.known()) continue;
    // A role that is also the task role carries the application's grants on purpose: IAM-001
    // reports the sharing, IAM-003 judges those grants.
    if (!shared_with_task_role) extra_actions(s, p, st);
    secrets_on_all(s, st);
  }
  each_aws_managed(*s.use.role, [&](const model::Str& arn, const std::string& name) {
    if (listed(kAllowedManaged, name)) return;
    s.ctx.fail(arn.loc, "ManagedPolicyArns",
               msg::iam002::Managed{.role = s.role(), .task_definition = s.td(), .policy = name});
  });
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  each_role_use(stack, /*execution=*/true, ctx, &judge);
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef execution_role_scope;
const engine::CheckDef execution_role_scope{
    .id = "IAM-002",
    .rationale = i18n::Id::kIam002Rationale,
    .remediation =
        {
            .cdk = "// the CDK creates a scoped execution role and grants exactly the\n"
                   "// secrets it injects:\n"
                   "container.addSecret('DB_PASSWORD', ecs.Secret.fromSecretsManager(dbSecret));",
            .cloudformation =
                "ExecutionRole:\n  Type: AWS::IAM::Role\n  Properties:\n"
                "    ManagedPolicyArns:\n"
                "      - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n"
                "    Policies:\n      - PolicyName: secrets\n        PolicyDocument:\n"
                "          Statement:\n            - Effect: Allow\n"
                "              Action: secretsmanager:GetSecretValue\n"
                "              Resource: !Ref DbSecret",
            .terraform = "resource \"aws_iam_role_policy_attachment\" \"exec\" {\n"
                         "  role       = aws_iam_role.execution.name\n"
                         "  policy_arn = \"arn:aws:iam::aws:policy/service-role/"
                         "AmazonECSTaskExecutionRolePolicy\"\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::iam
