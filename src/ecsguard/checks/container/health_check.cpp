// CTR-014 Essential containers define a task-definition healthCheck (Dockerfile HEALTHCHECK is
// ignored by ECS).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const auto& ess = c.essential;
  if (ess.known() && !ess.value) return;  // only essential containers (default true)
  const std::string path = container_path(td, c) + ".HealthCheck";
  const std::string name = container_label(td, c);
  const auto& hc = c.health_check;
  if (hc.state == model::Presence::kUnknown) {
    ctx.unknown(hc.loc, path, msg::ctr014::Unresolved{});
    return;
  }
  if (hc.state == model::Presence::kKnown) {
    const auto& cmd = hc.command;
    if (cmd.unknown()) {
      ctx.unknown(cmd.loc, path + ".Command", cmd.reason);
      return;
    }
    if (cmd.known() && !cmd.value.empty() && cmd.value.front().unknown()) {
      // The first element decides: NONE disables the check, CMD / CMD-SHELL run a command.
      ctx.unknown(
          cmd.value.front().loc.valid() ? cmd.value.front().loc : cmd.loc, path + ".Command",
          msg::ctr014::FirstElementUnknown{.container = name, .reason = cmd.value.front().reason});
      return;
    }
    const bool disabled = cmd.known() && !cmd.value.empty() && cmd.value.front().known() &&
                          core::iequals(core::trim(cmd.value.front().value), "NONE");
    if (cmd.known() && !cmd.value.empty() && !disabled) return;
    if (ess.unknown()) {
      ctx.unknown(ess.loc, container_path(td, c) + ".Essential", ess.reason);
      return;
    }
    ctx.fail(cmd.loc.valid() ? cmd.loc : hc.loc, path + ".Command",
             disabled ? i18n::Message(msg::ctr014::Disabled{.container = name})
                      : i18n::Message(msg::ctr014::NoCommand{.container = name}));
    return;
  }
  const Tri lb = analysis::fronted_by_load_balancer(ctx.links(), td, c);
  if (lb == Tri::kYes) return;
  if (lb == Tri::kUnknown) {
    ctx.unknown({}, path, msg::ctr014::LbContainerUnknown{.container = name});
    return;
  }
  if (ess.unknown()) {
    ctx.unknown(ess.loc, container_path(td, c) + ".Essential", ess.reason);
    return;
  }
  // Without a scanned service the load balancer side is not seen: say only that.
  if (ctx.links().services_of(td).empty()) {
    ctx.fail({}, path, msg::ctr014::NoHealthCheckNoService{.container = name});
    return;
  }
  ctx.fail({}, path, msg::ctr014::NoHealthCheck{.container = name});
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef health_check;
const engine::CheckDef health_check{
    .id = "CTR-014",
    .rationale = i18n::Id::kCtr014Rationale,
    .remediation =
        {
            .cdk = "taskDefinition.addContainer('App', {\n"
                   "  image,\n"
                   "  healthCheck: {\n"
                   "    command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],\n"
                   "    interval: Duration.seconds(30), retries: 3, startPeriod: "
                   "Duration.seconds(10),\n"
                   "  },\n"
                   "});",
            .cloudformation = "ContainerDefinitions:\n"
                              "  - Name: app\n"
                              "    HealthCheck:\n"
                              "      Command: [CMD-SHELL, \"curl -f http://localhost:8080/health "
                              "|| exit 1\"]\n"
                              "      Interval: 30\n"
                              "      Retries: 3\n"
                              "      StartPeriod: 10",
            .terraform = "container_definitions = jsonencode([{\n"
                         "  name        = \"app\"\n"
                         "  healthCheck = {\n"
                         "    command  = [\"CMD-SHELL\", \"curl -f http://localhost:8080/health "
                         "|| exit 1\"]\n"
                         "    interval = 30\n"
                         "    retries  = 3\n"
                         "  }\n"
                         "}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
