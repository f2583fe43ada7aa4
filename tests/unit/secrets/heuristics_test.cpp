// Entropy, randomness, placeholders, secret names, redaction and the kind table.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "ecsguard/secrets/secrets.h"
#include "synthetic.h"

namespace ecsguard::secrets {
namespace {

TEST(SecretsHeuristics, ShannonEntropy) {
  EXPECT_DOUBLE_EQ(shannon_entropy(""), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abab"), 1.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abcd"), 2.0);
}

TEST(SecretsHeuristics, LooksRandom) {
  EXPECT_TRUE(looks_random(testing::kRandom));
  EXPECT_TRUE(looks_random(testing::kAwsSecret));
  EXPECT_FALSE(looks_random("short1A"));
  EXPECT_FALSE(looks_random("e3b0c44298fc1c149afbf4c8996fb92427ae41e4"));  // hex
  EXPECT_FALSE(looks_random("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));      // UUID
  EXPECT_FALSE(looks_random("MyApplicationLoadBalancer1234"));             // words
  EXPECT_FALSE(looks_random("abcdefghijklmnopqrstuvwxyz"));                // no digits
}

TEST(SecretsHeuristics, Placeholders) {
  for (const char* p : {"", "  ", "${DB_PASSWORD}", "$TOKEN", "<token>", "changeme", "CHANGE_ME",
                        "xxxxxxxx", "********", "your-api-key", "api-key-here", "REPLACE_ME",
                        "{{ .Values.password }}", "%s", "none", "AKIAIOSFODNN7EXAMPLE"}) {
    EXPECT_TRUE(is_placeholder(p)) << p;
  }
  for (const char* v : {"hunter2hunter2", "password123!", "Hx7pQ2vLm9Rt"}) {
    EXPECT_FALSE(is_placeholder(v)) << v;
  }
}

TEST(SecretsHeuristics, SecretNames) {
  for (const char* n : {"DB_PASSWORD", "db-passwd", "API_KEY", "apiKey", "GITHUB_TOKEN",
                        "client_secret", "AWS_SECRET_ACCESS_KEY", "PRIVATE_KEY", "npm.token"}) {
    EXPECT_TRUE(secret_name(n)) << n;
  }
  for (const char* n : {"DB_PASSWORD_FILE", "SECRET_ARN", "TOKEN_URL", "GPG_KEY", "KEY_ID",
                        "PASSWORD_POLICY", "HOSTNAME", "TOKEN_TTL"}) {
    EXPECT_FALSE(secret_name(n)) << n;
  }
}

TEST(SecretsHeuristics, Redact) {
  EXPECT_EQ(redact("abc"), "…(3 chars)");
  EXPECT_EQ(redact("abcdefgh"), "ab…(8 chars)");
  EXPECT_EQ(redact(testing::kGithub), "ghp_…(40 chars)");
}

TEST(SecretsHeuristics, EveryKindHasAnIdAndBothLanguages) {
  std::set<std::string_view> ids;
  for (int k = 0; k <= static_cast<int>(Kind::kHighEntropy); ++k) {
    const auto kind = static_cast<Kind>(k);
    EXPECT_FALSE(id(kind).empty()) << k;
    EXPECT_TRUE(ids.insert(id(kind)).second) << id(kind);
    EXPECT_FALSE(describe(kind, Lang::kEn).empty()) << k;
    EXPECT_FALSE(describe(kind, Lang::kJa).empty()) << k;
  }
}

}  // namespace
}  // namespace ecsguard::secrets
