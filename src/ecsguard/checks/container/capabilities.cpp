// CTR-006 Linux capabilities: drop ALL, add none (SYS_PTRACE only for a declared runtime-security
// sensor).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// Capabilities that amount to (nearly) full host control on EC2 capacity: reported HIGH.
constexpr std::string_view kDangerous[] = {"ALL",        "SYS_ADMIN",       "NET_ADMIN", "NET_RAW",
                                           "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF"};

// "cap_sys_admin" -> "SYS_ADMIN".
std::string cap_name(std::string_view s) {
  std::string out;
  for (char ch : core::trim(s)) {
    out.push_back((ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch);
  }
  if (out.rfind("CAP_", 0) == 0) out.erase(0, 4);
  return out;
}

void check_add(const model::TaskDefinition& td, const model::Container& c,
               engine::CheckContext& ctx) {
  const auto& add = c.capabilities_add;
  const std::string base = container_path(td, c) + ".LinuxParameters.Capabilities.Add";
  const std::string name = container_label(td, c);
  if (add.unknown()) {
    ctx.unknown(add.loc, base, add.reason);
    return;
  }
  if (!add.known()) return;
  const auto& sensors = ctx.options().runtime_sensor_containers;
  for (const auto& cap : add.value) {
    if (cap.unknown()) {
      ctx.unknown(cap.loc, base + "[?]", cap.reason);
      continue;
    }
    if (!cap.known()) continue;
    const std::string n = cap_name(cap.value);
    const std::string prop = base + "[" + n + "]";
    if (n == "SYS_PTRACE") {
      if (c.name.known() && matches_any(sensors, c.name.value)) continue;
      if (c.name.unknown() && !sensors.empty()) {
        ctx.unknown(cap.loc, prop, msg::ctr006::SensorNameUnknown{.reason = c.name.reason});
        continue;
      }
      ctx.fail(cap.loc, prop, msg::ctr006::PtraceNotSensor{.container = name});
      continue;
    }
    bool dangerous = false;
    for (const auto d : kDangerous) dangerous = dangerous || n == d;
    if (dangerous) {
      ctx.fail(cap.loc, prop, msg::ctr006::DangerousCap{.container = name, .capability = n},
               core::Severity::kHigh);
    } else {
      ctx.fail(cap.loc, prop, msg::ctr006::OtherCap{.container = name, .capability = n});
    }
  }
}

void check_drop(const model::TaskDefinition& td, const model::Container& c,
                engine::CheckContext& ctx) {
  const auto& drop = c.capabilities_drop;
  const std::string prop = container_path(td, c) + ".LinuxParameters.Capabilities.Drop";
  if (drop.unknown()) {
    ctx.unknown(drop.loc, prop, drop.reason);
    return;
  }
  bool unknown = false;
  std::string reason;
  if (drop.known()) {
    for (const auto& cap : drop.value) {
      if (cap.known() && cap_name(cap.value) == "ALL") return;
      if (cap.unknown() && !unknown) {
        unknown = true;
        reason = cap.reason;
      }
    }
  }
  if (unknown) {
    ctx.unknown(drop.loc, prop, reason);
    return;
  }
  ctx.warn(drop.loc, prop, msg::ctr006::NoDropAll{.container = container_label(td, c)});
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  if (analysis::os_family(td) == analysis::OsFamily::kWindows)
    return;  // linuxParameters: Linux only
  if (c.linux_parameters_state == model::Presence::kUnknown) {
    ctx.unknown(c.capabilities_drop.loc, container_path(td, c) + ".LinuxParameters",
                msg::ctr006::LinuxParametersUnknown{});
    return;
  }
  check_add(td, c, ctx);
  check_drop(td, c, ctx);
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef capabilities;
const engine::CheckDef capabilities{
    .id = "CTR-006",
    .rationale = i18n::Id::kCtr006Rationale,
    .remediation =
        {
            .cdk = "const linuxParameters = new ecs.LinuxParameters(this, 'AppLinuxParameters');\n"
                   "linuxParameters.dropCapabilities(ecs.Capability.ALL);\n"
                   "taskDefinition.addContainer('App', { image, linuxParameters });",
            .cloudformation = "ContainerDefinitions:\n"
                              "  - Name: app\n"
                              "    LinuxParameters:\n"
                              "      Capabilities:\n"
                              "        Drop: [ALL]",
            .terraform = "container_definitions = jsonencode([{\n"
                         "  name            = \"app\"\n"
                         "  linuxParameters = { capabilities = { drop = [\"ALL\"], add = [] } }\n"
                         "}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
