#pragma once
// What the kernel and the container allow, probed once at start and printed in the first JSON
// line, so that a missing capability or an old kernel is visible in the logs before any alert.
#include <string>

namespace ecsguard::guard {

struct KernelFeatures {
  std::string release;  // uname -r
  std::string machine;  // uname -m
  int major = 0, minor = 0;
  bool seccomp_filter = false;       // prctl(PR_GET_SECCOMP) works
  std::string seccomp_actions;       // /proc/sys/kernel/seccomp/actions_avail
  bool ret_trace = false;            // "trace" action available
  bool user_notif = false;           // "user_notif" action available
  bool user_notif_continue = false;  // SECCOMP_USER_NOTIF_FLAG_CONTINUE (>= 5.5)
  bool cap_sys_ptrace = false;       // in our effective set
  bool cap_setpcap = false;          // can drop SYS_PTRACE from the app's bounding set
  bool pidfd_getfd = false;
  bool pid1 = false;
  int yama_ptrace_scope = -1;     // -1: no Yama
  std::string spec_store_bypass;  // /sys/devices/system/cpu/vulnerabilities/spec_store_bypass
  bool action_cache = false;      // seccomp action cache (>= 5.11): untraced syscalls skip BPF
};

KernelFeatures probe_kernel();

// Why PTRACE_SEIZE of the app may have been refused and what to change, for the start-up
// message: the task-definition capability for root, Yama or the seccomp profile for non-root.
std::string sys_ptrace_help(const KernelFeatures& f);

}  // namespace ecsguard::guard
