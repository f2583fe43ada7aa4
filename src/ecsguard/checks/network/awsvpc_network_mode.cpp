// NET-001 Task definition uses awsvpc network mode (never host) (Security Hub ECS.17).
#include <algorithm>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

constexpr std::string_view kNetworkModes[] = {"awsvpc", "bridge", "host", "none"};

// EC2 or ECS Managed Instances (where awsvpc is available too) among requiresCompatibilities;
// absent or empty means EC2 (the RegisterTaskDefinition default). Case-sensitive, like every ECS
// enum. Whether the task definition is Fargate-compatible is analysis::fargate_compatible.
bool ec2_like(const model::TaskDefinition& td) {
  const auto& rc = td.requires_compatibilities;
  if (rc.absent()) return true;
  if (!rc.known()) return false;
  if (rc.value.empty()) return true;
  return std::any_of(rc.value.begin(), rc.value.end(), [](const model::Str& e) {
    return e.known() && (e.value == "EC2" || e.value == "MANAGED_INSTANCES");
  });
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  if (td.containers_only) return;  // the network mode is set where the task definition is
  const auto& nm = td.network_mode;
  const std::string path = "NetworkMode";
  const std::string name = task_definition_label(td);
  if (nm.unknown()) {
    ctx.unknown(nm.loc, path, nm.reason);
    return;
  }
  // Case-sensitive: ECS rejects "AWSVPC" or "Host" (the deployment fails).
  const std::string mode = nm.known() ? nm.value : std::string();
  if (nm.known() && !is_one_of(mode, kNetworkModes)) {
    ctx.fail(nm.loc, path,
             invalid_value_message(msg::common::TaskDefinition{.name = name}, "NetworkMode",
                                   nm.value, kNetworkModes));
    return;
  }
  if (mode == "awsvpc") return;
  if (mode == "host") {
    ctx.fail(nm.loc, path, msg::net001::HostMode{.task_definition = name});
    return;
  }
  const Tri fargate = analysis::fargate_compatible(td);
  if (fargate == Tri::kYes) {
    if (nm.known()) {
      ctx.fail(nm.loc, path, msg::net001::FargateMode{.task_definition = name, .mode = nm.value});
    } else {
      ctx.fail(nm.loc, path, msg::net001::FargateNone{.task_definition = name});
    }
  } else if (fargate == Tri::kUnknown) {
    const auto& rc = td.requires_compatibilities;
    if (rc.reason.empty()) {
      ctx.unknown(rc.loc, "RequiresCompatibilities", msg::net001::CompatibilitiesUnknown{});
    } else {
      ctx.unknown(rc.loc, "RequiresCompatibilities", rc.reason);
    }
  } else if (ec2_like(td)) {
    if (nm.known()) {
      ctx.warn(nm.loc, path, msg::net001::Ec2Mode{.task_definition = name, .mode = nm.value});
    } else {
      ctx.warn(nm.loc, path, msg::net001::Ec2None{.task_definition = name});
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef awsvpc_network_mode;
const engine::CheckDef awsvpc_network_mode{
    .id = "NET-001",
    .rationale = i18n::Id::kNet001Rationale,
    .remediation =
        {
            .cdk = "// Fargate task definitions always use awsvpc:\n"
                   "new ecs.FargateTaskDefinition(this, 'Task', { cpu: 256, memoryLimitMiB: 512 });"
                   "\n// EC2 task definitions: set it explicitly\n"
                   "new ecs.Ec2TaskDefinition(this, 'Ec2Task', { networkMode: "
                   "ecs.NetworkMode.AWS_VPC });",
            .cloudformation = "TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n"
                              "    NetworkMode: awsvpc\n    RequiresCompatibilities: [FARGATE]",
            .terraform = "resource \"aws_ecs_task_definition\" \"app\" {\n"
                         "  network_mode             = \"awsvpc\"\n"
                         "  requires_compatibilities = [\"FARGATE\"]\n  # ...\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::TaskDefinition, &run>,
};

}  // namespace ecsguard::checks::network
