#pragma once
// Guard profiles: what the stack declares for one container (written by
// `ecsguard scan --emit-guard-profile DIR`): the executables it starts, the paths it may write
// when the root filesystem is read-only, the ports it listens on. `guard --profile FILE` turns a
// profile into Falco rules (RUN-001, RUN-006, RUN-007) evaluated like any other.
#include <optional>
#include <string>
#include <vector>

#include "ecsguard/core/error.h"

namespace ecsguard::guard {

struct GuardProfile {
  std::string task_definition;
  std::string container;
  std::string image;
  std::optional<std::vector<std::string>> executables;  // nullopt: not declared in the stack
  bool read_only_root_filesystem = false;
  std::optional<std::vector<std::string>> writable_paths;  // nullopt: anything (root is writable)
  struct Port {
    int port = 0;
    std::string protocol = "tcp";
  };
  std::optional<std::vector<Port>> listening_ports;  // nullopt: unknown
};

core::Result<GuardProfile> parse_profile(std::string_view json_text);

// Rules text (Falco YAML) for the profile. `extra_executables`: the command guard was given, which
// is expected by definition.
std::string profile_rules(const GuardProfile& p, const std::vector<std::string>& extra_executables);

}  // namespace ecsguard::guard
