// CloudFormation -> the stack layer's model (IAM, VPC, detection, routing) and its edges.
#include <gtest/gtest.h>

#include <string_view>

#include "ecsguard/analysis/link.h"
#include "test_util.h"

namespace ecsguard::parse {
namespace {

using test::build_text;
using test::Built;

constexpr std::string_view kNetwork = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Igw:
    Type: AWS::EC2::InternetGateway
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true}
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicRt}
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: -1, CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: "::/0"}
  TaskSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: task
      VpcId: !Ref Vpc
      SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}]
  FromWeb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !Ref TaskSg, IpProtocol: tcp, FromPort: 0, ToPort: 65535, SourceSecurityGroupId: !GetAtt WebSg.GroupId}
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: com.amazonaws.eu-west-1.ecr.dkr
      VpcEndpointType: Interface
      VpcId: !Ref Vpc
      SubnetIds: [!Ref PublicSubnet]
)";

TEST(StackBuild, SecurityGroupsRulesAndRouting) {
  Built b;
  build_text(b, kNetwork);
  ASSERT_TRUE(b.out.errors.empty());
  const model::Stack& s = b.out.stack;
  ASSERT_EQ(s.security_groups.size(), 2U);
  const auto& web = s.security_groups[0];
  ASSERT_EQ(web.ingress.size(), 2U);
  EXPECT_EQ(web.ingress[0].ip_protocol.value, "-1");
  EXPECT_EQ(web.ingress[0].cidr_ipv4.value, "0.0.0.0/0");
  EXPECT_EQ(web.ingress[1].from_port.value, 443);
  EXPECT_EQ(web.ingress[1].cidr_ipv6.value, "::/0");
  EXPECT_EQ(web.egress_state, model::Presence::kAbsent);  // implicit allow-all
  const auto& task = s.security_groups[1];
  EXPECT_EQ(task.egress_state, model::Presence::kKnown);
  ASSERT_EQ(s.security_group_rules.size(), 1U);
  EXPECT_FALSE(s.security_group_rules[0].egress);
  EXPECT_EQ(s.security_group_rules[0].rule.to_port.value, 65535);
  EXPECT_EQ(s.security_group_rules[0].rule.peer_group.refs, std::vector<std::string>{"WebSg"});
  ASSERT_EQ(s.subnets.size(), 1U);
  EXPECT_TRUE(s.subnets[0].map_public_ip_on_launch.value);
  ASSERT_EQ(s.vpc_endpoints.size(), 1U);
  EXPECT_EQ(s.vpc_endpoints[0].service_name.value, "com.amazonaws.eu-west-1.ecr.dkr");

  const analysis::Links links(s);
  ASSERT_EQ(links.rules_of(task).size(), 1U);
  EXPECT_EQ(links.rules_of(task)[0]->id.name, "FromWeb");
  EXPECT_TRUE(links.rules_of(web).empty());
  const auto tables = links.route_tables_of(s.subnets[0]);
  ASSERT_EQ(tables.size(), 1U);
  ASSERT_EQ(links.routes_of(*tables[0]).size(), 1U);
  const auto* igw = links.internet_gateway_of(*links.routes_of(*tables[0])[0]);
  ASSERT_NE(igw, nullptr);
  EXPECT_EQ(igw->id.name, "Igw");
}

constexpr std::string_view kRoles = R"(Resources:
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-task
      AssumeRolePolicyDocument:
        Statement:
          Effect: Allow
          Principal: {Service: [ecs-tasks.amazonaws.com, ec2.amazonaws.com]}
          Action: sts:AssumeRole
      Policies:
        - PolicyName: inline
          PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AdministratorAccess
        - !Ref Managed
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: '*'}]
  Attached:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: attached
      Roles: [app-task]
      PolicyDocument:
        Statement: [{Effect: Deny, Action: 'iam:*', Resource: '*'}]
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: arn:aws:iam::123456789012:role/app-task
      ExecutionRoleArn: !GetAtt TaskRole.Arn
  Service:
    Type: AWS::ECS::Service
    Properties: {TaskDefinition: !Ref Task, Role: !Ref TaskRole}
)";

