// The detector on synthetic secrets (tests/unit/secrets/synthetic.h) and on the look-alikes that
// must stay quiet: placeholders, ${VAR}, ARNs, image digests, checksums, UUIDs, example keys.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ecsguard/secrets/secrets.h"
#include "synthetic.h"

namespace ecsguard::secrets {
namespace {

using namespace testing;

const Detector& det() { return default_detector(); }

std::vector<Kind> kinds(const ScanResult& r) {
  std::vector<Kind> out;
  for (const auto& m : r.matches) out.push_back(m.kind);
  return out;
}

// A match must never carry the whole secret.
void expect_redacted(const ScanResult& r, std::string_view text) {
  for (const auto& m : r.matches) {
    const std::string_view secret = text.substr(m.offset, m.length);
    if (m.kind == Kind::kPrivateKey) continue;  // the preview is the BEGIN line, not the key
    EXPECT_EQ(m.preview.find(secret), std::string::npos) << m.preview;
    EXPECT_LE(m.preview.find("…"), 4u) << m.preview;
  }
}

TEST(SecretsDetector, AwsKeyIdAndSecretKey) {
  const std::string text = "[default]\naws_access_key_id = " + kAwsKeyId +
                           "\naws_secret_access_key = " + kAwsSecret + "\n";
  const auto r = det().scan_text(text);
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kAwsAccessKeyId, Kind::kAwsSecretAccessKey}));
  EXPECT_EQ(r.matches[0].line, 2u);
  EXPECT_EQ(r.matches[0].column, 21u);
  EXPECT_EQ(r.matches[0].length, 20u);
  EXPECT_EQ(r.matches[0].confidence, Confidence::kHigh);
  EXPECT_EQ(r.matches[0].preview, "AKIA…(20 chars)");
  EXPECT_EQ(r.matches[1].line, 3u);
  EXPECT_EQ(text.substr(r.matches[1].offset, r.matches[1].length), kAwsSecret);
  expect_redacted(r, text);
}

TEST(SecretsDetector, AwsSecretKeyNeedsANameOrAnIdNearIt) {
  // Next to an id, without a name.
  std::string text = "creds " + kAwsKeyId + " " + kAwsSecret;
  EXPECT_EQ(kinds(det().scan_text(text)),
            (std::vector<Kind>{Kind::kAwsAccessKeyId, Kind::kAwsSecretAccessKey}));
  // Alone: a 40-character base64 word is not enough.
  text = "blob " + kAwsSecret + " end";
  EXPECT_TRUE(det().scan_text(text).matches.empty());
}

TEST(SecretsDetector, ProviderTokens) {
  struct Case {
    std::string text;
    Kind kind;
    Confidence confidence;
  };
  const Case cases[] = {
      {"GITHUB_TOKEN=" + kGithub, Kind::kGithubToken, Confidence::kHigh},
      {"git clone https://oauth2:" + kGitlab + "@gitlab.example.com/x.git", Kind::kGitlabToken,
       Confidence::kHigh},
      {"curl -H 'Authorization: Bearer " + kSlack + "'", Kind::kSlackToken, Confidence::kHigh},
      {"curl -X POST " + kSlackHook, Kind::kSlackWebhook, Confidence::kHigh},
      {"stripe.api_key = '" + kStripeLive + "'", Kind::kStripeKey, Confidence::kHigh},
      {"STRIPE=" + kStripeTest, Kind::kStripeKey, Confidence::kMedium},
      {"key=" + kGoogle, Kind::kGoogleApiKey, Confidence::kHigh},
      {"//registry.npmjs.org/:_authToken=" + kNpm, Kind::kNpmToken, Confidence::kHigh},
      {"SENDGRID " + kSendgrid, Kind::kSendgridKey, Confidence::kHigh},
      {"OPENAI " + kOpenAi, Kind::kOpenAiKey, Confidence::kMedium},
      {"Authorization: Bearer " + kJwt, Kind::kJwt, Confidence::kMedium},
  };
  for (const auto& c : cases) {
    const auto r = det().scan_text(c.text);
    ASSERT_EQ(r.matches.size(), 1u) << c.text;
    EXPECT_EQ(r.matches[0].kind, c.kind) << c.text;
    EXPECT_EQ(r.matches[0].confidence, c.confidence) << c.text;
    expect_redacted(r, c.text);
  }
}

TEST(SecretsDetector, PrivateKeyBlock_ShowsOnlyTheHeader) {
  const std::string text =
      "RUN echo '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
      "-----END OPENSSH PRIVATE KEY-----' > /root/.ssh/id_ed25519";
  const auto r = det().scan_text(text);
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kPrivateKey}));
  EXPECT_EQ(r.matches[0].preview, "-----BEGIN OPENSSH PRIVATE KEY-----");
  EXPECT_TRUE(det().scan_text("-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n").matches.empty());
  EXPECT_TRUE(det().scan_text("-----BEGIN CERTIFICATE-----\nMIIB\n").matches.empty());
}

TEST(SecretsDetector, UrlWithPassword) {
  const std::string text = "DATABASE_URL=postgres://app:Hx7pQ2vLm9Rt@db.internal:5432/app";
  const auto r = det().scan_text(text);
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kUrlPassword}));
  EXPECT_EQ(r.matches[0].preview, "postgres://app:****@");
  EXPECT_EQ(text.substr(r.matches[0].offset, r.matches[0].length), "Hx7pQ2vLm9Rt");
  for (const char* quiet : {"https://user:${TOKEN}@example.com/", "https://user:$PASS@host/",
                            "https://user@example.com/", "https://example.com/a:b@c",
                            "postgres://app:<password>@db/app", "https://u:****@host/"}) {
    EXPECT_TRUE(det().scan_text(quiet).matches.empty()) << quiet;
  }
}

