// NET-001, NET-002, NET-003 on hand-built models.
#include "helpers.h"

namespace ecsguard::testing {
namespace {

model::TaskDefinition td_with(std::string name, unsigned line, model::Str mode,
                              const std::vector<std::string>& compat) {
  auto td = task_definition(std::move(name), line);
  td.network_mode = std::move(mode);
  if (!compat.empty()) {
    std::vector<model::Str> v;
    v.reserve(compat.size());
    for (const auto& c : compat) v.push_back(c == "?" ? unknown("Fn::If on IsFargate") : str(c));
    td.requires_compatibilities = model::StrList::of(std::move(v), at(line + 2));
  }
  return td;
}

TEST(Net001, HostFailsEverywhere) {
  model::Stack s;
  s.task_definitions.push_back(td_with("Ec2Host", 3, str("host", 5), {"EC2"}));
  s.task_definitions.push_back(td_with("FargateHost", 10, str("HOST", 12), {"FARGATE"}));
  EXPECT_EQ(run("NET-001", s), (Set{"fail Ec2Host 5", "fail FargateHost 12"}));
}

TEST(Net001, FargateNeedsAwsvpcEc2Warns) {
  model::Stack s;
  s.task_definitions.push_back(td_with("FargateNone", 3, {}, {"FARGATE"}));
  s.task_definitions.push_back(td_with("FargateBridge", 10, str("bridge", 12), {"EC2", "FARGATE"}));
  s.task_definitions.push_back(td_with("Ec2Default", 20, {}, {}));
  s.task_definitions.push_back(td_with("Ec2None", 30, str("none", 32), {"EC2"}));
  s.task_definitions.push_back(td_with("Awsvpc", 40, str("awsvpc", 42), {"FARGATE"}));
  s.task_definitions.push_back(td_with("ExternalBridge", 50, str("bridge", 52), {"EXTERNAL"}));
  EXPECT_EQ(run("NET-001", s), (Set{"fail FargateNone 3", "fail FargateBridge 12",
                                    "warn Ec2Default 20", "warn Ec2None 32"}));
}

TEST(Net001, BareContainerDefinitionsAreNotJudged) {
  model::Stack s;
  auto td = td_with("containers", 1, {}, {});
  td.containers_only = true;
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("NET-001", s), Set{});
}

TEST(Net001, UnknownModeOrCompatibilities) {
  model::Stack s;
  s.task_definitions.push_back(
      td_with("ModeParam", 3, unknown("parameter Mode has no default", 5), {"FARGATE"}));
  s.task_definitions.push_back(td_with("CompatIf", 10, str("bridge", 12), {"?"}));
  s.task_definitions.push_back(td_with("AwsvpcCompatIf", 20, str("awsvpc", 22), {"?"}));
  EXPECT_EQ(run("NET-001", s), (Set{"unknown ModeParam 5", "unknown CompatIf 12"}));
}

model::Service service(std::string name, unsigned line, model::Str ip, bool terraform = false) {
  model::Service s;
  s.id = rid("AWS::ECS::Service", std::move(name), line);
  if (terraform) s.id.origin = model::Origin::kTerraform;
  s.network.state = ip.absent() ? model::Presence::kAbsent : model::Presence::kKnown;
  s.network.assign_public_ip =
      terraform ? toggle(std::move(ip), "true", "false") : toggle(std::move(ip));
  return s;
}

// NetworkMode and RequiresCompatibilities are case-sensitive.
TEST(Net001, InvalidModeFailsAsInvalid) {
  model::Stack s;
  auto upper = task_definition("Upper", 1);
  upper.network_mode = str("AWSVPC", 3);
  s.task_definitions.push_back(upper);
  auto lower_compat = task_definition("LowerCompat", 10);
  lower_compat.requires_compatibilities = model::StrList::of({str("fargate", 12)}, at(12));
  lower_compat.network_mode = str("bridge", 13);  // not read as FARGATE: no Fargate FAIL
  s.task_definitions.push_back(lower_compat);
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("NET-001", s, {}, &out), (Set{"fail Upper 3"}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("not a valid value"), std::string::npos) << out[0].message;
}

TEST(Net002, EnabledFailsDefaultPasses) {
  model::Stack s;
  s.services.push_back(service("Public", 3, str("ENABLED", 8)));
  s.services.push_back(service("TfTrue", 10, str("true", 15)));
  s.services.push_back(service("Private", 20, str("DISABLED", 25)));
  s.services.push_back(service("Default", 30, {}));
  s.services.push_back(service("Param", 40, unknown("parameter PublicIp has no default", 45)));
  auto whole = service("WholeUnknown", 50, {});
  whole.network.state = model::Presence::kUnknown;
  whole.network.loc = at(52);
  s.services.push_back(whole);
  EXPECT_EQ(run("NET-002", s), (Set{"fail Public 8", "fail TfTrue 15", "unknown Param 45",
                                    "unknown WholeUnknown 52"}));
}

// ENABLED | DISABLED are case-sensitive; Terraform's booleans only from Terraform. Anything else
// FAILs as an invalid value (the deployment is rejected), never read as a valid one.
TEST(Net002, InvalidValuesFailAsInvalid) {
  model::Stack s;
  s.services.push_back(service("TfTrue", 3, str("true", 5), true));
  s.services.push_back(service("TfFalse", 10, str("false", 15), true));
  s.services.push_back(service("CfnTrue", 20, str("true", 25)));
  s.services.push_back(service("Yes", 30, str("yes", 35)));
  s.services.push_back(service("Lower", 40, str("disabled", 45)));
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("NET-002", s, {}, &out),
            (Set{"fail TfTrue 5", "fail CfnTrue 25", "fail Yes 35", "fail Lower 45"}));
  for (const auto& f : out) {
    const bool invalid = f.message.find("not a valid value") != std::string::npos;
    EXPECT_EQ(invalid, f.resource_name != "TfTrue") << f.message;
  }
}

TEST(Net003, TaskSetsLikeServices) {
  model::Stack s;
  model::TaskSet pub;
  pub.id = rid("AWS::ECS::TaskSet", "Green", 3);
  pub.network.state = model::Presence::kKnown;
  pub.network.assign_public_ip = toggle(str("ENABLED", 9));
  s.task_sets.push_back(pub);
  model::TaskSet priv;
  priv.id = rid("AWS::ECS::TaskSet", "Blue", 20);
  s.task_sets.push_back(priv);
  EXPECT_EQ(run("NET-003", s), (Set{"fail Green 9"}));
}

}  // namespace
}  // namespace ecsguard::testing
