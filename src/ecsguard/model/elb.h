#pragma once
// Elastic Load Balancing v2 as far as the checks need it today: which load balancer (and so which
// scheme) a service's target group is reachable from. Listeners and listener rules link target
// groups to load balancers; services name target groups in LoadBalancers[].TargetGroupArn.
#include <vector>

#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

// AWS::ElasticLoadBalancingV2::LoadBalancer
struct LoadBalancer {
  static constexpr ResourceKind kKind = ResourceKind::kLoadBalancer;
  ResourceId id;
  Str scheme;  // internet-facing (default) | internal
  Str type;    // application (default) | network | gateway
};

// AWS::ElasticLoadBalancingV2::Listener (DefaultActions) and ::ListenerRule (Actions): the target
// groups they forward to. A rule names its listener; a listener names its load balancer.
struct Listener {
  static constexpr ResourceKind kKind = ResourceKind::kListener;
  ResourceId id;
  Str load_balancer;               // Listener.LoadBalancerArn (refs -> load balancer logical id)
  Str listener;                    // ListenerRule.ListenerArn (refs -> listener logical id)
  std::vector<Str> target_groups;  // forward actions: TargetGroupArn / ForwardConfig.TargetGroups
};

}  // namespace ecsguard::model
