// NET-002 ECS service does not auto-assign public IPs (Security Hub ECS.2).
#include "ecsguard/checks/common.h"
#include "ecsguard/checks/network/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

void run(const model::Service& s, engine::CheckContext& ctx) {
  judge_assign_public_ip(s.network, "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp",
                         msg::common::Service{.name = service_label(s)}, ctx);
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef service_public_ip;
const engine::CheckDef service_public_ip{
    .id = "NET-002",
    .rationale = i18n::Id::kNet002Rationale,
    .remediation =
        {
            .cdk = "new ecs.FargateService(this, 'Service', {\n  cluster, taskDefinition,\n"
                   "  assignPublicIp: false,  // the default\n"
                   "  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },\n});",
            .cloudformation = "NetworkConfiguration:\n  AwsvpcConfiguration:\n"
                              "    AssignPublicIp: DISABLED\n"
                              "    Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
                              "    SecurityGroups: [!Ref ServiceSecurityGroup]",
            .terraform = "network_configuration {\n  subnets          = var.private_subnet_ids\n"
                         "  security_groups  = [aws_security_group.service.id]\n"
                         "  assign_public_ip = false\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Service, &run>,
};

}  // namespace ecsguard::checks::network
