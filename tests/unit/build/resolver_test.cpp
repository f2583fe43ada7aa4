// CloudFormation intrinsic resolution (parse/cfn/resolver.h).
#include "ecsguard/parse/cfn/resolver.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "test_util.h"

namespace ecsguard::parse::cfn {
namespace {

using test::resolve_property;
using test::Resolved;

// One resource R with property P = `value` (YAML), plus optional extra sections.
std::string tmpl(std::string_view value, std::string_view sections = "") {
  return std::string(sections) +
         "Resources:\n"
         "  Repo:\n"
         "    Type: AWS::ECR::Repository\n"
         "  R:\n"
         "    Type: AWS::ECS::TaskDefinition\n"
         "    Properties:\n"
         "      P: " +
         std::string(value) + "\n";
}

// By value: callers pass temporaries.
Node value_of(const Resolved& r) {
  if (!r.value.ok()) {
    ADD_FAILURE() << "resolve failed: " << r.value.error().message;
    return Node{};
  }
  if (!r.value.value().has_value()) {
    ADD_FAILURE() << "value removed";
    return Node{};
  }
  return *r.value.value();
}

Resolved run(std::string_view value, std::string_view sections = "",
             const core::Limits& limits = {}, ParameterValues params = {}) {
  Resolved r;
  resolve_property(r, tmpl(value, sections), "R", "P", limits, std::move(params));
  return r;
}

constexpr std::string_view kParams =
    "Parameters:\n"
    "  WithDefault:\n"
    "    Type: String\n"
    "    Default: web\n"
    "  NoDefault:\n"
    "    Type: String\n"
    "  Subnets:\n"
    "    Type: CommaDelimitedList\n"
    "    Default: subnet-a, subnet-b\n"
    "  FromSsm:\n"
    "    Type: AWS::SSM::Parameter::Value<String>\n"
    "    Default: /app/image\n"
    "  Port:\n"
    "    Type: Number\n"
    "    Default: 8080\n";

TEST(Resolver, Ref_ParameterWithDefault_IsTheDefault) {
  const auto r = run("!Ref WithDefault", kParams);
  const Node& v = value_of(r);
  ASSERT_TRUE(v.is_string());
  EXPECT_FALSE(v.partial);
  EXPECT_EQ(v.text, "web");
  EXPECT_EQ(v.loc.line, 22u);  // the Ref's position, not the default's
}

TEST(Resolver, Ref_ParameterWithoutDefault_IsUnknown) {
  const auto r = run("!Ref NoDefault", kParams);
  const Node& v = value_of(r);
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.text, "parameter NoDefault has no default");
  EXPECT_TRUE(v.refs.empty());
}

TEST(Resolver, Ref_ListParameter_IsSplitIntoAList) {
  const auto r = run("!Ref Subnets", kParams);
  const Node& v = value_of(r);
  ASSERT_TRUE(v.is_seq());
  ASSERT_EQ(v.items.size(), 2u);
  EXPECT_EQ(v.items[0].text, "subnet-a");
  EXPECT_EQ(v.items[1].text, "subnet-b");
}

TEST(Resolver, Ref_SsmParameterType_IsUnknownDespiteDefault) {
  const Node& v = value_of(run("!Ref FromSsm", kParams));
  ASSERT_TRUE(v.is_unknown());
  EXPECT_NE(v.text.find("SSM Parameter Store"), std::string::npos);
}

TEST(Resolver, Ref_NumberDefault_StaysANumber) {
  const Node& v = value_of(run("!Ref Port", kParams));
  EXPECT_EQ(v.kind, NodeKind::kNumber);
  EXPECT_EQ(v.text, "8080");
}

TEST(Resolver, Ref_PassedParameter_OverridesDefault) {
  ParameterValues passed;
  passed.emplace_back("WithDefault", Node::make_string("api"));
  const Node& v = value_of(run("!Ref WithDefault", kParams, {}, passed));
  EXPECT_EQ(v.text, "api");
}

TEST(Resolver, Ref_Resource_IsUnknownWithRef) {
  const Node& v = value_of(run("!Ref Repo"));
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.text, "runtime value of AWS::ECR::Repository Repo");
  ASSERT_EQ(v.refs.size(), 1u);
  EXPECT_EQ(v.refs[0], "Repo");
}

