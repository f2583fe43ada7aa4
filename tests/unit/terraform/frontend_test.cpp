// The Terraform frontend through the scan: a module is the .tf files of one folder (each file
// contributes its own resources, every file sees the module's variables, locals and tfvars),
// references become links, local module calls are built with their inputs, remote sources and
// folders outside the scan root are never read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ecsguard/model/terraform_property.h"
#include "ecsguard/scan/scan.h"
#include "support/temp_dir.h"

namespace ecsguard::parse::terraform {
namespace {

void write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

scan::ScanResult scan_path(const std::string& path) {
  scan::ScanRequest req;
  req.paths = {path};
  req.threads = 1;
  return scan::run_scan(req);
}

const model::TaskDefinition* task_definition(const scan::ScanResult& r, std::string_view name) {
  for (const auto& td : r.stack.task_definitions) {
    if (td.id.name == name) return &td;
  }
  return nullptr;
}

constexpr const char* kTaskDefinition = R"(
resource "aws_ecs_task_definition" "app" {
  family                   = var.family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.cpu
  memory                   = 512
  container_definitions = jsonencode([{
    name       = "app"
    image      = var.image
    privileged = var.privileged
  }])
}
)";

constexpr const char* kVariables = R"(
variable "family" {
  default = "from-default"
}
variable "image" {}
variable "privileged" {
  default = false
}
locals {
  cpu = 256
}
)";

TEST(TerraformFrontend, FilesOfOneFolderShareVariablesLocalsAndTfvars) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "main.tf", kTaskDefinition);
  write(dir / "variables.tf", kVariables);
  write(dir / "terraform.tfvars", "family = \"from-tfvars\"\n");
  const auto r = scan_path(dir.path());
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.files_scanned, 2u);
  ASSERT_EQ(r.stack.task_definitions.size(), 1u);  // built once, by the file that declares it
  const auto* td = task_definition(r, "aws_ecs_task_definition.app");
  ASSERT_NE(td, nullptr);
  EXPECT_EQ(td->id.origin, model::Origin::kTerraform);
  ASSERT_TRUE(td->family.known());
  EXPECT_EQ(td->family.value, "from-tfvars");
  ASSERT_TRUE(td->cpu.known());
  EXPECT_EQ(td->cpu.value, "256");
  EXPECT_EQ(td->cpu.loc.line, 6u);  // the attribute's line, not the local's
  ASSERT_EQ(td->containers.size(), 1u);
  const auto& c = td->containers[0];
  EXPECT_TRUE(c.image.unknown());  // a variable without default or tfvars value
  EXPECT_NE(c.image.reason.find("variable \"image\""), std::string::npos) << c.image.reason;
  ASSERT_TRUE(c.privileged.known());
  EXPECT_FALSE(c.privileged.value);
  // From a variable of another file: located at the attribute that uses it.
  EXPECT_EQ(c.privileged.loc.line, 8u);
}

TEST(TerraformFrontend, ReferencesLinkServiceToTaskDefinition) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "main.tf", kTaskDefinition);
  write(dir / "variables.tf", kVariables);
  write(dir / "service.tf", R"(
resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}
)");
  const auto r = scan_path(dir.path());
  ASSERT_EQ(r.stack.services.size(), 1u);
  const auto& s = r.stack.services[0];
  EXPECT_TRUE(s.task_definition.unknown());
  ASSERT_EQ(s.task_definition.refs.size(), 1u);
  EXPECT_EQ(s.task_definition.refs[0], "aws_ecs_task_definition.app");
  const auto* td = task_definition(r, "aws_ecs_task_definition.app");
  ASSERT_NE(td, nullptr);
  EXPECT_EQ(td->id.scope, s.id.scope);  // one scope per folder
  EXPECT_EQ(r.stack.services_using(*td).size(), 1u);
  EXPECT_TRUE(s.network.assign_public_ip.valid);
  EXPECT_TRUE(s.network.assign_public_ip.on);
}

TEST(TerraformFrontend, LocalModuleIsBuiltWithItsInputsAndRemoteOnesAreNotFetched) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "modules/task/main.tf", kTaskDefinition);
  write(dir / "modules/task/variables.tf", kVariables);
  write(dir / "env/main.tf", R"(
module "task" {
  source     = "../modules/task"
  image      = "nginx:1.25"
  privileged = true
}

module "remote" {
  source  = "terraform-aws-modules/ecs/aws"
  version = "5.0.0"
}
)");
  const auto r = scan_path(dir.path());
  const auto* td = task_definition(r, "module.task.aws_ecs_task_definition.app");
  ASSERT_NE(td, nullptr);
  ASSERT_EQ(td->containers.size(), 1u);
  ASSERT_TRUE(td->containers[0].image.known());
  EXPECT_EQ(td->containers[0].image.value, "nginx:1.25");
  ASSERT_TRUE(td->containers[0].privileged.known());
  EXPECT_TRUE(td->containers[0].privileged.value);
  bool remote_reported = false;
  for (const auto& d : r.diagnostics) {
    if (d.message.find("terraform-aws-modules/ecs/aws") != std::string::npos) {
      remote_reported = true;
      EXPECT_EQ(d.code, core::Errc::kSkipped);
      EXPECT_EQ(d.line, 9u);
    }
  }
  EXPECT_TRUE(remote_reported);
}

