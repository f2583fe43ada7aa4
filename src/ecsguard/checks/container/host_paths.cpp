// CTR-016 No sensitive host paths or the Docker socket mounted (EC2 capacity).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// Host paths that give a container control over the instance (the path itself or below it;
// "/" only itself). /run/docker.sock is where /var/run/docker.sock points.
constexpr std::string_view kSensitive[] = {"/proc",
                                           "/sys",
                                           "/dev",
                                           "/etc",
                                           "/root",
                                           "/boot",
                                           "/var/run/docker.sock",
                                           "/run/docker.sock",
                                           "/var/lib/ecs",
                                           "/var/lib/docker",
                                           "/var/run/containerd",
                                           "/run/containerd"};

bool sensitive(std::string_view path) {
  const std::string p = normalize_path(path);
  if (p == "/") return true;
  for (const auto s : kSensitive) {
    if (path_covers(s, p)) return true;
  }
  return false;
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  const Tri fargate = fargate_only(td);
  if (fargate == Tri::kYes) return;  // NOT_APPLICABLE: Fargate has no host volumes
  for (std::size_t i = 0; i < td.volumes.size(); ++i) {
    const auto& v = td.volumes[i];
    const auto& src = v.host_source_path;
    const std::string label = v.name.known() ? v.name.value : "#" + std::to_string(i + 1);
    const std::string prop = "Volumes[" + label + "].Host.SourcePath";
    if (src.unknown()) {
      ctx.unknown(src.loc, prop, src.reason);
      continue;
    }
    if (!src.known() || !sensitive(src.value)) continue;
    const std::string text = "volume '" + label + "' of task definition '" +
                             task_definition_label(td) + "' mounts the host path " +
                             normalize_path(src.value) +
                             ", which gives its containers control over the instance";
    if (fargate == Tri::kUnknown) {
      ctx.unknown(
          src.loc, prop,
          compatibilities_reason(td) + " (host volumes exist on EC2 capacity only), and " + text);
    } else {
      ctx.fail(src.loc, prop, text);
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef host_paths;
const engine::CheckDef host_paths{
    .id = "CTR-016",
    .rationale =
        "On EC2 capacity a bind mount of a host path gives the container the host's files: the "
        "Docker socket or /var/lib/docker means full control of every container on the "
        "instance, /proc, /sys, /dev and /etc allow changing the host itself, and /var/lib/ecs "
        "holds the ECS agent's credentials and state. Fargate does not support host paths, so "
        "Fargate-only task definitions are not affected.",
    .remediation =
        {
            .cdk = "taskDefinition.addVolume({ name: 'data' });  // task-scoped, no host "
                   "sourcePath\n"
                   "// or an EFS volume: efsVolumeConfiguration: { fileSystemId, "
                   "transitEncryption: 'ENABLED' }",
            .cloudformation = "Volumes:\n"
                              "  - Name: data  # no Host.SourcePath: a task-scoped volume\n"
                              "# never Host: { SourcePath: /var/run/docker.sock }",
            .terraform = "volume {\n"
                         "  name = \"data\"  # no host_path\n"
                         "}",
        },
    .inputs = kInputs,
    .on_task_definition = run,
};

}  // namespace ecsguard::checks::container
