// The pattern table, the RE2::Set prefilter and the scans.
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cassert>
#include <string>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/secrets/secrets.h"

namespace ecsguard::secrets {

namespace {

// What to do with a located match before it is reported.
enum class Post : unsigned char {
  kNone,
  kAwsSecretNearId,  // keep only within kAwsNear bytes of an access key id
  kStripe,           // test keys are medium
  kUrlPassword,      // group 2 is the password; placeholders are not secrets
  kAssignment,       // group 1 the name, group 2 the value
  kNotExample,       // drop documentation examples (…EXAMPLE)
};

struct Pattern {
  Kind kind;
  Confidence confidence;
  Post post;
  std::string_view re;  // group 1 (group 2 for kUrlPassword / kAssignment) is the secret
};

constexpr std::size_t kAwsNear = 256;

// RE2 syntax; boundaries are written as (?:^|[^...]) because RE2 has no look-behind.
constexpr Pattern kPatterns[] = {
    {Kind::kAwsAccessKeyId, Confidence::kHigh, Post::kNotExample,
     R"((?:^|[^A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})(?:$|[^A-Za-z0-9]))"},
    {Kind::kAwsSecretAccessKey, Confidence::kHigh, Post::kNotExample,
     R"((?i:aws[a-z0-9_. -]{0,24}?(?:secret|sk)[a-z0-9_. -]{0,20}?)["']?[\s:=>"']{1,6})"
     R"(([A-Za-z0-9/+]{40})(?:$|[^A-Za-z0-9/+=]))"},
    {Kind::kAwsSecretAccessKey, Confidence::kHigh, Post::kAwsSecretNearId,
     R"((?:^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?:$|[^A-Za-z0-9/+=]))"},
    {Kind::kGithubToken, Confidence::kHigh, Post::kNone,
     R"((?:^|[^A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}))"},
    {Kind::kGitlabToken, Confidence::kHigh, Post::kNone,
     R"((?:^|[^A-Za-z0-9_-])(glpat-[A-Za-z0-9_-]{20,}))"},
    {Kind::kSlackToken, Confidence::kHigh, Post::kNone,
     R"((?:^|[^A-Za-z0-9])(xox[abposr]-[A-Za-z0-9-]{10,}))"},
    {Kind::kSlackWebhook, Confidence::kHigh, Post::kNone,
     R"((https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+))"},
    {Kind::kStripeKey, Confidence::kHigh, Post::kStripe,
     R"((?:^|[^A-Za-z0-9])([rs]k_(?:live|test)_[A-Za-z0-9]{16,}))"},
    {Kind::kGoogleApiKey, Confidence::kHigh, Post::kNone,
     R"((?:^|[^A-Za-z0-9])(AIza[0-9A-Za-z_-]{35}))"},
    {Kind::kNpmToken, Confidence::kHigh, Post::kNone,
     R"((?:^|[^A-Za-z0-9])(npm_[A-Za-z0-9]{36})(?:$|[^A-Za-z0-9]))"},
    {Kind::kSendgridKey, Confidence::kHigh, Post::kNone,
     R"((?:^|[^A-Za-z0-9])(SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}))"},
    {Kind::kOpenAiKey, Confidence::kMedium, Post::kNone,
     R"((?:^|[^A-Za-z0-9])(sk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{32,}))"},
    {Kind::kPrivateKey, Confidence::kHigh, Post::kNone,
     R"((-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----))"},
    {Kind::kJwt, Confidence::kMedium, Post::kNone,
     R"((?:^|[^A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}))"},
    {Kind::kUrlPassword, Confidence::kHigh, Post::kUrlPassword,
     R"(([A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:'"]*:([^/?#@\s'"]+)@))"},
    {Kind::kSecretAssignment, Confidence::kMedium, Post::kAssignment,
     R"((?i)(?:^|[^a-z0-9_.:/-])([a-z0-9_.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|)"
     R"(access[_-]?key|credential)[a-z0-9_.-]*)["']?\s*[:=]\s*["']?([^\s"'$,;&|<>(){}]{8,}))"},
};

// A reference to a secret or a setting: never a secret by itself.
bool is_reference(std::string_view raw) {
  const std::string_view v = core::trim(raw);
  static const RE2 kNumber(R"([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)");
  static const RE2 kBool(R"((?i)true|false|yes|no|on|off|enabled?|disabled?)");
  static const RE2 kUrl(R"([A-Za-z][A-Za-z0-9+.-]*://[^@\s]*)");
  static const RE2 kDigest(R"((?i)(?:sha(?:1|224|256|384|512)|md5):[0-9a-f]{32,128})");
  if (core::starts_with_i(v, "arn:")) return true;
  if (v.starts_with('/') || v.starts_with("./") || v.starts_with("../") || v.starts_with("~/")) {
    return true;
  }
  return RE2::FullMatch(v, kNumber) || RE2::FullMatch(v, kBool) || RE2::FullMatch(v, kUrl) ||
         RE2::FullMatch(v, kDigest);
}

std::string url_preview(std::string_view whole, std::string_view password) {
  // `whole` is scheme://user:password@
  return std::string(whole.substr(0, whole.size() - password.size() - 2)) + ":****@";
}

struct Candidate {
  Match match;
  bool keep = true;
  bool needs_aws_id = false;  // a 40-character key with no name: kept next to an access key id
};

}  // namespace

struct Detector::Impl {
  RE2::Options options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(int64_t{64} << 20);
    return o;
  }

  Impl() : set(options(), RE2::UNANCHORED) {
    for (const auto& p : kPatterns) {
      res.push_back(std::make_unique<RE2>(p.re, options()));
      assert(res.back()->ok());
      [[maybe_unused]] const int index = set.Add(p.re, nullptr);
      assert(index >= 0);
    }
    [[maybe_unused]] const bool compiled = set.Compile();
    assert(compiled);
  }

  // Every location of pattern `i` in `text`.
  void locate(std::size_t i, std::string_view text, std::vector<Candidate>& out,
              std::size_t max) const {
    const Pattern& p = kPatterns[i];
    const RE2& re = *res[i];
    const int groups = std::min(re.NumberOfCapturingGroups() + 1, 3);
    re2::StringPiece sub[3];
    std::size_t pos = 0;
    while (pos <= text.size() && out.size() < max &&
           re.Match(text, pos, text.size(), RE2::UNANCHORED, sub, groups)) {
      const int g = (p.post == Post::kUrlPassword || p.post == Post::kAssignment) ? 2 : 1;
      const std::string_view secret(sub[g].data(), sub[g].size());
      const std::size_t next =
          static_cast<std::size_t>(sub[1].data() - text.data()) + sub[1].size();
      pos = std::max(next, pos + 1);
      Candidate c;
      c.match.kind = p.kind;
      c.match.confidence = p.confidence;
      c.match.offset = static_cast<std::size_t>(secret.data() - text.data());
      c.match.length = secret.size();
      if (!judge(p, std::string_view(sub[1].data(), sub[1].size()), secret, c.match)) continue;
      c.needs_aws_id = p.post == Post::kAwsSecretNearId;
      out.push_back(std::move(c));
    }
  }

  // Post-processing of one located match; false drops it.
  static bool judge(const Pattern& p, std::string_view g1, std::string_view secret, Match& m) {
    m.preview = redact(secret);
    switch (p.post) {
      case Post::kNone:
        break;
      case Post::kNotExample:
        if (core::icontains(secret, "EXAMPLE")) return false;
        break;
      case Post::kAwsSecretNearId:
        return !core::icontains(secret, "EXAMPLE") && looks_random(secret);
      case Post::kStripe:
        if (secret.substr(3, 4) == "test") m.confidence = Confidence::kMedium;
        break;
      case Post::kUrlPassword:
        if (is_placeholder(secret)) return false;
        m.preview = url_preview(g1, secret);
        break;
      case Post::kAssignment:
        if (!secret_name(g1) || is_placeholder(secret) || is_reference(secret)) return false;
        if (!looks_random(secret)) m.confidence = Confidence::kLow;
        break;
    }
    if (p.kind == Kind::kPrivateKey) m.preview = std::string(secret);  // the header only
    return true;
  }

  RE2::Set set;
  std::vector<std::unique_ptr<RE2>> res;
};

namespace {

bool overlaps(const Match& a, const Match& b) {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

// AWS secret candidates far from any access key id go; of overlapping matches the most confident
// (then the earlier pattern) stays.
void settle(std::vector<Candidate>& cands) {
  std::vector<std::size_t> ids;
  for (const auto& c : cands) {
    if (c.match.kind == Kind::kAwsAccessKeyId) ids.push_back(c.match.offset);
  }
  for (auto& c : cands) {
    if (!c.needs_aws_id) continue;
    const std::size_t at = c.match.offset;
    c.keep = std::any_of(ids.begin(), ids.end(), [&](std::size_t id_at) {
      return (id_at > at ? id_at - at : at - id_at) <= kAwsNear;
    });
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.match.confidence != b.match.confidence) return a.match.confidence > b.match.confidence;
    return a.match.offset < b.match.offset;
  });
  std::vector<Match> kept;
  for (auto& c : cands) {
    if (!c.keep) continue;
    if (std::any_of(kept.begin(), kept.end(),
                    [&](const Match& k) { return overlaps(k, c.match); })) {
      c.keep = false;
      continue;
    }
    kept.push_back(c.match);
  }
}

void set_positions(std::vector<Match>& matches, std::string_view text) {
  std::sort(matches.begin(), matches.end(),
            [](const Match& a, const Match& b) { return a.offset < b.offset; });
  std::size_t pos = 0;
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (auto& m : matches) {
    for (; pos < m.offset && pos < text.size(); ++pos) {
      if (text[pos] == '\n') {
        ++line;
        line_start = pos + 1;
      }
    }
    m.line = line;
    m.column = static_cast<std::uint32_t>(m.offset - line_start + 1);
  }
}

// Random-looking words (split on blanks, quotes and shell punctuation) that contain none of
// $ / : = . , @ (paths, URLs, versions, references).
void entropy_words(std::string_view text, std::vector<Candidate>& out, std::size_t max) {
  std::size_t i = 0;
  const auto is_sep = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ';' ||
           c == '|' || c == '&' || c == '(' || c == ')' || c == '<' || c == '>' || c == '`';
  };
  while (i < text.size() && out.size() < max) {
    while (i < text.size() && is_sep(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !is_sep(text[j])) ++j;
    std::string_view w = text.substr(i, j - i);
    while (!w.empty() && w.back() == '=') w.remove_suffix(1);  // base64 padding
    if (w.size() >= 20 && w.find_first_of("$/:=.,@") == std::string_view::npos && looks_random(w)) {
      Candidate c;
      c.match.kind = Kind::kHighEntropy;
      c.match.confidence = Confidence::kLow;
      c.match.offset = i;
      c.match.length = w.size();
      c.match.preview = redact(w);
      out.push_back(std::move(c));
    }
    i = j;
  }
}

}  // namespace

