// CTR-005 Host PID and IPC namespaces are not shared (Security Hub ECS.3).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// Case-sensitive ECS enums: "HOST" is rejected, not read as host.
constexpr std::string_view kPidModes[] = {"host", "task"};
constexpr std::string_view kIpcModes[] = {"host", "task", "none"};

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  const std::string name = task_definition_label(td);
  const auto& pid = td.pid_mode;
  if (pid.unknown()) {
    ctx.unknown(pid.loc, "PidMode", pid.reason);
  } else if (pid.known() && !is_one_of(pid.value, kPidModes)) {
    ctx.fail(pid.loc, "PidMode",
             invalid_value_message(msg::common::TaskDefinition{.name = name}, "pidMode", pid.value,
                                   kPidModes));
  } else if (pid.known() && pid.value == "host") {
    ctx.fail(pid.loc, "PidMode", msg::ctr005::PidHost{.task_definition = name});
  } else if (pid.known() && pid.value == "task") {
    // Needed by ptrace-based runtime sensors; otherwise an unnecessary widening.
    ctx.warn(pid.loc, "PidMode", msg::ctr005::PidTask{.task_definition = name},
             core::Severity::kLow);
  }
  const auto& ipc = td.ipc_mode;
  if (ipc.unknown()) {
    ctx.unknown(ipc.loc, "IpcMode", ipc.reason);
  } else if (ipc.known() && !is_one_of(ipc.value, kIpcModes)) {
    ctx.fail(ipc.loc, "IpcMode",
             invalid_value_message(msg::common::TaskDefinition{.name = name}, "ipcMode", ipc.value,
                                   kIpcModes));
  } else if (ipc.known() && ipc.value == "host") {
    ctx.fail(ipc.loc, "IpcMode", msg::ctr005::IpcHost{.task_definition = name});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef host_namespaces;
const engine::CheckDef host_namespaces{
    .id = "CTR-005",
    .rationale = i18n::Id::kCtr005Rationale,
    .remediation =
        {
            .cdk = "new ecs.Ec2TaskDefinition(this, 'Task', {\n"
                   "  // omit pidMode and ipcMode (private namespaces), never ecs.PidMode.HOST / "
                   "ecs.IpcMode.HOST\n"
                   "});",
            .cloudformation = "Type: AWS::ECS::TaskDefinition\n"
                              "Properties:\n"
                              "  # remove PidMode: host and IpcMode: host\n"
                              "  ContainerDefinitions: [...]",
            .terraform = "resource \"aws_ecs_task_definition\" \"app\" {\n"
                         "  # remove pid_mode = \"host\" and ipc_mode = \"host\"\n"
                         "}",
        },
    .inputs = kInputs,
    .run = engine::per<model::TaskDefinition, &run>,
};

}  // namespace ecsguard::checks::container
