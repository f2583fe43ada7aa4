#pragma once
// Seccomp planning: which system calls stop, derived from what the enabled rules need
// (RuleSet::needs: event types, read opens, dup onto any fd, drift, the app's start-up). The
// rules know nothing of seccomp; this is the one place that turns their needs into filter tests.
#include <string>

#include "ecsguard/guard/rules.h"
#include "ecsguard/guard/seccomp_filter.h"

namespace ecsguard::guard {

// The filter tests for `needs` (the supervisor adds its own gates: ptrace, chroot, io_uring...).
FilterSpec filter_from(const TraceNeeds& needs);

// "bind,connect,dup2(fd<=2),openat(write),..." for --list-rules and the start record.
std::string traced_names(const FilterSpec& spec);

}  // namespace ecsguard::guard
