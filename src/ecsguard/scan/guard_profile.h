#pragma once
// `ecsguard scan --emit-guard-profile DIR`: one guard profile per container of the scanned stack
// (what the task definition declares: the executables it starts, the paths it may write when the
// root filesystem is read-only, the ports it listens on), read by `ecsguard guard --profile FILE`.
#include <cstddef>
#include <string>

#include "ecsguard/core/error.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::scan {

// Writes DIR/<task definition>.<container>.guard-profile.json for every container and returns the
// number of files written. Creates DIR when missing.
core::Result<std::size_t> write_guard_profiles(const model::Stack& stack, const std::string& dir);

// The profile of one container as JSON text (exposed for tests).
std::string guard_profile_json(const model::TaskDefinition& td, const model::Container& c);

}  // namespace ecsguard::scan
