// CTR-017 dockerSecurityOptions do not disable confinement (EC2 capacity).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// "Seccomp=Unconfined" -> "seccomp:unconfined" (ECS writes "label:disable", Docker "=").
std::string normalized(std::string_view s) {
  std::string out = core::to_lower(core::trim(s));
  for (char& ch : out) {
    if (ch == '=') ch = ':';
  }
  return out;
}

constexpr std::string_view kUnconfined[] = {"seccomp:unconfined", "apparmor:unconfined",
                                            "label:disable"};

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const Tri fargate = analysis::fargate_only(td);
  if (fargate == Tri::kYes) return;  // NOT_APPLICABLE on Fargate
  if (analysis::os_family(td) == analysis::OsFamily::kWindows)
    return;  // Linux security modules only
  const auto& opts = c.docker_security_options;
  const std::string base = container_path(td, c) + ".DockerSecurityOptions";
  const std::string name = container_label(td, c);
  const auto ec2_unknown = [&](i18n::Message problem) {
    return msg::ctr017::MaybeEc2{.reason = compatibilities_reason(td),
                                 .problem = std::move(problem)};
  };
  if (opts.unknown()) {
    ctx.unknown(opts.loc, base, opts.reason);
    return;
  }
  bool no_new_privileges = false;
  bool unknown_element = false;
  if (opts.known()) {
    for (const auto& o : opts.value) {
      if (o.unknown()) {
        ctx.unknown(o.loc, base + "[?]", o.reason);
        unknown_element = true;
        continue;
      }
      if (!o.known()) continue;
      const std::string n = normalized(o.value);
      if (n == "no-new-privileges" || n == "no-new-privileges:true") no_new_privileges = true;
      for (const auto u : kUnconfined) {
        if (n != u) continue;
        i18n::Message text =
            msg::ctr017::Unconfined{.container = name, .option = core::trim(o.value)};
        if (fargate == Tri::kUnknown) {
          ctx.unknown(o.loc, base + "[" + n + "]", ec2_unknown(std::move(text)));
        } else {
          ctx.fail(o.loc, base + "[" + n + "]", text);
        }
      }
    }
  }
  if (no_new_privileges || unknown_element) return;
  i18n::Message text = msg::ctr017::NoNewPrivileges{.container = name};
  if (fargate == Tri::kUnknown) {
    ctx.unknown(opts.loc, base, ec2_unknown(std::move(text)));
  } else {
    ctx.warn(opts.loc, base, text);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef docker_security_options;
const engine::CheckDef docker_security_options{
    .id = "CTR-017",
    .rationale = i18n::Id::kCtr017Rationale,
    .remediation =
        {
            .cdk = "taskDefinition.addContainer('App', {\n"
                   "  image,\n"
                   "  dockerSecurityOptions: ['no-new-privileges'],\n"
                   "});",
            .cloudformation = "ContainerDefinitions:\n"
                              "  - Name: app\n"
                              "    DockerSecurityOptions:\n"
                              "      - no-new-privileges",
            .terraform = "container_definitions = jsonencode([{\n"
                         "  name                  = \"app\"\n"
                         "  dockerSecurityOptions = [\"no-new-privileges\"]\n"
                         "}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
