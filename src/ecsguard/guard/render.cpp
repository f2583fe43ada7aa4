#include "ecsguard/guard/render.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/ptrace.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <string_view>
#include <utility>

namespace ecsguard::guard {
namespace {

struct Flag {
  std::uint64_t bit;
  std::string_view name;
};

std::string join_flags(std::uint64_t v, const Flag* table, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if ((v & table[i].bit) == table[i].bit && table[i].bit != 0) {
      if (!out.empty()) out += '|';
      out.append(table[i].name);
    }
  }
  return out;
}

}  // namespace

std::string render_open_flags(std::uint64_t flags) {
  static constexpr Flag kFlags[] = {
      {O_CREAT, "O_CREAT"},         {O_EXCL, "O_EXCL"},           {O_NOCTTY, "O_NOCTTY"},
      {O_TRUNC, "O_TRUNC"},         {O_APPEND, "O_APPEND"},       {O_NONBLOCK, "O_NONBLOCK"},
      {O_DSYNC, "O_DSYNC"},         {O_ASYNC, "O_ASYNC"},         {O_DIRECT, "O_DIRECT"},
      {O_LARGEFILE, "O_LARGEFILE"}, {O_DIRECTORY, "O_DIRECTORY"}, {O_NOFOLLOW, "O_NOFOLLOW"},
      {O_NOATIME, "O_NOATIME"},     {O_CLOEXEC, "O_CLOEXEC"},     {O_PATH, "O_PATH"},
  };
  std::string out;
  switch (flags & O_ACCMODE) {
    case O_WRONLY:
      out = "O_WRONLY";
      break;
    case O_RDWR:
      out = "O_RDWR";
      break;
    default:
      out = "O_RDONLY";
  }
  if ((flags & O_TMPFILE) == static_cast<std::uint64_t>(O_TMPFILE)) out += "|O_TMPFILE";
  if ((flags & O_SYNC) == static_cast<std::uint64_t>(O_SYNC)) out += "|O_SYNC";
  std::uint64_t rest = flags & ~static_cast<std::uint64_t>(O_ACCMODE);
  if ((rest & O_TMPFILE) == static_cast<std::uint64_t>(O_TMPFILE))
    rest &= ~static_cast<std::uint64_t>(O_DIRECTORY);
  std::string more = join_flags(rest, kFlags, std::size(kFlags));
  if (!more.empty()) out += "|" + more;
  return out;
}

