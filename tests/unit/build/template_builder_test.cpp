// CloudFormation / CDK templates -> model (parse/cfn/template_builder.h via build_model).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "ecsguard/analysis/launch.h"
#include "test_util.h"

namespace ecsguard::parse {
namespace {

using test::build_text;
using test::Built;
using test::errors_of;

// Line numbers matter: the comment on each line is its number.
constexpr std::string_view kApp = R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Image:
    Type: String
    Default: nginx:1.25
  ReadOnly:
    Type: String
Conditions:
  UseReadOnly: !Equals [!Ref ReadOnly, 'yes']
  Never: !Equals [a, b]
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 30
  Task:
    Type: AWS::ECS::TaskDefinition
    Metadata:
      aws:cdk:path: App/Task/Resource
    Properties:
      Family: web
      Cpu: 256
      Memory: '512'
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      TaskRoleArn: !If [UseReadOnly, !GetAtt Role.Arn, !Ref AWS::NoValue]
      ContainerDefinitions:
        - Name: app
          Image: !Ref Image
          Essential: 'true'
          Privileged: false
          ReadonlyRootFilesystem: !If [UseReadOnly, true, false]
          User: 1000
          Environment:
            - Name: MODE
              Value: prod
          Secrets:
            - Name: DB
              ValueFrom: !Ref DbSecret
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref Logs
              awslogs-region: !Ref AWS::Region
          LinuxParameters:
            Capabilities:
              Drop: [ALL]
          PortMappings:
            - ContainerPort: 8080
          DockerLabels:
            audit-critical: 'true'
        - Name: sidecar
          Image: !Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/side:latest'
          HealthCheck:
            Command: [CMD, true]
  Skipped:
    Type: AWS::ECR::Repository
    Condition: Never
  Kept:
    Type: AWS::ECR::Repository
    Condition: UseReadOnly
  DbSecret:
    Type: AWS::SecretsManager::Secret
  Role:
    Type: AWS::IAM::Role
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      LaunchType: FARGATE
      EnableExecuteCommand: 'false'
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
          Subnets: [subnet-1]
)";

class AppTemplate : public ::testing::Test {
 protected:
  void SetUp() override {
    build_text(b_, kApp, "infra/app.yaml");
    ASSERT_EQ(b_.out.kind, InputKind::kCloudFormation);
    ASSERT_TRUE(b_.out.errors.empty()) << errors_of(b_.out);
    ASSERT_EQ(b_.out.stack.task_definitions.size(), 1u);
    ASSERT_EQ(b_.out.stack.task_definitions[0].containers.size(), 2u);
  }
  const model::TaskDefinition& td() const { return b_.out.stack.task_definitions[0]; }
  const model::Container& app() const { return td().containers[0]; }
  const model::Container& sidecar() const { return td().containers[1]; }
  Built b_;
};

TEST_F(AppTemplate, ResourceIdentityAndScope) {
  const auto& id = td().id;
  EXPECT_EQ(id.type, "AWS::ECS::TaskDefinition");
  EXPECT_EQ(id.name, "Task");
  EXPECT_EQ(id.cdk_path, "App/Task/Resource");
  EXPECT_EQ(id.scope, b_.file);
  EXPECT_EQ(id.origin, model::Origin::kCloudFormation);
  EXPECT_EQ(id.loc.line, 16u);
  EXPECT_EQ(id.loc.file, b_.file);
  ASSERT_EQ(b_.out.stack.scopes.size(), 1u);
  EXPECT_EQ(b_.out.stack.scopes[0].id, b_.file);
  EXPECT_EQ(b_.out.stack.scopes[0].file, b_.file);
  EXPECT_TRUE(b_.out.stack.scopes[0].cdk);
  EXPECT_TRUE(b_.out.nested_paths.empty());
}

TEST_F(AppTemplate, TaskLevelFields) {
  EXPECT_EQ(td().family.value, "web");
  EXPECT_EQ(td().family.loc.line, 21u);
  ASSERT_TRUE(td().cpu.known());
  EXPECT_EQ(td().cpu.value, "256");  // a YAML number, kept as text
  EXPECT_EQ(td().memory.value, "512");
  EXPECT_EQ(td().network_mode.value, "awsvpc");
  EXPECT_EQ(analysis::fargate_compatible(td()), core::Tri::kYes);
  EXPECT_EQ(td().requires_compatibilities.loc.line, 25u);
  EXPECT_EQ(td().containers_state, model::Presence::kKnown);
  EXPECT_TRUE(td().execution_role_arn.absent());
}

TEST_F(AppTemplate, FnIfOnUnknownCondition_IsUnknownWithRefs) {
  const auto& role = td().task_role_arn;
  ASSERT_TRUE(role.unknown());
  EXPECT_NE(role.reason.find("UseReadOnly"), std::string::npos) << role.reason;
  EXPECT_NE(role.reason.find("parameter ReadOnly has no default"), std::string::npos);
  EXPECT_EQ(role.loc.line, 26u);
  ASSERT_EQ(role.refs.size(), 1u);
  EXPECT_EQ(role.refs[0], "Role");
  ASSERT_TRUE(app().readonly_root_filesystem.unknown());
  EXPECT_EQ(app().readonly_root_filesystem.loc.line, 32u);
}

TEST_F(AppTemplate, ContainerScalars) {
  EXPECT_EQ(app().loc.line, 28u);
  EXPECT_EQ(app().name.value, "app");
  ASSERT_TRUE(app().image.known());
  EXPECT_EQ(app().image.value, "nginx:1.25");  // parameter default
  EXPECT_EQ(app().image.loc.line, 29u);
  ASSERT_TRUE(app().essential.known());
  EXPECT_TRUE(app().essential.value);
  EXPECT_TRUE(app().essential.from_string);
  EXPECT_EQ(app().essential.loc.line, 30u);
  ASSERT_TRUE(app().privileged.known());
  EXPECT_FALSE(app().privileged.value);
  EXPECT_FALSE(app().privileged.from_string);
  EXPECT_EQ(app().user.value, "1000");
  EXPECT_TRUE(app().memory.absent());
  EXPECT_TRUE(sidecar().essential.absent());
}

TEST_F(AppTemplate, ContainerLists) {
  EXPECT_EQ(app().environment_state, model::Presence::kKnown);
  ASSERT_EQ(app().environment.size(), 1u);
  EXPECT_EQ(app().environment[0].name.value, "MODE");
  EXPECT_EQ(app().environment[0].value.value, "prod");
  EXPECT_EQ(app().environment[0].loc.line, 35u);
  EXPECT_EQ(app().environment[0].value.loc.line, 36u);
  ASSERT_EQ(app().secrets.size(), 1u);
  ASSERT_TRUE(app().secrets[0].value_from.unknown());
  ASSERT_EQ(app().secrets[0].value_from.refs.size(), 1u);
  EXPECT_EQ(app().secrets[0].value_from.refs[0], "DbSecret");
  ASSERT_TRUE(app().capabilities_drop.known());
  ASSERT_EQ(app().capabilities_drop.value.size(), 1u);
  EXPECT_EQ(app().capabilities_drop.value[0].value, "ALL");
  EXPECT_EQ(app().linux_parameters_state, model::Presence::kKnown);
  EXPECT_TRUE(app().capabilities_add.absent());
  ASSERT_EQ(app().port_mappings.size(), 1u);
  EXPECT_EQ(app().port_mappings[0].container_port.value, 8080);
  ASSERT_EQ(app().docker_labels.size(), 1u);
  EXPECT_EQ(app().docker_labels[0].name.value, "audit-critical");
  EXPECT_EQ(app().docker_labels[0].value.value, "true");
  EXPECT_EQ(sidecar().environment_state, model::Presence::kAbsent);
  EXPECT_EQ(sidecar().linux_parameters_state, model::Presence::kAbsent);
}

TEST_F(AppTemplate, LogConfiguration) {
  const auto& lc = app().log_configuration;
  EXPECT_EQ(lc.state, model::Presence::kKnown);
  EXPECT_EQ(lc.loc.line, 40u);
  EXPECT_EQ(lc.driver.value, "awslogs");
  const model::KeyValue* group = lc.option("awslogs-group");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->loc.line, 43u);
  ASSERT_TRUE(group->value.unknown());
  ASSERT_EQ(group->value.refs.size(), 1u);
  EXPECT_EQ(group->value.refs[0], "Logs");
  const model::KeyValue* region = lc.option("awslogs-region");
  ASSERT_NE(region, nullptr);
  EXPECT_TRUE(region->value.unknown());
  EXPECT_EQ(sidecar().log_configuration.state, model::Presence::kAbsent);
}

