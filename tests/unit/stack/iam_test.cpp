// analysis/iam/: the action catalogue, AWS managed policies and policy evaluation.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/analysis/iam/actions.h"
#include "ecsguard/analysis/iam/managed.h"
#include "ecsguard/analysis/iam/permissions.h"
#include "ecsguard/analysis/link.h"
#include "test_util.h"

namespace ecsguard::analysis::iam {
namespace {

using core::Tri;

TEST(IamActions, CatalogueLookupAndWildcards) {
  EXPECT_GT(action_count(), 20000U);
  EXPECT_FALSE(data_version().empty());
  const auto a = find_action("ECR:batchgetimage");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->name, "BatchGetImage");
  EXPECT_EQ(a->level, AccessLevel::kRead);
  EXPECT_TRUE(a->resource_level);
  const auto token = find_action("ecr:GetAuthorizationToken");
  ASSERT_TRUE(token.has_value());
  EXPECT_FALSE(token->resource_level);
  EXPECT_EQ(find_action("iam:PutRolePolicy")->level, AccessLevel::kPermissionsManagement);
  EXPECT_FALSE(find_action("ecr:NoSuchAction").has_value());
  EXPECT_FALSE(find_action("nosuchservice:Get").has_value());
  EXPECT_TRUE(known_service("ssmmessages"));

