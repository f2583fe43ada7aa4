#pragma once
// Secret detection shared by every layer (task definition environment, Dockerfile ENV/ARG/LABEL/
// RUN, image config and files). One RE2::Set holds every provider format, so a text is scanned
// once for all of them (linear time, hostile input included); each format the set reports is then
// located with its own RE2.
//
// Found:
//   provider formats (high confidence): AWS access key ids (AKIA/ASIA/ABIA/ACCA/A3T...), AWS secret
//   access keys next to an access key id or an aws_secret_access_key-like name, GitHub (ghp_,
//   gho_, ghu_, ghs_, ghr_, github_pat_), GitLab (glpat-), Slack tokens and webhook URLs, Stripe
//   live keys (test keys: medium), Google API keys, npm tokens, SendGrid keys, OpenAI/Anthropic
//   keys, PEM private key blocks; JWTs (medium); URLs with a password in their userinfo;
//   assignments `name = value` / `name: value` whose name says secret (password, token, api_key,
//   ...) and whose value is random-looking (medium) or any literal (scan_pair: low);
//   random-looking words on their own (low, scan_text with `entropy_words`).
// Never reported: placeholders (${VAR}, $VAR, <value>, changeme, xxxx, ****, your-token-here,
//   AWS's documentation keys ...EXAMPLE), ARNs, SSM/Secrets Manager names, digests and hex
//   checksums, UUIDs, public keys and certificates, URLs without a password.
// A match never carries the secret: `preview` shows a short prefix and the length only.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::secrets {

enum class Kind : unsigned char {
  kAwsAccessKeyId,
  kAwsSecretAccessKey,
  kGithubToken,
  kGitlabToken,
  kSlackToken,
  kSlackWebhook,
  kStripeKey,
  kGoogleApiKey,
  kNpmToken,
  kSendgridKey,
  kOpenAiKey,
  kPrivateKey,
  kJwt,
  kUrlPassword,
  kSecretAssignment,  // a secret-named variable holding a literal
  kHighEntropy,       // a random-looking word
};

enum class Confidence : unsigned char { kLow, kMedium, kHigh };

enum class Lang : unsigned char { kEn, kJa };

// What a kind is, for people: "an AWS access key id" / "AWS アクセスキー ID".
std::string_view describe(Kind k, Lang lang = Lang::kEn) noexcept;
// Stable id for reports and suppressions: "aws-access-key-id".
std::string_view id(Kind k) noexcept;

struct Match {
  Kind kind = Kind::kHighEntropy;
  Confidence confidence = Confidence::kLow;
  std::size_t offset = 0;  // of the secret in the scanned text (bytes)
  std::size_t length = 0;
  std::uint32_t line = 1;    // 1-based, in the scanned text
  std::uint32_t column = 1;  // 1-based byte column
  std::string preview;       // redacted: never the whole secret
};

struct Options {
  std::size_t max_bytes = 8u << 20;  // longer text: only this prefix is scanned (truncated)
  std::size_t max_matches = 1000;    // matches kept per scan
  bool entropy_words = false;        // scan_text: report random-looking words on their own
};

struct ScanResult {
  std::vector<Match> matches;  // by offset
  bool truncated = false;      // max_bytes or max_matches was reached
};

class Detector {
 public:
  Detector();
  ~Detector();
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;
  Detector(Detector&&) noexcept;
  Detector& operator=(Detector&&) noexcept;

  // A text blob (a file, a RUN line, a heredoc): provider formats, URL passwords, secret
  // assignments, and random-looking words when options.entropy_words.
  [[nodiscard]] ScanResult scan_text(std::string_view text, const Options& options = {}) const;
  // A variable (ENV, ARG, LABEL, a container environment entry): its value scanned as text, plus
  // a secret-named variable with a literal value. Offsets are in `value`.
  [[nodiscard]] ScanResult scan_pair(std::string_view name, std::string_view value,
                                     const Options& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Building a Detector compiles the patterns (a few milliseconds): share one.
const Detector& default_detector();

// Shannon entropy in bits per character.
double shannon_entropy(std::string_view s) noexcept;
// A long word in a base62/base64 alphabet that looks random, not like words, hex or an id.
bool looks_random(std::string_view word);
// A value that stands for a secret without being one (${VAR}, <token>, changeme, ****, ...).
bool is_placeholder(std::string_view value);
// A variable name that says it holds a secret (password, token, api_key, private_key, ...), not
// one that says where the secret is (*_FILE, *_PATH, *_ARN, ...).
bool secret_name(std::string_view name);
// The redacted form of `secret`: a short prefix, then "…" and the length.
std::string redact(std::string_view secret);

}  // namespace ecsguard::secrets
