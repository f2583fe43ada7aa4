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

// NET-002 / NET-003: AssignPublicIp defaults to DISABLED; enabled FAILs. The builders normalise
// the format's spellings (ENABLED / DISABLED; Terraform true / false) case-sensitively: anything
// else ("enabled", "yes") is invalid and FAILs as such (the deployment is rejected), never read
// as on or off.
inline void judge_assign_public_ip(const model::NetworkConfiguration& net, std::string_view path,
                                   const i18n::Message& subject, engine::CheckContext& ctx) {
  if (net.state == model::Presence::kUnknown) {
    ctx.unknown(net.loc, "NetworkConfiguration",
                msg::net::NetworkConfigurationUnknown{.subject = i18n::Message(subject)});
    return;
  }
  const auto& ip = net.assign_public_ip;
  if (ip.unknown()) {
    ctx.unknown(ip.loc, std::string(path), ip.reason);
    return;
  }
  if (!ip.known()) return;  // default DISABLED
  if (ip.valid && ip.on) {
    ctx.fail(ip.loc, std::string(path),
             msg::net::AssignPublicIp{.subject = i18n::Message(subject), .value = ip.value});
  } else if (!ip.valid) {
    ctx.fail(ip.loc, std::string(path),
             invalid_value_message(i18n::Message(subject), "AssignPublicIp", ip.value,
                                   kAssignPublicIpValues));
  }
}

}  // namespace ecsguard::checks::network
