// LOG-006 GuardDuty Runtime Monitoring for ECS Fargate (automated agent management) enabled.
#include <string_view>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/logging/account_level.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

constexpr std::string_view kRuntime = "RUNTIME_MONITORING";
constexpr std::string_view kFargateAgent = "ECS_FARGATE_AGENT_MANAGEMENT";

// Is the feature `name` in `features` ENABLED? Unknown when an entry's name or status is not known.
Tri enabled(const std::vector<model::DetectorFeature>& features, std::string_view name,
            const model::DetectorFeature** found) {
  Tri out = Tri::kNo;
  for (const auto& f : features) {
    if (!f.name.known()) {
      out = tri_or(out, Tri::kUnknown);
      continue;
    }
    if (f.name.value != name) continue;
    *found = &f;
    if (!f.status.known()) return Tri::kUnknown;
    return core::tri_of(f.status.value == "ENABLED");
  }
  return out;
}

// The reason of the first feature entry whose name or status is not known.
std::string unknown_reason(const std::vector<model::DetectorFeature>& features) {
  for (const auto& f : features) {
    if (f.name.unknown()) return f.name.reason;
    if (f.status.unknown()) return f.status.reason;
    std::string inner = unknown_reason(f.additional);
    if (!inner.empty()) return inner;
  }
  return {};
}

// Runtime Monitoring with the Fargate agent managed by GuardDuty.
Tri covers_fargate(const model::GuardDutyDetector& d, std::string_view& missing) {
  const model::DetectorFeature* runtime = nullptr;
  const Tri on = enabled(d.features, kRuntime, &runtime);
  missing = kRuntime;
  if (on != Tri::kYes || runtime == nullptr) return on;
  const model::DetectorFeature* agent = nullptr;
  missing = kFargateAgent;
  return enabled(runtime->additional, kFargateAgent, &agent);
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  if (stack.guardduty_detectors.empty()) {
    control_not_scanned(stack, msg::stack::GuarddutyDetector{}, ctx);
    return;
  }
  for (const auto& d : stack.guardduty_detectors) {
    std::string_view missing;
    if (covers_fargate(d, missing) == Tri::kYes) return;
  }
  for (const auto& d : stack.guardduty_detectors) {
    ctx.set_subject(d.id);
    std::string_view missing;
    const Tri covered = covers_fargate(d, missing);
    const core::Loc at = d.features_loc;
    if (covered == Tri::kUnknown) {
      ctx.unknown(at, "Features", unknown_reason(d.features));
    } else {
      ctx.fail(at, "Features",
               msg::log006::RuntimeOff{.detector = d.id.name, .feature = std::string(missing)});
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef guardduty_runtime_monitoring;
const engine::CheckDef guardduty_runtime_monitoring{
    .id = "LOG-006",
    .rationale = i18n::Id::kLog006Rationale,
    .remediation =
        {
            .cdk = "new guardduty.CfnDetector(this, 'Detector', {\n  enable: true,\n"
                   "  features: [{ name: 'RUNTIME_MONITORING', status: 'ENABLED',\n"
                   "    additionalConfiguration: [{ name: 'ECS_FARGATE_AGENT_MANAGEMENT', "
                   "status: 'ENABLED' }] }],\n});",
            .cloudformation = "Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n"
                              "    Enable: true\n    Features:\n"
                              "      - Name: RUNTIME_MONITORING\n        Status: ENABLED\n"
                              "        AdditionalConfiguration:\n"
                              "          - Name: ECS_FARGATE_AGENT_MANAGEMENT\n"
                              "            Status: ENABLED",
            .terraform = "resource \"aws_guardduty_detector_feature\" \"runtime\" {\n"
                         "  detector_id = aws_guardduty_detector.main.id\n"
                         "  name        = \"RUNTIME_MONITORING\"\n  status      = \"ENABLED\"\n"
                         "  additional_configuration {\n"
                         "    name   = \"ECS_FARGATE_AGENT_MANAGEMENT\"\n"
                         "    status = \"ENABLED\"\n  }\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::logging
