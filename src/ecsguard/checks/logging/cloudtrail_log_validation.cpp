// LOG-002 CloudTrail log file validation enabled (Security Hub CloudTrail.4).
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

void run(const model::Trail& t, engine::CheckContext& ctx) {
  const model::FlexBool& v = t.log_file_validation;
  if (v.unknown()) {
    ctx.unknown(v.loc, "EnableLogFileValidation", v.reason);
  } else if (!v.known() || !v.value) {
    ctx.fail(v.loc, "EnableLogFileValidation", msg::log002::NoValidation{.trail = t.id.name});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef cloudtrail_log_validation;
const engine::CheckDef cloudtrail_log_validation{
    .id = "LOG-002",
    .rationale = i18n::Id::kLog002Rationale,
    .remediation =
        {
            .cdk = "new cloudtrail.Trail(this, 'Trail', { enableFileValidation: true });",
            .cloudformation = "Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n"
                              "    EnableLogFileValidation: true",
            .terraform = "resource \"aws_cloudtrail\" \"main\" {\n"
                         "  enable_log_file_validation = true\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Trail, &run>,
};

}  // namespace ecsguard::checks::logging