std::string render_mode_octal(std::uint64_t mode) {
  char buf[16];
  int n = std::snprintf(buf, sizeof buf, "0%o", static_cast<unsigned>(mode & 07777U));
  return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

std::string render_mode_flags(std::uint64_t mode) {
  static constexpr Flag kFlags[] = {
      {01, "S_IXOTH"},   {02, "S_IWOTH"},    {04, "S_IROTH"},    {010, "S_IXGRP"},
      {020, "S_IWGRP"},  {040, "S_IRGRP"},   {0100, "S_IXUSR"},  {0200, "S_IWUSR"},
      {0400, "S_IRUSR"}, {01000, "S_ISVTX"}, {02000, "S_ISGID"}, {04000, "S_ISUID"},
  };
  return join_flags(mode & 07777U, kFlags, std::size(kFlags));
}

std::string render_ptrace_request(std::uint64_t request) {
  static constexpr std::pair<long, std::string_view> kReqs[] = {
      {PTRACE_TRACEME, "PTRACE_TRACEME"},
      {PTRACE_PEEKTEXT, "PTRACE_PEEKTEXT"},
      {PTRACE_PEEKDATA, "PTRACE_PEEKDATA"},
      {PTRACE_PEEKUSER, "PTRACE_PEEKUSR"},
      {PTRACE_POKETEXT, "PTRACE_POKETEXT"},
      {PTRACE_POKEDATA, "PTRACE_POKEDATA"},
      {PTRACE_POKEUSER, "PTRACE_POKEUSR"},
      {PTRACE_CONT, "PTRACE_CONT"},
      {PTRACE_KILL, "PTRACE_KILL"},
      {PTRACE_SINGLESTEP, "PTRACE_SINGLESTEP"},
      {PTRACE_GETREGS, "PTRACE_GETREGS"},
      {PTRACE_SETREGS, "PTRACE_SETREGS"},
      {PTRACE_GETFPREGS, "PTRACE_GETFPREGS"},
      {PTRACE_SETFPREGS, "PTRACE_SETFPREGS"},
      {PTRACE_ATTACH, "PTRACE_ATTACH"},
      {PTRACE_DETACH, "PTRACE_DETACH"},
      {PTRACE_SYSCALL, "PTRACE_SYSCALL"},
      {PTRACE_SETOPTIONS, "PTRACE_SETOPTIONS"},
      {PTRACE_GETEVENTMSG, "PTRACE_GETEVENTMSG"},
      {PTRACE_GETSIGINFO, "PTRACE_GETSIGINFO"},
      {PTRACE_SETSIGINFO, "PTRACE_SETSIGINFO"},
      {PTRACE_GETREGSET, "PTRACE_GETREGSET"},
      {PTRACE_SETREGSET, "PTRACE_SETREGSET"},
      {PTRACE_SEIZE, "PTRACE_SEIZE"},
      {PTRACE_INTERRUPT, "PTRACE_INTERRUPT"},
      {PTRACE_LISTEN, "PTRACE_LISTEN"},
      {PTRACE_PEEKSIGINFO, "PTRACE_PEEKSIGINFO"},
      {PTRACE_GET_SYSCALL_INFO, "PTRACE_GET_SYSCALL_INFO"},
  };
  for (const auto& [v, name] : kReqs) {
    if (static_cast<std::uint64_t>(v) == request) return std::string(name);
  }
  return render_hex(request);
}

std::string render_clone_flags(std::uint64_t flags) {
  static constexpr Flag kFlags[] = {
      {CLONE_FILES, "CLONE_FILES"},         {CLONE_FS, "CLONE_FS"},
      {CLONE_NEWCGROUP, "CLONE_NEWCGROUP"}, {CLONE_NEWIPC, "CLONE_NEWIPC"},
      {CLONE_NEWNET, "CLONE_NEWNET"},       {CLONE_NEWNS, "CLONE_NEWNS"},
      {CLONE_NEWPID, "CLONE_NEWPID"},       {CLONE_NEWUTS, "CLONE_NEWUTS"},
      {CLONE_NEWUSER, "CLONE_NEWUSER"},     {CLONE_SYSVSEM, "CLONE_SYSVSEM"},
      {0x00000080, "CLONE_NEWTIME"},
  };
  std::string s = join_flags(flags, kFlags, std::size(kFlags));
  return s.empty() ? std::string("0") : s;
}

std::string render_socket_domain(std::uint64_t domain) {
  static constexpr std::pair<int, std::string_view> kDomains[] = {
      {AF_UNIX, "AF_UNIX"},       {AF_INET, "AF_INET"},     {AF_INET6, "AF_INET6"},
      {AF_NETLINK, "AF_NETLINK"}, {AF_PACKET, "AF_PACKET"}, {AF_BLUETOOTH, "AF_BLUETOOTH"},
      {AF_ALG, "AF_ALG"},         {AF_VSOCK, "AF_VSOCK"},   {AF_KEY, "AF_KEY"},
  };
  for (const auto& [v, name] : kDomains) {
    if (static_cast<std::uint64_t>(v) == domain) return std::string(name);
  }
  return std::to_string(domain);
}

std::string render_socket_type(std::uint64_t type) {
  std::string out;
  switch (type & 0xf) {
    case SOCK_STREAM:
      out = "SOCK_STREAM";
      break;
    case SOCK_DGRAM:
      out = "SOCK_DGRAM";
      break;
    case SOCK_RAW:
      out = "SOCK_RAW";
      break;
    case SOCK_SEQPACKET:
      out = "SOCK_SEQPACKET";
      break;
    default:
      out = std::to_string(type & 0xf);
  }
  if ((type & SOCK_NONBLOCK) != 0) out += "|SOCK_NONBLOCK";
  if ((type & SOCK_CLOEXEC) != 0) out += "|SOCK_CLOEXEC";
  return out;
}

std::string render_bpf_cmd(std::uint64_t cmd) {
  static constexpr std::string_view kCmds[] = {
      "BPF_MAP_CREATE",       "BPF_MAP_LOOKUP_ELEM",
      "BPF_MAP_UPDATE_ELEM",  "BPF_MAP_DELETE_ELEM",
      "BPF_MAP_GET_NEXT_KEY", "BPF_PROG_LOAD",
      "BPF_OBJ_PIN",          "BPF_OBJ_GET",
      "BPF_PROG_ATTACH",      "BPF_PROG_DETACH",
      "BPF_PROG_TEST_RUN",    "BPF_PROG_GET_NEXT_ID",
      "BPF_MAP_GET_NEXT_ID",  "BPF_PROG_GET_FD_BY_ID",
      "BPF_MAP_GET_FD_BY_ID", "BPF_OBJ_GET_INFO_BY_FD",
      "BPF_PROG_QUERY",       "BPF_RAW_TRACEPOINT_OPEN",
      "BPF_BTF_LOAD",
  };
  if (cmd < std::size(kCmds)) return std::string(kCmds[cmd]);
  return std::to_string(cmd);
}

std::string render_hex(std::uint64_t v) {
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

std::string render_result(std::int64_t res) {
  if (res >= 0) return "SUCCESS";
  const char* name = ::strerrorname_np(static_cast<int>(-res));
  if (name != nullptr) return name;
  return "E" + std::to_string(-res);
}

std::string render_time(std::int64_t ns, TimeStyle style) {
  std::time_t secs = ns / 1'000'000'000LL;
  std::tm tm{};
  ::gmtime_r(&secs, &tm);
  char buf[64];
  std::size_t n = 0;
  switch (style) {  // literal formats (-Wformat-nonliteral)
    case TimeStyle::kClock:
      n = std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
      break;
    case TimeStyle::kDateTime:
      n = std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
      break;
    case TimeStyle::kIso:
      n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
      break;
  }
  char frac[16];
  int k =
      std::snprintf(frac, sizeof frac, ".%09lld%s", static_cast<long long>(ns % 1'000'000'000LL),
                    style == TimeStyle::kIso ? "Z" : "");
  return std::string(buf, n) + std::string(frac, k > 0 ? static_cast<std::size_t>(k) : 0);
}

std::string render_caps(std::uint64_t mask) {
  static constexpr std::string_view kCaps[] = {
      "CAP_CHOWN",
      "CAP_DAC_OVERRIDE",
      "CAP_DAC_READ_SEARCH",
      "CAP_FOWNER",
      "CAP_FSETID",
      "CAP_KILL",
      "CAP_SETGID",
      "CAP_SETUID",
      "CAP_SETPCAP",
      "CAP_LINUX_IMMUTABLE",
      "CAP_NET_BIND_SERVICE",
      "CAP_NET_BROADCAST",
      "CAP_NET_ADMIN",
      "CAP_NET_RAW",
      "CAP_IPC_LOCK",
      "CAP_IPC_OWNER",
      "CAP_SYS_MODULE",
      "CAP_SYS_RAWIO",
      "CAP_SYS_CHROOT",
      "CAP_SYS_PTRACE",
      "CAP_SYS_PACCT",
      "CAP_SYS_ADMIN",
      "CAP_SYS_BOOT",
      "CAP_SYS_NICE",
      "CAP_SYS_RESOURCE",
      "CAP_SYS_TIME",
      "CAP_SYS_TTY_CONFIG",
      "CAP_MKNOD",
      "CAP_LEASE",
      "CAP_AUDIT_WRITE",
      "CAP_AUDIT_CONTROL",
      "CAP_SETFCAP",
      "CAP_MAC_OVERRIDE",
      "CAP_MAC_ADMIN",
      "CAP_SYSLOG",
      "CAP_WAKE_ALARM",
      "CAP_BLOCK_SUSPEND",
      "CAP_AUDIT_READ",
      "CAP_PERFMON",
      "CAP_BPF",
      "CAP_CHECKPOINT_RESTORE",
  };
  std::string out;
  for (std::size_t i = 0; i < std::size(kCaps); ++i) {
    if ((mask >> i) & 1U) {
      if (!out.empty()) out += ' ';
      out.append(kCaps[i]);
    }
  }
  return out;
}

}  // namespace ecsguard::guard
