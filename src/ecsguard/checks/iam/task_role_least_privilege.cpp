// IAM-003 Task role follows least privilege (no admin, no service-wide wildcards, no write on
// Resource '*').
#include <string>
#include <string_view>

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

// AWS managed policies that grant far more than one application needs.
bool broad_managed(std::string_view name) {
  return name == "AdministratorAccess" || name == "PowerUserAccess" || name == "IAMFullAccess" ||
         name.ends_with("FullAccess");
}

std::string_view property_of(const Source& s) {
  switch (s.kind) {
    case Source::Kind::kInline:
      return "Policies";
    case Source::Kind::kPolicy:
      return "PolicyDocument";
    case Source::Kind::kAwsManaged:
      break;
  }
  return "ManagedPolicyArns";
}

using Subject = RoleSubject;

// Action "*" / "<service>:*": one finding per element; true when any was reported.
bool wildcard_actions(const Subject& s, const iam::SourcedStatement& st, bool all_resources) {
  bool reported = false;
  for (const auto& a : st.statement->actions.value) {
    if (!a.known()) continue;
    const std::string_view text = a.value;
    const std::string prop(property_of(st.source));
    if ((text == "*" || text == "*:*") && all_resources) {
      s.ctx.fail(
          a.loc.valid() ? a.loc : st.loc, prop,
          msg::iam003::FullAdmin{
              .role = s.role(), .task_definition = s.td(), .source = source_label(st.source)});
      reported = true;
    } else if (text == "*" || (text.ends_with(":*") && text.find('*') == text.size() - 1)) {
      const std::size_t count = iam::for_each_match(text, [](const iam::Action&) {});
      s.ctx.fail(a.loc.valid() ? a.loc : st.loc, prop,
                 msg::iam003::ServiceWildcard{.role = s.role(),
                                              .task_definition = s.td(),
                                              .action = std::string(text),
                                              .source = source_label(st.source),
                                              .count = count});
      reported = true;
    }
  }
  return reported;
}

// Mutating actions with resource-level support granted on "*" by this statement.
void write_on_all(const Subject& s, const Permissions& p, const iam::SourcedStatement& st) {
  Permissions one;
  model::PolicyDocument doc;
  doc.state = model::Presence::kKnown;
  doc.statements.push_back(*st.statement);
  one.add(doc, st.source, st.loc);
  std::size_t count = 0;
  std::string examples;
  for (const auto& a : one.granted_on_all_resources(
           [](const iam::Action& a) { return iam::mutating(a.level) && a.resource_level; },
           static_cast<std::size_t>(-1))) {
    const std::string full = std::string(a.service) + ":" + std::string(a.name);
    if (p.allows(full).allowed != Tri::kYes) continue;  // a Deny elsewhere removes it
    if (++count <= kExamples) examples += (examples.empty() ? "" : ", ") + full;
  }
  if (count == 0) return;
  s.ctx.fail(st.loc, std::string(property_of(st.source)),
             msg::iam003::WriteOnAll{.role = s.role(),
                                     .task_definition = s.td(),
                                     .count = count,
                                     .source = source_label(st.source),
                                     .examples = examples});
}

void judge_statement(const Subject& s, const Permissions& p, const iam::SourcedStatement& st) {
  const model::Statement& stmt = *st.statement;
  const std::string prop(property_of(st.source));
  if (!stmt.not_actions.absent()) {
    s.ctx.fail(st.loc, prop,
               msg::iam003::NotAction{
                   .role = s.role(), .task_definition = s.td(), .source = source_label(st.source)});
    return;
  }
  if (!stmt.not_resources.absent()) {
    s.ctx.fail(st.loc, prop,
               msg::iam003::NotResource{
                   .role = s.role(), .task_definition = s.td(), .source = source_label(st.source)});
    return;
  }
  if (!stmt.actions.known()) {
    if (stmt.actions.unknown()) s.ctx.unknown(stmt.actions.loc, prop, stmt.actions.reason);
    return;
  }
  const bool all_resources = iam::on_all_resources(stmt) == Tri::kYes;
  if (wildcard_actions(s, st, all_resources)) return;
  if (all_resources && stmt.conditions.empty()) write_on_all(s, p, st);
}

void judge(const Subject& s) {
  const Permissions p = iam::permissions_of(s.ctx.links(), *s.use.role);
  report_unknowns(p, s.ctx);
  for (const auto& st : p.allow_statements()) {
    if (st.source.kind == Source::Kind::kAwsManaged && broad_managed(st.source.name)) continue;
    judge_statement(s, p, st);
  }
  each_aws_managed(*s.use.role, [&](const model::Str& arn, const std::string& name) {
    if (!broad_managed(name)) return;
    s.ctx.fail(
        arn.loc, "ManagedPolicyArns",
        msg::iam003::BroadManaged{.role = s.role(), .task_definition = s.td(), .policy = name});
  });
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  each_role_use(stack, /*execution=*/false, ctx, &judge);
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef task_role_least_privilege;
const engine::CheckDef task_role_least_privilege{
    .id = "IAM-003",
    .rationale = i18n::Id::kIam003Rationale,
    .remediation =
        {
            .cdk = "// grant what the code calls, on the resources it uses\n"
                   "bucket.grantRead(taskDefinition.taskRole);\n"
                   "queue.grantSendMessages(taskDefinition.taskRole);",
            .cloudformation = "Policies:\n  - PolicyName: app\n    PolicyDocument:\n"
                              "      Statement:\n        - Effect: Allow\n"
                              "          Action: [sqs:SendMessage]\n"
                              "          Resource: !GetAtt OrdersQueue.Arn",
            .terraform = "data \"aws_iam_policy_document\" \"app\" {\n  statement {\n"
                         "    actions   = [\"sqs:SendMessage\"]\n"
                         "    resources = [aws_sqs_queue.orders.arn]\n  }\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::iam
