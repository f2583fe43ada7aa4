// The ECS API model validator (parse/ecs_model/validate.h) on small task definitions.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/parse/ecs_model/shapes.h"
#include "ecsguard/parse/ecs_model/validate.h"
#include "ecsguard/parse/json_loader.h"
#include "ecsguard/parse/yaml_loader.h"

namespace ecsguard::parse::ecs_model {
namespace {

using Kind = model::ApiViolation::Kind;

Node load(std::string_view text, bool yaml = false) {
  auto r = yaml ? load_yaml(text, 1, core::Limits{}) : load_json(text, 1, core::Limits{});
  EXPECT_TRUE(r.ok());
  return r.ok() ? std::move(r).value() : Node{};
}

std::vector<model::ApiViolation> api(std::string_view json) {
  std::vector<model::ApiViolation> out;
  validate_task_definition(load(json), Spelling::kApi, out);
  return out;
}

std::string dump(const std::vector<model::ApiViolation>& v) {
  std::string s;
  for (const auto& x : v) s += x.path + " [" + x.expected + "] " + x.found + "\n";
  return s;
}

TEST(EcsModel, Tables_RootIsRegisterTaskDefinitionRequest) {
  EXPECT_EQ(root().name, "RegisterTaskDefinitionRequest");
  EXPECT_NE(model_sources().find("aws-sdk@"), std::string_view::npos);
  int enums = 0;
  for (const auto& s : shapes()) enums += s.value_count > 0 ? 1 : 0;
  EXPECT_GT(enums, 10);
}

TEST(EcsModel, ValidDefinition_NoViolation) {
  const auto v = api(R"({"family": "f", "networkMode": "awsvpc", "cpu": 256,
    "containerDefinitions": [{"name": "a", "image": "i", "cpu": "128", "essential": "true",
      "portMappings": [{"containerPort": 80, "protocol": "udp"}],
      "logConfiguration": {"logDriver": "awslogs", "options": {"k": "v"}}}]})");
  EXPECT_TRUE(v.empty()) << dump(v);
}

TEST(EcsModel, UnknownMembers_NeverViolations) {
  const auto v = api(R"({"family": "f", "taskDefinitionArn": "x", "brandNew": {"a": [1]},
    "containerDefinitions": [{"name": "a", "futureThing": 3}]})");
  EXPECT_TRUE(v.empty()) << dump(v);
}

TEST(EcsModel, SecretOptionsObject_ListExpected) {
  const auto v = api(R"({"family": "f", "containerDefinitions": [{"name": "a",
    "logConfiguration": {"logDriver": "splunk", "secretOptions": {"name": "n", "valueFrom": "v"}}}]})");
  ASSERT_EQ(v.size(), 1u) << dump(v);
  EXPECT_EQ(v[0].kind, Kind::kType);
  EXPECT_EQ(v[0].path, "containerDefinitions[0].logConfiguration.secretOptions");
  EXPECT_EQ(v[0].expected, "list of Secret");
  EXPECT_EQ(v[0].found, "object");
  EXPECT_EQ(v[0].loc.line, 2u);
}

TEST(EcsModel, ProtocolHttp_EnumViolation) {
  const auto v = api(R"({"family": "f", "containerDefinitions": [{"portMappings": [
    {"containerPort": 80, "protocol": "http"}]}]})");
  ASSERT_EQ(v.size(), 1u) << dump(v);
  EXPECT_EQ(v[0].kind, Kind::kEnum);
  EXPECT_EQ(v[0].path, "containerDefinitions[0].portMappings[0].protocol");
  EXPECT_EQ(v[0].expected, "tcp | udp");
  EXPECT_EQ(v[0].found, "http");
}

