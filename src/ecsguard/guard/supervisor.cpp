#include "ecsguard/guard/supervisor.h"

#include <fcntl.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "ecsguard/guard/notify_loop.h"
#include "ecsguard/guard/paths.h"
#include "ecsguard/guard/procfs.h"

extern char** environ;  // NOLINT(readability-redundant-declaration)

namespace ecsguard::guard {
namespace {

constexpr int kCapSysPtrace = 19;
constexpr std::uint32_t kX32Bit = 0x40000000U;
constexpr unsigned kPtraceOptions = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP |
                                    PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                                    PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;

// ---- signals --------------------------------------------------------------------------------

sigset_t forwarded_set() {
  sigset_t s;
  sigfillset(&s);
  for (int sig : {SIGKILL, SIGSTOP, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS}) {
    sigdelset(&s, sig);
  }
  return s;
}

std::atomic<pid_t> g_forward_to{0};

// Forwards signals sent to the supervisor (ECS's SIGTERM on StopTask, docker kill, ...) to the
// application. Terminal-generated signals (SI_KERNEL) already reach the app through its process
// group and are not sent twice; signals from our own tree are not bounced back.
void signal_thread() {
  sigset_t set = forwarded_set();
  sigdelset(&set, SIGCHLD);
  sigdelset(&set, SIGPIPE);
  const pid_t self = ::getpid();
  for (;;) {
    siginfo_t info{};
    int sig = ::sigwaitinfo(&set, &info);
    if (sig < 0) continue;
    pid_t target = g_forward_to.load();
    if (target <= 0) continue;
    if (info.si_code == SI_KERNEL) continue;
    if (info.si_code == SI_USER || info.si_code == SI_QUEUE || info.si_code == SI_TKILL) {
      if (info.si_pid > 0 && info.si_pid != self) {
        auto st = procfs::status(info.si_pid);
        if (st && st->tracer == self) continue;  // sent by a supervised process
      }
    }
    ::kill(target, sig);
  }
}

// ---- the child ------------------------------------------------------------------------------

enum ChildStage : std::int32_t {
  kStageBoundingSet = 1,  // warning
  kStageInheritable = 2,  // warning
  kStageNoNewPrivs = 3,
  kStageSeccomp = 4,
  kStageSendListener = 5,
  kStageExec = 6,
};

struct ChildReport {
  std::int32_t stage;
  std::int32_t err;
  std::int32_t fatal;
};

struct ChildPlan {
  const char* path = nullptr;
  char* const* argv = nullptr;
  sock_fprog trace_prog{};
  sock_fprog notify_prog{};
  unsigned long seccomp_flags = 0;
  int go_fd = -1;
  int report_fd = -1;
  int sock_fd = -1;
};

void report(int fd, std::int32_t stage, int err, bool fatal) {
  ChildReport r{stage, err, fatal ? 1 : 0};
  ssize_t k = ::write(fd, &r, sizeof r);
  (void)k;
}

// Runs in the forked child: async-signal-safe calls only (the parent has threads).
[[noreturn]] void child_main(const ChildPlan& p) {
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  char mode = 0;
  ssize_t k = 0;
  do {
    k = ::read(p.go_fd, &mode, 1);
  } while (k < 0 && errno == EINTR);
  if (k != 1) ::_exit(125);  // the supervisor went away
  ::close(p.go_fd);
  // A non-root app holds no capability after execve under NO_NEW_PRIVS (file capabilities and
  // set-user-ID bits grant nothing, only the ambient set survives and is lowered below): the
  // bounding-set drop, which needs CAP_SETPCAP, is needed only for root.
  const bool root = ::getuid() == 0 || ::geteuid() == 0;
  if (mode == 'T' || mode == 'U') {
    // The task definition added SYS_PTRACE for the supervisor, not for the app (RUNTIME.md §4.9).
    if (root && ::prctl(PR_CAPBSET_DROP, kCapSysPtrace, 0, 0, 0) != 0 && errno != EINVAL) {
      report(p.report_fd, kStageBoundingSet, errno, false);
    }
    ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, kCapSysPtrace, 0, 0);
    __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2]{};
    if (::syscall(SYS_capget, &hdr, data) == 0) {
      data[0].inheritable &= ~(1U << kCapSysPtrace);
      data[0].effective &= ~(1U << kCapSysPtrace);
      data[0].permitted &= ~(1U << kCapSysPtrace);
      if (::syscall(SYS_capset, &hdr, data) != 0)
        report(p.report_fd, kStageInheritable, errno, false);
    }
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
      report(p.report_fd, kStageNoNewPrivs, errno, true);
      ::_exit(125);
    }
    if (mode == 'T') {
      if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, p.seccomp_flags, &p.trace_prog) != 0) {
        report(p.report_fd, kStageSeccomp, errno, true);
        ::_exit(125);
      }
    } else {
      long lfd = ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                           p.seccomp_flags | SECCOMP_FILTER_FLAG_NEW_LISTENER, &p.notify_prog);
      if (lfd < 0) {
        report(p.report_fd, kStageSeccomp, errno, true);
        ::_exit(125);
      }
      char cbuf[CMSG_SPACE(sizeof(int))]{};
      char byte = 'L';
      iovec iov{&byte, 1};
      msghdr msg{};
      msg.msg_iov = &iov;
      msg.msg_iovlen = 1;
      msg.msg_control = cbuf;
      msg.msg_controllen = sizeof cbuf;
      cmsghdr* cm = CMSG_FIRSTHDR(&msg);
      cm->cmsg_level = SOL_SOCKET;
      cm->cmsg_type = SCM_RIGHTS;
      cm->cmsg_len = CMSG_LEN(sizeof(int));
      int fdv = static_cast<int>(lfd);
      std::memcpy(CMSG_DATA(cm), &fdv, sizeof fdv);
      if (::sendmsg(p.sock_fd, &msg, 0) != 1) {
        report(p.report_fd, kStageSendListener, errno, true);
        ::_exit(125);
      }
      ::close(fdv);
    }
  }
  if (p.sock_fd >= 0) ::close(p.sock_fd);
  ::execve(p.path, p.argv, environ);
  int err = errno;
  report(p.report_fd, kStageExec, err, true);
  ::_exit(err == ENOENT ? 127 : 126);
}

