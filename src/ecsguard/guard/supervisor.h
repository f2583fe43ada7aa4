#pragma once
// The PID-1 supervisor: starts the application under ptrace (PTRACE_SEIZE, seccomp filter installed
// by the child after the seize), runs the event loop, forwards signals, reaps orphans and returns
// the application's exit status (128+N when it died of signal N). Without ptrace it can fall back
// to seccomp user notification (degraded) or run the app untraced, as configured.
#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

#include "ecsguard/guard/engine.h"
#include "ecsguard/guard/probe.h"
#include "ecsguard/guard/seccomp_filter.h"

namespace ecsguard::guard {

enum class NoPtracePolicy : std::uint8_t { kFail, kUnotify, kUntraced };

struct SupervisorConfig {
  std::vector<std::string> argv;  // CMD ARGS...
  Mode mode = Mode::kMonitor;
  NoPtracePolicy no_ptrace = NoPtracePolicy::kFail;
  bool io_uring_allow = false;
  bool foreign_abi_allow = false;
  bool spec_allow = false;  // SECCOMP_FILTER_FLAG_SPEC_ALLOW
  FilterSpec filter;        // syscalls the rules need (stop action set by the supervisor)
  // Called as soon as something degrades supervision (fallback mode, capability not dropped);
  // when empty the message goes to SupervisorResult::warnings.
  std::function<void(const std::string&)> on_warning;
  // Called once the supervision is settled ("ptrace", "unotify" or "untraced"), before the app
  // runs its first instruction (for the start record).
  std::function<void(const std::string&)> on_supervising;
};

struct SupervisorResult {
  int exit_code = 125;
  std::string how;    // "ptrace", "unotify", "untraced" or "" (not started)
  std::string error;  // set when the app could not be started
  std::vector<std::string> warnings;
};

// Blocks the signals the supervisor forwards; call before any thread is created.
void block_forwarded_signals();

// Resolves CMD like execvp would (PATH search); empty when not found.
std::string resolve_command(const std::string& cmd);

class Supervisor {
 public:
  Supervisor(Engine& engine, Services& svc, Stats& stats, const KernelFeatures& features,
             SupervisorConfig config);
  SupervisorResult run();

 private:
  Engine& engine_;
  Services& svc_;
  Stats& stats_;
  const KernelFeatures& features_;
  SupervisorConfig config_;
};

}  // namespace ecsguard::guard