Detector::Detector() : impl_(std::make_unique<Impl>()) {}
Detector::~Detector() = default;
Detector::Detector(Detector&&) noexcept = default;
Detector& Detector::operator=(Detector&&) noexcept = default;

ScanResult Detector::scan_text(std::string_view text, const Options& options) const {
  ScanResult r;
  if (text.size() > options.max_bytes) {
    text = text.substr(0, options.max_bytes);
    r.truncated = true;
  }
  std::vector<int> hits;
  std::vector<Candidate> cands;
  const std::size_t cap = options.max_matches * 4;
  if (impl_->set.Match(text, &hits)) {
    std::sort(hits.begin(), hits.end());
    for (int h : hits) impl_->locate(static_cast<std::size_t>(h), text, cands, cap);
  }
  if (options.entropy_words) entropy_words(text, cands, cap);
  settle(cands);
  for (auto& c : cands) {
    if (!c.keep) continue;
    if (r.matches.size() >= options.max_matches) {
      r.truncated = true;
      break;
    }
    r.matches.push_back(std::move(c.match));
  }
  set_positions(r.matches, text);
  return r;
}

ScanResult Detector::scan_pair(std::string_view name, std::string_view value,
                               const Options& options) const {
  ScanResult r = scan_text(value, options);
  if (!r.matches.empty()) return r;
  const std::string_view v = core::trim(value);
  if (v.empty() || is_placeholder(v) || is_reference(v)) return r;
  const auto offset = static_cast<std::size_t>(v.data() - value.data());
  Match m;
  m.offset = offset;
  m.length = v.size();
  m.column = static_cast<std::uint32_t>(offset + 1);
  m.preview = redact(v);
  if (secret_name(name)) {
    m.kind = Kind::kSecretAssignment;
    m.confidence = looks_random(v) ? Confidence::kHigh : Confidence::kMedium;
    r.matches.push_back(std::move(m));
  } else if (v.find_first_of(" \t\n") == std::string_view::npos && looks_random(v)) {
    m.kind = Kind::kHighEntropy;
    m.confidence = Confidence::kLow;
    r.matches.push_back(std::move(m));
  }
  return r;
}

const Detector& default_detector() {
  static const Detector kDetector;
  return kDetector;
}

}  // namespace ecsguard::secrets
