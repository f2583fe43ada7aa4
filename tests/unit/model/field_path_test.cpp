// Field ids (model/field_path.h) and resource kind names (model/resource_kind.h).
#include <gtest/gtest.h>

#include "ecsguard/model/field_path.h"
#include "ecsguard/model/resource_kind.h"

namespace ecsguard::model {
namespace {

TEST(FieldPath, CloudFormationKeepsTheFieldId) {
  EXPECT_EQ(render_field_path("ContainerDefinitions[app].ReadonlyRootFilesystem",
                              Origin::kCloudFormation),
            "ContainerDefinitions[app].ReadonlyRootFilesystem");
}

TEST(FieldPath, TaskDefinitionJsonUsesTheEcsApiSpelling) {
  EXPECT_EQ(render_field_path("ContainerDefinitions[app].ReadonlyRootFilesystem",
                              Origin::kTaskDefinitionJson),
            "containerDefinitions[app].readonlyRootFilesystem");
  // Bracketed labels stay as written, whatever their case.
  EXPECT_EQ(render_field_path("ContainerDefinitions[WebApp].LinuxParameters.Capabilities.Add",
                              Origin::kTaskDefinitionJson),
            "containerDefinitions[WebApp].linuxParameters.capabilities.add");
  EXPECT_EQ(render_field_path("Volumes[data].EFSVolumeConfiguration.TransitEncryption",
                              Origin::kTaskDefinitionJson),
            "volumes[data].efsVolumeConfiguration.transitEncryption");
  EXPECT_EQ(render_field_path("ContainerDefinitions[#2]", Origin::kTaskDefinitionJson),
            "containerDefinitions[#2]");
  EXPECT_EQ(render_field_path("", Origin::kTaskDefinitionJson), "");
}

TEST(FieldPath, LowerCamelHandlesLeadingAcronyms) {
  EXPECT_EQ(lower_camel("Cpu"), "cpu");
  EXPECT_EQ(lower_camel("IAM"), "iam");
  EXPECT_EQ(lower_camel("EFSVolumeConfiguration"), "efsVolumeConfiguration");
  EXPECT_EQ(lower_camel("already"), "already");
  EXPECT_EQ(lower_camel("X"), "x");
}

TEST(FieldPath, TerraformSpellsArgumentsInSnakeCase) {
  EXPECT_EQ(render_field_path("NetworkMode", Origin::kTerraform), "network_mode");
  EXPECT_EQ(render_field_path("NetworkMode", Origin::kCloudFormation), "NetworkMode");
}

TEST(ResourceKindNames, DisplayTypeFollowsTheInputFormat) {
  ResourceId cfn;
  cfn.kind = ResourceKind::kListener;
  cfn.type = "AWS::ElasticLoadBalancingV2::ListenerRule";
  EXPECT_EQ(display_type(cfn), "AWS::ElasticLoadBalancingV2::ListenerRule")
      << "CloudFormation shows the type the template spelled";
  EXPECT_EQ(cloudformation_type(cfn.kind), "AWS::ElasticLoadBalancingV2::Listener");
  ResourceId td;
  td.kind = ResourceKind::kTaskDefinition;
  td.origin = Origin::kTaskDefinitionJson;
  EXPECT_EQ(display_type(td), "AWS::ECS::TaskDefinition");
  EXPECT_EQ(cloudformation_type(ResourceKind::kUnknown), "");
}

}  // namespace
}  // namespace ecsguard::model