TEST_F(AppTemplate, PartialImageKeepsTagAndNamesPseudoParameters) {
  const auto& image = sidecar().image;
  ASSERT_TRUE(image.unknown());
  const std::string m(1, kUnknownMark);
  EXPECT_EQ(image.value, m + ".dkr.ecr." + m + ".amazonaws.com/side:latest");
  EXPECT_NE(image.reason.find("AWS::AccountId"), std::string::npos) << image.reason;
  EXPECT_NE(image.reason.find("AWS::Region"), std::string::npos) << image.reason;
  EXPECT_EQ(image.loc.line, 53u);
  EXPECT_EQ(sidecar().health_check.state, model::Presence::kKnown);
  ASSERT_TRUE(sidecar().health_check.command.known());
  ASSERT_EQ(sidecar().health_check.command.value.size(), 2u);
  EXPECT_EQ(sidecar().health_check.command.value[1].value, "true");
}

TEST_F(AppTemplate, ResourceConditions) {
  // Never is false: skipped; UseReadOnly is unknown: kept.
  ASSERT_EQ(b_.out.stack.repositories.size(), 1u);
  EXPECT_EQ(b_.out.stack.repositories[0].id.name, "Kept");
  EXPECT_TRUE(b_.out.stack.repositories[0].repository_name.absent());
  EXPECT_EQ(b_.out.stack.repositories[0].lifecycle_policy.state, model::Presence::kAbsent);
  EXPECT_EQ(b_.out.stack.repositories[0].repository_policy.state, model::Presence::kAbsent);
}

