#pragma once
// Launch compatibility: where a task definition's tasks run (Fargate / EC2 / external), from
// requiresCompatibilities, and from the services and task sets that launch it (launch type,
// capacity provider strategy, the cluster's default strategy and capacity provider associations).
// One answer for every check, three-valued: "not known" is never read as "no". ECS enums are
// case-sensitive ("FARGATE", not "fargate"): the values are compared exactly.
#include <string>
#include <vector>

#include "ecsguard/analysis/link.h"
#include "ecsguard/core/tri.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::analysis {

using core::Tri;

enum class OsFamily : unsigned char { kLinux, kWindows, kUnknown };

// runtimePlatform.operatingSystemFamily: LINUX when unset (ECS's default), WINDOWS_SERVER_* ->
// Windows, an unknown value -> unknown.
[[nodiscard]] OsFamily os_family(const model::TaskDefinition& td);

// requiresCompatibilities is exactly Fargate ([FARGATE], possibly repeated): features that need
// the EC2 / external launch types cannot be used. Absent -> kNo (the default is EC2). A file of
// bare container definitions -> kUnknown (the task definition is elsewhere).
[[nodiscard]] Tri fargate_only(const model::TaskDefinition& td);
// requiresCompatibilities contains FARGATE.
[[nodiscard]] Tri fargate_compatible(const model::TaskDefinition& td);
// Why requiresCompatibilities is not known (for unknown findings): the file holds only container
// definitions, the list itself is unknown (its reason), or an element of it.
enum class CompatibilitiesUnknown : unsigned char { kContainersOnly, kList, kElement };
[[nodiscard]] CompatibilitiesUnknown why_compatibilities_unknown(const model::TaskDefinition& td);

// Is a capacity provider FARGATE / FARGATE_SPOT; does a strategy use one.
[[nodiscard]] Tri fargate_provider(const model::CapacityProviderItem& item);
[[nodiscard]] Tri strategy_uses_fargate(const std::vector<model::CapacityProviderItem>& items);

// The default strategy of the cluster `cluster_ref` names (in `scope`) uses Fargate, from the
// cluster and the associations naming it. kNo without a default strategy; kUnknown when the
// cluster is not in the scan.
[[nodiscard]] Tri cluster_default_uses_fargate(const Links& links, model::ScopeId scope,
                                               const model::Str& cluster_ref);
[[nodiscard]] Tri cluster_default_uses_fargate(const Links& links, const model::Cluster& cluster);

// A service / task set launches on Fargate: LaunchType FARGATE, or a strategy (its own, else the
// cluster's default) with FARGATE / FARGATE_SPOT. A service with a Role is not on Fargate (ECS
// takes a service role only without awsvpc networking).
[[nodiscard]] Tri launches_on_fargate(const Links& links, const model::Service& s);
[[nodiscard]] Tri launches_on_fargate(const Links& links, const model::TaskSet& t);

// Does the task definition run on Fargate: it requires FARGATE, or a service / task set in the
// scan launches it on Fargate. A known yes from any source wins over an unknown. A network mode
// other than awsvpc (bridge, host, none) is not Fargate.
struct TaskLaunch {
  Tri fargate = Tri::kNo;
  enum class Why : unsigned char { kNone, kCompatibilities, kService, kTaskSet };
  Why why_unknown = Why::kNone;  // when fargate == kUnknown: what is not known
  std::string who;               // kService / kTaskSet: its label
};
[[nodiscard]] TaskLaunch task_launch(const Links& links, const model::TaskDefinition& td);

// Does anything in the scan run Fargate tasks in `cluster`: kNo only when services / task sets
// of its template use it and none is on Fargate (and its default strategy has no Fargate), or
// when it has only a non-Fargate default strategy or EC2 capacity (Cluster::ec2_capacity) and no
// Fargate default strategy; kUnknown when nothing tells.
[[nodiscard]] Tri cluster_runs_fargate_tasks(const Links& links, const model::Cluster& cluster);

}  // namespace ecsguard::analysis