TEST(EcsModel, RequiredMembers_ApiOnly) {
  const auto v = api(R"({"containerDefinitions": [{"secrets": [{"name": "x"}]}]})");
  ASSERT_EQ(v.size(), 2u) << dump(v);
  EXPECT_EQ(v[0].path, "containerDefinitions[0].secrets[0].valueFrom");
  EXPECT_EQ(v[0].kind, Kind::kRequired);
  EXPECT_EQ(v[1].path, "family");

  // CloudFormation: Family and ContainerDefinitions are optional; nested required members stay.
  std::vector<model::ApiViolation> cfn;
  validate_task_definition(load("ContainerDefinitions:\n  - Secrets:\n      - Name: x\n", true),
                           Spelling::kCloudFormation, cfn);
  ASSERT_EQ(cfn.size(), 1u) << dump(cfn);
  EXPECT_EQ(cfn[0].path, "ContainerDefinitions[0].Secrets[0].ValueFrom");
}

TEST(EcsModel, ScalarTypes_ConvertibleAcceptedOthersNot) {
  const auto v = api(R"({"family": "f", "containerDefinitions": [{"memory": "lots",
    "privileged": "yes", "command": "sleep 1", "cpu": 1.5, "essential": false,
    "dockerLabels": {"a": "b", "c": 1}, "environment": {"A": "b"}}]})");
  ASSERT_EQ(v.size(), 5u) << dump(v);
  EXPECT_EQ(v[0].path, "containerDefinitions[0].memory");
  EXPECT_EQ(v[0].expected, "integer");
  EXPECT_EQ(v[1].path, "containerDefinitions[0].privileged");
  EXPECT_EQ(v[2].path, "containerDefinitions[0].command");
  EXPECT_EQ(v[2].expected, "list of string");
  EXPECT_EQ(v[3].path, "containerDefinitions[0].cpu");
  EXPECT_EQ(v[4].path, "containerDefinitions[0].environment");
  EXPECT_EQ(v[4].expected, "list of KeyValuePair");
}

TEST(EcsModel, CloudFormationNames_MappedAndCaseIgnored) {
  std::vector<model::ApiViolation> v;
  validate_task_definition(load(R"(ProxyConfiguration:
  ContainerName: envoy
  ProxyConfigurationProperties: {IgnoredUID: "1337"}
RuntimePlatform: {OperatingSystemFamily: linux}
)",
                                true),
                           Spelling::kCloudFormation, v);
  ASSERT_EQ(v.size(), 2u) << dump(v);
  EXPECT_EQ(v[0].path, "ProxyConfiguration.ProxyConfigurationProperties");
  EXPECT_EQ(v[0].expected, "list of KeyValuePair");
  EXPECT_EQ(v[1].path, "RuntimePlatform.OperatingSystemFamily");
  EXPECT_EQ(v[1].kind, Kind::kEnum);
}

TEST(EcsModel, UnknownAndNull_NotJudged) {
  Node body = load(R"({"family": null, "containerDefinitions": [{"memory": null}]})");
  body.members[1].value.items[0].members.push_back(
      parse::Member{Node::make_string("portMappings"), Node::make_unknown("a parameter")});
  std::vector<model::ApiViolation> v;
  validate_task_definition(body, Spelling::kApi, v);
  ASSERT_EQ(v.size(), 1u) << dump(v);  // family: null is absent, and required
  EXPECT_EQ(v[0].path, "family");
}

TEST(EcsModel, ContainerDefinitionsList_PathsFromIndex) {
  std::vector<model::ApiViolation> v;
  validate_container_definitions(load(R"([{"name": "a"}, {"links": "b"}])"), Spelling::kApi, v);
  ASSERT_EQ(v.size(), 1u) << dump(v);
  EXPECT_EQ(v[0].path, "[1].links");
}

TEST(EcsModel, ManyViolations_Capped) {
  std::string json = R"({"family": "f", "containerDefinitions": [)";
  for (int i = 0; i < 300; ++i) json += std::string(i ? "," : "") + R"({"cpu": "x"})";
  json += "]}";
  EXPECT_EQ(api(json).size(), kMaxViolations);
}

}  // namespace
}  // namespace ecsguard::parse::ecs_model