TEST_F(AppTemplate, ServiceLinksToTaskDefinition) {
  ASSERT_EQ(b_.out.stack.services.size(), 1u);
  const auto& s = b_.out.stack.services[0];
  ASSERT_TRUE(s.task_definition.unknown());
  EXPECT_EQ(b_.out.stack.services_using(td()).size(), 1u);
  EXPECT_EQ(s.launch_type.value, "FARGATE");
  ASSERT_TRUE(s.enable_execute_command.known());
  EXPECT_FALSE(s.enable_execute_command.value);
  EXPECT_TRUE(s.enable_execute_command.from_string);
  EXPECT_EQ(s.network.state, model::Presence::kKnown);
  EXPECT_EQ(s.network.loc.line, 72u);
  EXPECT_EQ(s.network.assign_public_ip.value, "ENABLED");
  EXPECT_EQ(s.network.assign_public_ip.loc.line, 74u);
  ASSERT_TRUE(s.network.subnets.known());
  EXPECT_EQ(s.network.subnets.value.size(), 1u);
  EXPECT_TRUE(s.network.security_groups.absent());
  EXPECT_EQ(s.capacity_provider_strategy_state, model::Presence::kAbsent);
}

TEST_F(AppTemplate, SupportingResources) {
  ASSERT_EQ(b_.out.stack.log_groups.size(), 1u);
  EXPECT_EQ(b_.out.stack.log_groups[0].retention_in_days.value, 30);
  EXPECT_TRUE(b_.out.stack.log_groups[0].kms_key_id.absent());
  ASSERT_EQ(b_.out.stack.secrets.size(), 1u);
  EXPECT_EQ(b_.out.stack.secrets[0].id.name, "DbSecret");
  EXPECT_NE(b_.out.stack.find<model::Secret>(b_.file, "DbSecret"), nullptr);
}

