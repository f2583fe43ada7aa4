// LOG-011 Every container has a log configuration (Security Hub ECS.9).
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/logging/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

// The log drivers ECS accepts (ContainerDefinition.LogConfiguration.LogDriver).
constexpr std::string_view kLogDrivers[] = {"awslogs",   "fluentd",  "gelf",
                                            "json-file", "journald", "logentries",
                                            "splunk",    "syslog",   "awsfirelens"};

bool option_written(const model::LogConfiguration& lc, std::string_view name) {
  const auto* kv = lc.option(name);
  return kv && !(kv->value.known() && core::trim(kv->value.value).empty());
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const auto& lc = c.log_configuration;
  const std::string base = container_path(c) + ".LogConfiguration";
  const auto who = [&] { return msg::common::Container{.name = container_label(c)}; };
  if (lc.state == model::Presence::kUnknown) {
    ctx.unknown(lc.loc, base, msg::log011::Unknown{.subject = who()});
    return;
  }
  if (lc.state == model::Presence::kAbsent) {
    ctx.fail({}, base, msg::log011::Absent{.subject = who()});
    return;
  }
  const auto& d = lc.driver;
  if (d.unknown()) {
    ctx.unknown(d.loc, base + ".LogDriver", d.reason);
    return;
  }
  const std::string driver = d.known() ? std::string(core::trim(d.value)) : std::string();
  if (driver.empty()) {
    ctx.fail(d.loc.valid() ? d.loc : lc.loc, base + ".LogDriver",
             msg::log011::NoDriver{.subject = who()});
    return;
  }
  // Case-sensitive: ECS rejects "AWSLOGS" (the deployment fails).
  if (!is_one_of(driver, kLogDrivers)) {
    ctx.fail(d.loc, base + ".LogDriver",
             invalid_value_message(who(), "LogDriver", d.value, kLogDrivers));
    return;
  }
  FargateAnswer fargate = runs_on_fargate(td, ctx);
  if (driver != "awslogs" && driver != "splunk" && driver != "awsfirelens") {
    const auto unsupported = [&] {
      return msg::log011::UnsupportedDriver{.subject = who(), .driver = d.value};
    };
    if (fargate.runs == Tri::kYes) {
      ctx.fail(d.loc, base + ".LogDriver", unsupported());
    } else if (fargate.runs == Tri::kUnknown) {
      ctx.unknown(d.loc, base + ".LogDriver",
                  msg::log011::MaybeFargate{.problem = unsupported(),
                                            .reason = std::move(fargate.why_unknown)});
    }
    return;
  }
  if (driver != "awslogs") return;
  std::vector<std::string_view> missing;
  for (std::string_view opt : {"awslogs-group", "awslogs-region"}) {
    if (!option_written(lc, opt)) missing.push_back(opt);
  }
  const bool no_prefix = !option_written(lc, "awslogs-stream-prefix");
  if (no_prefix && fargate.runs == Tri::kYes) missing.emplace_back("awslogs-stream-prefix");
  if (missing.empty()) {
    if (no_prefix && fargate.runs == Tri::kUnknown) {
      ctx.unknown(
          lc.loc, base + ".Options",
          msg::log011::MaybeFargate{.problem = msg::log011::NoStreamPrefix{.subject = who()},
                                    .reason = std::move(fargate.why_unknown)});
    }
    return;
  }
  std::string list;
  for (auto m : missing) list += (list.empty() ? "" : ", ") + std::string(m);
  if (missing.back() == "awslogs-stream-prefix") {
    ctx.fail(lc.loc, base + ".Options",
             msg::log011::MissingOptionsPrefixRequired{.subject = who(), .options = list});
  } else if (no_prefix && fargate.runs == Tri::kUnknown) {
    ctx.fail(lc.loc, base + ".Options",
             msg::log011::MissingOptionsPrefixMaybe{.subject = who(), .options = list});
  } else {
    ctx.fail(lc.loc, base + ".Options",
             msg::log011::MissingOptions{.subject = who(), .options = list});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef log_configuration;
const engine::CheckDef log_configuration{
    .id = "LOG-011",
    .rationale = i18n::Id::kLog011Rationale,
    .remediation =
        {
            .cdk = "taskDefinition.addContainer('App', {\n  image,\n  logging: "
                   "ecs.LogDrivers.awsLogs({\n    streamPrefix: 'app',\n    logGroup,  // a "
                   "logs.LogGroup with retention and a KMS key\n  }),\n});",
            .cloudformation = "ContainerDefinitions:\n  - Name: app\n    LogConfiguration:\n"
                              "      LogDriver: awslogs\n      Options:\n"
                              "        awslogs-group: !Ref AppLogGroup\n"
                              "        awslogs-region: !Ref AWS::Region\n"
                              "        awslogs-stream-prefix: app",
            .terraform = "container_definitions = jsonencode([{\n  name = \"app\"\n"
                         "  logConfiguration = {\n    logDriver = \"awslogs\"\n    options = {\n"
                         "      awslogs-group         = aws_cloudwatch_log_group.app.name\n"
                         "      awslogs-region        = data.aws_region.current.name\n"
                         "      awslogs-stream-prefix = \"app\"\n    }\n  }\n}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::logging
