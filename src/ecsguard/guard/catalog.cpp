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

std::string enforce_text(const RuleInfo& r, msg::Lang lang) {
  switch (r.action) {
    case EnforceAction::kNone:
      return msg::text("catalog.enforce_none", lang);
    case EnforceAction::kKill:
      return msg::text("catalog.enforce_kill", lang);
    case EnforceAction::kDeny:
      return msg::text("catalog.enforce_deny", lang);
    case EnforceAction::kDefault:
      break;
  }
  return msg::text(exec_only(r) ? "catalog.enforce_kill" : "catalog.enforce_deny", lang);
}

}  // namespace

std::string describe_runtime_check(std::string_view id) {
  const msg::Lang lang = msg::language_from_env();
  std::string out;
  for (const RuleInfo& r : shipped_rules().infos) {
    if (std::find(r.tags.begin(), r.tags.end(), id) == r.tags.end()) continue;
    std::string line = r.enabled ? msg::text("catalog.rule", lang,
                                             {{"rule", r.name},
                                              {"priority", std::string(priority_name(r.priority))},
                                              {"enforce", enforce_text(r, lang)}})
                                 : msg::text("catalog.rule_disabled", lang,
                                             {{"rule", r.name}, {"reason", r.reason}});
    out += "  " + line + "\n";
  }
  if (id == "RUN-005") out += "  " + msg::text("catalog.gates", lang) + "\n";
  if (id == "RUN-001" || id == "RUN-006" || id == "RUN-007")
    out += "  " + msg::text("catalog.profile", lang) + "\n";
  return out;
}

}  // namespace ecsguard::guard