TEST(TemplateBuilder, RepositoryDocuments) {
  const char* const text = R"(Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageTagMutability: IMMUTABLE_WITH_EXCLUSION
      ImageTagMutabilityExclusionFilters:
        - ImageTagMutabilityExclusionFilterType: WILDCARD
          ImageTagMutabilityExclusionFilterValue: dev-*
      ImageScanningConfiguration:
        ScanOnPush: true
      EncryptionConfiguration:
        EncryptionType: KMS
        KmsKey: !GetAtt Key.Arn
      LifecyclePolicy:
        LifecyclePolicyText: |
          {"rules": [
            {"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}},
            {"rulePriority": 2, "selection": {"tagStatus": "tagged", "tagPrefixList": ["v"], "countType": "imageCountMoreThan", "countNumber": 5}, "action": {"type": "expire"}}
          ]}
      RepositoryPolicyText:
        Version: '2012-10-17'
        Statement:
          - Sid: Public
            Effect: Allow
            Principal: '*'
            Action: ecr:BatchGetImage
          - Effect: Allow
            Principal:
              AWS: [!Sub 'arn:aws:iam::${AWS::AccountId}:root', '123456789012']
              Service: codebuild.amazonaws.com
            Action: [ecr:PutImage, ecr:InitiateLayerUpload]
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-abc
  StringPolicy:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText: !Sub '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${AWS::AccountId}:root"}, "Action": "ecr:*"}]}'
      LifecyclePolicy:
        LifecyclePolicyText: 'not json'
  Key:
    Type: AWS::KMS::Key
)";
  Built b;
  build_text(b, text);
  ASSERT_TRUE(b.out.errors.empty()) << errors_of(b.out);
  ASSERT_EQ(b.out.stack.repositories.size(), 2u);
  const auto& r = b.out.stack.repositories[0];
  EXPECT_EQ(r.repository_name.value, "app");
  EXPECT_EQ(r.image_tag_mutability.value, "IMMUTABLE_WITH_EXCLUSION");
  ASSERT_EQ(r.mutability_exclusions.size(), 1u);
  EXPECT_EQ(r.mutability_exclusions[0].filter.value, "dev-*");
  EXPECT_EQ(r.mutability_exclusions[0].filter_type.value, "WILDCARD");
  EXPECT_EQ(r.mutability_exclusions[0].loc.line, 8u);
  EXPECT_TRUE(r.scan_on_push.known() && r.scan_on_push.value);
  EXPECT_EQ(r.scan_on_push.loc.line, 11u);
  EXPECT_EQ(r.encryption_type.value, "KMS");
  ASSERT_TRUE(r.kms_key.unknown());
  EXPECT_EQ(r.kms_key.refs, std::vector<std::string>{"Key"});

  ASSERT_EQ(r.lifecycle_policy.state, model::Presence::kKnown) << r.lifecycle_policy.reason;
  EXPECT_EQ(r.lifecycle_policy.loc.line, 15u);
  ASSERT_EQ(r.lifecycle_policy.rules.size(), 2u);
  EXPECT_EQ(r.lifecycle_policy.rules[0].tag_status.value, "untagged");
  EXPECT_EQ(r.lifecycle_policy.rules[0].count_type.value, "sinceImagePushed");
  EXPECT_EQ(r.lifecycle_policy.rules[0].action_type.value, "expire");
  EXPECT_EQ(r.lifecycle_policy.rules[1].priority.value, 2);
  EXPECT_EQ(r.lifecycle_policy.rules[1].count_number.value, 5);
  ASSERT_TRUE(r.lifecycle_policy.rules[1].tag_prefix_list.known());
  EXPECT_EQ(r.lifecycle_policy.rules[1].tag_prefix_list.value[0].value, "v");

  const auto& pol = r.repository_policy;
  ASSERT_EQ(pol.state, model::Presence::kKnown) << pol.reason;
  EXPECT_EQ(pol.loc.line, 21u);
  ASSERT_EQ(pol.statements.size(), 2u);
  const auto& s0 = pol.statements[0];
  EXPECT_EQ(s0.sid.value, "Public");
  EXPECT_TRUE(s0.has_principal);
  ASSERT_EQ(s0.principals.size(), 1u);
  EXPECT_EQ(s0.principals[0].type, "*");
  EXPECT_EQ(s0.principals[0].value.value, "*");
  ASSERT_TRUE(s0.actions.known());
  ASSERT_EQ(s0.actions.value.size(), 1u);  // a single string is a one-element list
  EXPECT_EQ(s0.actions.value[0].value, "ecr:BatchGetImage");
  EXPECT_EQ(s0.loc.line, 24u);
  const auto& s1 = pol.statements[1];
  ASSERT_EQ(s1.principals.size(), 3u);
  EXPECT_EQ(s1.principals[0].type, "AWS");
  ASSERT_TRUE(s1.principals[0].value.unknown());
  EXPECT_NE(s1.principals[0].value.reason.find("AWS::AccountId"), std::string::npos);
  EXPECT_EQ(s1.principals[1].value.value, "123456789012");
  EXPECT_EQ(s1.principals[2].type, "Service");
  ASSERT_EQ(s1.conditions.size(), 1u);
  EXPECT_EQ(s1.conditions[0].op, "StringEquals");
  EXPECT_EQ(s1.conditions[0].key, "aws:PrincipalOrgID");
  ASSERT_TRUE(s1.conditions[0].values.known());
  EXPECT_EQ(s1.conditions[0].values.value[0].value, "o-abc");

  // JSON text with ${AWS::AccountId} inside a string: parsed, that string partially known.
  const auto& r2 = b.out.stack.repositories[1];
  ASSERT_EQ(r2.repository_policy.state, model::Presence::kKnown) << r2.repository_policy.reason;
  ASSERT_EQ(r2.repository_policy.statements.size(), 1u);
  const auto& st = r2.repository_policy.statements[0];
  ASSERT_EQ(st.principals.size(), 1u);
  EXPECT_EQ(st.principals[0].type, "AWS");
  ASSERT_TRUE(st.principals[0].value.unknown());
  EXPECT_NE(st.principals[0].value.reason.find("AWS::AccountId"), std::string::npos);
  EXPECT_EQ(st.principals[0].value.value, std::string("arn:aws:iam::") + kUnknownMark + ":root");
  EXPECT_EQ(st.actions.value[0].value, "ecr:*");
  EXPECT_EQ(st.loc.line, 39u);  // positions inside the text are the text's position
  EXPECT_EQ(r2.lifecycle_policy.state, model::Presence::kUnknown);
  EXPECT_NE(r2.lifecycle_policy.reason.find("not valid JSON"), std::string::npos);
}

