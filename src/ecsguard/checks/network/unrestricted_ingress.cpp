// NET-007 Unrestricted ingress (0.0.0.0/0, ::/0) only to authorized ports (80/443), never to
// admin ports.
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/network/security_group_rules.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

bool covers(const PortRange& r, long long port) { return r.from <= port && port <= r.to; }

std::string property_for(const IngressRule& in, const WorldPeer& peer) {
  return in.property.empty() ? std::string(peer.property) : in.property;
}

core::Loc where(const IngressRule& in, const WorldPeer& peer) {
  const model::Str& cidr = peer.property == "CidrIp" ? in.rule.cidr_ipv4 : in.rule.cidr_ipv6;
  return cidr.loc.valid() ? cidr.loc : in.rule.loc;
}

void judge(const IngressRule& in, engine::CheckContext& ctx) {
  const WorldPeer peer = world_peer(in.rule);
  if (peer.world == Tri::kNo) return;
  const Protocol proto = protocol_of(in.rule.ip_protocol);
  if (proto == Protocol::kIcmp) return;  // no ports; ping is not a service
  const std::string prop = property_for(in, peer);
  const core::Loc at = where(in, peer);
  if (peer.world == Tri::kUnknown) {
    ctx.unknown(at, prop, peer.cidr);
    return;
  }
  const PortRange ports = ports_of(in.rule);
  if (proto == Protocol::kUnknown || !ports.known) {
    const std::string& why = proto == Protocol::kUnknown   ? in.rule.ip_protocol.reason
                             : in.rule.from_port.unknown() ? in.rule.from_port.reason
                                                           : in.rule.to_port.reason;
    ctx.unknown(at, prop,
                msg::net007::RuleUnknown{.group = in.group, .peer = peer.cidr, .reason = why});
    return;
  }
  if ((proto == Protocol::kTcp || proto == Protocol::kUdp) && inverted(ports)) return;
  if (proto == Protocol::kAll || proto == Protocol::kOther) {
    ctx.fail(at, prop, msg::net007::AllTraffic{.group = in.group, .peer = peer.cidr});
    return;
  }
  const std::string protocol(protocol_name(proto, in.rule.ip_protocol));
  for (const long long admin : {22LL, 3389LL}) {
    if (covers(ports, admin)) {
      ctx.fail(at, prop,
               msg::net007::AdminPort{
                   .group = in.group, .port = admin, .protocol = protocol, .peer = peer.cidr});
      return;
    }
  }
  if (proto == Protocol::kTcp && ports.from == ports.to &&
      (ports.from == 80 || ports.from == 443)) {
    return;
  }
  ctx.fail(at, prop,
           msg::net007::Ports{.group = in.group,
                              .protocol = protocol,
                              .from_port = ports.from,
                              .to_port = ports.to,
                              .peer = peer.cidr});
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  each_ingress_rule(stack, ctx, [&](const IngressRule& in) { judge(in, ctx); });
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef unrestricted_ingress;
const engine::CheckDef unrestricted_ingress{
    .id = "NET-007",
    .rationale = i18n::Id::kNet007Rationale,
    .remediation =
        {
            .cdk = "const lbSg = new ec2.SecurityGroup(this, 'LbSg', { vpc });\n"
                   "lbSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));\n"
                   "service.connections.allowFrom(lbSg, ec2.Port.tcp(8080));",
            .cloudformation = "SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 443\n"
                              "    ToPort: 443\n    CidrIp: 0.0.0.0/0   # load balancer only",
            .terraform =
                "ingress {\n  protocol    = \"tcp\"\n  from_port   = 443\n"
                "  to_port     = 443\n  cidr_blocks = [\"0.0.0.0/0\"]  # load balancer only\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::network
