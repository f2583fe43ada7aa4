// CTR-013 Task and container CPU/memory limits are set.
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/fargate_size.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

void check_task_size(const model::TaskDefinition& td, Tri fargate, engine::CheckContext& ctx) {
  const auto name = [&] { return msg::common::TaskDefinition{.name = task_definition_label(td)}; };
  bool missing = false;
  for (const auto* v : {&td.cpu, &td.memory}) {
    const std::string prop = v == &td.cpu ? "Cpu" : "Memory";
    if (v->unknown()) {
      ctx.unknown(v->loc, prop, v->reason);
      missing = true;
    } else if (v->absent()) {
      missing = true;
      if (fargate == Tri::kYes) {
        ctx.fail({}, prop,
                 msg::ctr013::FargateNoSize{.task_definition = name(),
                                            .property = core::to_lower(prop)});
      } else {
        ctx.unknown({}, prop,
                    msg::ctr013::MaybeFargateNoSize{.reason = compatibilities_reason(td),
                                                    .task_definition = name(),
                                                    .property = core::to_lower(prop)});
      }
    }
  }
  if (missing) return;
  auto report = [&](core::Loc at, std::string prop, i18n::Message text) {
    if (fargate == Tri::kYes) {
      ctx.fail(at, std::move(prop), text);
    } else {
      ctx.unknown(at, std::move(prop),
                  msg::ctr013::MaybeFargate{.reason = compatibilities_reason(td),
                                            .problem = std::move(text)});
    }
  };
  if (auto p = fargate_size_problem(td)) {
    if (p->on_cpu) {
      report(td.cpu.loc, "Cpu", std::move(p->text));
    } else {
      report(td.memory.loc, "Memory", std::move(p->text));
    }
  }
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  const Tri fargate = analysis::fargate_compatible(td);
  // A bare container-definition file: the task size is set where the task definition is.
  if (fargate != Tri::kNo && !td.containers_only) check_task_size(td, fargate, ctx);

  // A container without memory limit or reservation can starve the others of the task.
  if (td.containers.size() < 2) return;
  for (const auto& c : td.containers) {
    if (!c.memory.absent() || !c.memory_reservation.absent()) continue;
    ctx.set_subject(td.id, &c);
    ctx.warn({}, container_path(td, c) + ".Memory",
             msg::ctr013::ContainerNoMemory{.container = container_label(td, c),
                                            .task_definition = task_definition_label(td)});
  }
  ctx.set_subject(td.id);
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef cpu_memory_limits;
const engine::CheckDef cpu_memory_limits{
    .id = "CTR-013",
    .rationale = i18n::Id::kCtr013Rationale,
    .remediation =
        {
            .cdk = "const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {\n"
                   "  cpu: 512,\n"
                   "  memoryLimitMiB: 1024,\n"
                   "});\n"
                   "taskDefinition.addContainer('Sidecar', { image, memoryReservationMiB: 128 });",
            .cloudformation = "Type: AWS::ECS::TaskDefinition\n"
                              "Properties:\n"
                              "  RequiresCompatibilities: [FARGATE]\n"
                              "  Cpu: \"512\"\n"
                              "  Memory: \"1024\"\n"
                              "  ContainerDefinitions:\n"
                              "    - Name: sidecar\n"
                              "      MemoryReservation: 128",
            .terraform = "resource \"aws_ecs_task_definition\" \"app\" {\n"
                         "  requires_compatibilities = [\"FARGATE\"]\n"
                         "  cpu                      = 512\n"
                         "  memory                   = 1024\n"
                         "}",
        },
    .inputs = kInputs,
    .run = engine::per<model::TaskDefinition, &run>,
};

}  // namespace ecsguard::checks::container
