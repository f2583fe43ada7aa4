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

i18n::Message valid_list(const Size& s) {
  if (s.cpu == 256) return msg::ctr013::Valid256{};
  return msg::ctr013::ValidRange{.min = s.mem_min, .max = s.mem_max, .step = s.mem_step};
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
  const auto cpu = parse_units(td.cpu.value, "vcpu");
  const auto mem = parse_units(td.memory.value, "gb");
  auto report = [&](core::Loc at, std::string prop, i18n::Message text) {
    if (fargate == Tri::kYes) {
      ctx.fail(at, std::move(prop), text);
    } else {
      ctx.unknown(at, std::move(prop),
                  msg::ctr013::MaybeFargate{.reason = compatibilities_reason(td),
                                            .problem = std::move(text)});
    }
  };
  if (!cpu) {
    report(td.cpu.loc, "Cpu",
           msg::ctr013::CpuNotValue{.task_definition = name(), .value = td.cpu.value});
    return;
  }
  if (!mem) {
    report(td.memory.loc, "Memory",
           msg::ctr013::MemoryNotValue{.task_definition = name(), .value = td.memory.value});
    return;
  }
  // "4 GB (4096 MiB)" when written in another unit.
  const auto as_written = [](const model::Str& v, long long n, std::string_view unit) {
    const std::string text(core::trim(v.value));
    const std::string num = std::to_string(n);
    return text == num ? num + std::string(unit) : text + " (" + num + std::string(unit) + ")";
  };
  const bool windows = analysis::os_family(td) == analysis::OsFamily::kWindows;
  for (const auto& s : kFargateSizes) {
    if (s.cpu != *cpu) continue;
    if (windows && !s.windows) {
      report(td.cpu.loc, "Cpu", msg::ctr013::WindowsCpu{.task_definition = name(), .cpu = *cpu});
      return;
    }
    if (!valid_memory(s, *mem)) {
      report(td.memory.loc, "Memory",
             msg::ctr013::MemoryInvalid{.task_definition = name(),
                                        .memory = as_written(td.memory, *mem, " MiB"),
                                        .cpu = *cpu,
                                        .valid = valid_list(s)});
    }
    return;
  }
  report(td.cpu.loc, "Cpu",
         msg::ctr013::CpuInvalid{.task_definition = name(), .cpu = as_written(td.cpu, *cpu, "")});
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
