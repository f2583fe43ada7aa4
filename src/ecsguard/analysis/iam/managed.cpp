#include "ecsguard/analysis/iam/managed.h"

#include <initializer_list>
#include <map>
#include <string>

#include "ecsguard/model/partial_str.h"

namespace ecsguard::analysis::iam {

namespace {

struct StatementSpec {
  bool not_action = false;  // the list is NotAction
  std::initializer_list<std::string_view> actions;
};

struct PolicySpec {
  std::string_view name;
  std::initializer_list<StatementSpec> statements;  // Allow, Resource "*"
};

// Allow statements on Resource "*" (the documents of these policies grant on "*"; where AWS
// scopes a statement more narrowly, the narrower scope is noted and the grant kept on "*", the
// conservative reading for least-privilege checks).
const PolicySpec policy_specs[] = {
    {"AdministratorAccess", {{false, {"*"}}}},
    {"PowerUserAccess",
     {{true, {"iam:*", "organizations:*", "account:*"}},
      {false,
       {"iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
        "organizations:DescribeOrganization", "account:ListRegions",
        "account:GetAccountInformation"}}}},
    {"IAMFullAccess",
     {{false,
       {"iam:*", "organizations:DescribeAccount", "organizations:DescribeOrganization",
        "organizations:DescribeOrganizationalUnit", "organizations:DescribePolicy",
        "organizations:ListChildren", "organizations:ListParents",
        "organizations:ListPoliciesForTarget", "organizations:ListRoots",
        "organizations:ListPolicies", "organizations:ListTargetsForPolicy"}}}},
    {"AmazonECSTaskExecutionRolePolicy",
     {{false,
       {"ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream",
        "logs:PutLogEvents"}}}},
    {"AmazonEC2ContainerRegistryReadOnly",
     {{false,
       {"ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer", "ecr:GetRepositoryPolicy", "ecr:DescribeRepositories",
        "ecr:ListImages", "ecr:DescribeImages", "ecr:BatchGetImage", "ecr:GetLifecyclePolicy",
        "ecr:GetLifecyclePolicyPreview", "ecr:ListTagsForResource",
        "ecr:DescribeImageScanFindings"}}}},
    {"AmazonEC2ContainerRegistryPullOnly",
     {{false,
       {"ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage"}}}},
    {"AmazonEC2ContainerRegistryPowerUser",
     {{false,
       {"ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer", "ecr:GetRepositoryPolicy", "ecr:DescribeRepositories",
        "ecr:ListImages", "ecr:DescribeImages", "ecr:BatchGetImage", "ecr:GetLifecyclePolicy",
        "ecr:GetLifecyclePolicyPreview", "ecr:ListTagsForResource", "ecr:DescribeImageScanFindings",
        "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
        "ecr:PutImage"}}}},
    {"AmazonEC2ContainerRegistryFullAccess", {{false, {"ecr:*", "cloudtrail:LookupEvents"}}}},
    {"AmazonS3FullAccess", {{false, {"s3:*", "s3-object-lambda:*"}}}},
    {"AmazonS3ReadOnlyAccess",
     {{false,
       {"s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*",
        "s3-object-lambda:List*"}}}},
    {"AmazonDynamoDBFullAccess",
     {{false,
       {"dynamodb:*", "dax:*", "application-autoscaling:*", "cloudwatch:*", "iam:PassRole", "sns:*",
        "kms:DescribeKey", "kms:ListAliases", "lambda:*", "ec2:Describe*"}}}},
    {"AmazonSQSFullAccess", {{false, {"sqs:*"}}}},
    {"AmazonSNSFullAccess", {{false, {"sns:*"}}}},
    {"CloudWatchLogsFullAccess", {{false, {"logs:*", "cloudwatch:GenerateQuery"}}}},
    {"CloudWatchFullAccess",
     {{false,
       {"autoscaling:Describe*", "cloudwatch:*", "logs:*", "sns:*", "iam:GetPolicy",
        "iam:GetPolicyVersion", "iam:GetRole", "oam:ListSinks"}}}},
    {"CloudWatchAgentServerPolicy",
     {{false,
       {"cloudwatch:PutMetricData", "ec2:DescribeVolumes", "ec2:DescribeTags", "logs:PutLogEvents",
        "logs:PutRetentionPolicy", "logs:DescribeLogStreams", "logs:DescribeLogGroups",
        "logs:CreateLogStream", "logs:CreateLogGroup", "xray:PutTraceSegments",
        "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
        "xray:GetSamplingStatisticSummaries", "ssm:GetParameter"}}}},
    {"SecretsManagerReadWrite",
     {{false,
       {"secretsmanager:*", "cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet",
        "cloudformation:DescribeStackResource", "cloudformation:DescribeStacks",
        "cloudformation:ExecuteChangeSet", "docdb-elastic:GetCluster", "docdb-elastic:ListClusters",
        "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "kms:DescribeKey",
        "kms:ListAliases", "kms:ListKeys", "lambda:ListFunctions", "rds:DescribeDBClusters",
        "rds:DescribeDBInstances", "redshift:DescribeClusters", "tag:GetResources"}}}},
    {"AmazonSSMReadOnlyAccess", {{false, {"ssm:Describe*", "ssm:Get*", "ssm:List*"}}}},
    {"AmazonSSMManagedInstanceCore",
     {{false,
       {"ssm:DescribeAssociation",
        "ssm:GetDeployablePatchSnapshotForInstance",
        "ssm:GetDocument",
        "ssm:DescribeDocument",
        "ssm:GetManifest",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:ListAssociations",
        "ssm:ListInstanceAssociations",
        "ssm:PutInventory",
        "ssm:PutComplianceItems",
        "ssm:PutConfigurePackageResult",
        "ssm:UpdateAssociationStatus",
        "ssm:UpdateInstanceAssociationStatus",
        "ssm:UpdateInstanceInformation",
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
        "ec2messages:AcknowledgeMessage",
        "ec2messages:DeleteMessage",
        "ec2messages:FailMessage",
        "ec2messages:GetEndpoint",
        "ec2messages:GetMessages",
        "ec2messages:SendReply"}}}},
    {"AmazonECS_FullAccess",
     {{false,
       {"ecs:*", "elasticloadbalancing:*", "application-autoscaling:*", "appmesh:*",
        "autoscaling:*", "cloudformation:*", "cloudwatch:*", "codedeploy:*", "ec2:*", "events:*",
        "iam:ListAttachedRolePolicies", "iam:ListInstanceProfiles", "iam:ListRoles", "logs:*",
        "route53:*", "servicediscovery:*", "sns:*", "iam:PassRole",
        "iam:CreateServiceLinkedRole"}}}},
    {"AmazonEC2ContainerServiceRole",
     {{false,
       {"ec2:AuthorizeSecurityGroupIngress", "ec2:Describe*",
        "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
        "elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:Describe*",
        "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
        "elasticloadbalancing:RegisterTargets"}}}},
    {"AWSXRayDaemonWriteAccess",
     {{false,
       {"xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
        "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"}}}},
};

model::PolicyDocument document_of(const PolicySpec& spec) {
  model::PolicyDocument doc;
  doc.state = model::Presence::kKnown;
  for (const auto& s : spec.statements) {
    model::Statement st;
    st.effect = model::Str::of("Allow");
    std::vector<model::Str> actions;
    for (const auto a : s.actions) actions.push_back(model::Str::of(std::string(a)));
    (s.not_action ? st.not_actions : st.actions) = model::StrList::of(std::move(actions));
    st.resources = model::StrList::of({model::Str::of("*")});
    doc.statements.push_back(std::move(st));
  }
  return doc;
}

const std::map<std::string_view, model::PolicyDocument>& table() {
  static const std::map<std::string_view, model::PolicyDocument> kDocs = [] {
    std::map<std::string_view, model::PolicyDocument> m;
    for (const auto& p : policy_specs) m.emplace(p.name, document_of(p));
    return m;
  }();
  return kDocs;
}

}  // namespace

bool is_aws_managed_arn(std::string_view arn) noexcept {
  // arn:<partition>:iam::aws:policy/...
  if (!arn.starts_with("arn:")) return false;
  const auto at = arn.find(":iam::aws:policy/");
  return at != std::string_view::npos && arn.find(':', 4) == at;
}

std::string_view aws_managed_name(std::string_view arn) noexcept {
  const auto slash = arn.rfind('/');
  return slash == std::string_view::npos ? arn : arn.substr(slash + 1);
}

std::string aws_managed_policy_name(const model::Str& arn) {
  if (arn.known()) {
    return is_aws_managed_arn(arn.value) ? std::string(aws_managed_name(arn.value)) : std::string();
  }
  if (!arn.unknown() || model::partial::ends_unknown(arn.value)) return {};
  const auto segments = model::partial::known_segments(arn.value);
  if (segments.empty()) return {};
  const std::string& last = segments.back();
  if (last.find(":iam::aws:policy/") == std::string::npos) return {};
  return std::string(aws_managed_name(last));
}

const model::PolicyDocument* aws_managed_document(std::string_view arn) {
  if (!is_aws_managed_arn(arn)) return nullptr;
  const auto& docs = table();
  const auto it = docs.find(aws_managed_name(arn));
  return it == docs.end() ? nullptr : &it->second;
}

}  // namespace ecsguard::analysis::iam
