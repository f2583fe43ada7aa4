#include "ecsguard/policy/policy.h"

#include <algorithm>
#include <memory>

#include "ecsguard/core/strings.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/policy/matching.h"

namespace ecsguard::policy {

namespace {

namespace msg = i18n::msg::policy;
using Kind = engine::Suppression::Kind;

engine::Diagnostic note(std::string file, unsigned line, std::string message) {
  engine::Diagnostic d;
  d.code = core::Errc::kSkipped;
  d.file = std::move(file);
  d.line = line;
  d.column = line ? 1 : 0;
  d.message = std::move(message);
  return d;
}

bool past(const std::string& expires, const std::string& today) {
  return !expires.empty() && !today.empty() && expires < today;
}

void override_severity(const Policy& policy, engine::Finding& f) {
  for (const auto& [pattern, sev] : policy.severity_overrides) {
    if (id_matches(pattern, f.id())) f.severity = sev;
  }
}

// One step of the policy at a time; the first that claims a finding marks it.
class Marker {
 public:
  Marker(const Policy& p, std::span<const SourceSkip> skips, std::vector<engine::Diagnostic>& notes,
         i18n::Lang lang)
      : p_(p),
        skips_(skips),
        notes_(notes),
        lang_(lang),
        skip_used_(skips.size()),
        risk_used_(p.accepted_risks.size()) {}

  void mark(engine::Finding& f) {
    for (const auto& pattern : p_.skip_checks) {
      if (skips(pattern, f.id(), f.severity)) {
        f.suppression = std::make_shared<const engine::Suppression>(
            engine::Suppression{Kind::kSuppressed, "skip-check", pattern, {}, {}, false});
        return;
      }
    }
    if (mark_source_skip(f)) return;
    if (p_.baseline && p_.baseline->contains(f)) {
      f.suppression = std::make_shared<const engine::Suppression>(
          engine::Suppression{Kind::kBaseline, "baseline", p_.baseline->path, {}, {}, false});
      return;
    }
    mark_acceptance(f);
  }

  // Acceptances that matched nothing are stale: say so, once each.
  void finish() {
    for (std::size_t i = 0; i < risk_used_.size(); ++i) {
      if (risk_used_[i]) continue;
      const auto& r = p_.accepted_risks[i];
      notes_.push_back(note(
          r.source_file, r.line,
          i18n::render(msg::AcceptanceUnused{.check = r.check, .resource = r.resource}, lang_)));
    }
  }

 private:
  bool mark_source_skip(engine::Finding& f) {
    for (std::size_t i = 0; i < skips_.size(); ++i) {
      const auto& s = skips_[i];
      if (!s.covers(f)) continue;
      const bool expired = past(s.expires, p_.today);
      f.suppression = std::make_shared<const engine::Suppression>(
          engine::Suppression{Kind::kSuppressed, s.source, s.reason, {}, s.expires, expired});
      if (expired && !skip_used_[i]) {
        notes_.push_back(
            note(s.file, s.line, i18n::render(msg::SkipExpired{.expires = s.expires}, lang_)));
      }
      skip_used_[i] = true;
      return true;
    }
    return false;
  }

  void mark_acceptance(engine::Finding& f) {
    for (std::size_t i = 0; i < p_.accepted_risks.size(); ++i) {
      const auto& r = p_.accepted_risks[i];
      if (!accepts(r, f)) continue;
      const bool expired = past(r.expires, p_.today);
      f.suppression = std::make_shared<const engine::Suppression>(engine::Suppression{
          Kind::kAccepted, "accepted-risks", r.reason, r.owner, r.expires, expired});
      if (expired && !risk_used_[i]) {
        notes_.push_back(note(r.source_file, r.line,
                              i18n::render(msg::AcceptanceExpired{.check = r.check,
                                                                  .resource = r.resource,
                                                                  .owner = r.owner,
                                                                  .expires = r.expires},
                                           lang_)));
      }
      risk_used_[i] = true;
      return;
    }
  }

  const Policy& p_;
  std::span<const SourceSkip> skips_;
  std::vector<engine::Diagnostic>& notes_;
  i18n::Lang lang_;
  std::vector<bool> skip_used_;
  std::vector<bool> risk_used_;
};

}  // namespace

core::Result<Policy> Policy::from_fail_on(std::string_view text) {
  Policy p;
  if (core::iequals(text, "never")) {
    p.fail_never = true;
    return p;
  }
  if (auto sev = core::parse_severity(text); sev) {
    p.fail_on = *sev;
    return p;
  }
  return core::make_error(core::Errc::kUsage,
                          "--fail-on must be critical, high, medium, low or never");
}

std::string Policy::threshold_name() const {
  return fail_never ? std::string("never") : core::to_lower(core::to_string(fail_on));
}

bool fails(const Policy& policy, const engine::Finding& finding) noexcept {
  return !policy.fail_never && finding.status == core::Status::kFail && !finding.suppressed() &&
         finding.severity >= policy.fail_on;
}

Verdict evaluate(const Policy& policy, std::span<const engine::Finding> findings) {
  Verdict v;
  for (const auto& f : findings) {
    if (fails(policy, f)) ++v.failing;
    if (!f.suppression) continue;
    if (f.suppression->expired) {
      ++v.expired;
      continue;
    }
    switch (f.suppression->kind) {
      case Kind::kSuppressed:
        ++v.suppressed;
        break;
      case Kind::kAccepted:
        ++v.accepted;
        break;
      case Kind::kBaseline:
        ++v.baselined;
        break;
    }
  }
  return v;
}

Verdict apply(const Policy& policy, std::span<engine::Finding> findings,
              std::span<const SourceSkip> skips, std::vector<engine::Diagnostic>& notes,
              i18n::Lang lang) {
  Marker marker(policy, skips, notes, lang);
  for (auto& f : findings) {
    override_severity(policy, f);
    marker.mark(f);
  }
  marker.finish();
  return evaluate(policy, findings);
}

}  // namespace ecsguard::policy
