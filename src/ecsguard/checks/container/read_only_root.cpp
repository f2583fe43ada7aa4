// CTR-001 Every container has a read-only root filesystem (Security Hub ECS.5).
#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const analysis::OsFamily os = analysis::os_family(td);
  if (os == analysis::OsFamily::kWindows) return;  // NOT_APPLICABLE: Windows has no read-only root
  const auto& r = c.readonly_root_filesystem;
  const std::string path = container_path(td, c) + ".ReadonlyRootFilesystem";
  const std::string name = container_label(td, c);
  if (r.unknown()) {
    ctx.unknown(r.loc, path, r.reason);
    return;
  }
  if (r.known() && r.value) {
    // CloudFormation converts strings (every parameter is one); the ECS API and Terraform's
    // container_definitions JSON expect a boolean, so there the builder marks the string a smell.
    if (r.string_for_boolean) {
      ctx.warn(r.loc, path, msg::ctr001::BoolAsString{.container = name}, core::Severity::kLow);
    }
    return;
  }
  if (os == analysis::OsFamily::kUnknown) {
    ctx.unknown(td.operating_system_family.loc, path,
                msg::ctr001::OsUnknown{.reason = td.operating_system_family.reason});
    return;
  }
  if (r.absent()) {
    ctx.fail(r.loc, path, msg::ctr001::Absent{.container = name});
  } else if (r.from_string) {
    ctx.fail(r.loc, path, msg::ctr001::FalseString{.container = name});
  } else {
    ctx.fail(r.loc, path, msg::ctr001::False{.container = name});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef read_only_root;
const engine::CheckDef read_only_root{
    .id = "CTR-001",
    .rationale = i18n::Id::kCtr001Rationale,
    .remediation =
        {
            .cdk =
                "taskDefinition.addContainer('App', {\n"
                "  image: ecs.ContainerImage.fromEcrRepository(repo, tag),\n"
                "  readonlyRootFilesystem: true,\n"
                "});\n"
                "// give the app a writable /tmp: taskDefinition.addVolume({ name: 'tmp' }) and\n"
                "// container.addMountPoints({ sourceVolume: 'tmp', containerPath: '/tmp', "
                "readOnly: false })",
            .cloudformation = "ContainerDefinitions:\n"
                              "  - Name: app\n"
                              "    ReadonlyRootFilesystem: true\n"
                              "    MountPoints:\n"
                              "      - SourceVolume: tmp\n"
                              "        ContainerPath: /tmp\n"
                              "        ReadOnly: false\n"
                              "Volumes:\n"
                              "  - Name: tmp",
            .terraform = "container_definitions = jsonencode([{\n"
                         "  name                   = \"app\"\n"
                         "  readonlyRootFilesystem = true\n"
                         "  mountPoints = [{ sourceVolume = \"tmp\", containerPath = \"/tmp\", "
                         "readOnly = false }]\n"
                         "}])\n"
                         "volume { name = \"tmp\" }",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
