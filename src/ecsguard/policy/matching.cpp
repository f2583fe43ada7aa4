#include "ecsguard/policy/matching.h"

#include "ecsguard/core/glob.h"
#include "ecsguard/engine/catalog.h"

namespace ecsguard::policy {

bool id_matches(std::string_view pattern, std::string_view id) noexcept {
  return core::glob_match(pattern, id, core::GlobOptions{.ignore_case = true});
}

bool selects(std::string_view pattern, std::string_view id, core::Severity sev) noexcept {
  if (auto s = core::parse_severity(pattern)) return sev >= *s;
  return id_matches(pattern, id);
}

bool skips(std::string_view pattern, std::string_view id, core::Severity sev) noexcept {
  if (auto s = core::parse_severity(pattern)) return sev <= *s;
  return id_matches(pattern, id);
}

bool is_valid_pattern(std::string_view pattern) noexcept {
  if (pattern.empty()) return false;
  if (core::parse_severity(pattern)) return true;
  if (pattern.find('*') != std::string_view::npos) return true;
  for (const auto& e : engine::catalog()) {
    if (id_matches(pattern, e.id)) return true;
  }
  return false;
}

}  // namespace ecsguard::policy