  std::vector<std::string> puts;
  for_each_match("ecr:Put*", [&](const Action& x) { puts.emplace_back(x.name); });
  EXPECT_NE(std::find(puts.begin(), puts.end(), "PutImage"), puts.end());
  for (const auto& p : puts) EXPECT_TRUE(p.starts_with("Put")) << p;
  EXPECT_EQ(for_each_match("*", [](const Action&) {}), action_count());
  EXPECT_EQ(for_each_match("ssmmessages:Open*Channel", [](const Action&) {}), 2U);
  std::vector<std::string> one;  // '?' is one character: Data, not Control
  for_each_match("ssmmessages:Open????Channel", [&](const Action& x) { one.emplace_back(x.name); });
  EXPECT_EQ(one, std::vector<std::string>{"OpenDataChannel"});
}

TEST(IamManaged, ArnsAndDocuments) {
  EXPECT_TRUE(is_aws_managed_arn("arn:aws:iam::aws:policy/AdministratorAccess"));
  EXPECT_TRUE(is_aws_managed_arn(
      "arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
  EXPECT_FALSE(is_aws_managed_arn("arn:aws:iam::123456789012:policy/Mine"));
  EXPECT_EQ(aws_managed_name("arn:aws:iam::aws:policy/service-role/X"), "X");
  const auto* exec =
      aws_managed_document("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
  ASSERT_NE(exec, nullptr);
  ASSERT_EQ(exec->statements.size(), 1U);
  EXPECT_EQ(exec->statements[0].actions.value.size(), 6U);
  EXPECT_EQ(aws_managed_document("arn:aws:iam::aws:policy/NoSuchPolicy"), nullptr);
}

// Evaluates the role `Role` of a template.
struct Evaluated {
  test::Built built;
  Permissions permissions;
};

void evaluate(Evaluated& e, std::string_view policies) {
  const std::string text = std::string(R"(Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]}
)") + std::string(policies);
  test::build_text(e.built, text);
  ASSERT_TRUE(e.built.out.errors.empty());
  ASSERT_EQ(e.built.out.stack.roles.size(), 1U);
  const Links links(e.built.out.stack);
  e.permissions = permissions_of(links, e.built.out.stack.roles[0]);
}

TEST(IamPermissions, ActionNotActionAndResources) {
  Evaluated e;
  evaluate(e, R"(      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: ['s3:Get*', 'sqs:SendMessage'], Resource: arn:aws:sqs:eu-west-1:1:q}
              - {Effect: Allow, NotAction: 'iam:*', Resource: '*'}
)");
  const Grant get = e.permissions.allows("s3:GetObject");
  EXPECT_EQ(get.allowed, Tri::kYes);
  EXPECT_TRUE(get.all_resources);  // through the NotAction statement
  EXPECT_EQ(e.permissions.allows("iam:PassRole").allowed, Tri::kNo);
  const Grant send = e.permissions.allows("SQS:sendmessage");
  EXPECT_EQ(send.allowed, Tri::kYes);
  ASSERT_NE(send.by, nullptr);
  EXPECT_EQ(send.by->source.name, "p");
  // NotAction Allow on "*": every action outside iam, expanded against the catalogue.
  const auto granted = e.permissions.granted_on_all_resources(
      [](const Action& a) { return a.service == "iam" || a.service == "ecr"; }, 100000);
  ASSERT_FALSE(granted.empty());
  for (const auto& a : granted) EXPECT_EQ(a.service, "ecr");
}

TEST(IamPermissions, DenyRestricts) {
  Evaluated e;
  evaluate(e, R"(      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: '*', Resource: '*'}
              - {Effect: Deny, Action: 'iam:*', Resource: '*'}
              - {Effect: Deny, Action: 's3:DeleteBucket', Resource: '*', Condition: {Bool: {aws:MultiFactorAuthPresent: false}}}
              - {Effect: Deny, Action: 'sqs:*', Resource: 'arn:aws:sqs:*:*:secret'}
)");
  EXPECT_EQ(e.permissions.allows("iam:CreateUser").allowed, Tri::kNo);
  const Grant del = e.permissions.allows("s3:DeleteBucket");
  EXPECT_EQ(del.allowed, Tri::kUnknown);  // a conditional Deny may apply
  EXPECT_TRUE(del.maybe_denied);
  EXPECT_EQ(e.permissions.allows("sqs:DeleteQueue").allowed, Tri::kYes);  // denied on one queue
  EXPECT_EQ(e.permissions.allows("ec2:RunInstances").allowed, Tri::kYes);
}

TEST(IamPermissions, ManagedPoliciesAndUnknowns) {
  Evaluated e;
  evaluate(e, R"(      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSQSFullAccess
        - arn:aws:iam::aws:policy/AmazonTextractFullAccess
)");
  EXPECT_EQ(e.permissions.allows("ecr:BatchGetImage").allowed, Tri::kYes);
  EXPECT_EQ(e.permissions.allows("sqs:PurgeQueue").allowed, Tri::kYes);  // partially known ARN
  ASSERT_EQ(e.permissions.unknowns().size(), 1U);
  EXPECT_EQ(e.permissions.unknowns()[0].why, Unknown::Why::kManagedNotInTable);
  EXPECT_EQ(e.permissions.unknowns()[0].source.name, "AmazonTextractFullAccess");
  // Not granted by the known documents, but the unknown one may grant it.
  const Grant put = e.permissions.allows("s3:PutObject");
  EXPECT_EQ(put.allowed, Tri::kUnknown);
  ASSERT_NE(put.unknown, nullptr);
}

TEST(IamPermissions, ConditionsAndUnknownDocuments) {
  Evaluated e;
  evaluate(e, R"(      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: ecs:ExecuteCommand, Resource: '*', Condition: {StringEquals: {ecs:cluster: arn:aws:ecs:eu-west-1:1:cluster/c}}}
        - PolicyName: q
          PolicyDocument: !Ref AWS::NoValue
        - PolicyName: r
          PolicyDocument: !ImportValue SharedPolicy
)");
  const Grant exec = e.permissions.allows("ecs:ExecuteCommand");
  EXPECT_EQ(exec.allowed, Tri::kYes);
  EXPECT_TRUE(exec.conditional);
  EXPECT_TRUE(e.permissions.granted_on_all_resources([](const Action&) { return true; }, 10)
                  .empty());  // conditional statements are not "on all resources"
  ASSERT_EQ(e.permissions.unknowns().size(), 1U);  // r; q has no document (removed)
  EXPECT_EQ(e.permissions.unknowns()[0].source.name, "r");
}

}  // namespace
}  // namespace ecsguard::analysis::iam
