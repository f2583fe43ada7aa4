// LOG-005 GuardDuty detector enabled (Security Hub GuardDuty.1), judged over every scanned stack.
#include "ecsguard/checks/common.h"
#include "ecsguard/checks/logging/account_level.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  if (stack.guardduty_detectors.empty()) {
    control_not_scanned(stack, msg::stack::GuarddutyDetector{}, ctx);
    return;
  }
  for (const auto& d : stack.guardduty_detectors) {
    if (d.enable.known() && d.enable.value) return;  // an enabled detector covers the account
  }
  for (const auto& d : stack.guardduty_detectors) {
    ctx.set_subject(d.id);
    if (d.enable.unknown()) {
      ctx.unknown(d.enable.loc, "Enable", d.enable.reason);
    } else {
      ctx.fail(d.enable.loc, "Enable",
               msg::log005::Disabled{.detector = d.id.name, .value = flag_text(d.enable, false)});
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef guardduty_enabled;
const engine::CheckDef guardduty_enabled{
    .id = "LOG-005",
    .rationale = i18n::Id::kLog005Rationale,
    .remediation =
        {
            .cdk = "new guardduty.CfnDetector(this, 'Detector', { enable: true });",
            .cloudformation = "Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n"
                              "    Enable: true",
            .terraform = "resource \"aws_guardduty_detector\" \"main\" {\n  enable = true\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::logging
