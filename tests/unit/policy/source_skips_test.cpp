// Skips written in the scanned files: inline comments and CloudFormation Metadata, their scope,
// and the refusal of a skip without a reason.
#include "ecsguard/policy/source_skips.h"

#include <gtest/gtest.h>

#include "ecsguard/engine/catalog.h"

namespace ecsguard::policy {
namespace {

engine::Finding at(const std::string& file, const std::string& resource, unsigned line,
                   std::string_view id = "CTR-001") {
  engine::Finding f;
  f.entry = engine::find_catalog_entry(id);
  f.file = file;
  f.resource_name = resource;
  f.loc.line = line;
  return f;
}

constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # ecsguard:skip=CTR-003:exp:2099-01-01:the sidecar image is read-only already
  WebTaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web   # ecsguard:skip=CTR-001,ctr-004:vendor image runs as root
          Image: nginx
  Other:
    Type: AWS::ECS::TaskDefinition
    Metadata:
      ecsguard:
        skip:
          - id: CTR-010
            comment: pinned on purpose
          - id: CTR-011
  Third:
    Type: AWS::ECS::TaskDefinition
    # ecsguard:skip=CTR-002
Outputs:
  X: {Value: 1}
)";

TEST(SourceSkips, InlineCommentsAndMetadataWithTheirScope) {
  const FileSkips s = collect_skips(kTemplate, "t.yaml", i18n::Lang::kEn);
  ASSERT_EQ(s.skips.size(), 3u);
  const auto& above = s.skips[0];  // the comment directly above WebTaskDef
  EXPECT_EQ(above.ids, std::vector<std::string>{"CTR-003"});
  EXPECT_EQ(above.expires, "2099-01-01");
  EXPECT_EQ(above.reason, "the sidecar image is read-only already");
  EXPECT_EQ(above.resource, "WebTaskDef");
  const auto& inside = s.skips[1];
  EXPECT_EQ(inside.ids, (std::vector<std::string>{"CTR-001", "CTR-004"}));
  EXPECT_EQ(inside.resource, "WebTaskDef");
  EXPECT_EQ(inside.source, "inline");
  EXPECT_EQ(inside.from, 4u);
  EXPECT_EQ(inside.to, 9u);
  const auto& md = s.skips[2];
  EXPECT_EQ(md.source, "metadata");
  EXPECT_EQ(md.resource, "Other");
  EXPECT_EQ(md.reason, "pinned on purpose");

  EXPECT_TRUE(inside.covers(at("t.yaml", "WebTaskDef", 8)));
  EXPECT_TRUE(inside.covers(at("t.yaml", "WebTaskDef", 0, "CTR-004"))) << "by resource name";
  EXPECT_TRUE(inside.covers(at("t.yaml", "", 5, "CTR-004"))) << "by line range";
  EXPECT_FALSE(inside.covers(at("t.yaml", "WebTaskDef", 8, "CTR-002"))) << "another check";
  EXPECT_FALSE(inside.covers(at("other.yaml", "WebTaskDef", 8))) << "another file";
  EXPECT_FALSE(inside.covers(at("t.yaml", "Other", 12))) << "another resource";

  // Refused: the Metadata entry without a comment and the comment without a reason.
  ASSERT_EQ(s.refused.size(), 2u);
  EXPECT_EQ(s.refused[0].line, 20u);
  EXPECT_NE(s.refused[0].message.find("needs a reason"), std::string::npos) << s.refused[0].message;
  EXPECT_EQ(s.refused[1].line, 17u);
  EXPECT_FALSE(s.refused[0].loses_input()) << "a refused skip is a note; its finding still counts";
}

TEST(SourceSkips, DockerfileAndTerraformScopes) {
  const FileSkips docker = collect_skips(
      "FROM node:20\n# ecsguard:skip=IMG-004:base image pinned by digest in CI\nUSER root\n",
      "Dockerfile", i18n::Lang::kEn);
  ASSERT_EQ(docker.skips.size(), 1u);
  EXPECT_TRUE(docker.skips[0].whole_file);

  const FileSkips tf = collect_skips(R"(resource "aws_ecs_task_definition" "app" {
  family = "app"
}

# ecsguard:skip=CTR-001:needed for the VPN sidecar
resource "aws_ecs_task_definition" "vpn" {
  family = "vpn" // ecsguard:skip=CTR-004:exp:2020-01-01:old
}
)",
                                     "main.tf", i18n::Lang::kEn);
  ASSERT_EQ(tf.skips.size(), 2u);
  EXPECT_EQ(tf.skips[0].resource, "aws_ecs_task_definition.vpn");
  EXPECT_EQ(tf.skips[0].from, 6u);
  EXPECT_EQ(tf.skips[0].to, 8u);
  EXPECT_EQ(tf.skips[1].resource, "aws_ecs_task_definition.vpn");
  EXPECT_EQ(tf.skips[1].expires, "2020-01-01");
}

TEST(SourceSkips, NotACommentAndBadDates) {
  const FileSkips s = collect_skips(
      "Description: \"ecsguard:skip=CTR-001:not a comment\"\n"
      "# ecsguard:skip=CTR-001:exp:2026-02-31:bad date\n",
      "x.yaml", i18n::Lang::kEn);
  EXPECT_TRUE(s.skips.empty());
  ASSERT_EQ(s.refused.size(), 1u);
  EXPECT_EQ(s.refused[0].line, 2u);
  EXPECT_NE(s.refused[0].message.find("2026-02-31"), std::string::npos);
  EXPECT_FALSE(may_contain_skips("Resources: {}"));
}

}  // namespace
}  // namespace ecsguard::policy
