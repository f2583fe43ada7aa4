#pragma once
// Exposure: which services are reachable from the internet and which load balancers front which
// containers. A service is internet-facing when it assigns public IPs to its tasks or a load
// balancer of internet-facing scheme (the default) forwards to one of its target groups (through
// a listener's default actions or a listener rule). Three-valued like the rest of analysis/.
#include "ecsguard/analysis/link.h"
#include "ecsguard/core/tri.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::analysis {

using core::Tri;

// Is a load balancer of internet-facing scheme forwarding to target group `tg` (address) in
// `scope`? kUnknown when no load balancer of the scan is found for it, or its scheme is unknown.
[[nodiscard]] Tri target_group_internet_facing(const model::Stack& stack, model::ScopeId scope,
                                               const std::string& tg);

[[nodiscard]] Tri service_internet_facing(const model::Stack& stack, const model::Service& s);

// Is any service running `td` internet-facing: the first such service, else the first whose
// exposure is not known.
struct Exposure {
  Tri facing = Tri::kNo;
  const model::Service* service = nullptr;  // when facing is kYes or kUnknown
};
[[nodiscard]] Exposure exposure(const Links& links, const model::TaskDefinition& td);

// Does a service running `td` send load balancer traffic to container `c` (LoadBalancers[]
// .ContainerName), so that target health stands in for a container health check?
[[nodiscard]] Tri fronted_by_load_balancer(const Links& links, const model::TaskDefinition& td,
                                           const model::Container& c);

}  // namespace ecsguard::analysis
