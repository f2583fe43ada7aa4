// NET-008 No unrestricted access to high-risk ports (Security Hub EC2.19).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/network/security_group_rules.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

// Security Hub EC2.19's list.
constexpr long long kHighRisk[] = {20,   21,   22,   23,   25,   110,  135,  143,
                                   445,  1433, 1434, 3000, 3306, 3389, 4333, 5000,
                                   5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300};

void judge(const IngressRule& in, engine::CheckContext& ctx) {
  const WorldPeer peer = world_peer(in.rule);
  if (peer.world == Tri::kNo) return;
  const Protocol proto = protocol_of(in.rule.ip_protocol);
  if (proto == Protocol::kIcmp) return;
  const std::string prop = in.property.empty() ? std::string(peer.property) : in.property;
  const model::Str& cidr = peer.property == "CidrIp" ? in.rule.cidr_ipv4 : in.rule.cidr_ipv6;
  const core::Loc at = cidr.loc.valid() ? cidr.loc : in.rule.loc;
  const PortRange ports = ports_of(in.rule);
  if (peer.world == Tri::kUnknown || proto == Protocol::kUnknown ||
      (proto != Protocol::kAll && proto != Protocol::kOther && !ports.known)) {
    const std::string& why = peer.world == Tri::kUnknown   ? peer.cidr
                             : proto == Protocol::kUnknown ? in.rule.ip_protocol.reason
                             : in.rule.from_port.unknown() ? in.rule.from_port.reason
                                                           : in.rule.to_port.reason;
    ctx.unknown(at, prop, why);
    return;
  }
  if ((proto == Protocol::kTcp || proto == Protocol::kUdp) && inverted(ports)) return;
  const bool all = proto == Protocol::kAll || proto == Protocol::kOther;
  const PortRange range = all ? all_ports() : ports;
  std::string hit;
  for (const long long p : kHighRisk) {
    if (range.from <= p && p <= range.to) hit += (hit.empty() ? "" : ", ") + std::to_string(p);
  }
  if (hit.empty()) return;
  ctx.fail(at, prop,
           msg::net008::HighRisk{
               .group = in.group,
               .protocol = std::string(all ? std::string_view("all")
                                           : protocol_name(proto, in.rule.ip_protocol)),
               .from_port = range.from,
               .to_port = range.to,
               .peer = peer.cidr,
               .ports = hit});
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  each_ingress_rule(stack, ctx, [&](const IngressRule& in) { judge(in, ctx); });
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef high_risk_ports;
const engine::CheckDef high_risk_ports{
    .id = "NET-008",
    .rationale = i18n::Id::kNet008Rationale,
    .remediation =
        {
            .cdk = "// no ec2.Peer.anyIpv4() on database / admin ports:\n"
                   "dbSg.addIngressRule(serviceSg, ec2.Port.tcp(5432));",
            .cloudformation =
                "SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 5432\n"
                "    ToPort: 5432\n    SourceSecurityGroupId: !Ref ServiceSecurityGroup",
            .terraform = "ingress {\n  protocol        = \"tcp\"\n  from_port       = 5432\n"
                         "  to_port         = 5432\n"
                         "  security_groups = [aws_security_group.service.id]\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::network
