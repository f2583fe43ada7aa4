// The kinds of secret: stable id, English and Japanese description.
#include "ecsguard/secrets/secrets.h"

namespace ecsguard::secrets {

namespace {

struct KindText {
  Kind kind;
  std::string_view id;
  std::string_view en;
  std::string_view ja;
};

constexpr KindText kKinds[] = {
    {Kind::kAwsAccessKeyId, "aws-access-key-id", "an AWS access key id", "AWS アクセスキー ID"},
    {Kind::kAwsSecretAccessKey, "aws-secret-access-key", "an AWS secret access key",
     "AWS シークレットアクセスキー"},
    {Kind::kGithubToken, "github-token", "a GitHub token", "GitHub トークン"},
    {Kind::kGitlabToken, "gitlab-token", "a GitLab personal access token",
     "GitLab パーソナルアクセストークン"},
    {Kind::kSlackToken, "slack-token", "a Slack token", "Slack トークン"},
    {Kind::kSlackWebhook, "slack-webhook", "a Slack webhook URL", "Slack Webhook URL"},
    {Kind::kStripeKey, "stripe-key", "a Stripe secret key", "Stripe シークレットキー"},
    {Kind::kGoogleApiKey, "google-api-key", "a Google API key", "Google API キー"},
    {Kind::kNpmToken, "npm-token", "an npm access token", "npm アクセストークン"},
    {Kind::kSendgridKey, "sendgrid-key", "a SendGrid API key", "SendGrid API キー"},
    {Kind::kOpenAiKey, "openai-key", "an OpenAI or Anthropic API key",
     "OpenAI / Anthropic の API キー"},
    {Kind::kPrivateKey, "private-key", "a PEM private key", "PEM 形式の秘密鍵"},
    {Kind::kJwt, "jwt", "a JSON Web Token", "JSON Web Token (JWT)"},
    {Kind::kUrlPassword, "url-password", "a URL with a password (user:password@)",
     "パスワード入りの URL（user:password@）"},
    {Kind::kSecretAssignment, "secret-assignment", "a literal value in a secret-named variable",
     "シークレットらしい名前の変数に書かれたリテラル値"},
    {Kind::kHighEntropy, "high-entropy", "a random-looking string that may be a secret",
     "シークレットの可能性があるランダムな文字列"},
};

const KindText* find(Kind k) noexcept {
  for (const auto& e : kKinds) {
    if (e.kind == k) return &e;
  }
  return nullptr;
}

}  // namespace

std::string_view describe(Kind k, Lang lang) noexcept {
  const KindText* e = find(k);
  if (e == nullptr) return "";
  return lang == Lang::kJa ? e->ja : e->en;
}

std::string_view id(Kind k) noexcept {
  const KindText* e = find(k);
  return e == nullptr ? "" : e->id;
}

}  // namespace ecsguard::secrets