std::string describe(const ChildReport& r) {
  std::string what;
  switch (r.stage) {
    case kStageBoundingSet:
      what = "could not drop CAP_SYS_PTRACE from the app's bounding set (needs CAP_SETPCAP)";
      break;
    case kStageInheritable:
      what = "could not drop CAP_SYS_PTRACE from the app's capability sets";
      break;
    case kStageNoNewPrivs:
      what = "prctl(PR_SET_NO_NEW_PRIVS) failed";
      break;
    case kStageSeccomp:
      what = "installing the seccomp filter failed";
      break;
    case kStageSendListener:
      what = "passing the seccomp listener failed";
      break;
    case kStageExec:
      what = "execve failed";
      break;
    default:
      what = "launch step " + std::to_string(r.stage) + " failed";
  }
  return what + ": " + std::strerror(r.err);
}

void warn(const SupervisorConfig& cfg, SupervisorResult& res, const std::string& msg) {
  if (cfg.on_warning) {
    cfg.on_warning(msg);
  } else {
    res.warnings.push_back(msg);
  }
}

void drain_reports(int fd, std::vector<std::string>& warnings, std::string& fatal) {
  if (fd < 0) return;
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  ChildReport r{};
  while (::read(fd, &r, sizeof r) == static_cast<ssize_t>(sizeof r)) {
    if (r.fatal != 0) {
      fatal = describe(r);
    } else {
      warnings.push_back(describe(r));
    }
  }
}

int status_code(int st) { return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st); }

// ---- syscall info ---------------------------------------------------------------------------

