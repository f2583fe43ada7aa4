// LOG-013 awslogs delivery mode chosen deliberately (non-blocking with buffer, or blocking for
// audit-critical logs).
#include <string>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/logging/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

constexpr std::string_view kModes[] = {"blocking", "non-blocking"};

// Is the container audit-critical: its name matches audit_critical_containers, or it has the
// audit_critical_label Docker label set to true. kUnknown when a label value (or, with name globs
// configured, the container's name) is not known and nothing else settles it.
Tri audit_critical(const model::TaskDefinition& td, const model::Container& c,
                   const engine::CheckOptions& o) {
  Tri out = Tri::kNo;
  if (c.name.known()) {
    const std::string qualified = task_definition_label(td) + "/" + c.name.value;
    for (const auto& g : o.audit_critical_containers) {
      if (glob_match(g, c.name.value) || glob_match(g, qualified)) return Tri::kYes;
    }
  } else if (!o.audit_critical_containers.empty()) {
    out = Tri::kUnknown;
  }
  for (const auto& label : c.docker_labels) {
    if (!label.name.known() || label.name.value != o.audit_critical_label) continue;
    if (label.value.unknown()) {
      out = Tri::kUnknown;
    } else if (label.value.known() && truthy(label.value.value)) {
      return Tri::kYes;
    }
  }
  return out;
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const auto& lc = c.log_configuration;
  if (lc.state != model::Presence::kKnown) return;  // LOG-011
  const std::string path = container_path(c) + ".LogConfiguration.Options.mode";
  const auto who = [&] { return msg::common::Container{.name = container_label(c)}; };
  const auto* mode_kv = lc.option("mode");
  std::string mode;
  core::Loc at = lc.loc;
  bool account_default = false;
  if (mode_kv) {
    if (mode_kv->value.unknown()) {
      ctx.unknown(mode_kv->value.loc, path, mode_kv->value.reason);
      return;
    }
    mode = core::trim(mode_kv->value.value);
    at = mode_kv->value.loc.valid() ? mode_kv->value.loc : mode_kv->loc;
    // Case-sensitive: the driver rejects "Blocking" and the container does not start.
    if (!is_one_of(mode, kModes)) {
      ctx.fail(
          at, path,
          invalid_value_message(who(), msg::log013::ModeOption{}, mode_kv->value.value, kModes));
      return;
    }
  } else {
    mode = core::to_lower(ctx.options().default_log_driver_mode);
    account_default = true;
  }
  const auto origin = [&]() -> i18n::Value {
    if (account_default) return msg::log013::AccountDefault{};
    return "";
  };
  const Tri audit = audit_critical(td, c, ctx.options());
  const auto audit_unknown = [&] {
    return msg::log013::AuditUnknown{.subject = who(), .label = ctx.options().audit_critical_label};
  };
  if (mode == "blocking" && audit != Tri::kYes) {
    const analysis::Exposure& e = ctx.analysis().exposure(td);
    const std::string service = e.service ? service_label(*e.service) : std::string();
    if (e.facing == Tri::kYes && audit == Tri::kNo) {
      ctx.warn(
          at, path,
          msg::log013::BlockingFacing{.subject = who(), .origin = origin(), .service = service});
    } else if (e.facing == Tri::kYes) {
      ctx.unknown(
          at, path,
          msg::log013::BlockingFacingAuditUnknown{
              .subject = who(), .origin = origin(), .service = service, .audit = audit_unknown()});
    } else if (e.facing == Tri::kUnknown) {
      ctx.unknown(at, path,
                  msg::log013::BlockingFacingUnknown{
                      .subject = who(), .origin = origin(), .service = service});
    }
  } else if (mode == "non-blocking" && audit != Tri::kNo && !lc.option("max-buffer-size")) {
    if (audit == Tri::kYes) {
      ctx.warn(at, path, msg::log013::NonBlockingAudit{.subject = who(), .origin = origin()});
    } else {
      ctx.unknown(at, path,
                  msg::log013::NonBlockingAuditUnknown{
                      .subject = who(), .origin = origin(), .audit = audit_unknown()});
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef log_delivery_mode;
const engine::CheckDef log_delivery_mode{
    .id = "LOG-013",
    .rationale = i18n::Id::kLog013Rationale,
    .remediation =
        {
            .cdk = "logging: ecs.LogDrivers.awsLogs({\n  streamPrefix: 'app',\n  mode: "
                   "ecs.AwsLogDriverMode.NON_BLOCKING,\n  maxBufferSize: Size.mebibytes(25),\n"
                   "}),\n// audit-critical containers: mode: ecs.AwsLogDriverMode.BLOCKING",
            .cloudformation = "LogConfiguration:\n  LogDriver: awslogs\n  Options:\n"
                              "    awslogs-group: !Ref AppLogGroup\n"
                              "    awslogs-region: !Ref AWS::Region\n"
                              "    awslogs-stream-prefix: app\n    mode: non-blocking\n"
                              "    max-buffer-size: 25m",
            .terraform = "logConfiguration = {\n  logDriver = \"awslogs\"\n  options = {\n"
                         "    awslogs-group         = aws_cloudwatch_log_group.app.name\n"
                         "    awslogs-region        = data.aws_region.current.name\n"
                         "    awslogs-stream-prefix = \"app\"\n"
                         "    mode                  = \"non-blocking\"\n"
                         "    max-buffer-size       = \"25m\"\n  }\n}",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::logging
