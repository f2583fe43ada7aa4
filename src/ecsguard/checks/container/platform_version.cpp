// CTR-010 Fargate services/task sets run on platform version LATEST (or the latest numbered
// version) (Security Hub ECS.10).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

template <class Label>
void judge(const analysis::Links& links, const model::ResourceId& id, const Label& label,
           const model::Str& pv, const model::Str& task_definition, Tri fargate,
           engine::CheckContext& ctx) {
  if (pv.absent()) return;  // default LATEST
  // PlatformVersion applies only to Fargate: when the launch type is not known, a pinned version
  // still means Fargate (anything else fails to deploy), so only a definite "not Fargate" skips.
  if (fargate == Tri::kNo) return;
  if (pv.unknown()) {
    ctx.unknown(pv.loc, "PlatformVersion", pv.reason);
    return;
  }
  const std::string_view v = core::trim(pv.value);
  if (core::iequals(v, "LATEST")) return;
  const auto& o = ctx.options();
  const auto* td = links.referenced<model::TaskDefinition>(id.scope, task_definition);
  const analysis::OsFamily os = td ? analysis::os_family(*td) : analysis::OsFamily::kLinux;
  const bool latest_linux = v == o.latest_platform_linux;
  const bool latest_windows = v == o.latest_platform_windows;
  if (os == analysis::OsFamily::kUnknown && latest_linux != latest_windows) {
    ctx.unknown(pv.loc, "PlatformVersion", msg::ctr010::OsUnknown{.version = v});
    return;
  }
  const bool windows = os == analysis::OsFamily::kWindows;
  if (windows ? latest_windows : latest_linux) return;
  if (windows) {
    ctx.fail(pv.loc, "PlatformVersion",
             msg::ctr010::PinnedWindows{
                 .subject = label(), .version = v, .latest = o.latest_platform_windows});
  } else {
    ctx.fail(pv.loc, "PlatformVersion",
             msg::ctr010::PinnedLinux{
                 .subject = label(), .version = v, .latest = o.latest_platform_linux});
  }
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  const analysis::Links& links = ctx.links();
  for (const auto& s : stack.services) {
    ctx.set_subject(s.id);
    judge(
        links, s.id, [&] { return msg::common::Service{.name = service_label(s)}; },
        s.platform_version, s.task_definition, analysis::launches_on_fargate(links, s), ctx);
  }
  for (const auto& t : stack.task_sets) {
    ctx.set_subject(t.id);
    judge(
        links, t.id, [&] { return msg::common::TaskSet{.name = t.id.name}; }, t.platform_version,
        t.task_definition, analysis::launches_on_fargate(links, t), ctx);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef platform_version;
const engine::CheckDef platform_version{
    .id = "CTR-010",
    .rationale = i18n::Id::kCtr010Rationale,
    .remediation =
        {
            .cdk = "new ecs.FargateService(this, 'Service', {\n"
                   "  cluster, taskDefinition,\n"
                   "  platformVersion: ecs.FargatePlatformVersion.LATEST,  // or omit it\n"
                   "});",
            .cloudformation = "Service:\n"
                              "  Type: AWS::ECS::Service\n"
                              "  Properties:\n"
                              "    LaunchType: FARGATE\n"
                              "    PlatformVersion: LATEST  # or remove the property",
            .terraform = "resource \"aws_ecs_service\" \"app\" {\n"
                         "  launch_type      = \"FARGATE\"\n"
                         "  platform_version = \"LATEST\"\n"
                         "}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::container
