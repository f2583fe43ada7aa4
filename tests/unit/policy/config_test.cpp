// .ecsguard.yaml and accepted-risks entries: typed values, located errors, unknown keys refused
// with the closest known key.
#include <gtest/gtest.h>

#include "ecsguard/config/config.h"

namespace ecsguard::config {
namespace {

using i18n::Lang;

TEST(Config, ReadsEveryKey) {
  const auto c = parse_config(R"(check: [CTR-*]
skip-check: CTR-002, IMG-004
severity-overrides: {CTR-001: low}
fail-on: [CRITICAL, HIGH]
approved-registries: ["*.dkr.ecr.*.amazonaws.com"]
trusted-accounts: ["111122223333"]
own-accounts: ["444455556666"]
writable-paths: [/tmp, /var/run]
secret-name-allowlist: ["*_ARN"]
baseline: base/.ecsguard.baseline
accepted-risks:
  - check: CTR-004
    resource: WebTaskDef/web
    owner: alice
    reason: legacy image needs root until Q3
    expires: 2026-12-31
)",
                              "repo/.ecsguard.yaml", Lang::kEn);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->checks, std::vector<std::string>{"CTR-*"});
  EXPECT_EQ(c->skip_checks, (std::vector<std::string>{"CTR-002", "IMG-004"}));
  ASSERT_EQ(c->severity_overrides.size(), 1u);
  EXPECT_EQ(c->severity_overrides[0].first, "CTR-001");
  EXPECT_EQ(c->severity_overrides[0].second, core::Severity::kLow);
  EXPECT_EQ(c->fail_on, "high") << "a list of severities fails on the lowest one listed";
  EXPECT_EQ(c->writable_paths, (std::vector<std::string>{"/tmp", "/var/run"}));
  EXPECT_EQ(c->own_accounts, std::vector<std::string>{"444455556666"});
  EXPECT_EQ(c->baseline, "repo/base/.ecsguard.baseline") << "relative to the configuration file";
  ASSERT_EQ(c->accepted_risks.size(), 1u);
  const auto& r = c->accepted_risks[0];
  EXPECT_EQ(r.check, "CTR-004");
  EXPECT_EQ(r.resource, "WebTaskDef/web");
  EXPECT_EQ(r.owner, "alice");
  EXPECT_EQ(r.expires, "2026-12-31");
  EXPECT_EQ(r.source_file, "repo/.ecsguard.yaml");
  EXPECT_EQ(r.line, 12u);
  EXPECT_FALSE(c->trusted_accounts->empty());
  EXPECT_FALSE(c->secret_name_allowlist->empty());
  EXPECT_FALSE(c->approved_registries->empty());
}

TEST(Config, AnEmptyFileMeansTheDefaults) {
  const auto c = parse_config("", ".ecsguard.yaml", Lang::kEn);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->skip_checks.empty());
  EXPECT_FALSE(c->fail_on.has_value());
  EXPECT_FALSE(c->writable_paths.has_value());
}

TEST(Config, UnknownKeyIsRefusedWithTheClosestKeyAndItsLine) {
  const auto c = parse_config("fail-on: high\nskip-chek: [CTR-001]\n", ".ecsguard.yaml", Lang::kEn);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, core::Errc::kUsage);
  EXPECT_EQ(c.error().message,
            ".ecsguard.yaml:2:1: unknown key 'skip-chek' (did you mean 'skip-check'?)");
  const auto far = parse_config("frobnicate: 1\n", ".ecsguard.yaml", Lang::kEn);
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().message, ".ecsguard.yaml:1:1: unknown key 'frobnicate'");
}

TEST(Config, ErrorsAreLocatedAndInTheChosenLanguage) {
  const auto bad_sev =
      parse_config("severity-overrides:\n  CTR-001: urgent\n", "c.yaml", Lang::kEn);
  ASSERT_FALSE(bad_sev.ok());
  EXPECT_EQ(bad_sev.error().message.rfind("c.yaml:2:12: 'urgent' is no severity", 0), 0u)
      << bad_sev.error().message;
  const auto ja = parse_config("fail-on: sometimes\n", "c.yaml", Lang::kJa);
  ASSERT_FALSE(ja.ok());
  EXPECT_NE(ja.error().message.find("c.yaml:1:10: fail-on の 'sometimes'"), std::string::npos)
      << ja.error().message;
  const auto syntax = parse_config("skip-check: [a, b\n", "c.yaml", Lang::kEn);
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().message.rfind("c.yaml:", 0), 0u);
  EXPECT_NE(syntax.error().message.find("not valid YAML"), std::string::npos);
  const auto shape = parse_config("- a\n- b\n", "c.yaml", Lang::kEn);
  ASSERT_FALSE(shape.ok());
  EXPECT_NE(shape.error().message.find("mapping"), std::string::npos);
}

TEST(Config, AnAcceptanceNeedsReasonOwnerAndARealExpiryDate) {
  const auto no_reason = parse_config(
      "accepted-risks:\n  - {check: CTR-001, resource: A, owner: bob, expires: 2026-01-01}\n",
      "c.yaml", Lang::kEn);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_NE(no_reason.error().message.find("c.yaml:2:5: an accepted risk needs 'reason'"),
            std::string::npos)
      << no_reason.error().message;
  const auto bad_date = parse_config(
      "accepted-risks:\n  - {check: CTR-001, resource: A, owner: bob, reason: r, "
      "expires: 2026-02-30}\n",
      "c.yaml", Lang::kEn);
  ASSERT_FALSE(bad_date.ok());
  EXPECT_NE(bad_date.error().message.find("'2026-02-30' is no date"), std::string::npos);
  const auto typo =
      parse_config("accepted-risks:\n  - {check: CTR-001, resorce: A}\n", "c.yaml", Lang::kEn);
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message.find("did you mean 'resource'"), std::string::npos);
}

TEST(Config, Dates) {
  EXPECT_TRUE(is_date("2024-02-29"));
  EXPECT_FALSE(is_date("2023-02-29"));
  EXPECT_FALSE(is_date("2026-13-01"));
  EXPECT_FALSE(is_date("2026-1-01"));
  EXPECT_FALSE(is_date("tomorrow!!"));
}

}  // namespace
}  // namespace ecsguard::config