TEST(StackBuild, RolesPoliciesAndTheirEdges) {
  Built b;
  build_text(b, kRoles);
  ASSERT_TRUE(b.out.errors.empty());
  const model::Stack& s = b.out.stack;
  ASSERT_EQ(s.roles.size(), 1U);
  const auto& role = s.roles[0];
  EXPECT_EQ(role.trust.state, model::Presence::kKnown);
  ASSERT_EQ(role.trust.statements.size(), 1U);
  EXPECT_EQ(role.trust.statements[0].principals.size(), 2U);
  ASSERT_EQ(role.policies.size(), 1U);
  EXPECT_EQ(role.policies[0].document.state, model::Presence::kKnown);  // JSON text parsed
  ASSERT_EQ(role.policies[0].document.statements.size(), 1U);
  ASSERT_EQ(s.policies.size(), 2U);
  EXPECT_TRUE(s.policies[0].managed);
  EXPECT_FALSE(s.policies[1].managed);
  ASSERT_EQ(s.services.size(), 1U);
  EXPECT_EQ(s.services[0].role.refs, std::vector<std::string>{"TaskRole"});

  const analysis::Links links(s);
  const auto& td = s.task_definitions[0];
  EXPECT_EQ(links.task_role_of(td), &role);       // by ARN and RoleName
  EXPECT_EQ(links.execution_role_of(td), &role);  // by GetAtt
  const auto policies = links.policies_of(role);
  ASSERT_EQ(policies.size(), 2U);
  EXPECT_EQ(policies[0]->id.name, "Attached");  // Roles: [name]
  EXPECT_EQ(policies[1]->id.name, "Managed");   // ManagedPolicyArns: !Ref
}

constexpr std::string_view kDetection = R"(Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: b
      EventSelectors: [{ReadWriteType: WriteOnly}]
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: RUNTIME_MONITORING
          Status: ENABLED
          AdditionalConfiguration: [{Name: ECS_FARGATE_AGENT_MANAGEMENT, Status: ENABLED}]
  Topic:
    Type: AWS::SNS::Topic
  Rule:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: {source: [aws.guardduty], detail-type: [GuardDuty Finding]}
      Targets: [{Arn: !Ref Topic, Id: t}]
  Slack:
    Type: AWS::Chatbot::SlackChannelConfiguration
    Properties: {SnsTopicArns: [!Ref Topic], ConfigurationName: c, IamRoleArn: r, SlackChannelId: c, SlackWorkspaceId: w}
)";

TEST(StackBuild, DetectionAndRouting) {
  Built b;
  build_text(b, kDetection);
  ASSERT_TRUE(b.out.errors.empty());
  const model::Stack& s = b.out.stack;
  ASSERT_EQ(s.trails.size(), 1U);
  EXPECT_TRUE(s.trails[0].is_multi_region.value);
  EXPECT_TRUE(s.trails[0].selectors_limit_read_write);
  EXPECT_FALSE(s.trails[0].selectors_exclude_management);
  ASSERT_EQ(s.guardduty_detectors.size(), 1U);
  ASSERT_EQ(s.guardduty_detectors[0].features.size(), 1U);
  ASSERT_EQ(s.guardduty_detectors[0].features[0].additional.size(), 1U);
  EXPECT_EQ(s.guardduty_detectors[0].features[0].additional[0].name.value,
            "ECS_FARGATE_AGENT_MANAGEMENT");
  ASSERT_EQ(s.event_rules.size(), 1U);
  ASSERT_TRUE(s.event_rules[0].sources.known());
  EXPECT_EQ(s.event_rules[0].sources.value[0].value, "aws.guardduty");
  ASSERT_EQ(s.event_rules[0].targets.size(), 1U);
  const analysis::Links links(s);
  const auto* topic = links.topic_named(s.event_rules[0].id.scope, s.event_rules[0].targets[0]);
  ASSERT_NE(topic, nullptr);
  ASSERT_EQ(links.subscriptions_of(*topic).size(), 1U);
  EXPECT_EQ(links.subscriptions_of(*topic)[0]->protocol.value, "chatbot");
}

}  // namespace
}  // namespace ecsguard::parse
