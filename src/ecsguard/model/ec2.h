#pragma once
// The VPC as far as the network checks need it: security groups and their rules (inline or
// standalone), VPCs, subnets and how they route (route tables, routes to internet or NAT
// gateways), VPC endpoints and flow logs. References between them are Values whose refs name the
// logical ids; analysis/link.h turns them into typed edges.
#include <vector>

#include "ecsguard/model/iam.h"
#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

// One ingress or egress rule. IpProtocol "-1" (or "all") means every protocol and port; ports
// are meaningful for tcp/udp (icmp uses them as type/code). Exactly one peer is normally written:
// an IPv4 / IPv6 range, a prefix list or a security group (source for ingress, destination for
// egress).
struct SecurityGroupRuleSpec {
  Str ip_protocol;
  Int from_port;
  Int to_port;
  Str cidr_ipv4;        // CidrIp
  Str cidr_ipv6;        // CidrIpv6
  Str prefix_list;      // SourcePrefixListId / DestinationPrefixListId
  Str peer_group;       // SourceSecurityGroupId / DestinationSecurityGroupId (refs -> SG)
  Str peer_group_name;  // SourceSecurityGroupName (default VPC / EC2-Classic)
  Str description;
  core::Loc loc;
};

// AWS::EC2::SecurityGroup
struct SecurityGroup {
  static constexpr ResourceKind kKind = ResourceKind::kSecurityGroup;
  ResourceId id;
  Str group_name;
  Str description;
  Str vpc_id;  // refs -> VPC
  std::vector<SecurityGroupRuleSpec> ingress;
  Presence ingress_state = Presence::kAbsent;
  std::vector<SecurityGroupRuleSpec> egress;
  // Absent: CloudFormation adds the implicit allow-all egress rule (0.0.0.0/0, all protocols).
  Presence egress_state = Presence::kAbsent;
  core::Loc egress_loc;
};

// AWS::EC2::SecurityGroupIngress / AWS::EC2::SecurityGroupEgress
struct SecurityGroupRule {
  static constexpr ResourceKind kKind = ResourceKind::kSecurityGroupRule;
  ResourceId id;
  bool egress = false;
  Str group_id;  // GroupId (refs -> SG)
  Str group_name;
  SecurityGroupRuleSpec rule;
};

// AWS::EC2::VPC
struct Vpc {
  static constexpr ResourceKind kKind = ResourceKind::kVpc;
  ResourceId id;
  Str cidr_block;
  FlexBool enable_dns_support;    // default true
  FlexBool enable_dns_hostnames;  // default false
};

// AWS::EC2::Subnet
struct Subnet {
  static constexpr ResourceKind kKind = ResourceKind::kSubnet;
  ResourceId id;
  Str vpc_id;  // refs -> VPC
  Str cidr_block;
  FlexBool map_public_ip_on_launch;  // default false (non-default VPC)
};

// AWS::EC2::RouteTable
struct RouteTable {
  static constexpr ResourceKind kKind = ResourceKind::kRouteTable;
  ResourceId id;
  Str vpc_id;
};

// AWS::EC2::Route: one route of a table. The target is one of the gateway ids.
struct Route {
  static constexpr ResourceKind kKind = ResourceKind::kRoute;
  ResourceId id;
  Str route_table;  // RouteTableId (refs -> route table)
  Str destination_cidr;
  Str destination_ipv6;
  Str gateway;  // GatewayId: an internet gateway (igw-...) or a virtual private gateway
  Str nat_gateway;
  Str transit_gateway;
  Str egress_only_gateway;
  Str other_target;  // VpcPeeringConnectionId, NetworkInterfaceId, InstanceId, VpcEndpointId
};

// AWS::EC2::SubnetRouteTableAssociation
struct SubnetRouteTableAssociation {
  static constexpr ResourceKind kKind = ResourceKind::kSubnetRouteTableAssociation;
  ResourceId id;
  Str subnet;
  Str route_table;
};

// AWS::EC2::InternetGateway
struct InternetGateway {
  static constexpr ResourceKind kKind = ResourceKind::kInternetGateway;
  ResourceId id;
};

// AWS::EC2::NatGateway
struct NatGateway {
  static constexpr ResourceKind kKind = ResourceKind::kNatGateway;
  ResourceId id;
  Str subnet;
  Str connectivity_type;  // public (default) | private
};

// AWS::EC2::VPCEndpoint
struct VpcEndpoint {
  static constexpr ResourceKind kKind = ResourceKind::kVpcEndpoint;
  ResourceId id;
  Str service_name;   // com.amazonaws.<region>.ecr.dkr, ...
  Str endpoint_type;  // Gateway (default) | Interface | GatewayLoadBalancer
  Str vpc_id;
  StrList subnet_ids;
  StrList route_table_ids;
  StrList security_group_ids;
  FlexBool private_dns_enabled;
  PolicyDocument policy;  // absent: full access
};

// AWS::EC2::FlowLog
struct FlowLog {
  static constexpr ResourceKind kKind = ResourceKind::kFlowLog;
  ResourceId id;
  Str resource_type;  // VPC | Subnet | NetworkInterface | ...
  Str resource_id;    // refs -> VPC / subnet
  Str traffic_type;   // ACCEPT | REJECT | ALL
};

}  // namespace ecsguard::model
