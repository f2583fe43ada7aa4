// CTR-015 ECS Exec disabled by default; enabled only for exempted services and then logged.
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

void run(const model::Service& s, engine::CheckContext& ctx) {
  const auto& e = s.enable_execute_command;
  constexpr std::string_view kProp = "EnableExecuteCommand";
  if (e.unknown()) {
    ctx.unknown(e.loc, std::string(kProp), e.reason);
    return;
  }
  if (!(e.known() && e.value)) return;  // default false
  const auto& o = ctx.options();
  const std::string name = "service '" + service_label(s) + "'";
  const bool exempt =
      matches_any(o.exec_exempt_services, s.id.name) ||
      (s.service_name.known() && matches_any(o.exec_exempt_services, s.service_name.value));
  if (exempt) {
    // Allowed, but then the sessions must be logged.
    const model::Cluster* cluster = cluster_of(ctx.stack(), s.id.scope, s.cluster);
    if (!cluster) return;
    const auto& logging = cluster->exec_logging;
    const core::Loc at = logging.loc.valid() ? logging.loc : e.loc;
    if (logging.unknown()) {
      ctx.unknown(at, std::string(kProp),
                  name + " is allowed to use ECS Exec, and whether cluster '" + cluster->id.name +
                      "' logs the sessions is not known (ExecuteCommandConfiguration.Logging: " +
                      logging.reason + ")");
    } else if (logging.known() && logging.value == "NONE") {
      ctx.warn(at, std::string(kProp),
               name + " is allowed to use ECS Exec, but cluster '" + cluster->id.name +
                   "' sets ExecuteCommandConfiguration.Logging to NONE, so sessions are not "
                   "logged");
    }
    return;
  }
  const std::string text =
      name +
      " enables ECS Exec and is not in the exemption list (option "
      "exec_exempt_services): whoever may call ecs:ExecuteCommand gets an interactive "
      "shell in its running containers";
  if (o.production_environment) {
    ctx.fail(e.loc, std::string(kProp), text);
  } else {
    ctx.warn(e.loc, std::string(kProp), text);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef ecs_exec;
const engine::CheckDef ecs_exec{
    .id = "CTR-015",
    .rationale =
        "ECS Exec opens an interactive shell in running containers for anyone allowed to call "
        "ecs:ExecuteCommand: on production services it is an administrative back door that "
        "bypasses the deployment pipeline, and with a read-only root filesystem it is not even "
        "supported. Keep it off by default, enable it only for services that need break-glass "
        "access, and then log every session (LOG-014) and restrict who may start one "
        "(IAM-009, IAM-010).",
    .remediation =
        {
            .cdk = "new ecs.FargateService(this, 'Service', {\n"
                   "  cluster, taskDefinition,\n"
                   "  enableExecuteCommand: false,  // the default\n"
                   "});",
            .cloudformation = "Service:\n"
                              "  Type: AWS::ECS::Service\n"
                              "  Properties:\n"
                              "    EnableExecuteCommand: false  # or remove the property",
            .terraform = "resource \"aws_ecs_service\" \"app\" {\n"
                         "  enable_execute_command = false\n"
                         "}",
        },
    .inputs = kInputs,
    .on_service = run,
};

}  // namespace ecsguard::checks::container
