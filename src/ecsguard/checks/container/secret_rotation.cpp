// CTR-009 Secrets Manager secrets used by tasks have rotation enabled and use a customer managed
// KMS key (Security Hub SecretsManager.1, SecretsManager.4).
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// "arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf" (also partial text): does it
// name `secret` (by its known Name)?
bool arn_names_secret(std::string_view text, const model::Secret& secret) {
  if (!secret.name.known() || secret.name.value.empty()) return false;
  const auto at = text.find(":secret:");
  if (at == std::string_view::npos) return false;
  std::string_view rest = text.substr(at + 8);
  const std::string& n = secret.name.value;
  if (rest.compare(0, n.size(), n) != 0) return false;
  rest.remove_prefix(n.size());
  // end, the random 6-character suffix, or a json-key / version suffix
  return rest.empty() || rest.front() == '-' || rest.front() == ':';
}

// The secret of `stack` that a valueFrom / credentialsParameter names, or nullptr.
const model::Secret* secret_of(const model::Stack& stack, model::ScopeId scope,
                               const model::Str& from) {
  for (const auto& ref : from.refs) {
    if (const auto* s = stack.find<model::Secret>(scope, ref)) return s;
  }
  if (from.absent()) return nullptr;
  const std::string text = known_text(from);
  for (const auto& s : stack.secrets) {
    if (s.id.scope == scope && arn_names_secret(text, s)) return &s;
  }
  return nullptr;
}

struct Use {
  const model::Secret* secret;
  const model::TaskDefinition* td;
};

std::vector<Use> used_secrets(const model::Stack& stack) {
  std::vector<Use> out;
  auto add = [&](const model::TaskDefinition& td, const model::Str& from) {
    const model::Secret* s = secret_of(stack, td.id.scope, from);
    if (!s) return;
    for (const auto& u : out) {
      if (u.secret == s) return;
    }
    out.push_back({s, &td});
  };
  for (const auto& td : stack.task_definitions) {
    for (const auto& c : td.containers) {
      for (const auto& r : c.secrets) add(td, r.value_from);
      for (const auto& r : c.log_configuration.secret_options) add(td, r.value_from);
      add(td, c.repository_credentials);
    }
  }
  // Report in the order the secrets are declared (deterministic output).
  std::sort(out.begin(), out.end(), [](const Use& a, const Use& b) { return a.secret < b.secret; });
  return out;
}

struct Rotation {
  const model::RotationSchedule* found = nullptr;
  // A schedule of the same template whose SecretId is not known (a parameter, a value of
  // something other than a secret of the template): it may rotate this secret.
  const model::RotationSchedule* maybe = nullptr;
};

Rotation rotation_of(const model::Stack& stack, const model::Secret& s) {
  Rotation out;
  for (const auto& r : stack.rotation_schedules) {
    if (r.id.scope != s.id.scope) continue;
    const auto& sid = r.secret_id;
    if (std::find(sid.refs.begin(), sid.refs.end(), s.id.name) != sid.refs.end()) {
      out.found = &r;
      return out;
    }
    if (sid.known() && s.name.known() &&
        (sid.value == s.name.value || arn_names_secret(sid.value, s))) {
      out.found = &r;
      return out;
    }
    if (sid.unknown() && !out.maybe &&
        std::none_of(sid.refs.begin(), sid.refs.end(), [&](const std::string& ref) {
          return stack.find<model::Secret>(s.id.scope, ref);
        })) {
      out.maybe = &r;
    }
  }
  return out;
}

// "rate(30 days)" -> 30; hours and minutes -> 0 (well within any limit); otherwise -1.
long long rate_days(std::string_view expr) {
  static const RE2 kRate(R"(\s*rate\(\s*(\d+)\s+(day|days|hour|hours|minute|minutes)\s*\)\s*)");
  long long n = 0;
  std::string unit;
  if (!RE2::FullMatch(expr, kRate, &n, &unit)) return -1;
  return unit.rfind("day", 0) == 0 ? n : 0;
}

