#include "ecsguard/guard/probe.h"

#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <charconv>
#include <string_view>

#include "ecsguard/guard/messages.h"
#include "ecsguard/guard/procfs.h"
#include "ecsguard/guard/sockets.h"

namespace ecsguard::guard {

KernelFeatures probe_kernel() {
  KernelFeatures f;
  utsname u{};
  if (::uname(&u) == 0) {
    f.release = u.release;
    f.machine = u.machine;
    std::string_view r(u.release);
    auto dot = r.find('.');
    std::from_chars(r.data(), r.data() + r.size(), f.major);
    if (dot != std::string_view::npos)
      std::from_chars(r.data() + dot + 1, r.data() + r.size(), f.minor);
  }
  auto at_least = [&](int maj, int min) {
    return f.major > maj || (f.major == maj && f.minor >= min);
  };
  f.seccomp_filter = ::prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0;
  if (auto a = procfs::read_file("/proc/sys/kernel/seccomp/actions_avail", 1024)) {
    f.seccomp_actions = *a;
    while (!f.seccomp_actions.empty() && f.seccomp_actions.back() == '\n')
      f.seccomp_actions.pop_back();
  }
  f.ret_trace = f.seccomp_actions.find("trace") != std::string::npos;
  f.user_notif = f.seccomp_actions.find("user_notif") != std::string::npos;
  f.user_notif_continue = f.user_notif && at_least(5, 5);
  f.action_cache = at_least(5, 11);
  if (auto st = procfs::status(::getpid())) {
    f.cap_sys_ptrace = ((st->cap_eff >> CAP_SYS_PTRACE) & 1U) != 0;
    f.cap_setpcap = ((st->cap_eff >> CAP_SETPCAP) & 1U) != 0;
  }
  f.pidfd_getfd = pidfd_getfd_available();
  f.pid1 = ::getpid() == 1;
  if (auto y = procfs::read_file("/proc/sys/kernel/yama/ptrace_scope", 16)) {
    int scope = -1;
    if (std::from_chars(y->data(), y->data() + y->size(), scope).ec == std::errc{})
      f.yama_ptrace_scope = scope;
  }
  if (auto s =
          procfs::read_file("/sys/devices/system/cpu/vulnerabilities/spec_store_bypass", 256)) {
    f.spec_store_bypass = *s;
    while (!f.spec_store_bypass.empty() && f.spec_store_bypass.back() == '\n')
      f.spec_store_bypass.pop_back();
  }
  return f;
}

std::string sys_ptrace_help(const KernelFeatures& f) {
  if (::geteuid() != 0) {
    return msg::text(i18n::msg::guard::ptrace::NonRoot{
        .uid = ::geteuid(),
        .scope =
            f.yama_ptrace_scope < 0 ? std::string("absent") : std::to_string(f.yama_ptrace_scope)});
  }
  if (f.yama_ptrace_scope >= 3) return msg::text(i18n::msg::guard::ptrace::YamaDisabled{});
  return msg::text(i18n::msg::guard::ptrace::AddCapability{});
}

}  // namespace ecsguard::guard
