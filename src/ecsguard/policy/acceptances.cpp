#include <ctime>

#include "ecsguard/core/glob.h"
#include "ecsguard/policy/matching.h"
#include "ecsguard/policy/policy.h"

namespace ecsguard::policy {

namespace {

bool glob(std::string_view pattern, std::string_view s) {
  return core::glob_match(pattern, s, core::GlobOptions{.ignore_case = false});
}

}  // namespace

bool accepts(const config::AcceptedRisk& risk, const engine::Finding& f) {
  if (!id_matches(risk.check, f.id())) return false;
  if (!risk.file.empty() && !glob(risk.file, f.file)) return false;
  if (glob(risk.resource, f.resource_name)) return true;
  if (!f.container.empty() && glob(risk.resource, f.resource_name + "/" + f.container)) {
    return true;
  }
  return !f.cdk_path.empty() && glob(risk.resource, f.cdk_path);
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  if (std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm) == 0) return {};
  return buf;
}

}  // namespace ecsguard::policy