TEST(Resolver, Ref_UndefinedName_IsUnknownWithoutRefs) {
  const Node& v = value_of(run("!Ref Nowhere"));
  ASSERT_TRUE(v.is_unknown());
  EXPECT_TRUE(v.refs.empty());
  EXPECT_NE(v.text.find("Nowhere"), std::string::npos);
}

TEST(Resolver, PseudoParameters) {
  EXPECT_EQ(value_of(run("!Ref AWS::URLSuffix")).text, "amazonaws.com");
  for (const char* p : {"AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId",
                        "AWS::Partition", "AWS::NotificationARNs"}) {
    const Node& v = value_of(run(std::string("!Ref ") + p));
    EXPECT_TRUE(v.is_unknown()) << p;
    EXPECT_NE(v.text.find(p), std::string::npos) << v.text;
  }
}

TEST(Resolver, NoValue_RemovesPropertyAndListElements) {
  Resolved top;
  resolve_property(top, tmpl("!Ref AWS::NoValue"), "R", "P");
  ASSERT_TRUE(top.value.ok());
  EXPECT_FALSE(top.value.value().has_value());

  const Node& list = value_of(run("[a, !Ref AWS::NoValue, b]"));
  ASSERT_TRUE(list.is_seq());
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[1].text, "b");

  const Node& map = value_of(run("{Keep: 1, Drop: !Ref AWS::NoValue}"));
  ASSERT_TRUE(map.is_map());
  EXPECT_NE(map.find("Keep"), nullptr);
  EXPECT_EQ(map.find("Drop"), nullptr);
}

TEST(Resolver, GetAtt_BothForms_AreUnknownWithRefs) {
  const Node& a = value_of(run("!GetAtt Repo.Arn"));
  ASSERT_TRUE(a.is_unknown());
  EXPECT_EQ(a.text, "runtime value of AWS::ECR::Repository Repo.Arn");
  ASSERT_EQ(a.refs.size(), 1u);
  EXPECT_EQ(a.refs[0], "Repo");

  const Node& b = value_of(run(R"({"Fn::GetAtt": "Repo.RepositoryUri"})"));
  ASSERT_TRUE(b.is_unknown());
  ASSERT_EQ(b.refs.size(), 1u);
  EXPECT_EQ(b.refs[0], "Repo");

  const Node& c = value_of(run("{\"Fn::GetAtt\": [Missing, Arn]}"));
  ASSERT_TRUE(c.is_unknown());
  EXPECT_TRUE(c.refs.empty());
}

TEST(Resolver, Sub_StringForm_KnownPartsAndEscapes) {
  const Node& v = value_of(run("!Sub 'app-${WithDefault}-${!Literal}'", kParams));
  ASSERT_TRUE(v.is_string());
  EXPECT_FALSE(v.partial);
  EXPECT_EQ(v.text, "app-web-${Literal}");
}

TEST(Resolver, Sub_WithUnknowns_IsPartialWithSegmentReasons) {
  const Node& v =
      value_of(run("!Sub 'arn:aws:iam::${AWS::AccountId}:role/${Repo.Arn}/x'", kParams));
  ASSERT_TRUE(v.is_string());
  EXPECT_TRUE(v.partial);
  EXPECT_EQ(v.text, std::string("arn:aws:iam::") + kUnknownMark + ":role/" + kUnknownMark + "/x");
  ASSERT_EQ(v.refs.size(), 1u);
  EXPECT_EQ(v.refs[0], "Repo");
  ASSERT_EQ(v.items.size(), 2u);  // one reason per unknown segment
  EXPECT_NE(v.items[0].text.find("AWS::AccountId"), std::string::npos);
  EXPECT_NE(v.items[1].text.find("Repo.Arn"), std::string::npos);
}

TEST(Resolver, Sub_SingleUnknownVariable_KeepsItsReason) {
  const Node& v = value_of(run("!Sub '${NoDefault}'", kParams));
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.text, "parameter NoDefault has no default");
}

