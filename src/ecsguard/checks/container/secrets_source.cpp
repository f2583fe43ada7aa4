// CTR-008 Sensitive values injected via 'secrets' from Secrets Manager or SSM SecureString,
// readable only by the execution role.
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// An SSM parameter of the same scope, by logical id (Ref / GetAtt / Sub) or by its known Name
// (`name` is a parameter name or the part of an ARN after ":parameter").
const model::SsmParameter* ssm_by_name(const model::Stack& stack, model::ScopeId scope,
                                       std::string_view name) {
  if (name.empty()) return nullptr;
  for (const auto& p : stack.ssm_parameters) {
    if (p.id.scope != scope || !p.name.known()) continue;
    const std::string_view pn = p.name.value;
    if (pn == name || ("/" + std::string(pn)) == name) return &p;
  }
  return nullptr;
}

struct Verdict {
  core::Status status = core::Status::kPass;
  i18n::Message text{};  // fail message tail / unknown reason
};

Verdict judge_parameter(const model::SsmParameter& p) {
  const auto& t = p.type;
  if (t.unknown()) {
    return {core::Status::kUnknown,
            msg::ctr008::SsmTypeUnknown{.parameter = p.id.name, .reason = t.reason}};
  }
  // Case-sensitive: String | StringList | SecureString.
  if (t.known() && t.value == "SecureString") return {};
  if (t.known() && t.value != "String" && t.value != "StringList") {
    return {core::Status::kFail,
            msg::ctr008::SsmTypeInvalid{.parameter = p.id.name, .type = t.value}};
  }
  return {core::Status::kFail,
          msg::ctr008::SsmPlain{.parameter = p.id.name,
                                .type = t.known() ? t.value : std::string("String")}};
}

Verdict judge(const model::Stack& stack, model::ScopeId scope, const model::Str& from) {
  // References to resources of this template.
  for (const auto& ref : from.refs) {
    if (stack.find<model::Secret>(scope, ref)) return {};
    if (const auto* p = stack.find<model::SsmParameter>(scope, ref)) return judge_parameter(*p);
  }
  const std::string text = known_text(from);
  if (text.find(":secretsmanager:") != std::string::npos) return {};
  const auto param = text.find(":parameter/");
  const bool ssm_arn = text.find(":ssm:") != std::string::npos && param != std::string::npos;
  if (from.known()) {
    const std::string_view v = core::trim(from.value);
    std::string_view name;
    if (ssm_arn) {
      name = std::string_view(v).substr(v.find(":parameter/") + 10);  // keeps the leading '/'
    } else if (!core::starts_with_i(v, "arn:")) {
      name = v;  // an SSM parameter name in the task's region
    } else {
      return {core::Status::kFail, msg::ctr008::NotSecretArn{}};
    }
    if (const auto* p = ssm_by_name(stack, scope, name)) return judge_parameter(*p);
    return {core::Status::kUnknown, msg::ctr008::SsmNotDeclared{.parameter = name}};
  }
  if (ssm_arn) {
    // A partially known ARN whose parameter name is known ("arn:${AWS::Partition}:ssm:...:
    // parameter/prod/api-key"): look the parameter up by that name.
    const auto tail = from.value.find(":parameter/");
    if (tail != std::string::npos) {
      const std::string name = from.value.substr(tail + 10);
      if (!has_unknown_segment(name)) {
        if (const auto* p = ssm_by_name(stack, scope, name)) return judge_parameter(*p);
      }
    }
    return {core::Status::kUnknown, msg::ctr008::SsmArnUnknown{.reason = from.reason}};
  }
  return {core::Status::kUnknown, msg::ctr008::ValueFromUnknown{.reason = from.reason}};
}

void check_refs(const model::TaskDefinition& td, const model::Container& c,
                const std::vector<model::SecretRef>& refs, std::string_view what,
                engine::CheckContext& ctx) {
  for (const auto& s : refs) {
    if (s.value_from.absent()) continue;  // registration fails; nothing to judge
    const std::string var = s.name.known() ? s.name.value : std::string("?");
    const std::string prop = container_path(td, c) + "." + std::string(what) + "[" + var + "]";
    const core::Loc at = s.value_from.loc.valid() ? s.value_from.loc : s.loc;
    Verdict v = judge(ctx.stack(), td.id.scope, s.value_from);
    if (v.status == core::Status::kFail) {
      ctx.fail(
          at, prop + ".ValueFrom",
          msg::ctr008::SecretProblem{
              .secret = var, .container = container_label(td, c), .problem = std::move(v.text)});
    } else if (v.status == core::Status::kUnknown) {
      ctx.unknown(at, prop + ".ValueFrom", v.text);
    }
  }
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  check_refs(td, c, c.secrets, "Secrets", ctx);
  check_refs(td, c, c.log_configuration.secret_options, "LogConfiguration.SecretOptions", ctx);
  const bool injects = !c.secrets.empty() || !c.log_configuration.secret_options.empty();
  // (A bare container-definition file has its executionRoleArn where the task definition is.)
  if (injects && td.execution_role_arn.absent() && !td.containers_only) {
    ctx.fail({}, container_path(td, c) + ".Secrets",
             msg::ctr008::NoExecutionRole{.container = container_label(td, c)});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef secrets_source;
const engine::CheckDef secrets_source{
    .id = "CTR-008",
    .rationale = i18n::Id::kCtr008Rationale,
    .remediation =
        {
            .cdk = "const dbSecret = new secretsmanager.Secret(this, 'DbSecret');\n"
                   "taskDefinition.addContainer('App', {\n"
                   "  image,\n"
                   "  secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbSecret) },\n"
                   "});  // CDK grants the execution role read access to exactly this secret",
            .cloudformation = "DbSecret:\n"
                              "  Type: AWS::SecretsManager::Secret\n"
                              "  Properties:\n"
                              "    GenerateSecretString: { PasswordLength: 32 }\n"
                              "# in the container definition:\n"
                              "Secrets:\n"
                              "  - Name: DB_PASSWORD\n"
                              "    ValueFrom: !Ref DbSecret",
            .terraform = "resource \"aws_ssm_parameter\" \"db_password\" {\n"
                         "  name = \"/app/db_password\"\n"
                         "  type = \"SecureString\"\n"
                         "  value = var.db_password\n"
                         "}\n"
                         "# container_definitions: secrets = [{ name = \"DB_PASSWORD\", "
                         "valueFrom = aws_ssm_parameter.db_password.arn }]",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
