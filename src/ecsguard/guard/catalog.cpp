#include "ecsguard/guard/catalog.h"

#include <algorithm>
#include <memory>

#include "ecsguard/guard/default_rules.h"
#include "ecsguard/guard/messages.h"
#include "ecsguard/guard/rules.h"

namespace ecsguard::guard {
namespace {

const RuleSet& shipped_rules() {
  static const std::unique_ptr<RuleSet> kRules =
      load_rules({RuleSource{std::string(kDefaultRulesName), std::string(default_rules_yaml())}});
  return *kRules;
}

bool exec_only(const RuleInfo& r) {
  if (r.any_evttype) return false;
  for (std::size_t i = 0; i < kEvtCount; ++i) {
    auto t = static_cast<EvtType>(i);
    if (r.evttypes.test(i) && t != EvtType::kExecve && t != EvtType::kExecveat) return false;
  }
  return r.evttypes.any();
}

namespace text = i18n::msg::guard::catalog;

i18n::Id enforce_text(const RuleInfo& r) {
  switch (r.action) {
    case EnforceAction::kNone:
      return text::EnforceNone::kId;
    case EnforceAction::kKill:
      return text::EnforceKill::kId;
    case EnforceAction::kDeny:
      return text::EnforceDeny::kId;
    case EnforceAction::kDefault:
      break;
  }
  return exec_only(r) ? text::EnforceKill::kId : text::EnforceDeny::kId;
}

}  // namespace

std::string describe_runtime_check(std::string_view id, i18n::Lang lang) {
  std::string out;
  for (const RuleInfo& r : shipped_rules().infos) {
    if (std::find(r.tags.begin(), r.tags.end(), id) == r.tags.end()) continue;
    const std::string line =
        r.enabled ? i18n::render(text::Rule{.rule = r.name,
                                            .priority = priority_name(r.priority),
                                            .enforce = i18n::render(enforce_text(r), lang)},
                                 lang)
                  : i18n::render(text::RuleDisabled{.rule = r.name, .reason = r.reason}, lang);
    out += "  " + line + "\n";
  }
  if (id == "RUN-005") out += "  " + i18n::render(text::Gates::kId, lang) + "\n";
  if (id == "RUN-001" || id == "RUN-006" || id == "RUN-007")
    out += "  " + i18n::render(text::Profile::kId, lang) + "\n";
  return out;
}

}  // namespace ecsguard::guard
