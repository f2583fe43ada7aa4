#include "ecsguard/policy/policy.h"

#include "ecsguard/core/strings.h"

namespace ecsguard::policy {

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
  return !policy.fail_never && finding.status == core::Status::kFail &&
         finding.severity >= policy.fail_on;
}

Verdict evaluate(const Policy& policy, std::span<const engine::Finding> findings) {
  Verdict v;
  for (const auto& f : findings) {
    if (fails(policy, f)) ++v.failing;
  }
  return v;
}

}  // namespace ecsguard::policy
