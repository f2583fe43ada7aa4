// LOG-004 CloudTrail delivers to CloudWatch Logs (Security Hub CloudTrail.5).
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

void run(const model::Trail& t, engine::CheckContext& ctx) {
  if (t.cloudwatch_logs_group_arn.absent()) {
    ctx.fail({}, "CloudWatchLogsLogGroupArn", msg::log004::NoCloudwatch{.trail = t.id.name});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef cloudtrail_cloudwatch;
const engine::CheckDef cloudtrail_cloudwatch{
    .id = "LOG-004",
    .rationale = i18n::Id::kLog004Rationale,
    .remediation =
        {
            .cdk = "new cloudtrail.Trail(this, 'Trail', {\n  sendToCloudWatchLogs: true,\n"
                   "  cloudWatchLogsRetention: logs.RetentionDays.ONE_YEAR,\n});",
            .cloudformation = "Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n"
                              "    CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn\n"
                              "    CloudWatchLogsRoleArn: !GetAtt TrailLogsRole.Arn",
            .terraform =
                "resource \"aws_cloudtrail\" \"main\" {\n"
                "  cloud_watch_logs_group_arn = \"${aws_cloudwatch_log_group.trail.arn}:*\"\n"
                "  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Trail, &run>,
};

}  // namespace ecsguard::checks::logging
