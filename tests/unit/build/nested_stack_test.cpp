// Nested stacks: local TemplateURLs inside the scan root are built as scopes of their own.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "ecsguard/core/path.h"
#include "ecsguard/scan/file_loader.h"
#include "test_util.h"

namespace ecsguard::parse {
namespace {

namespace fs = std::filesystem;

class NestedStacks : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::path(::testing::TempDir()) /
            ("ecsguard-nested-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_ / "root" / "nested");
    root_ = fs::canonical(base_ / "root");
  }
  void TearDown() override { fs::remove_all(base_); }

  void write(const fs::path& p, std::string_view text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }

  // Builds root/<name> as the scan would: display path "root/<name>", scan root = root.
  BuildOutput build(const std::string& name, const core::Limits& limits = {}) {
    const auto path = root_ / name;
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    file_ = files_.add("root/" + name);
    doc_ = test::load(text, file_, limits);
    scan::ScanFileLoader loader(scan::containment_for(root_.string()), files_, limits);
    BuildInput bi;
    bi.root = &doc_;
    bi.file = file_;
    bi.fs_path = path.string();
    bi.files = &files_;
    bi.loader = &loader;
    bi.limits = limits;
    return build_model(bi);
  }

  fs::path base_;
  fs::path root_;
  core::FileTable files_;
  core::FileId file_ = 0;
  Node doc_;
};

constexpr std::string_view kMaster = R"(Resources:
  Cluster:
    Type: AWS::ECS::Cluster
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./nested/child.yaml
      Parameters:
        ImageTag: v1.2.3
        ClusterName: !Ref Cluster
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/bucket/child.yaml
  Escape:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ../outside.yaml
  Link:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/link.yaml
  Computed:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !Sub 'https://${Bucket}.s3.amazonaws.com/x.yaml'
)";

constexpr std::string_view kChild = R"(Parameters:
  ImageTag:
    Type: String
  ClusterName:
    Type: String
  Mode:
    Type: String
    Default: strict
Resources:
  Td:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub 'child-${Mode}'
      ContainerDefinitions:
        - Name: app
          Image: !Sub 'registry.example.com/app:${ImageTag}'
  Svc:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref ClusterName
      TaskDefinition: !Ref Td
)";

TEST_F(NestedStacks, LocalChildIsBuiltWithParameters_UrlsAndEscapesRefused) {
  write(root_ / "master.yaml", kMaster);
  write(root_ / "nested" / "child.yaml", kChild);
  write(base_ / "outside.yaml", "Resources:\n  X:\n    Type: AWS::ECR::Repository\n");
  fs::create_symlink(base_ / "outside.yaml", root_ / "nested" / "link.yaml");

  const BuildOutput out = build("master.yaml");
  ASSERT_EQ(out.kind, InputKind::kCloudFormation);

  // URL, escape, escaping symlink, computed URL: notes, never fetched or followed.
  ASSERT_EQ(out.errors.size(), 4u);
  for (const auto& e : out.errors) {
    EXPECT_EQ(e.code, core::Errc::kSkipped) << e.message;
    EXPECT_EQ(e.where.file, file_);
  }
  EXPECT_NE(out.errors[0].message.find("never fetches"), std::string::npos);
  EXPECT_EQ(out.errors[0].where.line, 14u);
  EXPECT_NE(out.errors[1].message.find("outside the scan root"), std::string::npos);
  EXPECT_NE(out.errors[2].message.find("outside the scan root"), std::string::npos);
  EXPECT_NE(out.errors[3].message.find("cannot be determined"), std::string::npos);
  EXPECT_TRUE(out.stack.repositories.empty());

  ASSERT_EQ(out.nested_paths.size(), 1u);
  EXPECT_EQ(out.nested_paths[0], (root_ / "nested" / "child.yaml").generic_string());
  ASSERT_EQ(files_.size(), 3u);  // 0 = none, master, child
  EXPECT_EQ(files_.path(2), "root/nested/child.yaml");
  // A refused reference names where it leads.
  EXPECT_NE(out.errors[1].message.find((base_ / "outside.yaml").generic_string()),
            std::string::npos)
      << out.errors[1].message;

  ASSERT_EQ(out.stack.scopes.size(), 2u);
  EXPECT_EQ(out.stack.scopes[0].id, file_);
  EXPECT_EQ(out.stack.scopes[1].id, 2u);
  EXPECT_EQ(out.stack.scopes[1].file, 2u);
  EXPECT_EQ(out.stack.scopes[1].stack_prefix, "master/Child");

  ASSERT_EQ(out.stack.task_definitions.size(), 1u);
  const auto& td = out.stack.task_definitions[0];
  EXPECT_EQ(td.id.scope, 2u);
  EXPECT_EQ(td.id.loc.file, 2u);
  EXPECT_EQ(td.id.loc.line, 10u);
  EXPECT_EQ(td.family.value, "child-strict");  // the child's own default
  ASSERT_EQ(td.containers.size(), 1u);
  ASSERT_TRUE(td.containers[0].image.known());
  EXPECT_EQ(td.containers[0].image.value, "registry.example.com/app:v1.2.3");  // passed in

  ASSERT_EQ(out.stack.services.size(), 1u);
  const auto& svc = out.stack.services[0];
  EXPECT_EQ(svc.id.scope, 2u);
  ASSERT_TRUE(svc.cluster.unknown());
  EXPECT_NE(svc.cluster.reason.find("AWS::ECS::Cluster Cluster"), std::string::npos);
  EXPECT_TRUE(svc.cluster.refs.empty());  // a parent logical id means nothing in the child
  EXPECT_EQ(out.stack.services_using(td).size(), 1u);
  ASSERT_EQ(out.stack.clusters.size(), 1u);
  EXPECT_EQ(out.stack.clusters[0].id.scope, file_);
}