struct SysInfo {
  bool exit = false;
  std::uint32_t arch = 0;
  long nr = -1;
  std::array<std::uint64_t, 6> args{};
  std::int64_t rval = 0;
};

bool regs_info(pid_t tid, SysInfo& si) {
  user_regs_struct r{};
  if (::ptrace(PTRACE_GETREGS, tid, nullptr, &r) != 0) return false;
  si.nr = static_cast<long>(r.orig_rax);
  si.rval = static_cast<std::int64_t>(r.rax);
  if (r.cs == 0x23) {  // 32-bit code segment: int $0x80 from a compat task
    si.arch = AUDIT_ARCH_I386;
    si.args = {r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rbp};
  } else {
    si.arch = AUDIT_ARCH_X86_64;
    si.args = {r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9};
  }
  return true;
}

bool set_result(pid_t tid, long skip_nr, std::int64_t ret) {
  user_regs_struct r{};
  if (::ptrace(PTRACE_GETREGS, tid, nullptr, &r) != 0) return false;
  r.orig_rax = static_cast<unsigned long long>(skip_nr);
  r.rax = static_cast<unsigned long long>(ret);
  return ::ptrace(PTRACE_SETREGS, tid, nullptr, &r) == 0;
}

// ---- the ptrace event loop ------------------------------------------------------------------

class PtraceLoop {
 public:
  PtraceLoop(Engine& engine, Services& svc, Stats& stats, const SupervisorConfig& cfg, pid_t main,
             int report_fd)
      : engine_(engine), svc_(svc), stats_(stats), cfg_(cfg), main_(main), report_fd_(report_fd) {
    const auto& r = engine.rules().by_type;
    distinguish_execveat_ = r[evt_index(EvtType::kExecve)] != r[evt_index(EvtType::kExecveat)];
  }

  int run(SupervisorResult& out) {
    for (;;) {
      int st = 0;
      pid_t pid = ::waitpid(-1, &st, __WALL);
      if (pid < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (WIFEXITED(st) || WIFSIGNALED(st)) {
        svc_.procs.on_exit(pid);
        pending_.erase(pid);
        untracked_.erase(pid);
        if (pid == main_) {
          if (!exec_seen_) {
            std::string fatal;
            drain_reports(report_fd_, out.warnings, fatal);
            if (!fatal.empty()) out.error = fatal;
          }
          return status_code(st);
        }
        continue;
      }
      if (!WIFSTOPPED(st)) continue;
      int sig = WSTOPSIG(st);
      int event = (st >> 16) & 0xffff;
      switch (event) {
        case PTRACE_EVENT_SECCOMP:
          on_seccomp(pid);
          break;
        case PTRACE_EVENT_EXEC:
          on_exec(pid, out);
          break;
        case PTRACE_EVENT_FORK:
        case PTRACE_EVENT_VFORK:
        case PTRACE_EVENT_CLONE:
          on_clone(pid, event);
          break;
        case PTRACE_EVENT_STOP:
          // A new task's first stop can be reported before its parent's fork/clone event: link
          // it to its parent from /proc now rather than holding it (which would serialize the
          // two), so it never runs or execs unparented.
          if (!known(pid)) adopt_early(pid);
          resume_event_stop(pid, sig);
          break;
        case 0:
          if (sig == (SIGTRAP | 0x80)) {
            on_syscall_exit(pid);
          } else {
            resume(pid, sig);  // signal-delivery stop: deliver it unchanged
          }
          break;
        default:
          resume(pid, 0);
      }
    }
    return 125;
  }

 private:
  // Group-stop (job control): park it with LISTEN so SIGCONT still wakes it, exactly as
  // untraced. Other event stops (a new task's first stop, an interrupt) just continue.
  static void resume_event_stop(pid_t pid, int sig) {
    if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) {
      ::ptrace(PTRACE_LISTEN, pid, nullptr, nullptr);
    } else {
      resume(pid, 0);
    }
  }

