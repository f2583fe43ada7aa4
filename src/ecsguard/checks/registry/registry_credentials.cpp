// REG-011 Credentials for non-ECR private registries come from Secrets Manager via
// repositoryCredentials (Security Hub ECS.8).
#include <string>

#include "ecsguard/checks/registry/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::registry {

namespace {

// Environment names that carry registry credentials (the ECS agent's ECS_ENGINE_AUTH_DATA and the
// usual Docker login variables; ECS_ENGINE_AUTH_TYPE only names the format).
constexpr std::string_view kCredentialNames[] = {
    "ECS_ENGINE_AUTH_DATA", "DOCKER_AUTH_CONFIG", "DOCKER*_PASSWORD",    "DOCKER*_TOKEN",
    "REGISTRY*_PASSWORD",   "REGISTRY*_TOKEN",    "*_REGISTRY_PASSWORD", "*_REGISTRY_TOKEN",
};

// Does the variable's name carry registry credentials? A partly known name ("${P}_REGISTRY_TOKEN")
// is judged on its known text: kYes when it matches whatever the unknown segments are, kUnknown
// when they could make it match. A wholly unknown name is not judged here (CTR-007 reports a
// literal under an unknown name).
Tri credential_name(const model::Str& name) {
  if (name.known()) {
    for (auto g : kCredentialNames) {
      if (glob_match(g, name.value)) return Tri::kYes;
    }
    return Tri::kNo;
  }
  if (!name.unknown() || !has_known_text(name.value)) return Tri::kNo;
  Tri out = Tri::kNo;
  for (auto g : kCredentialNames) {
    if (glob_match(g, name.value)) return Tri::kYes;  // '*' spans the unknown segments
    if (glob_may_match(g, name.value)) out = Tri::kUnknown;
  }
  return out;
}

void judge_credentials_parameter(const model::TaskDefinition& td, const model::Container& c,
                                 engine::CheckContext& ctx) {
  const auto& p = c.repository_credentials;
  if (p.absent()) return;
  const std::string path = container_path(c) + ".RepositoryCredentials.CredentialsParameter";
  const core::Loc at = p.loc.valid() ? p.loc : c.repository_credentials_loc;
  for (const auto& r : p.refs) {
    if (ctx.stack().find<model::Secret>(td.id.scope, r)) return;  // an AWS::SecretsManager::Secret
  }
  if (p.value.find(":secretsmanager:") != std::string::npos) return;
  if (p.unknown() && p.refs.empty() && !has_known_text(p.value)) {
    ctx.unknown(at, path, p.reason);
    return;
  }
  const auto shown = [&]() -> i18n::Value {
    if (p.known()) return "'" + p.value + "'";
    return msg::reg011::References{.target = p.refs.empty() ? printable(p.value) : p.refs.front()};
  };
  ctx.fail(
      at, path,
      msg::reg011::CredentialsParameter{.container = container_label(c), .credentials = shown()});
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  judge_credentials_parameter(td, c, ctx);
  const auto& img = c.image;
  if (img.absent()) return;
  const auto who = [&] { return msg::common::Container{.name = container_label(c)}; };
  const ImageRef ref = has_known_text(img.value) ? c.image_ref : ImageRef{};
  if (ref.kind == RegistryKind::kEcr || ref.kind == RegistryKind::kEcrPublic) return;
  if (!ref.userinfo.empty()) {
    ctx.fail(img.loc, container_path(c) + ".Image", msg::reg011::Userinfo{.subject = who()});
  }
  // One finding per container, at the first variable that carries credentials.
  const model::KeyValue* first = nullptr;
  const model::KeyValue* maybe = nullptr;  // a partly known name that may carry credentials
  std::string names;
  for (const auto& kv : c.environment) {
    const Tri t = credential_name(kv.name);
    if (t == Tri::kUnknown && !maybe) maybe = &kv;
    if (t != Tri::kYes) continue;
    if (!first) first = &kv;
    names += (names.empty() ? "" : ", ") + printable(kv.name.value);
  }
  if (!first && maybe) {
    ctx.unknown(maybe->loc.valid() ? maybe->loc : maybe->name.loc,
                container_path(c) + ".Environment[" + printable(maybe->name.value) + "]",
                msg::reg011::NamePartlyKnown{.variable = printable(maybe->name.value),
                                             .subject = who(),
                                             .reason = maybe->name.reason});
    return;
  }
  if (!first) return;
  const std::string path = container_path(c) + ".Environment[" + printable(first->name.value) + "]";
  const core::Loc at = first->loc.valid() ? first->loc : first->name.loc;
  if (ref.kind == RegistryKind::kUnknown) {
    ctx.unknown(at, path, msg::reg011::RegistryUnknown{.names = names});
  } else {
    ctx.fail(at, path,
             msg::reg011::PlaintextEnv{.subject = who(), .names = names, .registry = ref.registry});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef registry_credentials;
const engine::CheckDef registry_credentials{
    .id = "REG-011",
    .rationale = i18n::Id::kReg011Rationale,
    .remediation =
        {
            .cdk = "const creds = secretsmanager.Secret.fromSecretNameV2(this, 'RegistryCreds', "
                   "'registry/acme');\ntaskDefinition.addContainer('App', {\n  image: "
                   "ecs.ContainerImage.fromRegistry('registry.example.com/team/app:1.4.2', { "
                   "credentials: creds }),\n});",
            .cloudformation = "ContainerDefinitions:\n  - Name: app\n"
                              "    Image: registry.example.com/team/app:1.4.2\n"
                              "    RepositoryCredentials:\n"
                              "      CredentialsParameter: !Ref RegistryCredentialsSecret",
            .terraform = "container_definitions = jsonencode([{\n  name  = \"app\"\n"
                         "  image = \"registry.example.com/team/app:1.4.2\"\n"
                         "  repositoryCredentials = {\n    credentialsParameter = "
                         "aws_secretsmanager_secret.registry.arn\n  }\n}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::registry
