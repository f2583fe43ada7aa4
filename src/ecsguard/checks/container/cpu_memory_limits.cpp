// CTR-013 Task and container CPU/memory limits are set.
#include <re2/re2.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// Valid Fargate task sizes. Source: Amazon ECS Developer Guide, "Amazon ECS task definition
// parameters for Fargate" - Task size, and "Troubleshoot Amazon ECS task definition invalid CPU
// or memory errors" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/
// task-cpu-memory-error.html): memory in MiB for each cpu value; 8 and 16 vCPU need Linux
// platform version 1.4.0; Windows supports 1, 2 and 4 vCPU only.
struct Size {
  long long cpu;
  long long mem_min;
  long long mem_max;
  long long mem_step;
  bool windows;
};
constexpr Size kFargateSizes[] = {
    {256, 512, 2048, 0, false},      // 512, 1024, 2048 (listed below)
    {512, 1024, 4096, 1024, false},  // 1-4 GB
    {1024, 2048, 8192, 1024, true},  // 2-8 GB
    {2048, 4096, 16384, 1024, true},   {4096, 8192, 30720, 1024, true},
    {8192, 16384, 61440, 4096, false}, {16384, 32768, 122880, 8192, false},
};

bool valid_memory(const Size& s, long long mem) {
  if (s.cpu == 256) return mem == 512 || mem == 1024 || mem == 2048;
  return mem >= s.mem_min && mem <= s.mem_max && (mem - s.mem_min) % s.mem_step == 0;
}

std::string valid_list(const Size& s) {
  if (s.cpu == 256) return "512, 1024 or 2048";
  return std::to_string(s.mem_min) + " to " + std::to_string(s.mem_max) + " in steps of " +
         std::to_string(s.mem_step);
}

// "1024" | "1 vCPU" | ".25 vcpu" -> CPU units; "2048" | "2 GB" | "0.5GB" -> MiB.
std::optional<long long> parse_units(std::string_view text, std::string_view unit) {
  static const RE2 kRe(R"(\s*(\d+(?:\.\d+)?|\.\d+)\s*([A-Za-z]*)\s*)");
  std::string number, suffix;
  if (!RE2::FullMatch(text, kRe, &number, &suffix)) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
  if (ec != std::errc() || end != number.data() + number.size() || v > 1e9) return std::nullopt;
  if (!suffix.empty()) {
    if (!core::iequals(suffix, unit)) return std::nullopt;
    v *= 1024;
  }
  if (v != std::floor(v)) return std::nullopt;
  return static_cast<long long>(v);
}

void check_task_size(const model::TaskDefinition& td, Tri fargate, engine::CheckContext& ctx) {
  const std::string name = "task definition '" + task_definition_label(td) + "'";
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
                 name + " requires FARGATE but sets no task-level " + core::to_lower(prop) +
                     "; Fargate needs both cpu and memory");
      } else {
        ctx.unknown({}, prop,
                    compatibilities_reason(td) + ", and " + name + " sets no task-level " +
                        core::to_lower(prop));
      }
    }
  }
  if (missing) return;
  const auto cpu = parse_units(td.cpu.value, "vcpu");
  const auto mem = parse_units(td.memory.value, "gb");
  auto report = [&](core::Loc at, std::string prop, std::string text) {
    if (fargate == Tri::kYes) {
      ctx.fail(at, std::move(prop), std::move(text));
    } else {
      ctx.unknown(at, std::move(prop), compatibilities_reason(td) + ", and on Fargate: " + text);
    }
  };
  if (!cpu) {
    report(td.cpu.loc, "Cpu", name + " sets cpu '" + td.cpu.value + "', which is not a CPU value");
    return;
  }
  if (!mem) {
    report(td.memory.loc, "Memory",
           name + " sets memory '" + td.memory.value + "', which is not a memory value");
    return;
  }
  // "4 GB (4096 MiB)" when written in another unit.
  const auto as_written = [](const model::Str& v, long long n, std::string_view unit) {
    const std::string text(core::trim(v.value));
    const std::string num = std::to_string(n);
    return text == num ? num + std::string(unit) : text + " (" + num + std::string(unit) + ")";
  };
  const bool windows = os_family(td) == OsFamily::kWindows;
  for (const auto& s : kFargateSizes) {
    if (s.cpu != *cpu) continue;
    if (windows && !s.windows) {
      report(td.cpu.loc, "Cpu",
             name + " sets cpu " + std::to_string(*cpu) +
                 ", which Fargate does not offer for Windows (1024, 2048 or 4096)");
      return;
    }
    if (!valid_memory(s, *mem)) {
      report(td.memory.loc, "Memory",
             name + " sets memory " + as_written(td.memory, *mem, " MiB") +
                 ", which Fargate does not offer with cpu " + std::to_string(*cpu) +
                 " (valid: " + valid_list(s) + " MiB)");
    }
    return;
  }
  report(td.cpu.loc, "Cpu",
         name + " sets cpu " + as_written(td.cpu, *cpu, "") +
             ", which is not a Fargate task size (256, 512, 1024, 2048, 4096, 8192 or 16384)");
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  const Tri fargate = fargate_compatible(td);
  // A bare container-definition file: the task size is set where the task definition is.
  if (fargate != Tri::kNo && !td.containers_only) check_task_size(td, fargate, ctx);

  // A container without memory limit or reservation can starve the others of the task.
  if (td.containers.size() < 2) return;
  for (const auto& c : td.containers) {
    if (!c.memory.absent() || !c.memory_reservation.absent()) continue;
    ctx.set_subject(td.id, &c);
    ctx.warn({}, container_path(td, c) + ".Memory",
             "container '" + container_label(td, c) + "' of multi-container task definition '" +
                 task_definition_label(td) +
                 "' sets neither memory nor memoryReservation, so it can take the memory the "
                 "other containers need");
  }
  ctx.set_subject(td.id);
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef cpu_memory_limits;
const engine::CheckDef cpu_memory_limits{
    .id = "CTR-013",
    .rationale =
        "Limits keep one task or container from exhausting the resources others need: a "
        "runaway or attacked process that eats all memory takes its neighbours down with it. "
        "Fargate requires task-level cpu and memory from a fixed table of sizes and rejects "
        "other values at registration or deployment; in tasks with sidecars, give each "
        "container a memory limit or reservation so one cannot starve the application.",
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
    .on_task_definition = run,
};

}  // namespace ecsguard::checks::container