TEST(SecretsDetector, SecretAssignmentsInText) {
  auto r = det().scan_text("export API_TOKEN=\"" + kRandom + "\"\n");
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kSecretAssignment}));
  EXPECT_EQ(r.matches[0].confidence, Confidence::kMedium);
  r = det().scan_text("mysql --password=hunter2hunter2 db");
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kSecretAssignment}));
  EXPECT_EQ(r.matches[0].confidence, Confidence::kLow);
  for (const char* quiet : {"PASSWORD_FILE=/run/secrets/db", "DB_PASSWORD=${DB_PASSWORD}",
                            "TOKEN_URL=https://auth.example.com/token", "password: changeme",
                            "secret_arn=arn:aws:secretsmanager:eu-west-1:123456789012:secret:x",
                            "API_KEY=<your-api-key>", "access_key: xxxxxxxxxxxx"}) {
    EXPECT_TRUE(det().scan_text(quiet).matches.empty()) << quiet;
  }
}

TEST(SecretsDetector, DocumentationExamplesArePlaceholders) {
  const std::string text = std::string("aws_access_key_id=AKIAIOSFODNN7") + "EXAMPLE\n" +
                           "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY\n";
  EXPECT_TRUE(det().scan_text(text).matches.empty());
}

TEST(SecretsDetector, LookAlikesStayQuiet) {
  Options o;
  o.entropy_words = true;
  const char* quiet[] = {
      "FROM nginx@sha256:0b970013351304af46f322da1263516b188318682b2ab1091862497591189ff1",
      "sha256sum -c <<< 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  f'",
      "REQUEST_ID=3f2504e0-4f89-41d3-9a0c-0305e82c3301",
      "git checkout 5f1d3c9a8b7e6d5c4b3a29180f7e6d5c4b3a2918",
      "arn:aws:iam::123456789012:role/service-role/MyApplicationTaskExecutionRole",
      "MyApplicationLoadBalancerSecurityGroup1234ABCD",
      "ENV GPG_KEY B42F6819007F00F88E364FD4036A9C25BF357DD4",
      "RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -",
      "docker.io/library/python:3.12-slim-bookworm",
  };
  for (const char* q : quiet) EXPECT_TRUE(det().scan_text(q, o).matches.empty()) << q;
}

TEST(SecretsDetector, EntropyWordsOnlyWhenAsked) {
  const std::string text = "RUN ./configure --key " + kRandom;
  EXPECT_TRUE(det().scan_text(text).matches.empty());
  Options o;
  o.entropy_words = true;
  const auto r = det().scan_text(text, o);
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kHighEntropy}));
  EXPECT_EQ(r.matches[0].confidence, Confidence::kLow);
  EXPECT_EQ(text.substr(r.matches[0].offset, r.matches[0].length), kRandom);
}

TEST(SecretsDetector, ScanPair) {
  auto r = det().scan_pair("DB_PASSWORD", "correct-horse-battery");
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kSecretAssignment}));
  EXPECT_EQ(r.matches[0].confidence, Confidence::kMedium);
  r = det().scan_pair("api-key", "  " + kRandom);
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_EQ(r.matches[0].confidence, Confidence::kHigh);
  EXPECT_EQ(r.matches[0].offset, 2u);
  r = det().scan_pair("SESSION_SEED", kRandom);  // not a secret name: random-looking only
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kHighEntropy}));
  r = det().scan_pair("AWS_ACCESS_KEY_ID", kAwsKeyId);  // the provider format wins
  ASSERT_EQ(kinds(r), (std::vector<Kind>{Kind::kAwsAccessKeyId}));
  struct Quiet {
    const char* name;
    const char* value;
  };
  const Quiet quiet[] = {
      {"DB_PASSWORD", "${DB_PASSWORD}"},
      {"DB_PASSWORD_FILE", "/run/secrets/db_password"},
      {"API_KEY", "changeme"},
      {"TOKEN", ""},
      {"DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"},
      {"GPG_KEY", "B42F6819007F00F88E364FD4036A9C25BF357DD4"},
      {"BASE_IMAGE",
       "nginx@sha256:0b970013351304af46f322da1263516b188318682b2ab1091862497591189ff1"},
      {"CORRELATION_ID", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"},
      {"PASSWORD_MIN_LENGTH", "12"},
      {"TOKEN_EXPIRY", "3600"},
      {"SECRET_ENABLED", "true"},
      {"AUTH_TOKEN_URL", "https://auth.example.com/oauth/token"},
      {"NODE_VERSION", "20.11.1"},
  };
  for (const auto& q : quiet) {
    EXPECT_TRUE(det().scan_pair(q.name, q.value).matches.empty()) << q.name << "=" << q.value;
  }
}

TEST(SecretsDetector, Limits) {
  Options o;
  o.max_bytes = 64;
  std::string text(100, ' ');
  text += kGithub;
  auto r = det().scan_text(text, o);
  EXPECT_TRUE(r.matches.empty());
  EXPECT_TRUE(r.truncated);
  o = Options{};
  o.max_matches = 2;
  text.clear();
  for (int i = 0; i < 5; ++i) text += kGithub + "\n";
  r = det().scan_text(text, o);
  EXPECT_EQ(r.matches.size(), 2u);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.matches[1].line, 2u);
}

TEST(SecretsDetector, HostileInputIsScannedLinearly) {
  // Long runs that almost match: RE2 keeps this linear; the test only checks the result.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "AKIA";
  text += std::string(200000, 'x') + "https://a:" + std::string(100000, 'b');
  const auto r = det().scan_text(text);
  EXPECT_TRUE(r.matches.empty());
}

}  // namespace
}  // namespace ecsguard::secrets