TEST(TemplateBuilder, ClusterAndFriends) {
  const char* const text = R"(Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: enhanced
      Configuration:
        ManagedStorageConfiguration:
          FargateEphemeralStorageKmsKeyId: !Ref Key
        ExecuteCommandConfiguration:
          Logging: OVERRIDE
      DefaultCapacityProviderStrategy:
        - CapacityProvider: FARGATE_SPOT
  Assoc:
    Type: AWS::ECS::ClusterCapacityProviderAssociations
    Properties:
      Cluster: !Ref Cluster
      DefaultCapacityProviderStrategy:
        - CapacityProvider: FARGATE
  Key:
    Type: AWS::KMS::Key
  Scanning:
    Type: AWS::ECR::RegistryScanningConfiguration
    Properties:
      ScanType: ENHANCED
      Rules:
        - ScanFrequency: CONTINUOUS_SCAN
          RepositoryFilters:
            - Filter: '*'
              FilterType: WILDCARD
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: 'true'
  Ap:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: !Ref Fs
      PosixUser: {Uid: '1000', Gid: '1000'}
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db
      Type: String
      Value: x
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Secret
      RotationRules:
        AutomaticallyAfterDays: 30
        ScheduleExpression: rate(30 days)
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: alias/app
  TaskSet:
    Type: AWS::ECS::TaskSet
    Properties:
      Cluster: !Ref Cluster
      Service: svc
      TaskDefinition: td
      NetworkConfiguration:
        AwsVpcConfiguration:
          AssignPublicIp: DISABLED
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Tg
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Actions:
        - Type: forward
          ForwardConfig:
            TargetGroups:
              - TargetGroupArn: !Ref Tg2
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
  Tg2:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
)";
  Built b;
  build_text(b, text);
  ASSERT_TRUE(b.out.errors.empty()) << errors_of(b.out);
  const auto& st = b.out.stack;
  ASSERT_EQ(st.clusters.size(), 1u);
  const auto& c = st.clusters[0];
  EXPECT_EQ(c.container_insights.value, "enhanced");
  EXPECT_EQ(c.container_insights.loc.line, 7u);
  EXPECT_EQ(c.settings_loc.line, 5u);
  ASSERT_TRUE(c.fargate_ephemeral_storage_kms_key.unknown());
  EXPECT_EQ(c.fargate_ephemeral_storage_kms_key.refs, std::vector<std::string>{"Key"});
  EXPECT_EQ(c.exec_logging.value, "OVERRIDE");
  ASSERT_EQ(c.default_capacity_provider_strategy.size(), 1u);
  EXPECT_EQ(c.default_capacity_provider_strategy[0].provider.value, "FARGATE_SPOT");
  ASSERT_EQ(st.capacity_provider_associations.size(), 1u);
  EXPECT_EQ(st.capacity_provider_associations[0].cluster.refs, std::vector<std::string>{"Cluster"});
  EXPECT_EQ(
      st.capacity_provider_associations[0].default_capacity_provider_strategy[0].provider.value,
      "FARGATE");
  ASSERT_EQ(st.registry_scanning.size(), 1u);
  EXPECT_EQ(st.registry_scanning[0].scan_type.value, "ENHANCED");
  ASSERT_EQ(st.registry_scanning[0].rules.size(), 1u);
  EXPECT_EQ(st.registry_scanning[0].rules[0].scan_frequency.value, "CONTINUOUS_SCAN");
  ASSERT_EQ(st.registry_scanning[0].rules[0].filters.size(), 1u);
  EXPECT_EQ(st.registry_scanning[0].rules[0].filters[0].filter.value, "*");
  ASSERT_EQ(st.efs_file_systems.size(), 1u);
  EXPECT_TRUE(st.efs_file_systems[0].encrypted.value);
  EXPECT_TRUE(st.efs_file_systems[0].encrypted.from_string);
  ASSERT_EQ(st.efs_access_points.size(), 1u);
  EXPECT_EQ(st.efs_access_points[0].posix_user_state, model::Presence::kKnown);
  EXPECT_EQ(st.efs_access_points[0].root_directory_state, model::Presence::kAbsent);
  EXPECT_EQ(st.efs_access_points[0].file_system_id.refs, std::vector<std::string>{"Fs"});
  ASSERT_EQ(st.ssm_parameters.size(), 1u);
  EXPECT_EQ(st.ssm_parameters[0].type.value, "String");
  EXPECT_EQ(st.ssm_parameters[0].name.value, "/app/db");
  ASSERT_EQ(st.rotation_schedules.size(), 1u);
  EXPECT_EQ(st.rotation_schedules[0].secret_id.refs, std::vector<std::string>{"Secret"});
  EXPECT_EQ(st.rotation_schedules[0].rules_state, model::Presence::kKnown);
  EXPECT_EQ(st.rotation_schedules[0].automatically_after_days.value, 30);
  EXPECT_EQ(st.rotation_schedules[0].schedule_expression.value, "rate(30 days)");
  ASSERT_EQ(st.secrets.size(), 1u);
  EXPECT_EQ(st.secrets[0].kms_key_id.value, "alias/app");
  ASSERT_EQ(st.task_sets.size(), 1u);
  EXPECT_EQ(st.task_sets[0].network.assign_public_ip.value, "DISABLED");
  ASSERT_EQ(st.load_balancers.size(), 1u);
  EXPECT_EQ(st.load_balancers[0].scheme.value, "internal");
  EXPECT_TRUE(st.load_balancers[0].type.absent());
  ASSERT_EQ(st.listeners.size(), 2u);
  EXPECT_EQ(st.listeners[0].load_balancer.refs, std::vector<std::string>{"Lb"});
  ASSERT_EQ(st.listeners[0].target_groups.size(), 1u);
  EXPECT_EQ(st.listeners[0].target_groups[0].refs, std::vector<std::string>{"Tg"});
  EXPECT_EQ(st.listeners[1].listener.refs, std::vector<std::string>{"Listener"});
  ASSERT_EQ(st.listeners[1].target_groups.size(), 1u);
  EXPECT_EQ(st.listeners[1].target_groups[0].refs, std::vector<std::string>{"Tg2"});
}

