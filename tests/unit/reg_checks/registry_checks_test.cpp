// REG-001, REG-003, REG-004, REG-006, REG-007, REG-009, REG-011 on hand-built models.
#include "ecsguard/checks/registry/common.h"
#include "helpers.h"

namespace ecsguard::testing {
namespace {

// ---------------------------------------------------------------- REG-001 image scanning

model::RegistryScanningConfiguration scanning(std::string type, std::string frequency,
                                              std::string filter) {
  model::RegistryScanningConfiguration rc;
  rc.id = rid("AWS::ECR::RegistryScanningConfiguration", "Scanning", 40);
  rc.scan_type =
      type.empty() ? unknown("parameter ScanType has no default", 42) : str(std::move(type), 42);
  model::RegistryScanningRule rule;
  rule.scan_frequency = str(std::move(frequency), 44);
  model::RegistryScanningRule::Filter f;
  f.filter = str(std::move(filter), 46);
  f.filter_type = str("WILDCARD", 47);
  rule.filters.push_back(f);
  rc.rules.push_back(rule);
  return rc;
}

TEST(Reg001, ScanOnPushAbsentOrFalseFails) {
  model::Stack s;
  s.repositories.push_back(repository("NotSet", "a", 3));
  auto off = repository("Off", "b", 10);
  off.scan_on_push = flag(false, 14);
  s.repositories.push_back(off);
  auto on = repository("On", "c", 20);
  on.scan_on_push = flag(true, 24);
  s.repositories.push_back(on);
  EXPECT_EQ(run("REG-001", s), (Set{"fail NotSet 3", "fail Off 14"}));
}

TEST(Reg001, UnknownScanOnPushIsUnknown) {
  model::Stack s;
  auto r = repository("Repo", "a", 3);
  r.scan_on_push.state = model::Presence::kUnknown;
  r.scan_on_push.reason = "parameter Scan has no default";
  r.scan_on_push.loc = at(7);
  s.repositories.push_back(r);
  EXPECT_EQ(run("REG-001", s), (Set{"unknown Repo 7"}));
}

TEST(Reg001, BasicRegistryRuleMatchingTheNamePasses) {
  model::Stack s;
  s.registry_scanning.push_back(scanning("BASIC", "SCAN_ON_PUSH", "app-*"));
  s.repositories.push_back(repository("Web", "app-web", 3));
  s.repositories.push_back(repository("Other", "tools", 10));
  EXPECT_EQ(run("REG-001", s), (Set{"fail Other 10"}));
}

TEST(Reg001, EnhancedScanningIgnoresTheRepositoryFlag) {
  model::Stack s;
  s.registry_scanning.push_back(scanning("ENHANCED", "CONTINUOUS_SCAN", "prod-*"));
  auto dev = repository("Dev", "dev-api", 3);
  dev.scan_on_push = flag(true, 6);  // ignored under ENHANCED
  s.repositories.push_back(dev);
  s.repositories.push_back(repository("Prod", "prod-api", 10));
  EXPECT_EQ(run("REG-001", s), (Set{"fail Dev 3"}));
}

// ScanType / ScanFrequency are case-sensitive: a configuration ECR rejects scans nothing.
TEST(Reg001, InvalidScanTypeOrFrequencyScansNothing) {
  model::Stack s;
  s.registry_scanning.push_back(scanning("enhanced", "CONTINUOUS_SCAN", "*"));
  auto on = repository("FlagOn", "a", 3);
  on.scan_on_push = flag(true, 6);  // not ignored: the ENHANCED configuration does not exist
  s.repositories.push_back(on);
  s.repositories.push_back(repository("FlagOff", "b", 10));
  EXPECT_EQ(run("REG-001", s), (Set{"fail FlagOff 10"}));
  model::Stack t;
  t.registry_scanning.push_back(scanning("BASIC", "scan_on_push", "*"));
  t.repositories.push_back(repository("Repo", "app", 3));
  EXPECT_EQ(run("REG-001", t), (Set{"fail Repo 3"}));
}

TEST(Reg001, BasicDoesNotScanContinuously) {
  model::Stack s;
  s.registry_scanning.push_back(scanning("BASIC", "CONTINUOUS_SCAN", "*"));
  s.repositories.push_back(repository("Repo", "app", 3));
  EXPECT_EQ(run("REG-001", s), (Set{"fail Repo 3"}));
}

TEST(Reg001, GeneratedNameMatchesOnlyTheStarFilter) {
  model::Stack s;
  s.registry_scanning.push_back(scanning("ENHANCED", "SCAN_ON_PUSH", "app*"));
  s.repositories.push_back(repository("NoName", "", 3));
  EXPECT_EQ(run("REG-001", s), (Set{"unknown NoName 3"}));
  s.registry_scanning.front().rules.front().filters.front().filter = str("*", 46);
  EXPECT_EQ(run("REG-001", s), Set{});
}

TEST(Reg001, UnknownScanTypeWithRepositoryFlagIsUnknown) {
  model::Stack s;
  s.registry_scanning.push_back(scanning("", "CONTINUOUS_SCAN", "other-*"));
  auto r = repository("Repo", "app", 3);
  r.scan_on_push = flag(true, 6);
  s.repositories.push_back(r);
  EXPECT_EQ(run("REG-001", s), (Set{"unknown Repo 3"}));
  // A SCAN_ON_PUSH rule scans under either type.
  s.registry_scanning.front().rules.front().scan_frequency = str("SCAN_ON_PUSH", 44);
  s.registry_scanning.front().rules.front().filters.front().filter = str("app", 46);
  EXPECT_EQ(run("REG-001", s), Set{});
}

// ---------------------------------------------------------------- REG-003 tag immutability

model::TagMutabilityExclusion exclusion(model::Str filter, unsigned line) {
  model::TagMutabilityExclusion ex;
  ex.filter = std::move(filter);
  ex.filter_type = str("WILDCARD", line);
  ex.loc = at(line);
  return ex;
}

TEST(Reg003, DefaultAndMutableFailImmutablePasses) {
  model::Stack s;
  s.repositories.push_back(repository("Default", "a", 3));
  auto m = repository("Mutable", "b", 10);
  m.image_tag_mutability = str("MUTABLE", 12);
  s.repositories.push_back(m);
  auto i = repository("Immutable", "c", 20);
  i.image_tag_mutability = str("IMMUTABLE", 22);
  s.repositories.push_back(i);
  EXPECT_EQ(run("REG-003", s), (Set{"fail Default 3", "fail Mutable 12"}));
}

// Case-sensitive values: 'immutable' is invalid (ECR rejects it), never IMMUTABLE; and an image
// in such a repository is not protected (REG-009).
TEST(Reg003, InvalidValuesFailAsInvalid) {
  model::Stack s;
  auto lower = repository("Lower", "a", 3);
  lower.image_tag_mutability = str("immutable", 5);
  s.repositories.push_back(lower);
  auto typo = repository("Typo", "b", 10);
  typo.image_tag_mutability = str("IMMUTABLE_EXCEPT_LATEST", 12);
  s.repositories.push_back(typo);
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-003", s, {}, &out), (Set{"fail Lower 5", "fail Typo 12"}));
  for (const auto& f : out) {
    EXPECT_NE(f.message.find("not a valid value"), std::string::npos) << f.message;
  }
  EXPECT_EQ(checks::registry::tag_is_immutable(s.repositories[0], "v1.2.3"), checks::Tri::kNo);
}

TEST(Reg003, ExclusionModes) {
  model::Stack s;
  auto warn = repository("ImmutableExceptLatest", "a", 3);
  warn.image_tag_mutability = str("IMMUTABLE_WITH_EXCLUSION", 5);
  warn.mutability_exclusions.push_back(exclusion(str("latest"), 7));
  s.repositories.push_back(warn);
  auto all = repository("ImmutableExceptAll", "b", 10);
  all.image_tag_mutability = str("IMMUTABLE_WITH_EXCLUSION", 12);
  all.mutability_exclusions.push_back(exclusion(str("dev-*"), 14));
  all.mutability_exclusions.push_back(exclusion(str("*"), 15));
  s.repositories.push_back(all);
  auto mut = repository("MutableExceptReleases", "c", 20);
  mut.image_tag_mutability = str("MUTABLE_WITH_EXCLUSION", 22);
  mut.mutability_exclusions.push_back(exclusion(str("v*"), 24));
  s.repositories.push_back(mut);
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-003", s, {}, &out),
            (Set{"warn ImmutableExceptLatest 5", "fail ImmutableExceptAll 12",
                 "fail MutableExceptReleases 22"}));
  for (const auto& f : out) {
    if (f.resource_name == "ImmutableExceptLatest") {
      EXPECT_NE(f.message.find("'latest'"), std::string::npos) << f.message;
    }
    if (f.resource_name == "MutableExceptReleases") {
      EXPECT_NE(f.message.find("'v*'"), std::string::npos) << f.message;
    }
  }
}

TEST(Reg003, UnknownValues) {
  model::Stack s;
  auto u = repository("Param", "a", 3);
  u.image_tag_mutability = unknown("parameter Mutability has no default", 5);
  s.repositories.push_back(u);
  auto f = repository("UnknownFilter", "b", 10);
  f.image_tag_mutability = str("IMMUTABLE_WITH_EXCLUSION", 12);
  f.mutability_exclusions.push_back(exclusion(unknown("parameter Filter has no default", 14), 14));
  s.repositories.push_back(f);
  auto m = repository("MutableUnknownFilter", "c", 20);
  m.image_tag_mutability = str("MUTABLE_WITH_EXCLUSION", 22);
  m.mutability_exclusions.push_back(exclusion(unknown("parameter Filter has no default", 24), 24));
  s.repositories.push_back(m);
  EXPECT_EQ(run("REG-003", s),
            (Set{"unknown Param 5", "unknown UnknownFilter 14", "fail MutableUnknownFilter 22"}));
}

// ---------------------------------------------------------------- REG-004 lifecycle policy

model::LifecycleRule lc_rule(std::string status, std::string count_type, long long n) {
  model::LifecycleRule r;
  r.tag_status = str(std::move(status));
  r.count_type = str(std::move(count_type));
  r.count_number = model::Int::of(n);
  r.action_type = str("expire");
  return r;
}

model::Repository with_policy(std::string id, unsigned line,
                              std::vector<model::LifecycleRule> rules) {
  auto r = repository(std::move(id), "", line);
  r.lifecycle_policy.state = model::Presence::kKnown;
  r.lifecycle_policy.loc = at(line + 3);
  r.lifecycle_policy.rules = std::move(rules);
  return r;
}

TEST(Reg004, MissingPolicyFailsIncompletePolicyWarns) {
  model::Stack s;
  s.repositories.push_back(repository("None", "", 3));
  s.repositories.push_back(
      with_policy("OnlyUntagged", 10, {lc_rule("untagged", "sinceImagePushed", 1)}));
  s.repositories.push_back(
      with_policy("OnlyKeep", 20, {lc_rule("tagged", "imageCountMoreThan", 5)}));
  s.repositories.push_back(with_policy("Empty", 30, {}));
  s.repositories.push_back(with_policy(
      "Complete", 40,
      {lc_rule("untagged", "sinceImagePushed", 1), lc_rule("tagged", "imageCountMoreThan", 5)}));
  s.repositories.push_back(with_policy("AnyKeep", 50, {lc_rule("any", "imageCountMoreThan", 3)}));
  EXPECT_EQ(run("REG-004", s),
            (Set{"fail None 3", "warn OnlyUntagged 13", "warn OnlyKeep 23", "warn Empty 33"}));
}

// Lifecycle policy values are case-sensitive: ECR rejects "Untagged" / "ImageCountMoreThan", so
// such rules expire nothing.
TEST(Reg004, ValuesAreCaseSensitive) {
  model::Stack s;
  s.repositories.push_back(with_policy(
      "Capitalised", 3,
      {lc_rule("Untagged", "sinceImagePushed", 1), lc_rule("any", "ImageCountMoreThan", 5)}));
  EXPECT_EQ(run("REG-004", s), (Set{"warn Capitalised 6"}));
}

TEST(Reg004, KeepMoreThanConfiguredIsInfo) {
  model::Stack s;
  s.repositories.push_back(with_policy("Thirty", 3, {lc_rule("any", "imageCountMoreThan", 30)}));
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-004", s, {}, &out), (Set{"warn Thirty 6"}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].severity, core::Severity::kInfo);
  engine::CheckOptions o;
  o.lifecycle_keep_images = 30;
  EXPECT_EQ(run("REG-004", s, o), Set{});
}

TEST(Reg004, UnknownPolicyOrRuleFields) {
  model::Stack s;
  auto u = repository("Text", "", 3);
  u.lifecycle_policy.state = model::Presence::kUnknown;
  u.lifecycle_policy.reason = "LifecyclePolicyText is not valid JSON";
  u.lifecycle_policy.loc = at(5);
  s.repositories.push_back(u);
  auto rule = lc_rule("untagged", "sinceImagePushed", 1);
  auto keep = lc_rule("any", "imageCountMoreThan", 5);
  keep.count_type = unknown("parameter CountType has no default");
  s.repositories.push_back(with_policy("Field", 10, {rule, keep}));
  EXPECT_EQ(run("REG-004", s), (Set{"unknown Text 5", "unknown Field 13"}));
}

// ---------------------------------------------------------------- REG-006 repository policy

model::Principal principal(std::string type, model::Str value) {
  model::Principal p;
  p.type = std::move(type);
  p.value = std::move(value);
  return p;
}

model::StrList list(std::vector<std::string> items) {
  std::vector<model::Str> v;
  v.reserve(items.size());
  for (auto& i : items) v.push_back(str(std::move(i)));
  return model::StrList::of(std::move(v));
}

const std::vector<std::string> kPushPull = {"ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
                                            "ecr:PutImage", "ecr:InitiateLayerUpload"};
const std::vector<std::string> kPull = {"ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"};

model::Statement statement(std::vector<model::Principal> principals,
                           std::vector<std::string> actions, unsigned line) {
  model::Statement st;
  st.effect = str("Allow");
  st.has_principal = true;
  st.principals = std::move(principals);
  st.actions = list(std::move(actions));
  st.loc = at(line);
  return st;
}

model::Repository with_statements(std::string id, unsigned line,
                                  std::vector<model::Statement> statements) {
  auto r = repository(std::move(id), "", line);
  r.repository_policy.state = model::Presence::kKnown;
  r.repository_policy.statements = std::move(statements);
  return r;
}

model::ConditionEntry condition(std::string op, std::string key, std::string value) {
  return model::ConditionEntry{std::move(op), std::move(key), list({std::move(value)})};
}

TEST(Reg006, PublicPrincipalsFailUnlessRestricted) {
  model::Stack s;
  s.repositories.push_back(
      with_statements("Star", 3, {statement({principal("*", str("*"))}, kPull, 6)}));
  s.repositories.push_back(with_statements(
      "AwsStarInList", 10,
      {statement(
          {principal("AWS", str("arn:aws:iam::123456789012:user/Bob")), principal("AWS", str("*"))},
          kPushPull, 12)}));
  auto org = statement({principal("*", str("*"))}, kPushPull, 22);
  org.conditions.push_back(condition("StringEquals", "aws:PrincipalOrgID", "o-12345678"));
  s.repositories.push_back(with_statements("OrgRestricted", 20, {org}));
  auto any = statement({principal("*", str("*"))}, kPull, 32);
  any.conditions.push_back(condition("ForAnyValue:StringEquals", "aws:PrincipalOrgID", "o-1"));
  s.repositories.push_back(with_statements("AnyValue", 30, {any}));
  auto deny = statement({principal("*", str("*"))}, kPushPull, 42);
  deny.effect = str("Deny");
  s.repositories.push_back(with_statements("Deny", 40, {deny}));
  s.repositories.push_back(with_statements(
      "Service", 50,
      {statement({principal("Service", str("codebuild.amazonaws.com"))}, kPull, 52)}));
  EXPECT_EQ(run("REG-006", s), (Set{"fail Star 6", "fail AwsStarInList 12"}));
}

TEST(Reg006, WeakConditionsDoNotRestrict) {
  model::Stack s;
  auto all = statement({principal("*", str("*"))}, kPull, 6);
  all.conditions.push_back(condition("ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-1"));
  s.repositories.push_back(with_statements("ForAllValues", 3, {all}));
  auto neg = statement({principal("*", str("*"))}, kPull, 16);
  neg.conditions.push_back(condition("StringNotEquals", "aws:PrincipalAccount", "111122223333"));
  s.repositories.push_back(with_statements("Negated", 13, {neg}));
  auto ifx = statement({principal("*", str("*"))}, kPull, 26);
  ifx.conditions.push_back(condition("StringEqualsIfExists", "aws:SourceAccount", "111122223333"));
  s.repositories.push_back(with_statements("IfExists", 23, {ifx}));
  auto wild = statement({principal("*", str("*"))}, kPull, 36);
  wild.conditions.push_back(condition("StringLike", "aws:PrincipalOrgID", "*"));
  s.repositories.push_back(with_statements("Wildcard", 33, {wild}));
  auto other = statement({principal("*", str("*"))}, kPull, 46);
  other.conditions.push_back(condition("StringEquals", "aws:RequestedRegion", "eu-west-1"));
  s.repositories.push_back(with_statements("OtherKey", 43, {other}));
  auto notp = statement({}, kPull, 56);
  notp.not_principals.push_back(principal("AWS", str("arn:aws:iam::111122223333:root")));
  s.repositories.push_back(with_statements("NotPrincipal", 53, {notp}));
  EXPECT_EQ(run("REG-006", s),
            (Set{"fail ForAllValues 6", "fail Negated 16", "fail IfExists 26", "fail Wildcard 36",
                 "fail OtherKey 46", "fail NotPrincipal 56"}));
}

TEST(Reg006, MessageExplainsWhyAConditionDoesNotRestrict) {
  model::Stack s;
  auto all = statement({principal("*", str("*"))}, kPull, 6);
  all.conditions.push_back(condition("ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-1"));
  s.repositories.push_back(with_statements("ForAllValues", 3, {all}));
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-006", s, {}, &out), (Set{"fail ForAllValues 6"}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("ForAllValues is true when the key is missing"), std::string::npos)
      << out[0].message;
  EXPECT_EQ(out[0].message.find("without a condition"), std::string::npos) << out[0].message;
}

TEST(Reg006, AccountsAreJudgedOnlyWhenConfigured) {
  model::Stack s;
  s.repositories.push_back(with_statements(
      "Push", 3,
      {statement({principal("AWS", str("arn:aws:iam::444455556666:role/ci"))}, kPushPull, 6)}));
  s.repositories.push_back(
      with_statements("Pull", 10, {statement({principal("AWS", str("444455556666"))}, kPull, 12)}));
  s.repositories.push_back(with_statements(
      "TrustedPull", 20,
      {statement({principal("AWS", str("arn:aws:iam::777788889999:root"))}, kPull, 22)}));
  s.repositories.push_back(
      with_statements("Own", 30,
                      {statement({principal("AWS", str("arn:aws:iam::111122223333:role/deploy"))},
                                 kPushPull, 32)}));
  s.repositories.push_back(with_statements(
      "StackRole", 40,
      {statement(
          {principal("AWS", unknown("runtime value of AWS::IAM::Role CiRole", 0, "", {"CiRole"}))},
          kPushPull, 42)}));
  s.repositories.push_back(
      with_statements("AccountIdSub", 50,
                      {statement({principal("AWS", unknown("pseudo parameter AWS::AccountId", 0,
                                                           "arn:\x1A:iam::\x1A:root"))},
                                 kPushPull, 52)}));
  s.repositories.push_back(
      with_statements("ParamAccount", 60,
                      {statement({principal("AWS", unknown("parameter Account has no default", 0,
                                                           "arn:aws:iam::\x1A:root"))},
                                 kPull, 62)}));
  EXPECT_EQ(run("REG-006", s), Set{});  // no own/trusted accounts configured
  engine::CheckOptions o;
  o.own_account_ids = {"111122223333"};
  o.trusted_account_ids = {"777788889999"};
  EXPECT_EQ(run("REG-006", s, o), (Set{"fail Push 6", "warn Pull 12", "unknown ParamAccount 62"}));
}

TEST(Reg006, UnknownPrincipalPolicyOrEffect) {
  model::Stack s;
  s.repositories.push_back(with_statements(
      "Param", 3,
      {statement({principal("AWS", unknown("parameter P has no default"))}, kPull, 6)}));
  auto r = repository("Text", "", 10);
  r.repository_policy.state = model::Presence::kUnknown;
  r.repository_policy.reason = "RepositoryPolicyText is not valid JSON";
  r.repository_policy.loc = at(12);
  s.repositories.push_back(r);
  auto eff = statement({principal("*", str("*"))}, kPull, 22);
  eff.effect = unknown("Fn::If on unknown condition IsProd", 23);
  s.repositories.push_back(with_statements("Effect", 20, {eff}));
  s.repositories.push_back(repository("NoPolicy", "", 30));
  EXPECT_EQ(run("REG-006", s), (Set{"unknown Param 6", "unknown Text 12", "unknown Effect 23"}));
}

TEST(Reg006, NotActionGrantsPush) {
  model::Stack s;
  auto st = statement({principal("AWS", str("444455556666"))}, {}, 6);
  st.actions = model::StrList{};
  st.not_actions = list({"ecr:DeleteRepository"});
  s.repositories.push_back(with_statements("NotAction", 3, {st}));
  engine::CheckOptions o;
  o.own_account_ids = {"111122223333"};
  EXPECT_EQ(run("REG-006", s, o), (Set{"fail NotAction 6"}));
}

// ---------------------------------------------------------------- REG-007 encryption

TEST(Reg007, OnlyCustomerManagedKeysPass) {
  model::Stack s;
  s.repositories.push_back(repository("Default", "", 3));
  auto aes = repository("Aes", "", 10);
  aes.encryption_type = str("AES256", 12);
  s.repositories.push_back(aes);
  auto managed = repository("KmsNoKey", "", 20);
  managed.encryption_type = str("KMS", 22);
  s.repositories.push_back(managed);
  auto alias = repository("AwsAlias", "", 30);
  alias.encryption_type = str("KMS", 32);
  alias.kms_key = str("arn:aws:kms:eu-west-1:111122223333:alias/aws/ecr", 33);
  s.repositories.push_back(alias);
  auto cmk = repository("Cmk", "", 40);
  cmk.encryption_type = str("KMS", 42);
  cmk.kms_key = str("alias/ecr-key", 43);
  s.repositories.push_back(cmk);
  auto ref = repository("KeyResource", "", 50);
  ref.encryption_type = str("KMS_DSSE", 52);
  ref.kms_key = unknown("runtime value of AWS::KMS::Key Key", 53, "", {"Key"});
  s.repositories.push_back(ref);
  auto param = repository("KeyParam", "", 60);
  param.encryption_type = str("KMS", 62);
  param.kms_key = unknown("parameter KeyArn has no default", 63);
  s.repositories.push_back(param);
  auto type = repository("TypeParam", "", 70);
  type.encryption_type = unknown("parameter Enc has no default", 72);
  s.repositories.push_back(type);
  EXPECT_EQ(run("REG-007", s),
            (Set{"fail Default 3", "fail Aes 12", "fail KmsNoKey 22", "fail AwsAlias 33",
                 "unknown KeyParam 63", "unknown TypeParam 72"}));
}

// EncryptionType is case-sensitive (AES256 | KMS | KMS_DSSE).
TEST(Reg007, InvalidEncryptionTypeFailsAsInvalid) {
  model::Stack s;
  auto r = repository("Lower", "a", 3);
  r.encryption_type = str("kms", 5);
  r.kms_key = unknown("runtime value of AWS::KMS::Key Key", 6, "", {"Key"});
  s.repositories.push_back(r);
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-007", s, {}, &out), (Set{"fail Lower 5"}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("not a valid value"), std::string::npos) << out[0].message;
}

// ---------------------------------------------------------------- REG-009 image pinning

constexpr const char* kDigest =
    "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

model::Stack with_images(std::vector<std::pair<std::string, model::Str>> images) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  unsigned line = 10;
  for (auto& [name, image] : images) {
    auto c = container(name, "", line);
    if (!image.loc.valid()) image.loc = at(line + 1);
    set_image(c, std::move(image));
    td.containers.push_back(std::move(c));
    line += 10;
  }
  s.task_definitions.push_back(std::move(td));
  return s;
}

