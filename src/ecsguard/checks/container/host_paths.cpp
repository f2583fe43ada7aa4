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
  const Tri fargate = analysis::fargate_only(td);
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
    i18n::Message text = msg::ctr016::SensitivePath{.volume = label,
                                                    .task_definition = task_definition_label(td),
                                                    .path = normalize_path(src.value)};
    if (fargate == Tri::kUnknown) {
      ctx.unknown(
          src.loc, prop,
          msg::ctr016::MaybeEc2{.reason = compatibilities_reason(td), .problem = std::move(text)});
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
    .rationale = i18n::Id::kCtr016Rationale,
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
    .run = engine::per<model::TaskDefinition, &run>,
};

}  // namespace ecsguard::checks::container
