// LOG-010 ECS clusters have Container Insights enabled (Security Hub ECS.12).
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

void run(const model::Cluster& cl, engine::CheckContext& ctx) {
  const auto& ci = cl.container_insights;
  const std::string path = "ClusterSettings[containerInsights]";
  const std::string name = cl.cluster_name.known() && !cl.cluster_name.value.empty()
                               ? cl.cluster_name.value
                               : cl.id.name;
  if (ci.unknown()) {
    ctx.unknown(ci.loc, path, ci.reason);
    return;
  }
  if (ci.absent()) {
    // Statically the account default (disabled unless changed) is not known: FAIL.
    ctx.fail(cl.settings_loc, path, msg::log010::NotSet{.cluster = name});
    return;
  }
  if (ci.on) return;  // enabled or enhanced, any case (the builder normalised it)
  ctx.fail(ci.loc, path, msg::log010::Disabled{.cluster = name, .value = ci.value});
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef container_insights;
const engine::CheckDef container_insights{
    .id = "LOG-010",
    .rationale = i18n::Id::kLog010Rationale,
    .remediation =
        {
            .cdk = "new ecs.Cluster(this, 'Cluster', {\n  vpc,\n  containerInsightsV2: "
                   "ecs.ContainerInsights.ENHANCED,  // or ENABLED\n});",
            .cloudformation = "Cluster:\n  Type: AWS::ECS::Cluster\n  Properties:\n"
                              "    ClusterSettings:\n      - Name: containerInsights\n"
                              "        Value: enhanced  # or enabled",
            .terraform = "resource \"aws_ecs_cluster\" \"main\" {\n  name = \"main\"\n"
                         "  setting {\n    name  = \"containerInsights\"\n"
                         "    value = \"enhanced\"  # or \"enabled\"\n  }\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Cluster, &run>,
};

}  // namespace ecsguard::checks::logging