TEST(TemplateBuilder, UnknownContainerDefinitionsAndVolumes) {
  const char* const text = R"(Parameters:
  Flag:
    Type: String
Conditions:
  Flagged: !Equals [!Ref Flag, x]
Resources:
  Td:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: !If [Flagged, [{Name: a, Image: a}], [{Name: b, Image: b}]]
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-1
            TransitEncryption: ENABLED
            AuthorizationConfig:
              IAM: ENABLED
              AccessPointId: fsap-1
        - Name: host
          Host:
            SourcePath: /var/run/docker.sock
        - Name: docker
          DockerVolumeConfiguration: {Scope: task}
  Td2:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - {Name: known, Image: x}
        - !If [Flagged, {Name: maybe, Image: y}, !Ref AWS::NoValue]
)";
  Built b;
  build_text(b, text);
  ASSERT_TRUE(b.out.errors.empty()) << errors_of(b.out);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 2u);
  const auto& td = b.out.stack.task_definitions[0];
  EXPECT_EQ(td.containers_state, model::Presence::kUnknown);
  EXPECT_NE(td.containers_reason.find("Flagged"), std::string::npos) << td.containers_reason;
  EXPECT_TRUE(td.containers.empty());
  ASSERT_EQ(td.volumes.size(), 3u);
  EXPECT_EQ(td.volumes[0].efs_state, model::Presence::kKnown);
  EXPECT_EQ(td.volumes[0].efs.file_system_id.value, "fs-1");
  EXPECT_EQ(td.volumes[0].efs.transit_encryption.value, "ENABLED");
  EXPECT_EQ(td.volumes[0].efs.iam.value, "ENABLED");
  EXPECT_EQ(td.volumes[0].efs.access_point_id.value, "fsap-1");
  EXPECT_EQ(td.volumes[1].host_state, model::Presence::kKnown);
  EXPECT_EQ(td.volumes[1].host_source_path.value, "/var/run/docker.sock");
  EXPECT_TRUE(td.volumes[2].docker_volume_configuration);
  EXPECT_EQ(td.volumes[2].efs_state, model::Presence::kAbsent);
  const auto& td2 = b.out.stack.task_definitions[1];
  EXPECT_EQ(td2.containers_state, model::Presence::kUnknown);
  ASSERT_EQ(td2.containers.size(), 1u);
  EXPECT_EQ(td2.containers[0].name.value, "known");
  EXPECT_NE(td2.containers_reason.find("#2"), std::string::npos) << td2.containers_reason;
}

