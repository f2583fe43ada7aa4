#include "ecsguard/guard/event.h"

#include <sys/syscall.h>

#include <algorithm>
#include <unordered_map>

namespace ecsguard::guard {
namespace {

using K = ParamKind;

constexpr ParamDesc param(std::string_view name, ParamKind kind, int arg, int dirfd = -1) {
  return ParamDesc{name, kind, static_cast<std::int8_t>(arg), static_cast<std::int8_t>(dirfd)};
}

struct Builder {
  EvtDesc d;
  Builder(EvtType t, std::string_view name) : d{t, name, {}, -1, -1, false, false} {}
  Builder& p(ParamDesc pd) {
    for (auto& slot : d.params) {
      if (slot.name.empty()) {
        slot = pd;
        break;
      }
    }
    return *this;
  }
  Builder& fd(int a) {
    d.fd_arg = static_cast<std::int8_t>(a);
    return *this;
  }
  Builder& path(int param_index) {
    d.path_param = static_cast<std::int8_t>(param_index);
    return *this;
  }
  Builder& open() {
    d.is_open = true;
    d.result_is_fd = true;
    return *this;
  }
  Builder& result_fd() {
    d.result_is_fd = true;
    return *this;
  }
};

std::array<EvtDesc, kEvtCount> make_table() {
  std::array<EvtDesc, kEvtCount> t{};
  auto put = [&](const Builder& b) { t[evt_index(b.d.type)] = b.d; };
  put(Builder(EvtType::kExecve, "execve"));
  put(Builder(EvtType::kExecveat, "execveat"));
  put(Builder(EvtType::kOpen, "open")
          .p(param("name", K::kPath, 0))
          .p(param("flags", K::kOpenFlags, 1))
          .p(param("mode", K::kMode, 2))
          .path(0)
          .open());
  put(Builder(EvtType::kOpenat, "openat")
          .p(param("dirfd", K::kDirfd, 0))
          .p(param("name", K::kPath, 1, 0))
          .p(param("flags", K::kOpenFlags, 2))
          .p(param("mode", K::kMode, 3))
          .path(1)
          .open());
  put(Builder(EvtType::kOpenat2, "openat2")
          .p(param("dirfd", K::kDirfd, 0))
          .p(param("name", K::kPath, 1, 0))
          .p(param("flags", K::kOpenHowFlags, 2))
          .path(1)
          .open());
  put(Builder(EvtType::kCreat, "creat")
          .p(param("name", K::kPath, 0))
          .p(param("mode", K::kMode, 1))
          .p(param("flags", K::kCreatFlags, -1))
          .path(0)
          .open());
  put(Builder(EvtType::kConnect, "connect")
          .p(param("fd", K::kFd, 0))
          .p(param("addr", K::kSockaddr, 1))
          .fd(0));
  put(Builder(EvtType::kBind, "bind")
          .p(param("fd", K::kFd, 0))
          .p(param("addr", K::kSockaddr, 1))
          .fd(0));
  put(Builder(EvtType::kListen, "listen")
          .p(param("fd", K::kFd, 0))
          .p(param("backlog", K::kInt, 1))
          .fd(0));
  put(Builder(EvtType::kSocket, "socket")
          .p(param("domain", K::kSocketDomain, 0))
          .p(param("type", K::kSocketType, 1))
          .p(param("proto", K::kInt, 2))
          .result_fd());
  put(Builder(EvtType::kPtrace, "ptrace")
          .p(param("request", K::kPtraceRequest, 0))
          .p(param("pid", K::kInt, 1)));
  put(Builder(EvtType::kMount, "mount")
          .p(param("dev", K::kStr, 0))
          .p(param("dir", K::kPath, 1))
          .p(param("type", K::kStr, 2))
          .p(param("flags", K::kHex, 3))
          .path(1));
  put(Builder(EvtType::kUmount2, "umount2")
          .p(param("name", K::kPath, 0))
          .p(param("flags", K::kHex, 1))
          .path(0));
  put(Builder(EvtType::kUnshare, "unshare").p(param("flags", K::kCloneFlags, 0)));
  put(Builder(EvtType::kSetns, "setns")
          .p(param("fd", K::kFd, 0))
          .p(param("nstype", K::kCloneFlags, 1))
          .fd(0));
  put(Builder(EvtType::kInitModule, "init_module")
          .p(param("len", K::kUint, 1))
          .p(param("uargs", K::kStr, 2)));
  put(Builder(EvtType::kFinitModule, "finit_module")
          .p(param("fd", K::kFd, 0))
          .p(param("uargs", K::kStr, 1))
          .p(param("flags", K::kHex, 2))
          .fd(0));
  put(Builder(EvtType::kBpf, "bpf").p(param("cmd", K::kBpfCmd, 0)));
  put(Builder(EvtType::kMemfdCreate, "memfd_create")
          .p(param("name", K::kStr, 0))
          .p(param("flags", K::kHex, 1))
          .result_fd());
  put(Builder(EvtType::kIoUringSetup, "io_uring_setup").p(param("entries", K::kUint, 0)));
  put(Builder(EvtType::kRename, "rename")
          .p(param("oldpath", K::kPathNoFollow, 0))
          .p(param("newpath", K::kPathNoFollow, 1))
          .path(0));
  put(Builder(EvtType::kRenameat, "renameat")
          .p(param("olddirfd", K::kDirfd, 0))
          .p(param("oldpath", K::kPathNoFollow, 1, 0))
          .p(param("newdirfd", K::kDirfd, 2))
          .p(param("newpath", K::kPathNoFollow, 3, 2))
          .path(1));
  put(Builder(EvtType::kRenameat2, "renameat2")
          .p(param("olddirfd", K::kDirfd, 0))
          .p(param("oldpath", K::kPathNoFollow, 1, 0))
          .p(param("newdirfd", K::kDirfd, 2))
          .p(param("newpath", K::kPathNoFollow, 3, 2))
          .p(param("flags", K::kHex, 4))
          .path(1));
  put(Builder(EvtType::kUnlink, "unlink").p(param("path", K::kPathNoFollow, 0)).path(0));
  put(Builder(EvtType::kUnlinkat, "unlinkat")
          .p(param("dirfd", K::kDirfd, 0))
          .p(param("name", K::kPathNoFollow, 1, 0))
          .p(param("flags", K::kHex, 2))
          .path(1));
  put(Builder(EvtType::kRmdir, "rmdir").p(param("path", K::kPathNoFollow, 0)).path(0));
  put(Builder(EvtType::kMkdir, "mkdir")
          .p(param("path", K::kPathNoFollow, 0))
          .p(param("mode", K::kModeFlags, 1))
          .path(0));
  put(Builder(EvtType::kMkdirat, "mkdirat")
          .p(param("dirfd", K::kDirfd, 0))
          .p(param("path", K::kPathNoFollow, 1, 0))
          .p(param("mode", K::kModeFlags, 2))
          .path(1));
  put(Builder(EvtType::kChmod, "chmod")
          .p(param("filename", K::kPath, 0))
          .p(param("mode", K::kModeFlags, 1))
          .path(0));
  put(Builder(EvtType::kFchmod, "fchmod")
          .p(param("fd", K::kFd, 0))
          .p(param("mode", K::kModeFlags, 1))
          .fd(0));
  put(Builder(EvtType::kFchmodat, "fchmodat")
          .p(param("dirfd", K::kDirfd, 0))
          .p(param("filename", K::kPath, 1, 0))
          .p(param("mode", K::kModeFlags, 2))
          .path(1));
  put(Builder(EvtType::kSymlink, "symlink")
          .p(param("target", K::kStr, 0))
          .p(param("linkpath", K::kPathNoFollow, 1))
          .path(1));
  put(Builder(EvtType::kSymlinkat, "symlinkat")
          .p(param("target", K::kStr, 0))
          .p(param("linkdirfd", K::kDirfd, 1))
          .p(param("linkpath", K::kPathNoFollow, 2, 1))
          .path(2));
  put(Builder(EvtType::kLink, "link")
          .p(param("oldpath", K::kPathNoFollow, 0))
          .p(param("newpath", K::kPathNoFollow, 1))
          .path(1));
  put(Builder(EvtType::kLinkat, "linkat")
          .p(param("olddir", K::kDirfd, 0))
          .p(param("oldpath", K::kPathNoFollow, 1, 0))
          .p(param("newdir", K::kDirfd, 2))
          .p(param("newpath", K::kPathNoFollow, 3, 2))
          .p(param("flags", K::kHex, 4))
          .path(3));
  put(Builder(EvtType::kDup, "dup").p(param("fd", K::kFd, 0)).fd(0).result_fd());
  put(Builder(EvtType::kDup2, "dup2")
          .p(param("oldfd", K::kFd, 0))
          .p(param("newfd", K::kFd, 1))
          .fd(0)
          .result_fd());
  put(Builder(EvtType::kDup3, "dup3")
          .p(param("oldfd", K::kFd, 0))
          .p(param("newfd", K::kFd, 1))
          .p(param("flags", K::kHex, 2))
          .fd(0)
          .result_fd());
  put(Builder(EvtType::kSetuid, "setuid").p(param("uid", K::kUid, 0)));
  put(Builder(EvtType::kSetgid, "setgid").p(param("gid", K::kGid, 0)));
  put(Builder(EvtType::kSetreuid, "setreuid")
          .p(param("ruid", K::kUid, 0))
          .p(param("euid", K::kUid, 1)));
  put(Builder(EvtType::kSetregid, "setregid")
          .p(param("rgid", K::kGid, 0))
          .p(param("egid", K::kGid, 1)));
  put(Builder(EvtType::kSetresuid, "setresuid")
          .p(param("ruid", K::kUid, 0))
          .p(param("euid", K::kUid, 1))
          .p(param("suid", K::kUid, 2)));
  put(Builder(EvtType::kSetresgid, "setresgid")
          .p(param("rgid", K::kGid, 0))
          .p(param("egid", K::kGid, 1))
          .p(param("sgid", K::kGid, 2)));
  put(Builder(EvtType::kCapset, "capset"));
  put(Builder(EvtType::kChroot, "chroot").p(param("path", K::kPath, 0)).path(0));
  put(Builder(EvtType::kUserfaultfd, "userfaultfd").p(param("flags", K::kHex, 0)).result_fd());
  return t;
}

const std::array<EvtDesc, kEvtCount>& table() {
  static const std::array<EvtDesc, kEvtCount> kTable = make_table();
  return kTable;
}

// Falco syscall event names that are valid in rules but that the guard does not trace, because
// they are on every server's hot path (RUNTIME.md §4.11) or carry no security signal of their own.
constexpr std::string_view kKnownUntraced[] = {"accept",
                                               "accept4",
                                               "sendto",
                                               "sendmsg",
                                               "sendmmsg",
                                               "recvfrom",
                                               "recvmsg",
                                               "recvmmsg",
                                               "read",
                                               "write",
                                               "readv",
                                               "writev",
                                               "pread",
                                               "pwrite",
                                               "preadv",
                                               "pwritev",
                                               "close",
                                               "clone",
                                               "clone3",
                                               "fork",
                                               "vfork",
                                               "procexit",
                                               "fcntl",
                                               "select",
                                               "poll",
                                               "ppoll",
                                               "epoll_wait",
                                               "ioctl",
                                               "kill",
                                               "tkill",
                                               "tgkill",
                                               "chdir",
                                               "fchdir",
                                               "signalfd",
                                               "signalfd4",
                                               "timerfd_create",
                                               "inotify_init",
                                               "inotify_init1",
                                               "eventfd",
                                               "eventfd2",
                                               "pipe",
                                               "pipe2",
                                               "socketpair",
                                               "getsockopt",
                                               "setsockopt",
                                               "shutdown",
                                               "mmap",
                                               "mprotect",
                                               "munmap",
                                               "brk",
                                               "switch",
                                               "container",
                                               "lseek",
                                               "llseek",
                                               "stat",
                                               "lstat",
                                               "fstat",
                                               "access",
                                               "getdents",
                                               "getdents64",
                                               "nanosleep",
                                               "futex",
                                               "prlimit",
                                               "setrlimit",
                                               "setsid",
                                               "setpgid",
                                               "getrlimit",
                                               "fchown",
                                               "chown",
                                               "lchown",
                                               "fchownat",
                                               "splice",
                                               "sendfile",
                                               "seccomp",
                                               "pidfd_open",
                                               "pidfd_getfd",
                                               "process_vm_readv",
                                               "process_vm_writev",
                                               "mlock",
                                               "mlock2",
                                               "fsconfig",
                                               "quotactl",
                                               "delete_module",
                                               "io_uring_enter",
                                               "io_uring_register",
                                               "copy_file_range",
                                               "execve_e",
                                               "signaldeliver",
                                               "page_fault",
                                               "cpu_hotplug",
                                               "drop",
                                               "infra",
                                               "notification",
                                               "meta",
                                               "plugin",
                                               "asyncevent",
                                               "container_json"};

}  // namespace

const EvtDesc& evt_desc(EvtType t) noexcept { return table()[evt_index(t)]; }

std::string_view evt_name(EvtType t) noexcept { return evt_desc(t).name; }

std::optional<EvtType> evt_from_name(std::string_view name) noexcept {
  if (name == "umount") return EvtType::kUmount2;
  for (const auto& d : table()) {
    if (d.name == name) return d.type;
  }
  return std::nullopt;
}

bool evt_known_untraced(std::string_view name) noexcept {
  return std::find(std::begin(kKnownUntraced), std::end(kKnownUntraced), name) !=
         std::end(kKnownUntraced);
}

const ParamDesc* find_param(EvtType t, std::string_view name) noexcept {
  for (const auto& p : evt_desc(t).params) {
    if (!p.name.empty() && p.name == name) return &p;
  }
  return nullptr;
}

bool is_exec(EvtType t) noexcept { return t == EvtType::kExecve || t == EvtType::kExecveat; }

#if defined(__x86_64__)
namespace {
constexpr int kSysFchmodat2 = 452;  // Linux 6.6; not in Debian 12's headers
}  // namespace

const std::vector<SyscallEntry>& native_syscalls() {
  static const std::vector<SyscallEntry> kTable = {
      {SYS_execve, EvtType::kExecve},
      {SYS_execveat, EvtType::kExecveat},
      {SYS_open, EvtType::kOpen},
      {SYS_openat, EvtType::kOpenat},
      {SYS_openat2, EvtType::kOpenat2},
      {SYS_creat, EvtType::kCreat},
      {SYS_connect, EvtType::kConnect},
      {SYS_bind, EvtType::kBind},
      {SYS_listen, EvtType::kListen},
      {SYS_socket, EvtType::kSocket},
      {SYS_ptrace, EvtType::kPtrace},
      {SYS_mount, EvtType::kMount},
      {SYS_umount2, EvtType::kUmount2},
      {SYS_unshare, EvtType::kUnshare},
      {SYS_setns, EvtType::kSetns},
      {SYS_init_module, EvtType::kInitModule},
      {SYS_finit_module, EvtType::kFinitModule},
      {SYS_bpf, EvtType::kBpf},
      {SYS_memfd_create, EvtType::kMemfdCreate},
      {SYS_io_uring_setup, EvtType::kIoUringSetup},
      {SYS_rename, EvtType::kRename},
      {SYS_renameat, EvtType::kRenameat},
      {SYS_renameat2, EvtType::kRenameat2},
      {SYS_unlink, EvtType::kUnlink},
      {SYS_unlinkat, EvtType::kUnlinkat},
      {SYS_rmdir, EvtType::kRmdir},
      {SYS_mkdir, EvtType::kMkdir},
      {SYS_mkdirat, EvtType::kMkdirat},
      {SYS_chmod, EvtType::kChmod},
      {SYS_fchmod, EvtType::kFchmod},
      {SYS_fchmodat, EvtType::kFchmodat},
      {kSysFchmodat2, EvtType::kFchmodat},
      {SYS_symlink, EvtType::kSymlink},
      {SYS_symlinkat, EvtType::kSymlinkat},
      {SYS_link, EvtType::kLink},
      {SYS_linkat, EvtType::kLinkat},
      {SYS_dup, EvtType::kDup},
      {SYS_dup2, EvtType::kDup2},
      {SYS_dup3, EvtType::kDup3},
      {SYS_setuid, EvtType::kSetuid},
      {SYS_setgid, EvtType::kSetgid},
      {SYS_setreuid, EvtType::kSetreuid},
      {SYS_setregid, EvtType::kSetregid},
      {SYS_setresuid, EvtType::kSetresuid},
      {SYS_setresgid, EvtType::kSetresgid},
      {SYS_capset, EvtType::kCapset},
      {SYS_chroot, EvtType::kChroot},
      {SYS_userfaultfd, EvtType::kUserfaultfd},
  };
  return kTable;
}
#else
#error "ecsguard guard: only x86_64 syscall tables exist so far (arm64 is planned)"
#endif

std::optional<EvtType> evt_from_syscall(long nr) noexcept {
  static const std::unordered_map<long, EvtType> kMap = [] {
    std::unordered_map<long, EvtType> m;
    for (const auto& e : native_syscalls()) m.emplace(e.nr, e.type);
    return m;
  }();
  auto it = kMap.find(nr);
  if (it == kMap.end()) return std::nullopt;
  return it->second;
}

std::vector<int> syscalls_of(EvtType t) {
  std::vector<int> out;
  for (const auto& e : native_syscalls()) {
    if (e.type == t) out.push_back(e.nr);
  }
  return out;
}

}  // namespace ecsguard::guard