void check_rotation(const model::Stack& stack, const Use& use, engine::CheckContext& ctx) {
  const model::Secret& s = *use.secret;
  const auto& o = ctx.options();
  const Rotation rotation = rotation_of(stack, s);
  const model::RotationSchedule* r = rotation.found;
  if (!r) {
    if (matches_any(o.rotation_exempt_secrets, s.id.name) ||
        (s.name.known() && matches_any(o.rotation_exempt_secrets, s.name.value))) {
      return;
    }
    if (rotation.maybe) {
      const auto& sid = rotation.maybe->secret_id;
      ctx.unknown({}, "RotationSchedule",
                  msg::ctr009::RotationUnknown{.secret = s.id.name,
                                               .task_definition = task_definition_label(*use.td),
                                               .schedule = rotation.maybe->id.name,
                                               .reason = sid.reason});
      return;
    }
    ctx.fail({}, "RotationSchedule",
             msg::ctr009::NoRotation{.secret = s.id.name,
                                     .task_definition = task_definition_label(*use.td)});
    return;
  }
  const long long max_days = o.secret_rotation_max_days;
  ctx.set_subject(r->id);  // the interval is a property of the rotation schedule
  const auto& days = r->automatically_after_days;
  if (days.unknown()) {
    ctx.unknown(days.loc, "RotationRules.AutomaticallyAfterDays", days.reason);
  } else if (days.known() && days.value > max_days) {
    ctx.fail(
        days.loc, "RotationRules.AutomaticallyAfterDays",
        msg::ctr009::DaysTooLong{
            .schedule = r->id.name, .secret = s.id.name, .days = days.value, .max_days = max_days});
  }
  const auto& expr = r->schedule_expression;
  if (expr.unknown()) {
    ctx.unknown(expr.loc, "RotationRules.ScheduleExpression", expr.reason);
  } else if (expr.known() && rate_days(expr.value) > max_days) {
    ctx.fail(expr.loc, "RotationRules.ScheduleExpression",
             msg::ctr009::RateTooLong{.schedule = r->id.name,
                                      .secret = s.id.name,
                                      .expression = expr.value,
                                      .max_days = max_days});
  }
  ctx.set_subject(s.id);
}

void check_kms(const Use& use, engine::CheckContext& ctx) {
  const model::Secret& s = *use.secret;
  const auto& k = s.kms_key_id;
  if (k.unknown()) {
    if (k.refs.empty()) ctx.unknown(k.loc, "KmsKeyId", k.reason);
    return;  // a Ref / GetAtt to a key of the template: a customer managed key
  }
  if (k.absent()) {
    ctx.warn(k.loc, "KmsKeyId", msg::ctr009::NoKmsKey{.secret = s.id.name});
    return;
  }
  const std::string v = core::to_lower(core::trim(k.value));
  if (v == "alias/aws/secretsmanager" || v.ends_with(":alias/aws/secretsmanager")) {
    ctx.warn(k.loc, "KmsKeyId", msg::ctr009::AwsManagedKey{.secret = s.id.name});
  }
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  for (const auto& use : used_secrets(stack)) {
    ctx.set_subject(use.secret->id);
    check_rotation(stack, use, ctx);
    check_kms(use, ctx);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef secret_rotation;
const engine::CheckDef secret_rotation{
    .id = "CTR-009",
    .rationale = i18n::Id::kCtr009Rationale,
    .remediation =
        {
            .cdk = "const key = new kms.Key(this, 'SecretsKey', { enableKeyRotation: true });\n"
                   "const dbSecret = new secretsmanager.Secret(this, 'DbSecret', { "
                   "encryptionKey: key });\n"
                   "dbSecret.addRotationSchedule('Rotation', {\n"
                   "  hostedRotation: secretsmanager.HostedRotation.postgreSqlSingleUser(),\n"
                   "  automaticallyAfter: Duration.days(30),\n"
                   "});",
            .cloudformation = "DbSecret:\n"
                              "  Type: AWS::SecretsManager::Secret\n"
                              "  Properties:\n"
                              "    KmsKeyId: !Ref SecretsKey\n"
                              "DbSecretRotation:\n"
                              "  Type: AWS::SecretsManager::RotationSchedule\n"
                              "  Properties:\n"
                              "    SecretId: !Ref DbSecret\n"
                              "    RotationLambdaARN: !GetAtt RotationFunction.Arn\n"
                              "    RotationRules:\n"
                              "      AutomaticallyAfterDays: 30",
            .terraform = "resource \"aws_secretsmanager_secret\" \"db\" {\n"
                         "  kms_key_id = aws_kms_key.secrets.arn\n"
                         "}\n"
                         "resource \"aws_secretsmanager_secret_rotation\" \"db\" {\n"
                         "  secret_id           = aws_secretsmanager_secret.db.id\n"
                         "  rotation_lambda_arn = aws_lambda_function.rotate.arn\n"
                         "  rotation_rules { automatically_after_days = 30 }\n"
                         "}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::container
