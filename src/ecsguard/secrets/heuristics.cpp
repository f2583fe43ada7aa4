// Entropy, placeholders, secret-like names and redaction: the judgement around the patterns.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "ecsguard/core/strings.h"
#include "ecsguard/secrets/secrets.h"

namespace ecsguard::secrets {

namespace {

int char_class(char ch) noexcept {
  if (ch >= 'A' && ch <= 'Z') return 0;
  if (ch >= 'a' && ch <= 'z') return 1;
  if (ch >= '0' && ch <= '9') return 2;
  return 3;
}

bool all_of_set(std::string_view s, std::string_view set) {
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return set.find(c) != std::string_view::npos; });
}

// Name tokens (lower case, '-' and '.' read as '_') that say a variable holds a secret.
constexpr std::string_view kSecretTokens[] = {
    "password",  "passwd",     "pwd",         "secret",       "token",
    "api_key",   "apikey",     "private_key", "privatekey",   "access_key",
    "accesskey", "credential", "auth_key",    "client_secret"};
// Suffixes that say where a secret is, not the secret.
constexpr std::string_view kLocationSuffixes[] = {
    "_file", "_path", "_dir",       "_arn",    "_url", "_uri", "_name",   "_id",
    "_ref",  "_env",  "_secret_id", "_length", "_len", "_ttl", "_expiry", "_policy"};

}  // namespace

double shannon_entropy(std::string_view s) noexcept {
  if (s.empty()) return 0;
  std::array<int, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  const auto n = static_cast<double>(s.size());
  double h = 0;
  for (int c : counts) {
    if (c == 0) continue;
    const double p = c / n;
    h -= p * std::log2(p);
  }
  return h;
}

bool looks_random(std::string_view v) {
  if (v.size() < 20) return false;
  if (all_of_set(v, "0123456789abcdef") || all_of_set(v, "0123456789ABCDEF")) return false;
  static const RE2 kUuid(
      R"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
  if (RE2::FullMatch(v, kUuid)) return false;
  bool upper = false, lower = false, digit = false;
  for (char c : v) {
    const int k = char_class(c);
    upper |= k == 0;
    lower |= k == 1;
    digit |= k == 2;
  }
  if (!digit || !(upper || lower)) return false;  // words, numbers
  const auto n = static_cast<double>(v.size());
  if (shannon_entropy(v) < std::min(4.5, 0.8 * std::log2(std::min(n, 64.0)))) return false;
  std::size_t switches = 0;
  for (std::size_t i = 1; i < v.size(); ++i) switches += char_class(v[i]) != char_class(v[i - 1]);
  if (static_cast<double>(switches) / (n - 1) < 0.35) return false;  // CamelCaseIdentifiers1
  static const RE2 kWord(R"(([A-Za-z][a-z]{3,}|[A-Z]{4,}))");
  re2::StringPiece input(v.data(), v.size());
  std::string word;
  std::size_t word_chars = 0;
  while (RE2::FindAndConsume(&input, kWord, &word)) word_chars += word.size();
  return static_cast<double>(word_chars) / n < 0.4;
}

bool is_placeholder(std::string_view raw) {
  const std::string_view v = core::trim(raw);
  if (v.empty()) return true;
  static const RE2 kPlaceholder(
      R"((?i)(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$\(.*\)|%[sv]|\{\{.*\}\}|<[^<>]*>|\[[^\[\]]*\]|)"
      R"([x*._#-]{3,}|(?:x{3,}|\*{3,})[^ ]*|(?:change_?me|changeit|replace_?me|placeholder|)"
      R"(redacted|dummy|example|sample|none|null|nil|empty|undefined|todo|tbd|fixme|)"
      R"(your[_-].*|insert[_-].*|enter[_-].*|)"
      R"(put[_-].*|add[_-].*|fake[_-].*|.*[_-]here|.*example.*)))");
  return RE2::FullMatch(v, kPlaceholder);
}

bool secret_name(std::string_view name) {
  std::string n = core::to_lower(core::trim(name));
  for (char& ch : n) {
    if (ch == '-' || ch == '.') ch = '_';
  }
  if (n == "gpg_key" || n == "gpg_keys") return false;  // a public key fingerprint (Docker images)
  for (const auto s : kLocationSuffixes) {
    if (n.ends_with(s)) return false;
  }
  return std::any_of(std::begin(kSecretTokens), std::end(kSecretTokens),
                     [&](std::string_view t) { return n.find(t) != std::string::npos; });
}

std::string redact(std::string_view secret) {
  // At most 4 characters and never more than a quarter of the secret.
  const std::size_t shown = std::min<std::size_t>(4, secret.size() / 4);
  std::string out(secret.substr(0, shown));
  out += "…(" + std::to_string(secret.size()) + " chars)";
  return out;
}

}  // namespace ecsguard::secrets