TEST(Resolver, Sub_ListForm_UsesVariableMap) {
  const Node& v =
      value_of(run("!Sub ['${Name}:${Tag}', {Name: repo, Tag: !Ref WithDefault}]", kParams));
  ASSERT_TRUE(v.is_string());
  EXPECT_FALSE(v.partial);
  EXPECT_EQ(v.text, "repo:web");
}

TEST(Resolver, Join_CdkEcrImage_KeepsKnownTag) {
  // What `cdk synth` writes for ecs.ContainerImage.fromEcrRepository(repo, 'latest').
  const std::string image =
      "{\"Fn::Join\": [\"\", [{\"Fn::Select\": [4, {\"Fn::Split\": [\":\", {\"Fn::GetAtt\": "
      "[Repo, Arn]}]}]}, \".dkr.ecr.\", {\"Fn::Select\": [3, {\"Fn::Split\": [\":\", "
      "{\"Fn::GetAtt\": [Repo, Arn]}]}]}, \".\", {\"Ref\": \"AWS::URLSuffix\"}, \"/\", {\"Ref\": "
      "Repo}, \":latest\"]]}";
  const Node& v = value_of(run(image));
  ASSERT_TRUE(v.is_string());
  EXPECT_TRUE(v.partial);
  const std::string m(1, kUnknownMark);
  EXPECT_EQ(v.text, m + ".dkr.ecr." + m + ".amazonaws.com/" + m + ":latest");
  ASSERT_EQ(v.refs.size(), 1u);
  EXPECT_EQ(v.refs[0], "Repo");
}

TEST(Resolver, Join_AllKnown) {
  const Node& v = value_of(run("!Join [',', [a, !Ref WithDefault, 3]]", kParams));
  EXPECT_EQ(v.text, "a,web,3");
  EXPECT_FALSE(v.partial);
}

TEST(Resolver, Join_OfUnknownList_IsUnknown) {
  const Node& v = value_of(run("!Join [',', !GetAZs '']"));
  EXPECT_TRUE(v.is_unknown());
}

TEST(Resolver, SelectAndSplit) {
  EXPECT_EQ(value_of(run("!Select [1, [a, b, c]]")).text, "b");
  EXPECT_EQ(value_of(run("!Select ['0', !Ref Subnets]", kParams)).text, "subnet-a");
  const Node& split = value_of(run("!Split ['/', 'a/b/c']"));
  ASSERT_TRUE(split.is_seq());
  ASSERT_EQ(split.items.size(), 3u);
  EXPECT_EQ(split.items[2].text, "c");
  EXPECT_TRUE(value_of(run("!Select [5, [a]]")).is_unknown());
  EXPECT_TRUE(value_of(run("!Split [':', !Ref Repo]")).is_unknown());
}

constexpr std::string_view kConditions =
    "Parameters:\n"
    "  Env:\n"
    "    Type: String\n"
    "    Default: prod\n"
    "  Free:\n"
    "    Type: String\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Env, prod]\n"
    "  IsDev: !Not [!Condition IsProd]\n"
    "  Both: !And [!Condition IsProd, !Equals [a, a]]\n"
    "  Either: !Or [!Condition IsDev, !Equals [1, '1']]\n"
    "  FreeIsX: !Equals [!Ref Free, x]\n"
    "  FreeAndDev: !And [!Condition FreeIsX, !Condition IsDev]\n"
    "  FreeOrProd: !Or [!Condition FreeIsX, !Condition IsProd]\n";

TEST(Resolver, If_OverKnownConditions) {
  EXPECT_EQ(value_of(run("!If [IsProd, yes, no]", kConditions)).text, "yes");
  EXPECT_EQ(value_of(run("!If [IsDev, yes, no]", kConditions)).text, "no");
  EXPECT_EQ(value_of(run("!If [Both, yes, no]", kConditions)).text, "yes");
  EXPECT_EQ(value_of(run("!If [Either, yes, no]", kConditions)).text, "yes");
  // Three-valued logic: false AND unknown = false; true OR unknown = true.
  EXPECT_EQ(value_of(run("!If [FreeAndDev, yes, no]", kConditions)).text, "no");
  EXPECT_EQ(value_of(run("!If [FreeOrProd, yes, no]", kConditions)).text, "yes");
}

