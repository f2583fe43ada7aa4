// ECS task definition JSON -> model (parse/taskdef/taskdef_json.h via build_model).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "ecsguard/analysis/launch.h"
#include "test_util.h"

namespace ecsguard::parse {
namespace {

using test::build_text;
using test::Built;

constexpr std::string_view kRegister = R"({
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": 256,
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"},
  "volumes": [
    {"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "DISABLED",
     "authorizationConfig": {"iam": "ENABLED", "accessPointId": "fsap-1"}}}
  ],
  "containerDefinitions": [
    {
      "name": "app",
      "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:0123",
      "essential": "true",
      "readonlyRootFilesystem": true,
      "user": "1000:1000",
      "memoryReservation": 256,
      "environment": [{"name": "PASSWORD", "value": "hunter2"}],
      "environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "type": "s3"}],
      "secrets": [{"name": "DB", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"}],
      "mountPoints": [{"sourceVolume": "data", "containerPath": "/data", "readOnly": null}],
      "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "mode": "non-blocking"},
                           "secretOptions": [{"name": "token", "valueFrom": "arn:x"}]},
      "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]},
      "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"], "drop": ["ALL"]}, "initProcessEnabled": true},
      "dockerSecurityOptions": ["no-new-privileges"],
      "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:x"},
      "entryPoint": ["/bin/app"],
      "command": ["serve"],
      "portMappings": [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp"}],
      "dockerLabels": {"team": "a"}
    }
  ]
})";

TEST(TaskDefinitionJson, RegisterShape) {
  Built b;
  build_text(b, kRegister, "taskdefs/web.json");
  ASSERT_EQ(b.out.kind, InputKind::kTaskDefinition);
  ASSERT_TRUE(b.out.errors.empty());
  ASSERT_EQ(b.out.stack.scopes.size(), 1u);
  EXPECT_EQ(b.out.stack.scopes[0].origin, model::Origin::kTaskDefinitionJson);
  EXPECT_EQ(b.out.stack.scopes[0].id, b.file);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  const auto& td = b.out.stack.task_definitions[0];
  EXPECT_EQ(td.id.type, "AWS::ECS::TaskDefinition");
  EXPECT_EQ(td.id.name, "web");
  EXPECT_EQ(td.id.origin, model::Origin::kTaskDefinitionJson);
  EXPECT_EQ(td.id.scope, b.file);
  EXPECT_EQ(td.id.loc.line, 1u);
  EXPECT_EQ(td.family.loc.line, 2u);
  EXPECT_EQ(td.cpu.value, "256");  // JSON number normalized to text
  EXPECT_EQ(td.memory.value, "512");
  EXPECT_EQ(analysis::fargate_compatible(td), core::Tri::kYes);
  EXPECT_EQ(td.operating_system_family.value, "LINUX");
  EXPECT_EQ(td.cpu_architecture.value, "ARM64");
  EXPECT_TRUE(td.task_role_arn.absent());
  EXPECT_TRUE(td.revision.absent());
  EXPECT_FALSE(td.containers_only);
  ASSERT_EQ(td.volumes.size(), 1u);
  EXPECT_EQ(td.volumes[0].efs_state, model::Presence::kKnown);
  EXPECT_EQ(td.volumes[0].efs.file_system_id.value, "fs-1");
  EXPECT_EQ(td.volumes[0].efs.transit_encryption.value, "DISABLED");
  EXPECT_EQ(td.volumes[0].efs.iam.value, "ENABLED");
  EXPECT_EQ(td.volumes[0].efs.access_point_id.value, "fsap-1");

  ASSERT_EQ(td.containers.size(), 1u);
  const auto& c = td.containers[0];
  EXPECT_EQ(c.loc.line, 14u);
  EXPECT_EQ(c.name.value, "app");
  EXPECT_EQ(c.image.loc.line, 16u);
  EXPECT_TRUE(c.essential.value);
  EXPECT_TRUE(c.essential.from_string);  // a smell in task definition JSON
  EXPECT_TRUE(c.readonly_root_filesystem.value);
  EXPECT_FALSE(c.readonly_root_filesystem.from_string);
  EXPECT_EQ(c.user.value, "1000:1000");
  EXPECT_EQ(c.memory_reservation.value, 256);
  ASSERT_EQ(c.environment.size(), 1u);
  EXPECT_EQ(c.environment[0].value.value, "hunter2");
  ASSERT_TRUE(c.environment_files.known());
  EXPECT_EQ(c.environment_files.value[0].value, "arn:aws:s3:::bucket/app.env");
  ASSERT_EQ(c.secrets.size(), 1u);
  EXPECT_EQ(c.secrets[0].name.value, "DB");
  ASSERT_EQ(c.mount_points.size(), 1u);
  EXPECT_TRUE(c.mount_points[0].read_only.absent());  // null = not written
  EXPECT_EQ(c.mount_points[0].container_path.value, "/data");
  EXPECT_EQ(c.log_configuration.state, model::Presence::kKnown);
  ASSERT_NE(c.log_configuration.option("mode"), nullptr);
  EXPECT_EQ(c.log_configuration.option("mode")->value.value, "non-blocking");
  ASSERT_EQ(c.log_configuration.secret_options.size(), 1u);
  ASSERT_TRUE(c.health_check.command.known());
  EXPECT_EQ(c.health_check.command.value.size(), 2u);
  ASSERT_TRUE(c.capabilities_add.known());
  EXPECT_EQ(c.capabilities_add.value[0].value, "SYS_PTRACE");
  EXPECT_EQ(c.capabilities_drop.value[0].value, "ALL");
  EXPECT_TRUE(c.init_process_enabled.value);
  EXPECT_EQ(c.docker_security_options.value[0].value, "no-new-privileges");
  EXPECT_EQ(c.repository_credentials.value, "arn:aws:secretsmanager:x");
  EXPECT_TRUE(c.repository_credentials_loc.valid());
  EXPECT_EQ(c.entry_point.value[0].value, "/bin/app");
  EXPECT_EQ(c.command.value[0].value, "serve");
  ASSERT_EQ(c.port_mappings.size(), 1u);
  EXPECT_EQ(c.port_mappings[0].host_port.value, 8080);
  EXPECT_EQ(c.port_mappings[0].protocol.value, "tcp");
  ASSERT_EQ(c.docker_labels.size(), 1u);
  EXPECT_EQ(c.docker_labels[0].name.value, "team");
}

