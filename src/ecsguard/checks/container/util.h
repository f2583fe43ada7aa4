#pragma once
// Helpers shared by the container-layer checks (CTR-*). Header-only: every .cpp listed in
// ecsguard_add_checks() is a check, so helpers cannot live in a .cpp of this folder.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::container {

// Tri (a question the model may not settle) comes from checks/common.h.

enum class OsFamily : unsigned char { kLinux, kWindows, kUnknown };

// runtimePlatform.operatingSystemFamily: LINUX when unset (ECS's default), WINDOWS_SERVER_* ->
// Windows, an unknown value -> unknown. ECS enums are case-sensitive (checks/common.h): the values
// are compared exactly.
inline OsFamily os_family(const model::TaskDefinition& td) {
  const auto& os = td.operating_system_family;
  if (os.unknown()) return OsFamily::kUnknown;
  if (os.known() && os.value.starts_with("WINDOWS_SERVER")) {
    return OsFamily::kWindows;
  }
  return OsFamily::kLinux;
}

// requiresCompatibilities is exactly Fargate ([FARGATE], possibly repeated): features that need
// the EC2 / external launch types (host volumes, dockerSecurityOptions) cannot be used, so the
// CTR-016/017 class of checks is NOT_APPLICABLE. Absent -> kNo (the default is EC2).
inline Tri fargate_only(const model::TaskDefinition& td) {
  if (td.containers_only) return Tri::kUnknown;  // set where the task definition is
  const auto& rc = td.requires_compatibilities;
  if (rc.absent()) return Tri::kNo;
  if (rc.unknown()) return Tri::kUnknown;
  if (rc.value.empty()) return Tri::kNo;
  bool unknown = false;
  for (const auto& s : rc.value) {
    if (s.unknown()) {
      unknown = true;
      continue;
    }
    if (s.known() && s.value != "FARGATE") return Tri::kNo;
  }
  return unknown ? Tri::kUnknown : Tri::kYes;
}

// requiresCompatibilities contains FARGATE (kUnknown when the list or an element is unknown and
// no element is FARGATE).
inline Tri fargate_compatible(const model::TaskDefinition& td) {
  if (td.containers_only) return Tri::kUnknown;  // set where the task definition is
  const auto& rc = td.requires_compatibilities;
  if (rc.absent()) return Tri::kNo;
  if (rc.unknown()) return Tri::kUnknown;
  bool unknown = false;
  for (const auto& s : rc.value) {
    if (s.unknown()) unknown = true;
    if (s.known() && s.value == "FARGATE") return Tri::kYes;
  }
  return unknown ? Tri::kUnknown : Tri::kNo;
}

// Why requiresCompatibilities is not known (for unknown findings).
inline i18n::Message compatibilities_reason(const model::TaskDefinition& td) {
  if (td.containers_only) return msg::common::CompatibilitiesContainersOnly{};
  if (td.requires_compatibilities.unknown()) {
    return msg::common::CompatibilitiesUnknown{.reason = td.requires_compatibilities.reason};
  }
  return msg::common::CompatibilitiesElementUnknown{};
}

// "/var/log//amazon/" -> "/var/log/amazon"; "/" stays "/". Relative paths are kept as written.
inline std::string normalize_path(std::string_view p) {
  p = core::trim(p);
  std::string out;
  out.reserve(p.size());
  for (char c : p) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out.push_back(c);
  }
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// A mount at `mount` makes `path` writable: same directory or a parent of it.
inline bool path_covers(std::string_view mount, std::string_view path) {
  const std::string m = normalize_path(mount);
  const std::string p = normalize_path(path);
  if (m.empty() || p.empty()) return false;
  if (m == "/") return p.front() == '/';
  return p == m || (p.size() > m.size() && p.compare(0, m.size(), m) == 0 && p[m.size()] == '/');
}

// Text of a partially known string with the unknown segments dropped ("" when absent).
inline std::string known_text(const model::Str& s) {
  std::string out;
  if (s.absent()) return out;
  for (char c : s.value) {
    if (c != '\x1A') out.push_back(c);
  }
  return out;
}

// Glob match against any of `patterns`.
inline bool matches_any(const std::vector<std::string>& patterns, std::string_view s) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return glob_match(p, s); });
}

// The task definition a service / task set runs (by Ref in the same scope), or nullptr.
inline const model::TaskDefinition* task_definition_of(const model::Stack& stack,
                                                       model::ScopeId scope,
                                                       const model::Str& ref) {
  for (const auto& id : ref.refs) {
    if (const auto* td = stack.task_definition(scope, id)) return td;
  }
  return nullptr;
}