TEST(Resolver, If_OnUnknownCondition_IsUnknownNamingIt) {
  const Node& v = value_of(run("!If [FreeIsX, !Ref Repo, other]", kConditions));
  ASSERT_TRUE(v.is_unknown());
  EXPECT_NE(v.text.find("FreeIsX"), std::string::npos) << v.text;
  EXPECT_NE(v.text.find("parameter Free has no default"), std::string::npos) << v.text;
  ASSERT_EQ(v.refs.size(), 1u);  // refs of both branches are kept
  EXPECT_EQ(v.refs[0], "Repo");
}

TEST(Resolver, If_WithNoValueBranch_RemovesProperty) {
  Resolved r;
  resolve_property(r, tmpl("!If [IsDev, x, !Ref AWS::NoValue]", kConditions), "R", "P");
  ASSERT_TRUE(r.value.ok());
  EXPECT_FALSE(r.value.value().has_value());
}

TEST(Resolver, Condition_DirectQuery) {
  const Node root = test::load(tmpl("x", kConditions));
  Resolver r(root, {});
  auto prod = r.condition("IsProd");
  ASSERT_TRUE(prod.ok());
  EXPECT_EQ(prod->value, core::Tri::kYes);
  auto free = r.condition("FreeIsX");
  ASSERT_TRUE(free.ok());
  EXPECT_EQ(free->value, core::Tri::kUnknown);
  auto missing = r.condition("Nope");
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->value, core::Tri::kUnknown);
}

TEST(Resolver, Condition_Cycle_IsAnErrorNotAHang) {
  const std::string cyc =
      "Conditions:\n"
      "  A: !Condition B\n"
      "  B: !Not [!Condition C]\n"
      "  C: !And [!Condition A, !Equals [x, x]]\n";
  const auto r = run("!If [A, x, y]", cyc);
  ASSERT_FALSE(r.value.ok());
  EXPECT_EQ(r.value.error().code, core::Errc::kInvalid);
  EXPECT_NE(r.value.error().message.find("cycle"), std::string::npos);
  EXPECT_NE(r.value.error().message.find("A -> B -> C -> A"), std::string::npos)
      << r.value.error().message;
}

TEST(Resolver, Condition_SharedSubConditions_AreLinear) {
  // C0 = Equals; Ci = And [Ci-1, Ci-1]: 2^60 evaluations without memoization.
  std::string conds = "Conditions:\n  C0: !Equals [a, a]\n";
  for (int i = 1; i <= 60; ++i) {
    conds += "  C" + std::to_string(i) + ": !And [!Condition C" + std::to_string(i - 1) +
             ", !Condition C" + std::to_string(i - 1) + "]\n";
  }
  core::Limits limits;
  limits.max_intrinsic_depth = 1000;
  const Node& v = value_of(run("!If [C60, yes, no]", conds, limits));
  EXPECT_EQ(v.text, "yes");
}

TEST(Resolver, Condition_FailureDoesNotPoisonLaterQueries) {
  // A condition that exceeds the depth limit fails the same way every time (no false "cycle").
  const std::string deep = test::nested_base64(80);
  const std::string conds = "Conditions:\n  Deep: !Equals [" + deep + ", x]\n";
  const Node root = test::load(tmpl("x", conds));
  Resolver r(root, {});
  for (int i = 0; i < 2; ++i) {
    auto c = r.condition("Deep");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().code, core::Errc::kLimit) << c.error().message;
  }
}