TEST(TemplateBuilder, BadResources_AreLocatedErrors_RestStillBuilds) {
  const char* const text = R"(Resources:
  Broken:
    Type: AWS::ECS::TaskDefinition
    Properties: [not, a, map]
  NotAMap: just a string
  NoType:
    Properties: {}
  Good:
    Type: AWS::ECR::Repository
  Cyclic:
    Type: AWS::ECR::Repository
    Condition: Loop
Conditions:
  Loop: !Condition Loop
)";
  Built b;
  build_text(b, text);
  ASSERT_EQ(b.out.errors.size(), 4u) << errors_of(b.out);
  EXPECT_EQ(b.out.errors[0].code, core::Errc::kInvalid);
  EXPECT_EQ(b.out.errors[0].where.line, 4u);
  EXPECT_EQ(b.out.errors[0].where.file, b.file);
  EXPECT_NE(b.out.errors[0].message.find("Broken"), std::string::npos);
  EXPECT_EQ(b.out.errors[1].where.line, 5u);
  EXPECT_EQ(b.out.errors[2].where.line, 6u);
  EXPECT_NE(b.out.errors[3].message.find("cycle"), std::string::npos);
  ASSERT_EQ(b.out.stack.repositories.size(), 1u);
  EXPECT_EQ(b.out.stack.repositories[0].id.name, "Good");
  EXPECT_TRUE(b.out.stack.task_definitions.empty());
}

TEST(TemplateBuilder, ForEachWithoutTransform_IsAnInputError) {
  const char* const text = R"(Resources:
  Fn::ForEach::Repos:
    - Name
    - [a, b]
    - Repo${Name}:
        Type: AWS::ECR::Repository
  Plain:
    Type: AWS::ECR::Repository
)";
  Built b;
  build_text(b, text);
  ASSERT_EQ(b.out.errors.size(), 1u) << errors_of(b.out);
  EXPECT_EQ(b.out.errors[0].code, core::Errc::kInvalid);
  EXPECT_EQ(b.out.errors[0].where.line, 2u);
  EXPECT_EQ(b.out.stack.repositories.size(), 1u);
}

TEST(TemplateBuilder, ResourceLimit_BuildsTheFirstN) {
  std::string text = "Resources:\n";
  for (int i = 0; i < 12; ++i) {
    text += "  R" + std::to_string(i) + ":\n    Type: AWS::Logs::LogGroup\n";
  }
  core::Limits limits;
  limits.max_resources = 10;
  Built b;
  build_text(b, text, "many.yaml", limits);
  ASSERT_EQ(b.out.errors.size(), 1u);
  EXPECT_EQ(b.out.errors[0].code, core::Errc::kLimit);
  EXPECT_EQ(b.out.errors[0].where.line, 1u);
  EXPECT_NE(b.out.errors[0].message.find("max_resources"), std::string::npos);
  EXPECT_EQ(b.out.stack.log_groups.size(), 10u);
}

