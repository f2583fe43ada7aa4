#include "ecsguard/guard/notify_loop.h"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <vector>

#include "ecsguard/guard/paths.h"
#include "ecsguard/guard/procfs.h"

namespace ecsguard::guard {
namespace {

constexpr std::uint32_t kX32Bit = 0x40000000U;

class NotifyLoop {
 public:
  NotifyLoop(Engine& engine, Services& svc, Stats& stats, const SupervisorConfig& cfg, int listener)
      : engine_(engine), svc_(svc), stats_(stats), cfg_(cfg), fd_(listener) {}

  void run(const std::atomic<bool>& stop) {
    seccomp_notif_sizes sizes{};
    if (::syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0) {
      sizes.seccomp_notif = sizeof(seccomp_notif);
      sizes.seccomp_notif_resp = sizeof(seccomp_notif_resp);
    }
    std::vector<unsigned char> req_buf(
        std::max<std::size_t>(sizes.seccomp_notif, sizeof(seccomp_notif)));
    std::vector<unsigned char> resp_buf(
        std::max<std::size_t>(sizes.seccomp_notif_resp, sizeof(seccomp_notif_resp)));
    auto* req = reinterpret_cast<seccomp_notif*>(req_buf.data());
    auto* resp = reinterpret_cast<seccomp_notif_resp*>(resp_buf.data());
    while (!stop.load()) {
      pollfd pfd{fd_, POLLIN, 0};
      int r = ::poll(&pfd, 1, 200);
      if (r <= 0) continue;
      if ((pfd.revents & POLLIN) == 0) {
        if ((pfd.revents & (POLLHUP | POLLERR)) != 0) break;
        continue;
      }
      std::fill(req_buf.begin(), req_buf.end(), 0);
      if (::ioctl(fd_, SECCOMP_IOCTL_NOTIF_RECV, req) != 0) {
        if (errno == EINTR || errno == ENOENT) continue;
        break;
      }
      std::fill(resp_buf.begin(), resp_buf.end(), 0);
      resp->id = req->id;
      resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
      if (handle(*req)) {
        resp->flags = 0;
        resp->error = -EPERM;
      }
      ::ioctl(fd_, SECCOMP_IOCTL_NOTIF_SEND, resp);
      if (++count_ % 256 == 0) prune();
    }
  }

 private:
  ProcInfo* ensure(pid_t tgid, unsigned depth) {
    ProcInfo* p = svc_.procs.find(tgid);
    if (p == nullptr) {
      auto st = procfs::stat(tgid);
      pid_t parent = st ? st->ppid : 0;
      if (parent == ::getpid() || depth > 64) parent = 0;
      if (parent != 0 && ensure(parent, depth + 1) == nullptr) parent = 0;
      p = svc_.procs.add_process(tgid, parent,
                                 procfs::start_boottime_ns(tgid).value_or(now_boot_ns()));
      if (p == nullptr) return nullptr;
    }
    if (depth == 0 || p->comm.empty()) {
      // Without exec events the table is refreshed from /proc (the caller is blocked in a syscall).
      p->comm = procfs::comm(tgid).value_or(p->comm);
      p->exepath = procfs::read_proc_link(tgid, "exe").value_or(p->exepath);
      p->cmdline = procfs::cmdline(tgid).value_or(p->cmdline);
    }
    return p;
  }

  void prune() {
    for (pid_t pid : svc_.procs.live_pids()) {
      if (::kill(pid, 0) != 0 && errno == ESRCH) svc_.procs.on_exit(pid);
    }
  }

  bool valid(std::uint64_t id) { return ::ioctl(fd_, SECCOMP_IOCTL_NOTIF_ID_VALID, &id) == 0; }