TEST_F(NestedStacks, Cycle_IsAnError) {
  write(root_ / "a.yaml",
        "Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
        "      TemplateURL: nested/b.yaml\n");
  write(root_ / "nested" / "b.yaml",
        "Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
        "      TemplateURL: ../a.yaml\n");
  const BuildOutput out = build("a.yaml");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code, core::Errc::kInvalid);
  EXPECT_NE(out.errors[0].message.find("cycle"), std::string::npos);
  EXPECT_EQ(out.errors[0].where.file, 2u);  // reported in b.yaml, where the loop closes
  EXPECT_EQ(out.nested_paths.size(), 1u);
}

TEST_F(NestedStacks, DepthLimit_IsAnError) {
  for (int i = 0; i < 5; ++i) {
    write(root_ / ("s" + std::to_string(i) + ".yaml"),
          "Resources:\n  N:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
          "      TemplateURL: s" +
              std::to_string(i + 1) + ".yaml\n");
  }
  write(root_ / "s5.yaml", "Resources: {}\n");
  core::Limits limits;
  limits.max_nested_stack_depth = 2;
  const BuildOutput out = build("s0.yaml", limits);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code, core::Errc::kLimit);
  EXPECT_NE(out.errors[0].message.find("max_nested_stack_depth"), std::string::npos);
  EXPECT_EQ(out.nested_paths.size(), 2u);
}

TEST_F(NestedStacks, FanOutBudget_IsAnError) {
  std::string parent = "Resources:\n";
  for (int i = 0; i < 5; ++i) {
    parent += "  N" + std::to_string(i) +
              ":\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
              "      TemplateURL: leaf.yaml\n";
  }
  write(root_ / "fan.yaml", parent);
  write(root_ / "leaf.yaml", "Resources:\n  L:\n    Type: AWS::Logs::LogGroup\n");
  core::Limits limits;
  limits.max_nested_stacks = 3;
  const BuildOutput out = build("fan.yaml", limits);
  EXPECT_EQ(out.stack.log_groups.size(), 3u);  // the same template, three scopes
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_NE(out.errors[0].message.find("max_nested_stacks"), std::string::npos);
}

TEST_F(NestedStacks, MissingAndBrokenChildren_AreReported) {
  write(root_ / "p.yaml",
        "Resources:\n  Gone:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
        "      TemplateURL: nope.yaml\n  Bad:\n    Type: AWS::CloudFormation::Stack\n"
        "    Properties:\n      TemplateURL: bad.yaml\n");
  write(root_ / "bad.yaml", "Resources: [unclosed\n");
  const BuildOutput out = build("p.yaml");
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_EQ(out.errors[0].code, core::Errc::kIo);
  EXPECT_EQ(out.errors[1].code, core::Errc::kSyntax);
  EXPECT_EQ(out.errors[1].where.file, 2u);  // located in the nested file
}

// A scan root inside a git work tree may reach the rest of that work tree (`../../` from an
// example folder), never beyond it, never through a symlink that leaves it.
TEST_F(NestedStacks, GitWorkTreeWidensContainment_NotBeyond) {
  fs::create_directories(base_ / "repo" / ".git");
  fs::create_directories(base_ / "repo" / "examples" / "complete");
  write(base_ / "repo" / "shared.yaml", "Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n");
  write(base_ / "beyond.yaml", "Resources:\n  Far:\n    Type: AWS::ECR::Repository\n");
  fs::create_symlink(base_ / "beyond.yaml", base_ / "repo" / "link.yaml");
  root_ = fs::canonical(base_ / "repo" / "examples" / "complete");
  write(root_ / "main.yaml",
        "Resources:\n  In:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
        "      TemplateURL: ../../shared.yaml\n  Out:\n    Type: AWS::CloudFormation::Stack\n"
        "    Properties:\n      TemplateURL: ../../../beyond.yaml\n  Link:\n"
        "    Type: AWS::CloudFormation::Stack\n    Properties:\n"
        "      TemplateURL: ../../link.yaml\n");
  const BuildOutput out = build("main.yaml");
  ASSERT_EQ(out.stack.repositories.size(), 1u);
  EXPECT_EQ(out.stack.repositories[0].id.name, "Repo");
  EXPECT_EQ(files_.path(2), "../shared.yaml");
  ASSERT_EQ(out.errors.size(), 2u);
  for (const auto& e : out.errors) {
    EXPECT_EQ(e.code, core::Errc::kSkipped) << e.message;
    EXPECT_NE(e.message.find("git work tree"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find((fs::canonical(base_) / "beyond.yaml").generic_string()),
              std::string::npos)
        << e.message;
  }
  EXPECT_EQ(core::find_work_tree_root(root_.string()), fs::canonical(base_ / "repo").string());
}

}  // namespace
}  // namespace ecsguard::parse