TEST(TerraformFrontend, ModuleOutsideTheScanRootIsNotRead) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "modules/task/main.tf", kTaskDefinition);
  write(dir / "env/main.tf", "module \"task\" {\n  source = \"../modules/task\"\n}\n");
  const auto r = scan_path(dir / "env");  // no git work tree: the scan root is env
  EXPECT_TRUE(r.stack.task_definitions.empty());
  ASSERT_FALSE(r.diagnostics.empty());
  bool refused = false;
  for (const auto& d : r.diagnostics) {
    refused |= d.code == core::Errc::kSkipped &&
               d.message.find("inside the scan root") != std::string::npos;
  }
  EXPECT_TRUE(refused);
}

TEST(TerraformFrontend, ModuleFilesAreReportedThroughTheCall) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "modules/task/main.tf", kTaskDefinition);
  write(dir / "modules/task/variables.tf", kVariables);
  write(dir / "main.tf",
        "module \"task\" {\n  source = \"./modules/task\"\n  image = \"x:1\"\n}\n");
  const auto r = scan_path(dir.path());
  EXPECT_EQ(r.files_scanned, 1u);  // the module's two files are nested in the call
  ASSERT_EQ(r.stack.task_definitions.size(), 1u);
  EXPECT_EQ(r.stack.task_definitions[0].id.name, "module.task.aws_ecs_task_definition.app");
}

TEST(TerraformFrontend, ModuleCycleIsRefused) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
  write(dir / "b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  const auto r = scan_path(dir.path());
  bool cycle = false;
  for (const auto& d : r.diagnostics) cycle |= d.message.find("cycle") != std::string::npos;
  EXPECT_TRUE(cycle);
}

TEST(TerraformFrontend, CountIsExpandedIntoAddresses) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "main.tf", R"(
resource "aws_ecr_repository" "repo" {
  for_each = toset(["api", "web"])
  name     = each.key
}
resource "aws_cloudwatch_log_group" "logs" {
  count = 2
  name  = "/ecs/${count.index}"
}
)");
  const auto r = scan_path(dir.path());
  ASSERT_EQ(r.stack.repositories.size(), 2u);
  EXPECT_EQ(r.stack.repositories[0].id.name, "aws_ecr_repository.repo[\"api\"]");
  EXPECT_EQ(r.stack.repositories[1].repository_name.value, "web");
  ASSERT_EQ(r.stack.log_groups.size(), 2u);
  EXPECT_EQ(r.stack.log_groups[1].id.name, "aws_cloudwatch_log_group.logs[1]");
  EXPECT_EQ(r.stack.log_groups[1].log_group_name.value, "/ecs/1");
}

TEST(TerraformFrontend, SyntaxErrorIsLocatedAndTheRestStillCounts) {
  test::TempDir dir("ecsguard-tf");
  write(dir / "main.tf",
        "resource \"aws_ecr_repository\" \"a\" {\n  name = \n}\n"
        "resource \"aws_ecr_repository\" \"b\" {\n  name = \"b\"\n}\n");
  const auto r = scan_path(dir.path());
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].line, 2u);
  EXPECT_NE(r.diagnostics[0].file.find("main.tf"), std::string::npos);
  bool b_built = false;
  for (const auto& repo : r.stack.repositories) b_built |= repo.id.name == "aws_ecr_repository.b";
  EXPECT_TRUE(b_built);
}

TEST(TerraformFrontend, FindingsUseTerraformSpelling) {
  using model::terraform_property;
  EXPECT_EQ(terraform_property("ContainerDefinitions[app].ReadonlyRootFilesystem"),
            "container_definitions[app].readonlyRootFilesystem");
  EXPECT_EQ(terraform_property("ContainerDefinitions[web].LogConfiguration.Options"),
            "container_definitions[web].logConfiguration.options");
  EXPECT_EQ(terraform_property("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"),
            "network_configuration.assign_public_ip");
  EXPECT_EQ(terraform_property("ImageScanningConfiguration.ScanOnPush"),
            "image_scanning_configuration.scan_on_push");
  EXPECT_EQ(terraform_property("Volumes[uploads].EFSVolumeConfiguration.AuthorizationConfig.IAM"),
            "volume[uploads].efs_volume_configuration.authorization_config.iam");
  EXPECT_EQ(terraform_property("KmsKeyId"), "kms_key_id");
  EXPECT_EQ(terraform_property("RepositoryPolicyText"), "policy");

  test::TempDir dir("ecsguard-tf");
  write(dir / "main.tf", "resource \"aws_ecr_repository\" \"r\" {\n  name = \"r\"\n}\n");
  scan::ScanRequest req;
  req.paths = {dir.path()};
  req.only_checks = {"REG-003"};
  const auto r = scan::run_scan(req);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].property, "image_tag_mutability");
}

}  // namespace
}  // namespace ecsguard::parse::terraform
