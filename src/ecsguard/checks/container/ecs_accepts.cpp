// CTR-018 ECS accepts this task definition (valid against the ECS API model).
//
// Two sources of findings:
// - the builders' api_violations (parse/ecs_model/: types, enums, required members, list vs
//   structure against the model the AWS SDKs ship); members newer than the model never appear;
// - the launch rules ECS applies: a task definition that requires Fargate needs networkMode
//   awsvpc, a task-level cpu/memory pair Fargate offers, and executionRoleArn when a container
//   uses awslogs, repositoryCredentials or a private ECR image; secrets and log secretOptions need
//   executionRoleArn on every launch type. Where requiresCompatibilities cannot be known, a
//   Fargate-only problem is `unknown` with the reason. A bare container-definitions file has its
//   task-level properties elsewhere: only the model's shapes are judged there.
#include <string>
#include <utility>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/fargate_size.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

using Kind = model::ApiViolation::Kind;

i18n::Message td_name(const model::TaskDefinition& td) {
  return msg::common::TaskDefinition{.name = task_definition_label(td)};
}

void report_violations(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  for (const auto& v : td.api_violations) {
    switch (v.kind) {
      case Kind::kType:
        ctx.fail(v.loc, v.path,
                 msg::ctr018::Type{.task_definition = td_name(td),
                                   .path = v.path,
                                   .found = v.found,
                                   .expected = v.expected});
        break;
      case Kind::kEnum:
        ctx.fail(v.loc, v.path,
                 msg::ctr018::Enum{.task_definition = td_name(td),
                                   .path = v.path,
                                   .value = v.found,
                                   .expected = v.expected});
        break;
      case Kind::kRequired:
        ctx.fail(v.loc, v.path,
                 msg::ctr018::Required{
                     .task_definition = td_name(td), .path = v.path, .expected = v.expected});
        break;
    }
  }
}

// Reports a problem that exists only if the task definition requires Fargate: a failure when it
// does, `unknown` with the reason when that cannot be known.
struct FargateRule {
  const model::TaskDefinition& td;
  Tri fargate;
  engine::CheckContext& ctx;

  void report(core::Loc at, std::string property, i18n::Message problem) const {
    if (fargate == Tri::kYes) {
      ctx.fail(at, std::move(property), problem);
    } else if (fargate == Tri::kUnknown) {
      ctx.unknown(at, std::move(property),
                  msg::ctr018::MaybeFargate{.reason = compatibilities_reason(td),
                                            .problem = std::move(problem)});
    }
  }
};

void check_network_mode(const FargateRule& rule) {
  const auto& mode = rule.td.network_mode;
  if (mode.absent()) {
    rule.report({}, "NetworkMode",
                msg::ctr018::FargateNetworkModeAbsent{.task_definition = td_name(rule.td)});
  } else if (mode.known() && mode.value != "awsvpc") {
    rule.report(
        mode.loc, "NetworkMode",
        msg::ctr018::FargateNetworkMode{.task_definition = td_name(rule.td), .mode = mode.value});
  }
}

void check_task_size(const FargateRule& rule) {
  const auto& td = rule.td;
  for (const auto* v : {&td.cpu, &td.memory}) {
    if (!v->absent()) continue;
    const std::string prop = v == &td.cpu ? "Cpu" : "Memory";
    rule.report({}, prop,
                msg::ctr018::FargateNoSize{.task_definition = td_name(td),
                                           .property = core::to_lower(prop)});
  }
  if (!td.cpu.known() || !td.memory.known()) return;  // absent: above; unknown: not judged
  if (auto p = fargate_size_problem(td)) {
    const auto& at = p->on_cpu ? td.cpu : td.memory;
    rule.report(at.loc, p->on_cpu ? "Cpu" : "Memory", std::move(p->text));
  }
}

