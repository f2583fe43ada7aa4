#pragma once
// The degraded mode without ptrace: seccomp user notification. The same filter hands the stopped
// system calls to the supervisor through a listener fd; execs are judged at the execve entry from
// their (racy) pointer arguments, ancestry comes from /proc, there are no syscall results. Runs in
// its own thread while the main thread reaps (PID 1 duty).
#include <atomic>
#include <cstdint>

#include "ecsguard/guard/engine.h"
#include "ecsguard/guard/supervisor.h"

namespace ecsguard::guard {

// Handles the listener's notifications until `stop` is set or the listener closes.
void run_notify_loop(Engine& engine, Services& svc, Stats& stats, const SupervisorConfig& cfg,
                     int listener, const std::atomic<bool>& stop);

}  // namespace ecsguard::guard