// The cluster a service / task set runs in (by Ref in the same scope, or by its known
// ClusterName), or nullptr.
inline const model::Cluster* cluster_of(const model::Stack& stack, model::ScopeId scope,
                                        const model::Str& ref) {
  for (const auto& id : ref.refs) {
    if (const auto* c = stack.cluster(scope, id)) return c;
  }
  if (ref.known()) {
    for (const auto& c : stack.clusters) {
      if (c.id.scope == scope && c.cluster_name.known() && c.cluster_name.value == ref.value) {
        return &c;
      }
    }
  }
  return nullptr;
}

// Is `provider` FARGATE or FARGATE_SPOT?
inline Tri fargate_provider(const model::CapacityProviderItem& item) {
  if (item.provider.unknown()) return Tri::kUnknown;
  if (!item.provider.known()) return Tri::kNo;
  const auto& v = item.provider.value;
  return v == "FARGATE" || v == "FARGATE_SPOT" ? Tri::kYes : Tri::kNo;
}

// Does a capacity provider strategy use Fargate?
inline Tri strategy_uses_fargate(const std::vector<model::CapacityProviderItem>& items) {
  bool unknown = false;
  for (const auto& i : items) {
    const Tri t = fargate_provider(i);
    if (t == Tri::kYes) return Tri::kYes;
    if (t == Tri::kUnknown) unknown = true;
  }
  return unknown ? Tri::kUnknown : Tri::kNo;
}

// The cluster's default capacity provider strategy uses Fargate (from the cluster resource and
// AWS::ECS::ClusterCapacityProviderAssociations that name it). kNo when there is no default
// strategy; kUnknown when the cluster is not modelled.
inline Tri cluster_default_uses_fargate(const model::Stack& stack, model::ScopeId scope,
                                        const model::Str& cluster_ref) {
  const model::Cluster* cluster = cluster_of(stack, scope, cluster_ref);
  if (!cluster) {
    // Not in this template (or the account's default cluster): its default strategy is unknown.
    return Tri::kUnknown;
  }
  Tri result = strategy_uses_fargate(cluster->default_capacity_provider_strategy);
  if (result == Tri::kYes) return result;
  for (const auto& a : stack.capacity_provider_associations) {
    if (a.id.scope != scope) continue;
    const bool names_it = std::find(a.cluster.refs.begin(), a.cluster.refs.end(),
                                    cluster->id.name) != a.cluster.refs.end() ||
                          (a.cluster.known() && cluster->cluster_name.known() &&
                           a.cluster.value == cluster->cluster_name.value);
    if (!names_it) continue;
    const Tri t = strategy_uses_fargate(a.default_capacity_provider_strategy);
    if (t == Tri::kYes) return t;
    if (t == Tri::kUnknown) result = Tri::kUnknown;
  }
  return result;
}

// Does a service / task set run on Fargate: LaunchType FARGATE, or a capacity provider strategy
// (its own, else the cluster's default) with FARGATE / FARGATE_SPOT. Without any of them ECS uses
// the EC2 launch type unless the cluster has a default strategy.
inline Tri runs_on_fargate(const model::Stack& stack, model::ScopeId scope,
                           const model::Str& launch_type,
                           const std::vector<model::CapacityProviderItem>& strategy,
                           bool strategy_unknown, const model::Str& cluster) {
  if (launch_type.unknown()) return Tri::kUnknown;
  if (launch_type.known()) {
    return launch_type.value == "FARGATE" ? Tri::kYes : Tri::kNo;
  }
  if (strategy_unknown) return Tri::kUnknown;
  if (!strategy.empty()) return strategy_uses_fargate(strategy);
  return cluster_default_uses_fargate(stack, scope, cluster);
}

inline Tri runs_on_fargate(const model::Stack& stack, const model::Service& s) {
  return runs_on_fargate(stack, s.id.scope, s.launch_type, s.capacity_provider_strategy,
                         s.capacity_provider_strategy_state == model::Presence::kUnknown,
                         s.cluster);
}

inline Tri runs_on_fargate(const model::Stack& stack, const model::TaskSet& s) {
  return runs_on_fargate(stack, s.id.scope, s.launch_type, s.capacity_provider_strategy, false,
                         s.cluster);
}

}  // namespace ecsguard::checks::container