TEST(Reg009, MovingAndMissingTagsFail) {
  const auto s = with_images({{"bare", str("nginx")},
                              {"latest", str("nginx:latest")},
                              {"main", str("ghcr.io/acme/app:MAIN")},
                              {"minor", str("nginx:1.25")},
                              {"digest", str(std::string("nginx") + kDigest)},
                              {"tagdigest", str(std::string("nginx:latest") + kDigest)},
                              {"hub", str("nginx:1.25.3")}});
  EXPECT_EQ(run("REG-009", s), (Set{"fail Task/bare 11", "fail Task/latest 21", "fail Task/main 31",
                                    "fail Task/minor 41", "warn Task/hub 71"}));
}

TEST(Reg009, ReleaseTagsNeedAnImmutableRepository) {
  auto s =
      with_images({{"immutable", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:v1.2.3")},
                   {"commit", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:a1b2c3d")},
                   {"mutable", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:v1.2.3")},
                   {"elsewhere", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/ext:1.0.0")},
                   {"build", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:build-42")}});
  auto app = repository("AppRepo", "app", 100);
  app.image_tag_mutability = str("IMMUTABLE", 103);
  s.repositories.push_back(app);
  s.repositories.push_back(repository("WebRepo", "web", 110));
  EXPECT_EQ(run("REG-009", s),
            (Set{"fail Task/mutable 31", "unknown Task/elsewhere 41", "warn Task/build 51"}));
}

TEST(Reg009, ExclusionFiltersDecideTheTag) {
  auto s = with_images(
      {{"excluded", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/a:v1.2.3")},
       {"protected", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/a:0a1b2c3")},
       {"mutableprotected", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/b:v2.0.0")},
       {"mutableopen", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/b:0a1b2c3")}});
  auto a = repository("A", "a", 100);
  a.image_tag_mutability = str("IMMUTABLE_WITH_EXCLUSION", 102);
  a.mutability_exclusions.push_back(exclusion(str("v*"), 103));
  s.repositories.push_back(a);
  auto b = repository("B", "b", 110);
  b.image_tag_mutability = str("MUTABLE_WITH_EXCLUSION", 112);
  b.mutability_exclusions.push_back(exclusion(str("v*"), 113));
  s.repositories.push_back(b);
  EXPECT_EQ(run("REG-009", s), (Set{"fail Task/excluded 11", "fail Task/mutableopen 41"}));
}

TEST(Reg009, PartiallyKnownImages) {
  auto s = with_images(
      {{"cdklatest", unknown("pseudo parameter AWS::AccountId", 11,
                             "\x1A.dkr.ecr.\x1A.amazonaws.com/app:latest")},
       {"paramtag",
        unknown("parameter Tag has no default", 21, "\x1A.dkr.ecr.\x1A.amazonaws.com/app:\x1A")},
       {"byref",
        unknown("runtime value of AWS::ECR::Repository Repo", 31, "\x1A:0a1b2c3", {"Repo"})},
       {"bareuri", unknown("runtime value of AWS::ECR::Repository Repo", 41, "", {"Repo"})},
       {"param", unknown("parameter Image has no default", 51)},
       {"byname", unknown("pseudo parameter AWS::Region", 61,
                          "111122223333.dkr.ecr.\x1A.amazonaws.com/app:v3.0.0")}});
  auto repo = repository("Repo", "app", 100);
  repo.image_tag_mutability = str("IMMUTABLE", 103);
  s.repositories.push_back(repo);
  EXPECT_EQ(run("REG-009", s), (Set{"fail Task/cdklatest 11", "unknown Task/paramtag 21",
                                    "fail Task/bareuri 41", "unknown Task/param 51"}));
}

TEST(Reg009, PatternsAndMovingTagsAreOptions) {
  const auto s = with_images({{"calver", str("nginx:2024.06")}, {"canary", str("nginx:canary")}});
  engine::CheckOptions o;
  o.semver_tag_pattern = R"(^\d{4}\.\d{2}$)";
  o.moving_tags.emplace_back("canary");
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-009", s, o, &out), (Set{"warn Task/calver 11", "fail Task/canary 21"}));
}

// ---------------------------------------------------------------- REG-011 registry credentials

TEST(Reg011, PlainTextCredentialsForOtherRegistriesFail) {
  auto s = with_images({{"env", str("ghcr.io/acme/app:1.0.0")},
                        {"ecr", str("111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0.0")},
                        {"url", str("https://bob:secret@registry.example.com/app:1.0.0")},
                        {"unknownreg", unknown("parameter Image has no default", 41)},
                        {"clean", str("quay.io/acme/app:1.0.0")}});
  auto& cs = s.task_definitions[0].containers;
  for (auto* c : {&cs[0], &cs[1], &cs[3]}) {
    model::KeyValue kv;
    kv.name = str("ECS_ENGINE_AUTH_DATA");
    kv.value = str(R"({"https://index.docker.io/v1/":{"auth":"..."}})");
    kv.loc = at(c->loc.line + 5);
    c->environment.push_back(kv);
  }
  model::KeyValue other;
  other.name = str("APP_MODE");
  other.value = str("prod");
  other.loc = at(55);
  cs[4].environment.push_back(other);
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-011", s, {}, &out),
            (Set{"fail Task/env 15", "fail Task/url 31", "unknown Task/unknownreg 45"}));
  for (const auto& f : out) EXPECT_EQ(f.message.find("secret@"), std::string::npos) << f.message;
}

TEST(Reg011, OneFindingPerContainerAndAuthTypeIsNoSecret) {
  auto s = with_images({{"both", str("registry.example.com/app:1.0.0")},
                        {"typeonly", str("registry.example.com/app:1.0.0")}});
  auto& cs = s.task_definitions[0].containers;
  auto env = [](std::string name, unsigned line) {
    model::KeyValue kv;
    kv.name = str(std::move(name));
    kv.value = str("x");
    kv.loc = at(line);
    return kv;
  };
  cs[0].environment = {env("ECS_ENGINE_AUTH_TYPE", 14), env("ECS_ENGINE_AUTH_DATA", 15),
                       env("REGISTRY_PASSWORD", 16)};
  cs[1].environment = {env("ECS_ENGINE_AUTH_TYPE", 24)};
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("REG-011", s, {}, &out), (Set{"fail Task/both 15"}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("ECS_ENGINE_AUTH_DATA, REGISTRY_PASSWORD"), std::string::npos)
      << out[0].message;
}

TEST(Reg011, CredentialsParameterMustBeASecretsManagerSecret) {
  auto s = with_images({{"arn", str("registry.example.com/app:1.0.0")},
                        {"ssm", str("registry.example.com/app:1.0.0")},
                        {"secretref", str("registry.example.com/app:1.0.0")},
                        {"paramref", str("registry.example.com/app:1.0.0")},
                        {"param", str("registry.example.com/app:1.0.0")}});
  auto& cs = s.task_definitions[0].containers;
  cs[0].repository_credentials =
      str("arn:aws:secretsmanager:eu-west-1:111122223333:secret:registry-AbCdEf", 14);
  cs[1].repository_credentials = str("arn:aws:ssm:eu-west-1:111122223333:parameter/registry", 24);
  cs[2].repository_credentials = unknown("runtime value", 34, "", {"RegistrySecret"});
  cs[3].repository_credentials = unknown("runtime value", 44, "", {"RegistryParam"});
  cs[4].repository_credentials = unknown("parameter Creds has no default", 54);
  model::Secret secret;
  secret.id = rid("AWS::SecretsManager::Secret", "RegistrySecret", 100);
  s.secrets.push_back(secret);
  model::SsmParameter param;
  param.id = rid("AWS::SSM::Parameter", "RegistryParam", 110);
  s.ssm_parameters.push_back(param);
  EXPECT_EQ(run("REG-011", s),
            (Set{"fail Task/ssm 24", "fail Task/paramref 44", "unknown Task/param 54"}));
}

}  // namespace
}  // namespace ecsguard::testing
