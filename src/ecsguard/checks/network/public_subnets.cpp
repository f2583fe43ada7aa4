// NET-004 Tasks run in private or isolated subnets (no default route to an internet gateway).
#include <string>
#include <string_view>

#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::network {

namespace {

bool default_destination(const model::Str& d) {
  return d.known() && (d.value == "0.0.0.0/0" || d.value == "::/0");
}

// The gateway of a route when it is an internet gateway: one of the scan, or a literal igw-... id.
std::string internet_gateway(const analysis::Links& links, const model::Route& r) {
  if (const auto* igw = links.internet_gateway_of(r)) return igw->id.name;
  if (r.gateway.known() && r.gateway.value.starts_with("igw-")) return r.gateway.value;
  return {};
}

// Reports a public route of `subnet` (true when one was found).
bool public_route(const model::Service& s, const model::Subnet& subnet, const model::Str& ref,
                  engine::CheckContext& ctx) {
  for (const auto* table : ctx.links().route_tables_of(subnet)) {
    for (const auto* route : ctx.links().routes_of(*table)) {
      const model::Str& dest = default_destination(route->destination_cidr)
                                   ? route->destination_cidr
                                   : route->destination_ipv6;
      if (!default_destination(dest)) continue;
      const std::string igw = internet_gateway(ctx.links(), *route);
      if (igw.empty()) continue;
      ctx.fail(ref.loc, "NetworkConfiguration.AwsvpcConfiguration.Subnets",
               msg::net004::PublicSubnet{.service = service_label(s),
                                         .subnet = subnet.id.name,
                                         .route_table = table->id.name,
                                         .destination = dest.value,
                                         .gateway = igw});
      return true;
    }
  }
  return false;
}

void run(const model::Service& s, engine::CheckContext& ctx) {
  const model::StrList& subnets = s.network.subnets;
  constexpr std::string_view kProperty = "NetworkConfiguration.AwsvpcConfiguration.Subnets";
  if (subnets.unknown()) {
    ctx.unknown(subnets.loc, std::string(kProperty), subnets.reason);
    return;
  }
  if (!subnets.known()) return;
  for (const auto& ref : subnets.value) {
    const model::Subnet* subnet = ctx.links().subnet_named(s.id.scope, ref);
    if (subnet == nullptr) {
      const std::string shown = ref.known()                 ? ref.value
                                : has_known_text(ref.value) ? printable(ref.value)
                                                            : ref.reason;
      ctx.unknown(ref.loc.valid() ? ref.loc : subnets.loc, std::string(kProperty),
                  msg::net004::SubnetNotScanned{.service = service_label(s), .subnet = shown});
      continue;
    }
    if (public_route(s, *subnet, ref, ctx)) continue;
    if (subnet->map_public_ip_on_launch.known() && subnet->map_public_ip_on_launch.value) {
      ctx.warn(ref.loc.valid() ? ref.loc : subnets.loc, std::string(kProperty),
               msg::net004::MapPublicIp{.service = service_label(s), .subnet = subnet->id.name});
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef public_subnets;
const engine::CheckDef public_subnets{
    .id = "NET-004",
    .rationale = i18n::Id::kNet004Rationale,
    .remediation =
        {
            .cdk = "new ecs.FargateService(this, 'Service', {\n  cluster, taskDefinition,\n"
                   "  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },\n});",
            .cloudformation = "NetworkConfiguration:\n  AwsvpcConfiguration:\n"
                              "    Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
                              "# PrivateRouteTable: 0.0.0.0/0 -> NatGatewayId",
            .terraform = "network_configuration {\n"
                         "  subnets = module.vpc.private_subnets\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Service, &run>,
};

}  // namespace ecsguard::checks::network
