// LOG-003 CloudTrail logs encrypted with KMS (Security Hub CloudTrail.2).
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

void run(const model::Trail& t, engine::CheckContext& ctx) {
  if (t.kms_key_id.absent()) {
    ctx.fail({}, "KMSKeyId", msg::log003::NoKms{.trail = t.id.name});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef cloudtrail_kms;
const engine::CheckDef cloudtrail_kms{
    .id = "LOG-003",
    .rationale = i18n::Id::kLog003Rationale,
    .remediation =
        {
            .cdk = "new cloudtrail.Trail(this, 'Trail', { encryptionKey: trailKey });",
            .cloudformation = "Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n"
                              "    KMSKeyId: !GetAtt TrailKey.Arn",
            .terraform = "resource \"aws_cloudtrail\" \"main\" {\n"
                         "  kms_key_id = aws_kms_key.trail.arn\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Trail, &run>,
};

}  // namespace ecsguard::checks::logging
