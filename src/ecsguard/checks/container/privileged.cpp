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
    ctx.fail(p.loc, path, msg::ctr003::Privileged{.container = container_label(td, c)});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef privileged;
const engine::CheckDef privileged{
    .id = "CTR-003",
    .rationale = i18n::Id::kCtr003Rationale,
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
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
