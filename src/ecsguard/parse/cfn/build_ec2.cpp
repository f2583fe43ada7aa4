// AWS::EC2 security groups, rules, VPCs, subnets, routing, endpoints, flow logs -> model/ec2.h.
#include <utility>

#include "ecsguard/parse/cfn/build_stack.h"
#include "ecsguard/parse/cfn/documents.h"

namespace ecsguard::parse::cfn {

namespace {

using fields::Field;
using fields::field;
using fields::to_flex_bool;
using fields::to_int;
using fields::to_str;
using fields::to_str_list;

// The properties shared by inline rules and AWS::EC2::SecurityGroupIngress / Egress.
model::SecurityGroupRuleSpec rule_spec(const Field& r, bool egress) {
  model::SecurityGroupRuleSpec s;
  s.loc = r.loc;
  s.ip_protocol = to_str(field(r, "IpProtocol"));
  s.from_port = to_int(field(r, "FromPort"));
  s.to_port = to_int(field(r, "ToPort"));
  s.cidr_ipv4 = to_str(field(r, "CidrIp"));
  s.cidr_ipv6 = to_str(field(r, "CidrIpv6"));
  s.description = to_str(field(r, "Description"));
  if (egress) {
    s.prefix_list = to_str(field(r, "DestinationPrefixListId"));
    s.peer_group = to_str(field(r, "DestinationSecurityGroupId"));
  } else {
    s.prefix_list = to_str(field(r, "SourcePrefixListId"));
    s.peer_group = to_str(field(r, "SourceSecurityGroupId"));
    s.peer_group_name = to_str(field(r, "SourceSecurityGroupName"));
  }
  return s;
}

// An unknown rule list becomes one rule whose protocol is unknown: checks answer "could not be
// determined" at the list.
std::vector<model::SecurityGroupRuleSpec> rule_specs(const Field& list, bool egress,
                                                     model::Presence& state) {
  return fields::entries<model::SecurityGroupRuleSpec>(
      list, state, [egress](const Field& e) { return rule_spec(e, egress); },
      [](model::SecurityGroupRuleSpec& s, model::Str text) { s.ip_protocol = std::move(text); });
}

void standalone_rule(StackBuildInput& in, bool egress) {
  model::SecurityGroupRule r;
  r.id = std::move(in.id);
  r.egress = egress;
  r.group_id = to_str(field(in.props, "GroupId"));
  r.group_name = to_str(field(in.props, "GroupName"));
  r.rule = rule_spec(in.props, egress);
  r.rule.loc = r.id.loc;
  in.stack.add(std::move(r));
}

}  // namespace

void build_security_group(StackBuildInput in) {
  model::SecurityGroup g;
  g.id = std::move(in.id);
  g.group_name = to_str(field(in.props, "GroupName"));
  g.description = to_str(field(in.props, "GroupDescription"));
  g.vpc_id = to_str(field(in.props, "VpcId"));
  g.ingress = rule_specs(field(in.props, "SecurityGroupIngress"), false, g.ingress_state);
  const Field egress = field(in.props, "SecurityGroupEgress");
  g.egress_loc = egress.loc;
  g.egress = rule_specs(egress, true, g.egress_state);
  in.stack.add(std::move(g));
}

void build_security_group_ingress(StackBuildInput in) { standalone_rule(in, false); }
void build_security_group_egress(StackBuildInput in) { standalone_rule(in, true); }

void build_vpc(StackBuildInput in) {
  model::Vpc v;
  v.id = std::move(in.id);
  v.cidr_block = to_str(field(in.props, "CidrBlock"));
  v.enable_dns_support = to_flex_bool(field(in.props, "EnableDnsSupport"));
  v.enable_dns_hostnames = to_flex_bool(field(in.props, "EnableDnsHostnames"));
  in.stack.add(std::move(v));
}

void build_subnet(StackBuildInput in) {
  model::Subnet s;
  s.id = std::move(in.id);
  s.vpc_id = to_str(field(in.props, "VpcId"));
  s.cidr_block = to_str(field(in.props, "CidrBlock"));
  s.map_public_ip_on_launch = to_flex_bool(field(in.props, "MapPublicIpOnLaunch"));
  in.stack.add(std::move(s));
}

void build_route_table(StackBuildInput in) {
  model::RouteTable t;
  t.id = std::move(in.id);
  t.vpc_id = to_str(field(in.props, "VpcId"));
  in.stack.add(std::move(t));
}

void build_route(StackBuildInput in) {
  model::Route r;
  r.id = std::move(in.id);
  r.route_table = to_str(field(in.props, "RouteTableId"));
  r.destination_cidr = to_str(field(in.props, "DestinationCidrBlock"));
  r.destination_ipv6 = to_str(field(in.props, "DestinationIpv6CidrBlock"));
  r.gateway = to_str(field(in.props, "GatewayId"));
  r.nat_gateway = to_str(field(in.props, "NatGatewayId"));
  r.transit_gateway = to_str(field(in.props, "TransitGatewayId"));
  r.egress_only_gateway = to_str(field(in.props, "EgressOnlyInternetGatewayId"));
  for (const char* key : {"VpcPeeringConnectionId", "NetworkInterfaceId", "InstanceId",
                          "VpcEndpointId", "CarrierGatewayId", "LocalGatewayId"}) {
    model::Str target = to_str(field(in.props, key));
    if (!target.absent()) {
      r.other_target = std::move(target);
      break;
    }
  }
  in.stack.add(std::move(r));
}

void build_subnet_route_table_association(StackBuildInput in) {
  model::SubnetRouteTableAssociation a;
  a.id = std::move(in.id);
  a.subnet = to_str(field(in.props, "SubnetId"));
  a.route_table = to_str(field(in.props, "RouteTableId"));
  in.stack.add(std::move(a));
}

void build_internet_gateway(StackBuildInput in) {
  model::InternetGateway g;
  g.id = std::move(in.id);
  in.stack.add(std::move(g));
}

void build_nat_gateway(StackBuildInput in) {
  model::NatGateway g;
  g.id = std::move(in.id);
  g.subnet = to_str(field(in.props, "SubnetId"));
  g.connectivity_type = to_str(field(in.props, "ConnectivityType"));
  in.stack.add(std::move(g));
}

void build_vpc_endpoint(StackBuildInput in) {
  model::VpcEndpoint e;
  e.id = std::move(in.id);
  e.service_name = to_str(field(in.props, "ServiceName"));
  e.endpoint_type = to_str(field(in.props, "VpcEndpointType"));
  e.vpc_id = to_str(field(in.props, "VpcId"));
  e.subnet_ids = to_str_list(field(in.props, "SubnetIds"));
  e.route_table_ids = to_str_list(field(in.props, "RouteTableIds"));
  e.security_group_ids = to_str_list(field(in.props, "SecurityGroupIds"));
  e.private_dns_enabled = to_flex_bool(field(in.props, "PrivateDnsEnabled"));
  e.policy = build_policy_document(field(in.props, "PolicyDocument"), in.limits);
  in.stack.add(std::move(e));
}

void build_flow_log(StackBuildInput in) {
  model::FlowLog f;
  f.id = std::move(in.id);
  f.resource_type = to_str(field(in.props, "ResourceType"));
  f.resource_id = to_str(field(in.props, "ResourceId"));
  f.traffic_type = to_str(field(in.props, "TrafficType"));
  in.stack.add(std::move(f));
}

}  // namespace ecsguard::parse::cfn
