#pragma once
// Helpers shared by the network-layer checks (header only: every .cpp in this folder is a check).
#include <string>
#include <string_view>

#include "ecsguard/core/strings.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/ecs.h"

namespace ecsguard::checks::network {

// NET-002 / NET-003: AssignPublicIp defaults to DISABLED; ENABLED (Terraform: true) FAILs.
inline void judge_assign_public_ip(const model::NetworkConfiguration& net, std::string_view path,
                                   const std::string& subject, engine::CheckContext& ctx) {
  if (net.state == model::Presence::kUnknown) {
    ctx.unknown(net.loc, "NetworkConfiguration",
                "the network configuration of " + subject + " is not statically known");
    return;
  }
  const auto& ip = net.assign_public_ip;
  if (ip.unknown()) {
    ctx.unknown(ip.loc, std::string(path), ip.reason);
    return;
  }
  if (ip.known() && (core::iequals(core::trim(ip.value), "ENABLED") ||
                     core::iequals(core::trim(ip.value), "true"))) {
    ctx.fail(ip.loc, std::string(path),
             subject + " assigns public IPs to its tasks (AssignPublicIp " + ip.value +
                 "): they are reachable from the internet, bypassing the load balancer");
  }
}

}  // namespace ecsguard::checks::network