void check_execution_role(const FargateRule& rule, const model::Container& c) {
  const auto& td = rule.td;
  auto& ctx = rule.ctx;
  const std::string path = container_path(td, c);
  const std::string name = container_label(td, c);
  if (!c.secrets.empty()) {
    ctx.fail(
        c.secrets.front().loc, path + ".Secrets",
        msg::ctr018::NoExecutionRoleSecrets{.container = name, .task_definition = td_name(td)});
  }
  const auto& log = c.log_configuration;
  if (!log.secret_options.empty()) {
    ctx.fail(
        log.secret_options.front().loc, path + ".LogConfiguration.SecretOptions",
        msg::ctr018::NoExecutionRoleLogSecrets{.container = name, .task_definition = td_name(td)});
  }
  if (log.driver.known() && log.driver.value == "awslogs") {
    rule.report(
        log.driver.loc, path + ".LogConfiguration.LogDriver",
        msg::ctr018::NoExecutionRoleAwslogs{.container = name, .task_definition = td_name(td)});
  }
  if (!c.repository_credentials.absent()) {
    rule.report(
        c.repository_credentials_loc, path + ".RepositoryCredentials",
        msg::ctr018::NoExecutionRoleCredentials{.container = name, .task_definition = td_name(td)});
  }
  if (!c.image.absent() && c.image_ref.kind == model::RegistryKind::kEcr) {
    rule.report(c.image.loc, path + ".Image",
                msg::ctr018::NoExecutionRoleEcr{
                    .container = name, .image = c.image.value, .task_definition = td_name(td)});
  }
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  report_violations(td, ctx);
  if (td.containers_only) return;  // the task-level properties live elsewhere
  const FargateRule rule{td, analysis::fargate_compatible(td), ctx};
  check_network_mode(rule);
  check_task_size(rule);
  if (!td.execution_role_arn.absent()) return;  // written (known or not): the role is there
  for (const auto& c : td.containers) {
    ctx.set_subject(td.id, &c);
    check_execution_role(rule, c);
  }
  ctx.set_subject(td.id);
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef ecs_accepts;
const engine::CheckDef ecs_accepts{
    .id = "CTR-018",
    .rationale = i18n::Id::kCtr018Rationale,
    .remediation =
        {
            .cdk = "// CDK renders the ECS shapes and adds the execution role when a container\n"
                   "// needs it:\n"
                   "const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {\n"
                   "  cpu: 256,\n"
                   "  memoryLimitMiB: 512,\n"
                   "});\n"
                   "taskDefinition.addContainer('App', {\n"
                   "  image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }),\n"
                   "  portMappings: [{ containerPort: 8080, protocol: ecs.Protocol.TCP }],\n"
                   "});",
            .cloudformation = "Type: AWS::ECS::TaskDefinition\n"
                              "Properties:\n"
                              "  RequiresCompatibilities: [FARGATE]\n"
                              "  NetworkMode: awsvpc\n"
                              "  Cpu: \"256\"\n"
                              "  Memory: \"512\"\n"
                              "  ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n"
                              "  ContainerDefinitions:\n"
                              "    - Name: app\n"
                              "      PortMappings:\n"
                              "        - ContainerPort: 8080\n"
                              "          Protocol: tcp        # tcp | udp; http is AppProtocol\n"
                              "      LogConfiguration:\n"
                              "        LogDriver: awslogs\n"
                              "        SecretOptions:         # a list of {Name, ValueFrom}\n"
                              "          - Name: token\n"
                              "            ValueFrom: !Ref TokenSecret",
            .terraform = "resource \"aws_ecs_task_definition\" \"app\" {\n"
                         "  requires_compatibilities = [\"FARGATE\"]\n"
                         "  network_mode             = \"awsvpc\"\n"
                         "  cpu                      = 256\n"
                         "  memory                   = 512\n"
                         "  execution_role_arn       = aws_iam_role.execution.arn\n"
                         "  container_definitions = jsonencode([{\n"
                         "    name         = \"app\"\n"
                         "    portMappings = [{ containerPort = 8080, protocol = \"tcp\" }]\n"
                         "  }])\n"
                         "}",
        },
    .inputs = kInputs,
    .run = engine::per<model::TaskDefinition, &run>,
};

}  // namespace ecsguard::checks::container
