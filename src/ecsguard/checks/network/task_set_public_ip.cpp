// NET-003 ECS task sets do not auto-assign public IPs (Security Hub ECS.16).
#include "ecsguard/checks/common.h"
#include "ecsguard/checks/network/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

void run(const model::TaskSet& ts, engine::CheckContext& ctx) {
  judge_assign_public_ip(ts.network, "NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp",
                         msg::common::TaskSet{.name = ts.id.name}, ctx);
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef task_set_public_ip;
const engine::CheckDef task_set_public_ip{
    .id = "NET-003",
    .rationale = i18n::Id::kNet003Rationale,
    .remediation =
        {
            .cdk = "new ecs.CfnTaskSet(this, 'TaskSet', {\n  cluster: cluster.clusterName, "
                   "service: service.serviceName,\n  taskDefinition: "
                   "taskDefinition.taskDefinitionArn,\n  networkConfiguration: { "
                   "awsVpcConfiguration: {\n    assignPublicIp: 'DISABLED',\n    subnets: "
                   "vpc.privateSubnets.map((s) => s.subnetId),\n    securityGroups: "
                   "[sg.securityGroupId],\n  } },\n});",
            .cloudformation = "NetworkConfiguration:\n  AwsVpcConfiguration:\n"
                              "    AssignPublicIp: DISABLED\n"
                              "    Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
                              "    SecurityGroups: [!Ref TaskSecurityGroup]",
            .terraform = "resource \"aws_ecs_task_set\" \"green\" {\n  # ...\n"
                         "  network_configuration {\n    subnets          = "
                         "var.private_subnet_ids\n    security_groups  = "
                         "[aws_security_group.task.id]\n    assign_public_ip = false\n  }\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::TaskSet, &run>,
};

}  // namespace ecsguard::checks::network
