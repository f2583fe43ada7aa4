// CTR-003 Containers are not privileged (Security Hub ECS.4).
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const auto& p = c.privileged;
  const std::string path = container_path(td, c) + ".Privileged";
  if (p.unknown()) {
    ctx.unknown(p.loc, path, p.reason);
    return;
  }
  if (p.known() && p.value) {
    ctx.fail(p.loc, path,
             "container '" + container_label(td, c) +
                 "' runs privileged: it gets every capability and the host's devices");
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef privileged;
const engine::CheckDef privileged{
    .id = "CTR-003",
    .rationale =
        "A privileged container runs with all Linux capabilities and access to host devices, so "
        "a compromise of the application is a compromise of the host. Fargate rejects privileged "
        "containers; on EC2 or ECS Managed Instances capacity the same task definition would run.",
    .remediation =
        {
            .cdk = "new ecs.ContainerDefinition(this, 'App', { /* ... */ privileged: false });\n"
                   "// or simply omit `privileged` (default false)",
            .cloudformation = "ContainerDefinitions:\n  - Name: app\n    Privileged: false  # or "
                              "remove the property",
            .terraform = "container_definitions = jsonencode([{\n  name       = \"app\"\n  "
                         "privileged = false\n}])",
        },
    .inputs = kInputs,
    .on_container = run,
};

}  // namespace ecsguard::checks::container
