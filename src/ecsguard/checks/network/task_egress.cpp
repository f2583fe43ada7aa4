// NET-010 Task egress is restricted (no all-ports egress to 0.0.0.0/0 from task security groups).
#include <algorithm>
#include <string>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/network/security_group_rules.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

// Egress to the whole internet on every protocol and port.
bool open_egress(const model::SecurityGroupRuleSpec& r) {
  const Protocol p = protocol_of(r.ip_protocol);
  return world_peer(r).world == Tri::kYes && (p == Protocol::kAll || p == Protocol::kOther);
}

std::string group_name(const model::SecurityGroup& sg) {
  return sg.group_name.known() ? sg.group_name.value : sg.id.name;
}

void judge(const model::SecurityGroup& sg, const std::string& service, engine::CheckContext& ctx) {
  ctx.set_subject(sg.id);
  const i18n::Message group = msg::stack::SecurityGroup{.name = group_name(sg)};
  if (sg.egress_state == model::Presence::kAbsent) {
    ctx.fail({}, "SecurityGroupEgress",
             msg::net010::ImplicitAllEgress{.group = group, .service = service});
  }
  for (std::size_t i = 0; i < sg.egress.size(); ++i) {
    const auto& r = sg.egress[i];
    if (r.ip_protocol.unknown() && sg.egress_state == model::Presence::kUnknown) {
      ctx.unknown(r.loc, "SecurityGroupEgress", r.ip_protocol.reason);
    } else if (open_egress(r)) {
      const WorldPeer peer = world_peer(r);
      ctx.fail(r.loc, "SecurityGroupEgress[" + std::to_string(i) + "]",
               msg::net010::AllEgress{.group = group, .service = service, .peer = peer.cidr});
    }
  }
  for (const auto* rule : ctx.links().rules_of(sg)) {
    if (!rule->egress || !open_egress(rule->rule)) continue;
    ctx.set_subject(rule->id);
    const WorldPeer peer = world_peer(rule->rule);
    ctx.fail({}, std::string(peer.property),
             msg::net010::AllEgress{.group = group, .service = service, .peer = peer.cidr});
  }
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  std::vector<const model::SecurityGroup*> seen;
  for (const auto& s : stack.services) {
    if (!s.network.security_groups.known()) continue;
    for (const auto& ref : s.network.security_groups.value) {
      const auto* sg = ctx.links().security_group_named(s.id.scope, ref);
      if (sg == nullptr || std::find(seen.begin(), seen.end(), sg) != seen.end()) continue;
      seen.push_back(sg);
      ctx.guarded(&sg->id, [&] { judge(*sg, service_label(s), ctx); });
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef task_egress;
const engine::CheckDef task_egress{
    .id = "NET-010",
    .rationale = i18n::Id::kNet010Rationale,
    .remediation =
        {
            .cdk = "const serviceSg = new ec2.SecurityGroup(this, 'ServiceSg', {\n"
                   "  vpc, allowAllOutbound: false,\n});\n"
                   "serviceSg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443));",
            .cloudformation = "SecurityGroupEgress:\n  - IpProtocol: tcp\n    FromPort: 443\n"
                              "    ToPort: 443\n    DestinationPrefixListId: !Ref S3PrefixList",
            .terraform = "egress {\n  protocol        = \"tcp\"\n  from_port       = 443\n"
                         "  to_port         = 443\n  prefix_list_ids = "
                         "[aws_vpc_endpoint.s3.prefix_list_id]\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::network