  void adopt_early(pid_t tid) {
    auto st = procfs::status(tid);
    if (!st) return;
    if (st->tgid != 0 && st->tgid != tid) {
      svc_.procs.add_thread(tid, st->tgid);
    } else if (svc_.procs.add_process(tid, svc_.procs.find(st->ppid) != nullptr ? st->ppid : 0,
                                      now_boot_ns()) == nullptr) {
      untracked_.insert(tid);  // table full
    }
  }

  [[nodiscard]] bool known(pid_t tid) const {
    return tid == main_ || svc_.procs.find(tid) != nullptr || svc_.procs.tgid_of(tid) != tid ||
           untracked_.count(tid) != 0;
  }

  static void resume(pid_t pid, int sig) {
    // NOLINTNEXTLINE(performance-no-int-to-ptr): ptrace takes the signal in its data argument
    ::ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void*>(static_cast<long>(sig)));
  }

  bool info(pid_t tid, SysInfo& si) {
    if (have_gsi_) {
      __ptrace_syscall_info gsi{};
      // NOLINTNEXTLINE(performance-no-int-to-ptr): ptrace takes the size in its addr argument
      long n = ::ptrace(PTRACE_GET_SYSCALL_INFO, tid, reinterpret_cast<void*>(sizeof gsi), &gsi);
      if (n > 0) {
        si.arch = gsi.arch;
        if (gsi.op == PTRACE_SYSCALL_INFO_SECCOMP) {
          si.nr = static_cast<long>(gsi.seccomp.nr);
          for (std::size_t i = 0; i < 6; ++i) si.args[i] = gsi.seccomp.args[i];
          return true;
        }
        if (gsi.op == PTRACE_SYSCALL_INFO_EXIT) {
          si.exit = true;
          si.rval = gsi.exit.rval;
          return true;
        }
        return false;
      }
      if (errno != EIO && errno != EINVAL) return false;
      have_gsi_ = false;  // kernel < 5.3: registers instead
    }
    return regs_info(tid, si);
  }

  ProcInfo* ensure_proc(pid_t tgid) {
    if (ProcInfo* p = svc_.procs.find(tgid)) return p;
    // Seen before its parent's fork event (or the table was full): link it via /proc.
    auto st = procfs::status(tgid);
    pid_t parent = st ? st->ppid : 0;
    if (ProcInfo* pp = svc_.procs.find(parent); pp == nullptr) parent = 0;
    ProcInfo* p = svc_.procs.add_process(tgid, parent,
                                         procfs::start_boottime_ns(tgid).value_or(now_boot_ns()));
    if (p != nullptr && p->comm.empty()) {
      p->comm = procfs::comm(tgid).value_or("");
      p->exepath = procfs::read_proc_link(tgid, "exe").value_or("");
      p->cmdline = procfs::cmdline(tgid).value_or("");
    }
    return p;
  }

  void on_clone(pid_t tid, int event) {
    unsigned long msg = 0;
    ::ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &msg);
    auto child = static_cast<pid_t>(msg);
    pid_t tgid = svc_.procs.tgid_of(tid);
    ensure_proc(tgid);
    bool thread = false;
    bool clone_parent = false;
    if (event == PTRACE_EVENT_CLONE) {
      user_regs_struct r{};
      if (::ptrace(PTRACE_GETREGS, tid, nullptr, &r) == 0) {
        std::uint64_t flags = r.rdi;
        if (static_cast<long>(r.orig_rax) == SYS_clone3) {
          procfs::read_memory(tid, r.rdi, &flags, sizeof flags);
        }
        thread = (flags & CLONE_THREAD) != 0;
        clone_parent = (flags & CLONE_PARENT) != 0;
      }
    }
    if (thread) {
      svc_.procs.add_thread(child, tgid);
    } else {
      pid_t parent = tgid;
      if (clone_parent) {
        if (const ProcInfo* p = svc_.procs.find(tgid)) parent = p->ppid;
      }
      svc_.procs.add_process(child, parent, now_boot_ns());
    }
    if (!known(child) && untracked_.size() < 65536) untracked_.insert(child);  // table full
    resume(tid, 0);
  }

  void on_exec(pid_t pid, SupervisorResult& out) {
    unsigned long old_tid = 0;
    ::ptrace(PTRACE_GETEVENTMSG, pid, nullptr, &old_tid);
    svc_.procs.on_exec(pid, static_cast<pid_t>(old_tid));
    if (pid == main_ && !exec_seen_) {
      exec_seen_ = true;
      std::string fatal;
      std::vector<std::string> warnings;
      drain_reports(report_fd_, warnings, fatal);
      for (const auto& w : warnings) warn(cfg_, out, w);
      if (report_fd_ >= 0) ::close(report_fd_);
      report_fd_ = -1;
    }
    ProcInfo* p = pid == main_ && svc_.procs.find(pid) == nullptr
                      ? &svc_.procs.add_root(pid, now_boot_ns())
                      : ensure_proc(pid);
    if (p != nullptr) {
      // The new image is loaded and has not run one instruction: /proc is TOCTOU-free here.
      p->comm = procfs::comm(pid).value_or("");
      p->exepath = procfs::read_proc_link(pid, "exe").value_or("");
      p->cmdline = procfs::cmdline(pid).value_or("");
      p->exe_from_memfd = p->exepath.rfind("/memfd:", 0) == 0;
      p->exe_written = svc_.drift_tracking && svc_.written.contains(p->exepath);
    }
    Event ev;
    ev.type = EvtType::kExecve;
    if (distinguish_execveat_) {
      user_regs_struct r{};
      if (::ptrace(PTRACE_GETREGS, pid, nullptr, &r) == 0 &&
          static_cast<long>(r.orig_rax) == SYS_execveat) {
        ev.type = EvtType::kExecveat;
      }
    }
    ev.phase = Phase::kExec;
    ev.num = ++evt_num_;
    ev.ts_ns = now_wall_ns();
    ev.tid = pid;
    ev.tgid = pid;
    Decision d = engine_.on_exec(ev);
    if (d.kill) {
      ::kill(pid, SIGKILL);
      stats_.killed.fetch_add(1, std::memory_order_relaxed);
    }
    resume(pid, 0);
  }

  void deny(pid_t tid) {
    set_result(tid, -1, -EPERM);
    stats_.denied.fetch_add(1, std::memory_order_relaxed);
  }

  void on_seccomp(pid_t tid) {
    SysInfo si;
    if (!info(tid, si) || si.exit) {
      resume(tid, 0);
      return;
    }
    Event ev;
    ev.tid = tid;
    ev.tgid = svc_.procs.tgid_of(tid);
    ev.num = ++evt_num_;
    ev.ts_ns = now_wall_ns();
    ev.raw_nr = si.nr;
    ev.args = si.args;
    ev.phase = Phase::kEntry;
    ensure_proc(ev.tgid);
    if (si.arch != AUDIT_ARCH_X86_64 || (static_cast<std::uint64_t>(si.nr) & kX32Bit) != 0) {
      // The filter only stops foreign-ABI calls when they are not allowed.
      ev.foreign_abi = true;
      ev.type = EvtType::kCapset;
      deny(tid);
      engine_.gate_alert(ev, "Non-native syscall ABI (i386/x32) denied", Priority::kCritical,
                         si.arch != AUDIT_ARCH_X86_64
                             ? "A 32-bit (int $0x80) syscall was denied: it would bypass the filter"
                             : "An x32-ABI syscall was denied: it would bypass the filter",
                         "denied");
      resume(tid, 0);
      return;
    }
    auto type = evt_from_syscall(si.nr);
    if (!type) {
      resume(tid, 0);
      return;
    }
    ev.type = *type;
    if (*type == EvtType::kPtrace && static_cast<pid_t>(si.args[1]) == ::getpid()) {
      deny(tid);  // never let the app attach to its supervisor, in any mode
      engine_.gate_alert(ev, "PTRACE of the ecsguard supervisor denied", Priority::kCritical,
                         "A supervised process tried to ptrace the supervisor", "denied");
      resume(tid, 0);
      return;
    }
    if (*type == EvtType::kIoUringSetup && !cfg_.io_uring_allow) {
      deny(tid);
      engine_.gate_alert(ev, "io_uring denied", Priority::kWarning,
                         "io_uring_setup was denied: io_uring operations bypass the seccomp filter",
                         "denied");
      resume(tid, 0);
      return;
    }
    if (*type == EvtType::kChroot || *type == EvtType::kUnshare || *type == EvtType::kSetns) {
      if (ProcInfo* p = svc_.procs.find(ev.tgid)) p->root = ProcInfo::Root::kUnknown;
    }
    Decision d = engine_.on_entry(ev);
    if (d.kill) {
      ::kill(ev.tgid, SIGKILL);
      stats_.killed.fetch_add(1, std::memory_order_relaxed);
      deny(tid);
    } else if (d.deny) {
      deny(tid);
    }
    if (d.need_exit) {
      pending_[tid] = Pending{std::move(ev), std::move(d.pending)};
      ::ptrace(PTRACE_SYSCALL, tid, nullptr, nullptr);
      return;
    }
    resume(tid, 0);
  }

  void on_syscall_exit(pid_t tid) {
    auto it = pending_.find(tid);
    SysInfo si;
    if (it == pending_.end() || !info(tid, si)) {
      if (it != pending_.end()) pending_.erase(it);
      resume(tid, 0);
      return;
    }
    Pending p = std::move(it->second);
    pending_.erase(it);
    p.ev.phase = Phase::kExit;
    p.ev.result = si.rval;
    Decision d = engine_.on_exit(p.ev, p.rules);
    if (d.kill) {
      ::kill(p.ev.tgid, SIGKILL);
      stats_.killed.fetch_add(1, std::memory_order_relaxed);
    }
    resume(tid, 0);
  }

  struct Pending {
    Event ev;
    std::vector<std::uint32_t> rules;
  };

  Engine& engine_;
  Services& svc_;
  Stats& stats_;
  const SupervisorConfig& cfg_;
  pid_t main_;
  int report_fd_;
  bool exec_seen_ = false;
  bool have_gsi_ = true;
  bool distinguish_execveat_ = false;
  std::uint64_t evt_num_ = 0;
  std::unordered_map<pid_t, Pending> pending_;
  std::unordered_set<pid_t> untracked_;  // tasks the full process table could not take
};

