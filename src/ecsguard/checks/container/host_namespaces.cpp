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
    ctx.fail(
        pid.loc, "PidMode",
        invalid_value_message("task definition '" + name + "'", "pidMode", pid.value, kPidModes));
  } else if (pid.known() && pid.value == "host") {
    ctx.fail(pid.loc, "PidMode",
             "task definition '" + name +
                 "' sets pidMode host: its containers see and can signal every process on the "
                 "host (Security Hub ECS.3)");
  } else if (pid.known() && pid.value == "task") {
    // Needed by ptrace-based runtime sensors; otherwise an unnecessary widening.
    ctx.warn(pid.loc, "PidMode",
             "task definition '" + name +
                 "' sets pidMode task: its containers see each other's processes; keep it only "
                 "for a runtime security sensor that needs it",
             core::Severity::kLow);
  }
  const auto& ipc = td.ipc_mode;
  if (ipc.unknown()) {
    ctx.unknown(ipc.loc, "IpcMode", ipc.reason);
  } else if (ipc.known() && !is_one_of(ipc.value, kIpcModes)) {
    ctx.fail(
        ipc.loc, "IpcMode",
        invalid_value_message("task definition '" + name + "'", "ipcMode", ipc.value, kIpcModes));
  } else if (ipc.known() && ipc.value == "host") {
    ctx.fail(ipc.loc, "IpcMode",
             "task definition '" + name +
                 "' sets ipcMode host: its containers share the host's IPC namespace (shared "
                 "memory and semaphores of every process on the host)");
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef host_namespaces;
const engine::CheckDef host_namespaces{
    .id = "CTR-005",
    .rationale =
        "Sharing the host's PID namespace lets a container list, trace and signal every process "
        "on the instance, including other tasks and the ECS agent; sharing the IPC namespace "
        "exposes their shared memory. Fargate does not allow either, but the same task "
        "definition can run on EC2 capacity. pidMode task is narrower but still lets the "
        "containers of a task see each other's processes.",
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
    .on_task_definition = run,
};

}  // namespace ecsguard::checks::container
