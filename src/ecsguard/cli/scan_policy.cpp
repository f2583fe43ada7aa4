#include "ecsguard/cli/scan_policy.h"

#include "ecsguard/config/config.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/policy/matching.h"

namespace ecsguard::cli {

namespace {

namespace msg = i18n::msg::policy;

void apply_check_options(const config::Config& c, engine::CheckOptions& o) {
  if (c.approved_registries) o.approved_registries = *c.approved_registries;
  if (c.trusted_accounts) o.trusted_account_ids = *c.trusted_accounts;
  if (c.own_accounts) o.own_account_ids = *c.own_accounts;
  if (c.writable_paths) o.writable_paths = *c.writable_paths;
  if (c.secret_name_allowlist) o.secret_name_allowlist = *c.secret_name_allowlist;
}

core::Result<config::Config> read_config(const PolicyArgs& args,
                                         const std::vector<std::string>& paths, i18n::Lang lang) {
  if (!args.config_file.empty()) return config::load_config(args.config_file, lang);
  if (auto found = config::find_config(paths)) return config::load_config(*found, lang);
  return config::Config{};
}

core::Result<bool> check_patterns(const std::vector<std::string>& patterns, std::string_view from,
                                  i18n::Lang lang) {
  for (const auto& p : patterns) {
    if (!policy::is_valid_pattern(p)) {
      return core::make_error(
          core::Errc::kUsage,
          i18n::render(msg::UnknownCheckPattern{.origin = from, .pattern = p}, lang));
    }
  }
  return true;
}

}  // namespace

core::Result<PolicySetup> setup_policy(const PolicyArgs& args,
                                       const std::vector<std::string>& scan_paths,
                                       engine::CheckOptions& options, i18n::Lang lang) {
  auto cfg = read_config(args, scan_paths, lang);
  if (!cfg) return std::move(cfg).error();
  const std::string fail_on =
      args.fail_on_given ? args.fail_on : cfg->fail_on.value_or(args.fail_on);
  auto policy = policy::Policy::from_fail_on(fail_on);
  if (!policy) return std::move(policy).error();

  PolicySetup out;
  out.config_path = cfg->path;
  out.checks = cfg->checks;
  out.policy = std::move(*policy);
  out.policy.today = policy::today_utc();
  out.policy.severity_overrides = cfg->severity_overrides;
  out.policy.accepted_risks = cfg->accepted_risks;
  for (const auto& s : cfg->skip_checks) out.policy.skip_checks.push_back(core::to_upper(s));
  for (const auto& value : args.skip_checks) {
    for (auto part : core::split(value, ',')) {
      if (auto t = core::trim(part); !t.empty())
        out.policy.skip_checks.push_back(core::to_upper(t));
    }
  }
  if (auto ok = check_patterns(out.policy.skip_checks, "skip-check", lang); !ok) {
    return std::move(ok).error();
  }
  for (const auto& [pattern, sev] : out.policy.severity_overrides) {
    if (auto ok = check_patterns({pattern}, "severity-overrides", lang); !ok) {
      return std::move(ok).error();
    }
  }
  if (!args.accepted_risks_file.empty()) {
    auto risks = config::load_accepted_risks(args.accepted_risks_file, lang);
    if (!risks) return std::move(risks).error();
    for (auto& r : *risks) out.policy.accepted_risks.push_back(std::move(r));
  }
  const std::string baseline = args.baseline_file.empty() ? cfg->baseline : args.baseline_file;
  if (!baseline.empty()) {
    auto b = policy::load_baseline(baseline, lang);
    if (!b) return std::move(b).error();
    out.policy.baseline = std::move(*b);
  }
  apply_check_options(*cfg, options);
  return out;
}

}  // namespace ecsguard::cli