std::optional<int> receive_fd(int sock) {
  char byte = 0;
  char cbuf[CMSG_SPACE(sizeof(int))]{};
  iovec iov{&byte, 1};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = cbuf;
  msg.msg_controllen = sizeof cbuf;
  ssize_t k = 0;
  do {
    k = ::recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  } while (k < 0 && errno == EINTR);
  if (k != 1) return std::nullopt;
  cmsghdr* cm = CMSG_FIRSTHDR(&msg);
  if (cm == nullptr || cm->cmsg_type != SCM_RIGHTS) return std::nullopt;
  int fd = -1;
  std::memcpy(&fd, CMSG_DATA(cm), sizeof fd);
  return fd;
}

// PID-1 duty without ptrace: reap everything until the app exits.
int reap_until(pid_t main) {
  for (;;) {
    int st = 0;
    pid_t pid = ::waitpid(-1, &st, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      return 125;
    }
    if (pid == main && (WIFEXITED(st) || WIFSIGNALED(st))) return status_code(st);
  }
}

std::vector<SyscallTest> with_gates(const SupervisorConfig& cfg, bool notify) {
  std::vector<SyscallTest> tests = cfg.filter.tests;
  // Always stopped: ptrace (the supervisor protects itself), io_uring_setup (a gate), and the
  // calls that can change a process's root (paths are resolved in it).
  for (EvtType t : {EvtType::kPtrace, EvtType::kChroot, EvtType::kUnshare, EvtType::kSetns}) {
    for (int nr : syscalls_of(t)) tests.push_back({nr, SyscallTest::Kind::kAlways, 0, 0});
  }
  if (!cfg.io_uring_allow) {
    for (int nr : syscalls_of(EvtType::kIoUringSetup))
      tests.push_back({nr, SyscallTest::Kind::kAlways, 0, 0});
  }
  if (notify) {
    for (EvtType t : {EvtType::kExecve, EvtType::kExecveat}) {
      for (int nr : syscalls_of(t)) tests.push_back({nr, SyscallTest::Kind::kAlways, 0, 0});
    }
  }
  return tests;
}

}  // namespace