TEST(TaskDefinitionJson, DescribeShape_FamilyAndRevision) {
  const char* const text = R"({
  "taskDefinition": {
    "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7",
    "family": "api",
    "revision": 7,
    "status": "ACTIVE",
    "compatibilities": ["EC2", "FARGATE"],
    "containerDefinitions": [
      {"name": "api", "image": "nginx", "privileged": true}
    ]
  },
  "tags": []
})";
  Built b;
  build_text(b, text, "describe.json");
  ASSERT_EQ(b.out.kind, InputKind::kTaskDefinition);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  const auto& td = b.out.stack.task_definitions[0];
  EXPECT_EQ(td.id.name, "api");
  EXPECT_EQ(td.id.loc.line, 2u);
  EXPECT_EQ(td.revision.value, 7);
  EXPECT_TRUE(td.requires_compatibilities.absent());  // compatibilities is not it
  ASSERT_EQ(td.containers.size(), 1u);
  EXPECT_TRUE(td.containers[0].privileged.value);
  EXPECT_EQ(td.containers[0].privileged.loc.line, 9u);
}

TEST(TaskDefinitionJson, RegisterWithoutFamily_NamedAfterFile) {
  Built b;
  build_text(b, R"({"containerDefinitions": [{"name": "a", "image": "b"}]})",
             "deploy/service.taskdef.json");
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  EXPECT_EQ(b.out.stack.task_definitions[0].id.name, "service.taskdef");
}

TEST(TaskDefinitionJson, ContainerArray_SyntheticTaskDefinition) {
  const char* const text = R"([
  {"name": "a", "image": "nginx:latest", "essential": true},
  {"name": "b", "image": "busybox", "user": "root"}
])";
  Built b;
  build_text(b, text, "containers/defs.json");
  ASSERT_EQ(b.out.kind, InputKind::kContainerDefinitions);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  const auto& td = b.out.stack.task_definitions[0];
  EXPECT_EQ(td.id.name, "defs");
  EXPECT_TRUE(td.containers_only);
  EXPECT_EQ(td.id.origin, model::Origin::kTaskDefinitionJson);
  EXPECT_TRUE(td.family.absent());
  EXPECT_EQ(td.containers_state, model::Presence::kKnown);
  ASSERT_EQ(td.containers.size(), 2u);
  EXPECT_EQ(td.containers[1].user.value, "root");
  EXPECT_EQ(td.containers[1].loc.line, 3u);
}

TEST(TaskDefinitionJson, SingleContainerObject) {
  Built b;
  build_text(b, R"({"name": "web", "image": "httpd", "readonlyRootFilesystem": false})",
             "definition.json");
  ASSERT_EQ(b.out.kind, InputKind::kContainerDefinitions);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  const auto& td = b.out.stack.task_definitions[0];
  EXPECT_EQ(td.id.name, "definition");
  EXPECT_TRUE(td.containers_only);
  ASSERT_EQ(td.containers.size(), 1u);
  EXPECT_FALSE(td.containers[0].readonly_root_filesystem.value);
}

TEST(TaskDefinitionJson, WrongTypes_AreUnknownNotFalse) {
  const char* const text = R"({"containerDefinitions": [
  {"name": "a", "image": "b", "privileged": "maybe", "memory": "lots", "command": "sh -c x",
   "environment": [{"name": "X", "value": {"nested": 1}}]}
], "requiresCompatibilities": "FARGATE"})";
  Built b;
  build_text(b, text);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  const auto& td = b.out.stack.task_definitions[0];
  EXPECT_TRUE(td.requires_compatibilities.unknown());
  const auto& c = td.containers.at(0);
  EXPECT_TRUE(c.privileged.unknown());
  EXPECT_NE(c.privileged.reason.find("maybe"), std::string::npos);
  EXPECT_TRUE(c.memory.unknown());
  EXPECT_TRUE(c.command.unknown());
  ASSERT_EQ(c.environment.size(), 1u);
  EXPECT_TRUE(c.environment[0].value.unknown());
}

TEST(TaskDefinitionJson, ContainerDefinitionsNotAList_IsUnknown) {
  Built b;
  build_text(b, R"({"family": "f", "containerDefinitions": null})");
  ASSERT_EQ(b.out.kind, InputKind::kTaskDefinition);
  ASSERT_EQ(b.out.stack.task_definitions.size(), 1u);
  EXPECT_EQ(b.out.stack.task_definitions[0].containers_state, model::Presence::kAbsent);
}

}  // namespace
}  // namespace ecsguard::parse
