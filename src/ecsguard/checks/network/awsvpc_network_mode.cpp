// NET-001 Task definition uses awsvpc network mode (never host) (Security Hub ECS.17).
#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

constexpr std::string_view kNetworkModes[] = {"awsvpc", "bridge", "host", "none"};

struct Compat {
  bool fargate = false;
  bool ec2_like = false;  // EC2 or ECS Managed Instances: awsvpc is available there too
  bool unknown = false;
};

// RequiresCompatibilities; absent means EC2 (the RegisterTaskDefinition default).
Compat compatibilities(const model::TaskDefinition& td) {
  Compat c;
  const auto& rc = td.requires_compatibilities;
  if (rc.absent()) {
    c.ec2_like = true;
    return c;
  }
  if (rc.unknown()) {
    c.unknown = true;
    return c;
  }
  for (const auto& e : rc.value) {
    if (!e.known()) {
      c.unknown = true;
    } else if (e.value == "FARGATE") {  // case-sensitive, like every ECS enum
      c.fargate = true;
    } else if (e.value == "EC2" || e.value == "MANAGED_INSTANCES") {
      c.ec2_like = true;
    }
  }
  if (rc.value.empty()) c.ec2_like = true;
  return c;
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
  const Compat c = compatibilities(td);
  if (c.fargate) {
    if (nm.known()) {
      ctx.fail(nm.loc, path, msg::net001::FargateMode{.task_definition = name, .mode = nm.value});
    } else {
      ctx.fail(nm.loc, path, msg::net001::FargateNone{.task_definition = name});
    }
  } else if (c.unknown) {
    const auto& rc = td.requires_compatibilities;
    if (rc.reason.empty()) {
      ctx.unknown(rc.loc, "RequiresCompatibilities", msg::net001::CompatibilitiesUnknown{});
    } else {
      ctx.unknown(rc.loc, "RequiresCompatibilities", rc.reason);
    }
  } else if (c.ec2_like) {
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
    .on_task_definition = run,
};

}  // namespace ecsguard::checks::network
