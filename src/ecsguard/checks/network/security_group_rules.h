#pragma once
// Security group rules as the network checks read them (header only: every .cpp in this folder
// is a check): the protocol class, the port range, whether the peer is the whole internet, and
// one visit over every ingress rule of the scan (inline SecurityGroupIngress entries and
// AWS::EC2::SecurityGroupIngress resources).
#include <string>
#include <string_view>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::network {

enum class Protocol : unsigned char { kAll, kTcp, kUdp, kIcmp, kOther, kUnknown };

// IpProtocol: "-1" / "all" (every protocol and port), tcp / 6, udp / 17, icmp / 1 / icmpv6 / 58;
// another number is one protocol without ports, which EC2 treats as all of it.
inline Protocol protocol_of(const model::Str& p) {
  if (!p.known()) return p.absent() ? Protocol::kAll : Protocol::kUnknown;
  const std::string v = core::to_lower(core::trim(p.value));
  if (v == "-1" || v == "all") return Protocol::kAll;
  if (v == "tcp" || v == "6") return Protocol::kTcp;
  if (v == "udp" || v == "17") return Protocol::kUdp;
  if (v == "icmp" || v == "1" || v == "icmpv6" || v == "58") return Protocol::kIcmp;
  return Protocol::kOther;
}

struct PortRange {
  bool known = false;
  long long from = 0;
  long long to = 65535;
};

// Every port, known.
inline PortRange all_ports() {
  PortRange r;
  r.known = true;
  return r;
}

// The ports a tcp/udp rule opens: FromPort..ToPort, -1 (or absent) meaning all of them.
inline PortRange ports_of(const model::SecurityGroupRuleSpec& r) {
  if (r.from_port.unknown() || r.to_port.unknown()) return {};
  PortRange out = all_ports();
  if (r.from_port.known() && r.from_port.value >= 0) out.from = r.from_port.value;
  if (r.to_port.known() && r.to_port.value >= 0) out.to = r.to_port.value;
  if (r.from_port.known() && r.from_port.value == -1) out = all_ports();
  return out;
}

// FromPort above ToPort: EC2 rejects the rule, so it opens nothing.
inline bool inverted(const PortRange& r) { return r.known && r.from > r.to; }

// Is the rule's peer the whole internet (0.0.0.0/0 or ::/0)? Unknown when the CIDR is not known.
struct WorldPeer {
  Tri world = Tri::kNo;
  std::string cidr;  // as written, for messages
  std::string_view property = "CidrIp";
};

inline WorldPeer world_peer(const model::SecurityGroupRuleSpec& r) {
  // A /0 prefix is every address whatever the address part ("10.0.0.1/0" too).
  const auto is_world4 = [](std::string_view c) {
    c = core::trim(c);
    return c.ends_with("/0") && c.find(':') == std::string_view::npos;
  };
  const auto is_world6 = [](std::string_view c) {
    c = core::trim(c);
    return c.ends_with("/0") && c.find(':') != std::string_view::npos;
  };
  if (r.cidr_ipv4.known() && is_world4(r.cidr_ipv4.value)) {
    return {Tri::kYes, r.cidr_ipv4.value, "CidrIp"};
  }
  if (r.cidr_ipv6.known() && is_world6(r.cidr_ipv6.value)) {
    return {Tri::kYes, r.cidr_ipv6.value, "CidrIpv6"};
  }
  // An unknown CIDR that comes from a resource of the template (Fn::GetAtt Vpc.CidrBlock, a
  // subnet's block) is a VPC or subnet range, never /0; a parameter or import may be anything.
  if (r.cidr_ipv4.unknown() && r.cidr_ipv4.refs.empty()) {
    return {Tri::kUnknown, r.cidr_ipv4.reason, "CidrIp"};
  }
  if (r.cidr_ipv6.unknown() && r.cidr_ipv6.refs.empty()) {
    return {Tri::kUnknown, r.cidr_ipv6.reason, "CidrIpv6"};
  }
  return {};
}

inline std::string_view protocol_name(Protocol p, const model::Str& written) {
  switch (p) {
    case Protocol::kTcp:
      return "tcp";
    case Protocol::kUdp:
      return "udp";
    case Protocol::kIcmp:
      return "icmp";
    default:
      return written.known() ? std::string_view(written.value) : std::string_view("-1");
  }
}

// One ingress rule with its subject set: `group` names the security group for messages,
// `property` is the finding's property ("SecurityGroupIngress[2]" or the rule resource's key).
struct IngressRule {
  const model::SecurityGroupRuleSpec& rule;
  i18n::Message group;
  std::string property;
};

// Calls f(IngressRule) for every ingress rule of the scan, each inside the check's fault boundary
// with its resource as the subject.
template <class F>
void each_ingress_rule(const model::Stack& stack, engine::CheckContext& ctx, F&& f) {
  for (const auto& sg : stack.security_groups) {
    ctx.set_subject(sg.id);
    const std::string name = sg.group_name.known() ? sg.group_name.value : sg.id.name;
    for (std::size_t i = 0; i < sg.ingress.size(); ++i) {
      ctx.guarded(&sg.id, [&] {
        f(IngressRule{sg.ingress[i], msg::stack::SecurityGroup{.name = name},
                      "SecurityGroupIngress[" + std::to_string(i) + "]"});
      });
    }
  }
  for (const auto& r : stack.security_group_rules) {
    if (r.egress) continue;
    ctx.set_subject(r.id);
    const auto* sg = ctx.links().security_group_named(r.id.scope, r.group_id);
    std::string name = sg != nullptr ? (sg->group_name.known() ? sg->group_name.value : sg->id.name)
                       : r.group_id.known() ? r.group_id.value
                                            : r.id.name;
    ctx.guarded(&r.id, [&] {
      f(IngressRule{r.rule, msg::stack::SecurityGroup{.name = std::move(name)}, std::string()});
    });
  }
}

}  // namespace ecsguard::checks::network