  // Returns true to deny the call with EPERM.
  bool handle(const seccomp_notif& req) {
    auto tid = static_cast<pid_t>(req.pid);
    auto st = procfs::status(tid);
    Event ev;
    ev.tid = tid;
    ev.tgid = st ? st->tgid : tid;
    ev.num = ++evt_num_;
    ev.ts_ns = now_wall_ns();
    ev.raw_nr = req.data.nr;
    for (std::size_t i = 0; i < 6; ++i) ev.args[i] = req.data.args[i];
    if (req.data.arch != AUDIT_ARCH_X86_64 ||
        (static_cast<std::uint32_t>(req.data.nr) & kX32Bit) != 0) {
      ev.type = EvtType::kCapset;
      ensure(ev.tgid, 0);
      stats_.denied.fetch_add(1, std::memory_order_relaxed);
      engine_.gate_alert(ev, "Non-native syscall ABI (i386/x32) denied", Priority::kCritical,
                         "A foreign-ABI syscall was denied: it would bypass the filter", "denied");
      return true;
    }
    auto type = evt_from_syscall(req.data.nr);
    if (!type) return false;
    ev.type = *type;
    ProcInfo* p = ensure(ev.tgid, 0);
    if (*type == EvtType::kIoUringSetup && !cfg_.io_uring_allow) {
      stats_.denied.fetch_add(1, std::memory_order_relaxed);
      engine_.gate_alert(ev, "io_uring denied", Priority::kWarning,
                         "io_uring_setup was denied: io_uring operations bypass the seccomp filter",
                         "denied");
      return true;
    }
    if (*type == EvtType::kPtrace && static_cast<pid_t>(ev.args[1]) == ::getpid()) {
      stats_.denied.fetch_add(1, std::memory_order_relaxed);
      engine_.gate_alert(ev, "PTRACE of the ecsguard supervisor denied", Priority::kCritical,
                         "A supervised process tried to ptrace the supervisor", "denied");
      return true;
    }
    Decision d;
    if (is_exec(*type)) {
      // No exec event without ptrace: judge the exec at its entry from its arguments (pointer
      // arguments can change under us: degraded, documented), then validate the notification.
      if (p == nullptr) return false;
      ProcInfo saved = *p;
      predict_exec(ev, *p);
      if (!valid(req.id)) {
        *p = std::move(saved);
        return false;
      }
      ev.phase = Phase::kExec;
      d = engine_.on_exec(ev);
    } else {
      if (p != nullptr &&
          (*type == EvtType::kChroot || *type == EvtType::kUnshare || *type == EvtType::kSetns)) {
        p->root = ProcInfo::Root::kUnknown;
      }
      d = engine_.on_entry(ev);
      if (!valid(req.id)) return false;
    }
    if (d.kill) {
      ::kill(ev.tgid, SIGKILL);
      stats_.killed.fetch_add(1, std::memory_order_relaxed);
      return true;
    }
    if (d.deny) {
      stats_.denied.fetch_add(1, std::memory_order_relaxed);
      return true;
    }
    return false;
  }

  void predict_exec(const Event& ev, ProcInfo& p) {
    const bool at = ev.type == EvtType::kExecveat;
    std::uint64_t path_ptr = at ? ev.args[1] : ev.args[0];
    std::uint64_t argv_ptr = at ? ev.args[2] : ev.args[1];
    auto path = procfs::read_cstring(ev.tid, path_ptr).value_or("");
    std::string exe;
    if (at && path.empty()) {  // execveat(fd, "", AT_EMPTY_PATH): fexecve
      exe = procfs::read_proc_link(ev.tid, "fd/" + std::to_string(static_cast<int>(ev.args[0])))
                .value_or("");
    } else {
      int dirfd = at ? static_cast<int>(ev.args[0]) : kAtFdCwd;
      exe = PathResolver::resolve(ev.tid, ev.tgid, dirfd, path, true);
    }
    std::string cmdline;
    for (std::size_t i = 0; i < 256; ++i) {
      std::uint64_t ptr = 0;
      if (!procfs::read_memory(ev.tid, argv_ptr + i * 8, &ptr, sizeof ptr) || ptr == 0) break;
      auto arg = procfs::read_cstring(ev.tid, ptr, 4096);
      if (!arg) break;
      if (i > 0) cmdline += '\0';
      cmdline += *arg;
      if (cmdline.size() > std::size_t{32} * 1024) break;
    }
    constexpr std::string_view kDeleted = " (deleted)";
    if (exe.size() > kDeleted.size() &&
        exe.compare(exe.size() - kDeleted.size(), kDeleted.size(), kDeleted) == 0) {
      exe.resize(exe.size() - kDeleted.size());
    }
    p.exepath = exe;
    p.cmdline = cmdline;
    p.comm = std::string(path_basename(path.empty() ? exe : path)).substr(0, 15);
    p.exe_from_memfd = exe.rfind("/memfd:", 0) == 0;
    p.exe_written = svc_.drift_tracking && svc_.written.contains(exe);
  }

  Engine& engine_;
  Services& svc_;
  Stats& stats_;
  const SupervisorConfig& cfg_;
  int fd_;
  std::uint64_t evt_num_ = 0;
  std::uint64_t count_ = 0;
};

}  // namespace

void run_notify_loop(Engine& engine, Services& svc, Stats& stats, const SupervisorConfig& cfg,
                     int listener, const std::atomic<bool>& stop) {
  NotifyLoop loop(engine, svc, stats, cfg, listener);
  loop.run(stop);
}

}  // namespace ecsguard::guard
