#pragma once
// Fargate task sizes, shared by CTR-013 (limits set) and CTR-018 (ECS accepts the pair).
// Header-only: every .cpp listed in ecsguard_add_checks() is a check.
//
// Source: Amazon ECS Developer Guide, "Amazon ECS task definition parameters for Fargate" - Task
// size, and "Troubleshoot Amazon ECS task definition invalid CPU or memory errors"
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html): memory
// in MiB for each cpu value; 8 and 16 vCPU need Linux platform version 1.4.0; Windows supports 1,
// 2 and 4 vCPU only.
#include <re2/re2.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ecsguard/analysis/launch.h"
#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"

namespace ecsguard::checks::container {

struct FargateSize {
  long long cpu;
  long long mem_min;
  long long mem_max;
  long long mem_step;
  bool windows;
};
inline constexpr FargateSize kFargateSizes[] = {
    {256, 512, 2048, 0, false},      // 512, 1024, 2048 (listed in valid_memory)
    {512, 1024, 4096, 1024, false},  // 1-4 GB
    {1024, 2048, 8192, 1024, true},  // 2-8 GB
    {2048, 4096, 16384, 1024, true},   {4096, 8192, 30720, 1024, true},
    {8192, 16384, 61440, 4096, false}, {16384, 32768, 122880, 8192, false},
};

inline bool valid_memory(const FargateSize& s, long long mem) {
  if (s.cpu == 256) return mem == 512 || mem == 1024 || mem == 2048;
  return mem >= s.mem_min && mem <= s.mem_max && (mem - s.mem_min) % s.mem_step == 0;
}

inline const FargateSize* fargate_size(long long cpu) {
  for (const auto& s : kFargateSizes) {
    if (s.cpu == cpu) return &s;
  }
  return nullptr;
}

// The valid memory sizes of `s`, for messages.
inline i18n::Message valid_list(const FargateSize& s) {
  if (s.cpu == 256) return msg::ctr013::Valid256{};
  return msg::ctr013::ValidRange{.min = s.mem_min, .max = s.mem_max, .step = s.mem_step};
}

// "1024" | "1 vCPU" | ".25 vcpu" -> CPU units; "2048" | "2 GB" | "0.5GB" -> MiB.
inline std::optional<long long> parse_units(std::string_view text, std::string_view unit) {
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

// What Fargate refuses in the known cpu / memory pair of `td` (a message naming the task
// definition, and whether it is about cpu), nullopt when Fargate offers the pair.
struct SizeProblem {
  bool on_cpu = false;
  i18n::Message text;
};
inline std::optional<SizeProblem> fargate_size_problem(const model::TaskDefinition& td) {
  const auto name = [&] { return msg::common::TaskDefinition{.name = task_definition_label(td)}; };
  const auto cpu = parse_units(td.cpu.value, "vcpu");
  if (!cpu) {
    return SizeProblem{true,
                       msg::ctr013::CpuNotValue{.task_definition = name(), .value = td.cpu.value}};
  }
  const auto mem = parse_units(td.memory.value, "gb");
  if (!mem) {
    return SizeProblem{
        false, msg::ctr013::MemoryNotValue{.task_definition = name(), .value = td.memory.value}};
  }
  // "4 GB (4096 MiB)" when written in another unit.
  const auto as_written = [](const model::Str& v, long long n, std::string_view unit) {
    const std::string text(core::trim(v.value));
    const std::string num = std::to_string(n);
    return text == num ? num + std::string(unit) : text + " (" + num + std::string(unit) + ")";
  };
  const FargateSize* s = fargate_size(*cpu);
  if (s == nullptr) {
    return SizeProblem{true, msg::ctr013::CpuInvalid{.task_definition = name(),
                                                     .cpu = as_written(td.cpu, *cpu, "")}};
  }
  if (analysis::os_family(td) == analysis::OsFamily::kWindows && !s->windows) {
    return SizeProblem{true, msg::ctr013::WindowsCpu{.task_definition = name(), .cpu = *cpu}};
  }
  if (valid_memory(*s, *mem)) return std::nullopt;
  return SizeProblem{false,
                     msg::ctr013::MemoryInvalid{.task_definition = name(),
                                                .memory = as_written(td.memory, *mem, " MiB"),
                                                .cpu = *cpu,
                                                .valid = valid_list(*s)}};
}

}  // namespace ecsguard::checks::container
