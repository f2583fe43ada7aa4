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
  const auto name = [&] { return msg::common::Service{.name = service_label(s)}; };
  const bool exempt =
      matches_any(o.exec_exempt_services, s.id.name) ||
      (s.service_name.known() && matches_any(o.exec_exempt_services, s.service_name.value));
  if (exempt) {
    // Allowed, but then the sessions must be logged.
    const model::Cluster* cluster = ctx.links().cluster_of(s.id.scope, s.cluster);
    if (!cluster) return;
    const auto& logging = cluster->exec_logging;
    const core::Loc at = logging.loc.valid() ? logging.loc : e.loc;
    if (logging.unknown()) {
      ctx.unknown(at, std::string(kProp),
                  msg::ctr015::ExemptLoggingUnknown{
                      .service = name(), .cluster = cluster->id.name, .reason = logging.reason});
    } else if (logging.known() && logging.value == "NONE") {
      ctx.warn(at, std::string(kProp),
               msg::ctr015::ExemptLoggingNone{.service = name(), .cluster = cluster->id.name});
    }
    return;
  }
  if (o.production_environment) {
    ctx.fail(e.loc, std::string(kProp), msg::ctr015::ExecEnabled{.service = name()});
  } else {
    ctx.warn(e.loc, std::string(kProp), msg::ctr015::ExecEnabled{.service = name()});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef ecs_exec;
const engine::CheckDef ecs_exec{
    .id = "CTR-015",
    .rationale = i18n::Id::kCtr015Rationale,
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
    .run = engine::per<model::Service, &run>,
};

}  // namespace ecsguard::checks::container