TEST(TemplateBuilder, IntrinsicDepthLimit_DropsOnlyThatResource) {
  const std::string deep = test::nested_base64(80);
  const std::string text =
      "Resources:\n  Deep:\n    Type: AWS::Logs::LogGroup\n    Properties:\n"
      "      LogGroupName: " +
      deep + "\n  Fine:\n    Type: AWS::Logs::LogGroup\n";
  Built b;
  build_text(b, text);
  ASSERT_EQ(b.out.errors.size(), 1u) << errors_of(b.out);
  EXPECT_EQ(b.out.errors[0].code, core::Errc::kLimit);
  EXPECT_NE(b.out.errors[0].message.find("Deep"), std::string::npos);
  ASSERT_EQ(b.out.stack.log_groups.size(), 1u);
  EXPECT_EQ(b.out.stack.log_groups[0].id.name, "Fine");
}

TEST(TemplateBuilder, JsonTemplate_CdkStyle) {
  const char* const text = R"({
  "Resources": {
    "TaskDef54694570": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "ContainerDefinitions": [
          {
            "Essential": true,
            "Image": "public.ecr.aws/nginx/nginx:latest",
            "Name": "web",
            "ReadonlyRootFilesystem": "false"
          }
        ],
        "Cpu": "256"
      },
      "Metadata": {"aws:cdk:path": "Stack/TaskDef/Resource"}
    }
  }
})";
  Built b;
  build_text(b, text, "cdk.out/Stack.template.json");
  ASSERT_EQ(b.out.kind, InputKind::kCloudFormation);
  ASSERT_TRUE(b.out.errors.empty()) << errors_of(b.out);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  const auto& td = b.out.stack.task_definitions[0];
  EXPECT_EQ(td.id.loc.line, 3u);
  EXPECT_EQ(td.id.cdk_path, "Stack/TaskDef/Resource");
  ASSERT_EQ(td.containers.size(), 1u);
  const auto& c = td.containers[0];
  EXPECT_EQ(c.loc.line, 7u);
  EXPECT_EQ(c.image.loc.line, 9u);
  EXPECT_TRUE(c.readonly_root_filesystem.known());
  EXPECT_FALSE(c.readonly_root_filesystem.value);
  EXPECT_TRUE(c.readonly_root_filesystem.from_string);
  EXPECT_EQ(c.readonly_root_filesystem.loc.line, 11u);
  EXPECT_TRUE(b.out.stack.scopes[0].cdk);
}

TEST(TemplateBuilder, DetectKind) {
  EXPECT_EQ(detect_kind(test::load("Resources: {}")), InputKind::kCloudFormation);
  EXPECT_EQ(detect_kind(test::load("AWSTemplateFormatVersion: '2010-09-09'")),
            InputKind::kCloudFormation);
  EXPECT_EQ(detect_kind(test::load("{\"family\": \"x\", \"containerDefinitions\": []}")),
            InputKind::kTaskDefinition);
  EXPECT_EQ(detect_kind(test::load("{\"taskDefinition\": {\"family\": \"x\"}}")),
            InputKind::kTaskDefinition);
  EXPECT_EQ(detect_kind(test::load("[{\"name\": \"a\", \"image\": \"b\"}]")),
            InputKind::kContainerDefinitions);
  EXPECT_EQ(detect_kind(test::load("[{\"image\": \"b\"}]")), InputKind::kContainerDefinitions);
  EXPECT_EQ(detect_kind(test::load("{\"name\": \"a\", \"image\": \"b\", \"cpu\": 1}")),
            InputKind::kContainerDefinitions);
  EXPECT_EQ(detect_kind(test::load("{\"image\": \"b\", \"essential\": true}")),
            InputKind::kContainerDefinitions);
  EXPECT_EQ(detect_kind(test::load("{\"image\": \"b\"}")), InputKind::kUnknown);
  EXPECT_EQ(detect_kind(test::load("[{\"name\": \"a\"}]")), InputKind::kUnknown);
  EXPECT_EQ(detect_kind(test::load("[]")), InputKind::kUnknown);
  EXPECT_EQ(detect_kind(test::load("{\"name\": \"pkg\", \"version\": \"1\"}")),
            InputKind::kUnknown);
  EXPECT_EQ(detect_kind(test::load("Resources: 3")), InputKind::kUnknown);
  EXPECT_EQ(detect_kind(test::load("just text")), InputKind::kUnknown);
}

}  // namespace
}  // namespace ecsguard::parse