TEST(Resolver, FindInMap_WithAndWithoutDefault) {
  const std::string maps =
      "Parameters:\n"
      "  Env:\n"
      "    Type: String\n"
      "    Default: prod\n"
      "Mappings:\n"
      "  Sizes:\n"
      "    prod: {Cpu: '1024', Subnets: [a, b]}\n";
  EXPECT_EQ(value_of(run("!FindInMap [Sizes, !Ref Env, Cpu]", maps)).text, "1024");
  const Node& list = value_of(run("!FindInMap [Sizes, prod, Subnets]", maps));
  ASSERT_TRUE(list.is_seq());
  EXPECT_EQ(list.items.size(), 2u);
  EXPECT_TRUE(value_of(run("!FindInMap [Sizes, dev, Cpu]", maps)).is_unknown());
  EXPECT_EQ(value_of(run("!FindInMap [Sizes, dev, Cpu, {DefaultValue: '256'}]", maps)).text, "256");
  EXPECT_TRUE(value_of(run("!FindInMap [Sizes, !Ref AWS::Region, Cpu]", maps)).is_unknown());
}

TEST(Resolver, Base64ImportValueGetAZsCidr) {
  EXPECT_EQ(value_of(run("!Base64 '#!/bin/sh'")).text, "#!/bin/sh");
  const Node& imp = value_of(run("!ImportValue shared-vpc"));
  ASSERT_TRUE(imp.is_unknown());
  EXPECT_NE(imp.text.find("shared-vpc"), std::string::npos);
  EXPECT_TRUE(value_of(run("!GetAZs ''")).is_unknown());
  EXPECT_TRUE(value_of(run("!Cidr ['10.0.0.0/16', 4, 8]")).is_unknown());
}

TEST(Resolver, ToJsonString_KnownAndUnknown) {
  const Node& v = value_of(run(R"({"Fn::ToJsonString": {a: [1, 'x"y'], b: true}})"));
  EXPECT_EQ(v.text, R"({"a":[1,"x\"y"],"b":true})");
  const Node& u = value_of(run("{\"Fn::ToJsonString\": {a: !Ref Repo}}"));
  ASSERT_TRUE(u.is_unknown());
  ASSERT_EQ(u.refs.size(), 1u);
}

TEST(Resolver, UnknownFunction_IsUnknown) {
  const Node& v = value_of(run("{\"Fn::Frobnicate\": [1]}"));
  ASSERT_TRUE(v.is_unknown());
  EXPECT_NE(v.text.find("Fn::Frobnicate"), std::string::npos);
}

TEST(Resolver, DynamicReference_StaysLiteral) {
  const Node& v = value_of(run("'{{resolve:secretsmanager:prod/db:SecretString:password}}'"));
  ASSERT_TRUE(v.is_string());
  EXPECT_FALSE(v.partial);
  EXPECT_EQ(v.text, "{{resolve:secretsmanager:prod/db:SecretString:password}}");
}

TEST(Resolver, IntrinsicDepthLimit_IsAnError) {
  const std::string deep = test::nested_base64(80);
  const auto r = run(deep);
  ASSERT_FALSE(r.value.ok());
  EXPECT_EQ(r.value.error().code, core::Errc::kLimit);
  EXPECT_NE(r.value.error().message.find("max_intrinsic_depth"), std::string::npos);
  EXPECT_TRUE(r.value.error().where.valid());
}

TEST(Resolver, OutputBudget_StopsAmplification) {
  // A 64 KiB default referenced 2,000 times in one list would produce 128 MiB.
  std::string params = "Parameters:\n  Big:\n    Type: String\n    Default: '" +
                       std::string(std::size_t{64} * 1024, 'x') + "'\n";
  std::string list = "[";
  for (int i = 0; i < 2000; ++i) list += std::string(i ? ", " : "") + "!Ref Big";
  list += "]";
  core::Limits limits;
  limits.max_file_bytes = 4u << 20;
  limits.max_scalar_bytes = 1u << 20;
  const auto r = run(list, params, limits);
  ASSERT_FALSE(r.value.ok());
  EXPECT_EQ(r.value.error().code, core::Errc::kLimit);
}

TEST(Resolver, ToJsonText_EscapesControlCharacters) {
  Node n = Node::make_string(std::string("a\nb\x01"));
  EXPECT_EQ(to_json_text(n).value(), "\"a\\nb\\u0001\"");
  EXPECT_FALSE(to_json_text(Node::make_unknown("x")).has_value());
}

}  // namespace
}  // namespace ecsguard::parse::cfn
