#include "ecsguard/analysis/launch.h"

#include "ecsguard/model/labels.h"

namespace ecsguard::analysis {

OsFamily os_family(const model::TaskDefinition& td) {
  const auto& os = td.operating_system_family;
  if (os.unknown()) return OsFamily::kUnknown;
  if (os.known() && os.value.starts_with("WINDOWS_SERVER")) return OsFamily::kWindows;
  return OsFamily::kLinux;
}

Tri fargate_only(const model::TaskDefinition& td) {
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

Tri fargate_compatible(const model::TaskDefinition& td) {
  if (td.containers_only) return Tri::kUnknown;
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

CompatibilitiesUnknown why_compatibilities_unknown(const model::TaskDefinition& td) {
  if (td.containers_only) return CompatibilitiesUnknown::kContainersOnly;
  if (td.requires_compatibilities.unknown()) return CompatibilitiesUnknown::kList;
  return CompatibilitiesUnknown::kElement;
}

Tri fargate_provider(const model::CapacityProviderItem& item) {
  if (item.provider.unknown()) return Tri::kUnknown;
  if (!item.provider.known()) return Tri::kNo;
  const auto& v = item.provider.value;
  return v == "FARGATE" || v == "FARGATE_SPOT" ? Tri::kYes : Tri::kNo;
}

Tri strategy_uses_fargate(const std::vector<model::CapacityProviderItem>& items) {
  Tri out = Tri::kNo;
  for (const auto& i : items) out = core::tri_or(out, fargate_provider(i));
  return out;
}

Tri cluster_default_uses_fargate(const Links& links, const model::Cluster& cluster) {
  Tri result = strategy_uses_fargate(cluster.default_capacity_provider_strategy);
  if (result == Tri::kYes) return result;
  for (const auto* a : links.associations_of(cluster)) {
    const Tri t = strategy_uses_fargate(a->default_capacity_provider_strategy);
    if (t == Tri::kYes) return t;
    if (t == Tri::kUnknown) result = Tri::kUnknown;
  }
  return result;
}

Tri cluster_default_uses_fargate(const Links& links, model::ScopeId scope,
                                 const model::Str& cluster_ref) {
  const model::Cluster* cluster = links.cluster_of(scope, cluster_ref);
  // Not in this template (or the account's default cluster): its default strategy is unknown.
  if (!cluster) return Tri::kUnknown;
  return cluster_default_uses_fargate(links, *cluster);
}

namespace {

Tri launches_on_fargate(const Links& links, model::ScopeId scope, const model::Str& launch_type,
                        const std::vector<model::CapacityProviderItem>& strategy,
                        bool strategy_unknown, const model::Str& cluster) {
  if (launch_type.unknown()) return Tri::kUnknown;
  if (launch_type.known()) return core::tri_of(launch_type.value == "FARGATE");
  if (strategy_unknown) return Tri::kUnknown;
  if (!strategy.empty()) return strategy_uses_fargate(strategy);
  return cluster_default_uses_fargate(links, scope, cluster);
}

}  // namespace

Tri launches_on_fargate(const Links& links, const model::Service& s) {
  // A service Role is only allowed without awsvpc networking, which Fargate requires.
  if (s.role.known() || !s.role.refs.empty()) return Tri::kNo;
  return launches_on_fargate(links, s.id.scope, s.launch_type, s.capacity_provider_strategy,
                             s.capacity_provider_strategy_state == model::Presence::kUnknown,
                             s.cluster);
}

Tri launches_on_fargate(const Links& links, const model::TaskSet& t) {
  return launches_on_fargate(links, t.id.scope, t.launch_type, t.capacity_provider_strategy, false,
                             t.cluster);
}

TaskLaunch task_launch(const Links& links, const model::TaskDefinition& td) {
  TaskLaunch out;
  const Tri compat = fargate_compatible(td);
  if (compat == Tri::kYes) return {Tri::kYes, TaskLaunch::Why::kNone, {}};
  // Fargate runs only awsvpc tasks: bridge / host / none decide it.
  if (td.network_mode.known() && td.network_mode.value != "awsvpc") return out;
  if (compat == Tri::kUnknown) out = {Tri::kUnknown, TaskLaunch::Why::kCompatibilities, {}};
  auto consider = [&out](Tri t, TaskLaunch::Why why, std::string who) {
    if (t == Tri::kYes) {
      out = {Tri::kYes, TaskLaunch::Why::kNone, {}};
    } else if (t == Tri::kUnknown && out.fargate == Tri::kNo) {
      out = {Tri::kUnknown, why, std::move(who)};
    }
  };
  for (const auto* s : links.services_of(td)) {
    consider(launches_on_fargate(links, *s), TaskLaunch::Why::kService, model::label(*s));
    if (out.fargate == Tri::kYes) return out;
  }
  for (const auto* ts : links.task_sets_of(td)) {
    consider(launches_on_fargate(links, *ts), TaskLaunch::Why::kTaskSet, ts->id.name);
    if (out.fargate == Tri::kYes) return out;
  }
  return out;
}

Tri cluster_runs_fargate_tasks(const Links& links, const model::Cluster& cluster) {
  if (cluster_default_uses_fargate(links, cluster) == Tri::kYes) return Tri::kYes;
  const model::Stack& stack = links.stack();
  bool any = false;
  bool unknown = false;
  auto visit = [&](Tri t) {
    any = true;
    if (t == Tri::kUnknown) unknown = true;
    return t == Tri::kYes;
  };
  for (const auto& s : stack.services) {
    if (s.id.scope != cluster.id.scope || links.cluster_of(s.id.scope, s.cluster) != &cluster) {
      continue;
    }
    if (visit(launches_on_fargate(links, s))) return Tri::kYes;
  }
  for (const auto& t : stack.task_sets) {
    if (t.id.scope != cluster.id.scope || links.cluster_of(t.id.scope, t.cluster) != &cluster) {
      continue;
    }
    if (visit(launches_on_fargate(links, t))) return Tri::kYes;
  }
  if (any) return unknown ? Tri::kUnknown : Tri::kNo;
  // No service or task set of the template names the cluster: a default capacity provider
  // strategy without Fargate (EC2 Auto Scaling capacity providers) still says "EC2 cluster".
  bool has_default = !cluster.default_capacity_provider_strategy.empty();
  for (const auto& a : stack.capacity_provider_associations) {
    if (a.id.scope != cluster.id.scope || a.default_capacity_provider_strategy.empty()) continue;
    for (const auto& r : a.cluster.refs) has_default = has_default || r == cluster.id.name;
  }
  // EC2 instances of the template join it (their UserData names it) and no Fargate default
  // strategy: an EC2 cluster.
  has_default = has_default || !cluster.ec2_capacity.empty();
  if (has_default && cluster_default_uses_fargate(links, cluster) == Tri::kNo) return Tri::kNo;
  return Tri::kUnknown;
}

}  // namespace ecsguard::analysis