void block_forwarded_signals() {
  sigset_t s = forwarded_set();
  ::pthread_sigmask(SIG_BLOCK, &s, nullptr);
}

std::string resolve_command(const std::string& cmd) {
  if (cmd.empty()) return {};
  if (cmd.find('/') != std::string::npos) {
    struct stat st {};
    return ::stat(cmd.c_str(), &st) == 0 ? cmd : std::string();
  }
  const char* path_env = ::getenv("PATH");
  std::string path = path_env != nullptr
                         ? path_env
                         : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t j = path.find(':', i);
    if (j == std::string::npos) j = path.size();
    std::string dir = path.substr(i, j - i);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + cmd;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    i = j + 1;
  }
  return {};
}

Supervisor::Supervisor(Engine& engine, Services& svc, Stats& stats, const KernelFeatures& features,
                       SupervisorConfig config)
    : engine_(engine), svc_(svc), stats_(stats), features_(features), config_(std::move(config)) {}

SupervisorResult Supervisor::run() {
  SupervisorResult res;
  if (config_.argv.empty()) {
    res.error = "no command to run (usage: ecsguard guard [options] -- CMD ARGS...)";
    return res;
  }
  std::string path = resolve_command(config_.argv.front());
  if (path.empty()) {
    res.error = config_.argv.front() + ": command not found";
    res.exit_code = 127;
    return res;
  }
  if (::getpid() != 1) ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);  // adopt orphans as PID 1 would

  // Everything the child needs is prepared before fork (the child may only call async-signal-safe
  // functions: the supervisor already runs threads).
  std::vector<char*> argv;
  argv.reserve(config_.argv.size() + 1);
  for (auto& a : config_.argv) argv.push_back(a.data());
  argv.push_back(nullptr);
  FilterSpec trace_spec = config_.filter;
  trace_spec.tests = with_gates(config_, false);
  trace_spec.stop_foreign_abi = !config_.foreign_abi_allow;
  trace_spec.stop_action = SECCOMP_RET_TRACE;
  FilterSpec notify_spec = trace_spec;
  notify_spec.tests = with_gates(config_, true);
  notify_spec.stop_action = SECCOMP_RET_USER_NOTIF;
  std::vector<sock_filter> trace_prog = build_filter(trace_spec);
  std::vector<sock_filter> notify_prog = build_filter(notify_spec);

  int go[2], rep[2], sock[2];
  if (::pipe2(go, O_CLOEXEC) != 0 || ::pipe2(rep, O_CLOEXEC) != 0 ||
      ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sock) != 0) {
    res.error = std::string("pipe: ") + std::strerror(errno);
    return res;
  }
  ChildPlan plan;
  plan.path = path.c_str();
  plan.argv = argv.data();
  plan.trace_prog = sock_fprog{static_cast<unsigned short>(trace_prog.size()), trace_prog.data()};
  plan.notify_prog =
      sock_fprog{static_cast<unsigned short>(notify_prog.size()), notify_prog.data()};
  plan.seccomp_flags = config_.spec_allow ? SECCOMP_FILTER_FLAG_SPEC_ALLOW : 0;
  plan.go_fd = go[0];
  plan.report_fd = rep[1];
  plan.sock_fd = sock[1];

  ::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);  // the child must be seizable without CAP_SYS_PTRACE
  pid_t child = ::fork();
  if (child < 0) {
    res.error = std::string("fork: ") + std::strerror(errno);
    return res;
  }
  if (child == 0) {
    ::close(go[1]);
    ::close(rep[0]);
    ::close(sock[0]);
    child_main(plan);
  }
  // Only now is the supervisor made non-dumpable (no same-uid attach to it): the child forked
  // dumpable, so a supervisor without CAP_SYS_PTRACE (a non-root task) may still seize it. The
  // child waits on the go pipe until then and runs nothing of the app's before the seize.
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  svc_.app.start_boot_ns = now_boot_ns();  // the start-up window counts from here
  ::close(go[0]);
  ::close(rep[1]);
  ::close(sock[1]);
  g_forward_to.store(child);
  std::thread(signal_thread).detach();

  auto go_with = [&](char mode) {
    ssize_t k = ::write(go[1], &mode, 1);
    (void)k;
    ::close(go[1]);
  };

  // NOLINTNEXTLINE(performance-no-int-to-ptr): ptrace takes the options in its data argument
  void* options = reinterpret_cast<void*>(static_cast<unsigned long>(kPtraceOptions));
  if (::ptrace(PTRACE_SEIZE, child, nullptr, options) == 0) {
    ::close(sock[0]);
    res.how = "ptrace";
    svc_.procs.add_root(child, now_boot_ns());
    if (config_.on_supervising) config_.on_supervising(res.how);
    go_with('T');
    PtraceLoop loop(engine_, svc_, stats_, config_, child, rep[0]);
    res.exit_code = loop.run(res);
    if (!res.error.empty() && res.exit_code < 126) res.exit_code = 125;
    return res;
  }
  int err = errno;
  std::string why = std::string("PTRACE_SEIZE failed: ") + std::strerror(err) + ".";
  if (config_.no_ptrace == NoPtracePolicy::kFail) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    res.error = why + "\n" + sys_ptrace_help(features_) +
                "\nNot starting the application: this mode fails closed (use --no-ptrace "
                "unotify or --no-ptrace untraced to run it anyway).";
    res.exit_code = 125;
    return res;
  }
  if (config_.no_ptrace == NoPtracePolicy::kUnotify && features_.user_notif_continue) {
    res.how = "unotify";
    warn(config_, res,
         why + " " + sys_ptrace_help(features_) +
             " Falling back to seccomp user notification (degraded: execs are judged at execve "
             "entry from racy pointer arguments, no fork/exit tracking, no syscall results).");
    if (config_.on_supervising) config_.on_supervising(res.how);
    go_with('U');
    auto listener = receive_fd(sock[0]);
    ::close(sock[0]);
    if (!listener) {
      int st = 0;
      ::waitpid(child, &st, 0);
      std::string fatal;
      drain_reports(rep[0], res.warnings, fatal);
      res.error = fatal.empty() ? "the application did not hand over its seccomp listener" : fatal;
      res.exit_code = 125;
      return res;
    }
    svc_.procs.add_root(child, now_boot_ns());
    std::atomic<bool> stop{false};
    std::thread notifier([&] { run_notify_loop(engine_, svc_, stats_, config_, *listener, stop); });
    res.exit_code = reap_until(child);
    stop.store(true);
    notifier.join();
    ::close(*listener);
    std::string fatal;
    drain_reports(rep[0], res.warnings, fatal);
    ::close(rep[0]);
    if (!fatal.empty()) res.error = fatal;
    return res;
  }
  res.how = "untraced";
  warn(config_, res,
       why + " " + sys_ptrace_help(features_) +
           " Running the application UNTRACED: no runtime detection.");
  ::close(sock[0]);
  if (config_.on_supervising) config_.on_supervising(res.how);
  go_with('N');
  res.exit_code = reap_until(child);
  std::string fatal;
  drain_reports(rep[0], res.warnings, fatal);
  ::close(rep[0]);
  if (!fatal.empty()) res.error = fatal;
  return res;
}

}  // namespace ecsguard::guard
