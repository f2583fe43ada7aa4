// LOG-012 Container log groups have retention and KMS encryption (Security Hub CloudWatch.16).
#include <set>
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/logging/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

// The options naming the log group a container ships to, per driver.
struct GroupOptions {
  const model::KeyValue* group = nullptr;   // awslogs-group | log_group_name (FireLens)
  const model::KeyValue* create = nullptr;  // awslogs-create-group | auto_create_group
};

GroupOptions group_options(const model::LogConfiguration& lc) {
  // Driver names are case-sensitive (LOG-011 reports an invalid one).
  const std::string driver = lc.driver.known() ? lc.driver.value : std::string();
  if (driver == "awslogs") return {lc.option("awslogs-group"), lc.option("awslogs-create-group")};
  if (driver == "awsfirelens") {
    const auto* name = lc.option("Name");
    const std::string out = name ? known_lower(name->value) : std::string();
    if (out == "cloudwatch_logs" || out == "cloudwatch") {
      return {lc.option("log_group_name"), lc.option("auto_create_group")};
    }
  }
  return {};
}

void judge_log_group(const model::LogGroup& lg, engine::CheckContext& ctx) {
  ctx.set_subject(lg.id);
  const std::string& name = lg.log_group_name.known() && !lg.log_group_name.value.empty()
                                ? lg.log_group_name.value
                                : lg.id.name;
  const auto who = [&] { return msg::log012::LogGroup{.name = name}; };
  const auto& r = lg.retention_in_days;
  const int min_days = ctx.options().log_retention_min_days;
  if (r.unknown()) {
    ctx.unknown(r.loc, "RetentionInDays", r.reason);
  } else if (r.absent()) {
    ctx.fail({}, "RetentionInDays",
             msg::log012::NoRetention{.subject = who(), .min_days = min_days});
  } else if (r.value < min_days) {
    ctx.fail(r.loc, "RetentionInDays",
             msg::log012::ShortRetention{.subject = who(), .days = r.value, .min_days = min_days});
  }
  const auto& k = lg.kms_key_id;
  if (k.absent()) {
    ctx.warn({}, "KmsKeyId", msg::log012::NoKmsKey{.subject = who()});
  } else if (k.unknown() && k.refs.empty() && !has_known_text(k.value)) {
    ctx.unknown(k.loc, "KmsKeyId", k.reason);
  }
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  std::set<const model::LogGroup*> judged;
  for (const auto& td : stack.task_definitions) {
    for (const auto& c : td.containers) {
      const auto& lc = c.log_configuration;
      if (lc.state != model::Presence::kKnown) continue;  // LOG-011
      const GroupOptions opts = group_options(lc);
      if (!opts.group) continue;  // LOG-011 reports a missing awslogs-group
      const auto& group = opts.group->value;
      if (const auto* lg = ctx.links().log_group_named(td.id.scope, group)) {
        if (judged.insert(lg).second) judge_log_group(*lg, ctx);
        continue;
      }
      ctx.set_subject(td.id, &c);
      const std::string base = container_path(c) + ".LogConfiguration.Options.";
      const auto gname = [&]() -> i18n::Value {
        if (group.known()) return "'" + group.value + "'";
        return msg::log012::GroupNotKnown{};
      };
      if (opts.create) {
        const auto& cv = opts.create->value;
        if (cv.unknown()) {
          ctx.unknown(cv.loc, base + opts.create->name.value, cv.reason);
          continue;
        }
        // Read like the awslogs driver / Fluent Bit read it (Go's strconv.ParseBool: 1, t, T,
        // TRUE, true, True; Fluent Bit also on/yes).
        if (cv.known() && truthy(cv.value)) {
          ctx.fail(cv.loc, base + opts.create->name.value,
                   msg::log012::AutoCreate{.container = container_label(c), .group = gname()});
          continue;
        }
      }
      const std::string path = base + (opts.group->name.known() ? opts.group->name.value : "");
      if (group.unknown()) {
        if (group.refs.empty()) {
          ctx.unknown(group.loc, path, group.reason);
        } else {
          ctx.unknown(group.loc, path, msg::log012::NotTemplateGroup{.reason = group.reason});
        }
      } else if (group.known()) {
        ctx.unknown(group.loc, path, msg::log012::NotDefined{.group = gname()});
      }
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef log_group_retention;
const engine::CheckDef log_group_retention{
    .id = "LOG-012",
    .rationale = i18n::Id::kLog012Rationale,
    .remediation =
        {
            .cdk = "const logGroup = new logs.LogGroup(this, 'AppLogs', {\n  retention: "
                   "logs.RetentionDays.ONE_YEAR,\n  encryptionKey: key,  // a kms.Key whose "
                   "policy allows logs.<region>.amazonaws.com\n});\n// in the container: "
                   "logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app', logGroup })",
            .cloudformation = "AppLogGroup:\n  Type: AWS::Logs::LogGroup\n  Properties:\n"
                              "    RetentionInDays: 365\n    KmsKeyId: !GetAtt LogsKey.Arn\n"
                              "# container: awslogs-group: !Ref AppLogGroup (no "
                              "awslogs-create-group)",
            .terraform = "resource \"aws_cloudwatch_log_group\" \"app\" {\n"
                         "  name              = \"/ecs/app\"\n  retention_in_days = 365\n"
                         "  kms_key_id        = aws_kms_key.logs.arn\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::logging
