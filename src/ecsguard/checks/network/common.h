#pragma once
// Helpers shared by the network-layer checks (header only: every .cpp in this folder is a check).
#include <string>
#include <string_view>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/ecs.h"

namespace ecsguard::checks::network {

inline constexpr std::string_view kAssignPublicIpValues[] = {"ENABLED", "DISABLED"};

// NET-002 / NET-003: AssignPublicIp defaults to DISABLED; ENABLED (Terraform: true) FAILs. The
// values are case-sensitive: anything else ("enabled", "yes") is invalid and FAILs as such
// (CloudFormation rejects it), never read as ENABLED or DISABLED.
inline void judge_assign_public_ip(const model::NetworkConfiguration& net, std::string_view path,
                                   const std::string& subject, model::Origin origin,
                                   engine::CheckContext& ctx) {
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
  if (!ip.known()) return;  // default DISABLED
  const bool terraform = origin == model::Origin::kTerraform;
  if (ip.value == "ENABLED" || (terraform && ip.value == "true")) {
    ctx.fail(ip.loc, std::string(path),
             subject + " assigns public IPs to its tasks (AssignPublicIp " + ip.value +
                 "): they are reachable from the internet, bypassing the load balancer");
  } else if (!(ip.value == "DISABLED" || (terraform && ip.value == "false"))) {
    ctx.fail(ip.loc, std::string(path),
             invalid_value_message(subject, "AssignPublicIp", ip.value, kAssignPublicIpValues));
  }
}

}  // namespace ecsguard::checks::network
