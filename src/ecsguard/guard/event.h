#pragma once
// Event types the guard can observe, with their Falco names and parameter layouts. An event is
// either a syscall stopped by the seccomp filter (entry, optionally also its exit) or a successful
// exec reported by PTRACE_EVENT_EXEC. Parameter names follow Falco's event table so that rules can
// use `evt.arg.<name>` unchanged.
#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ecsguard::guard {

enum class EvtType : std::uint8_t {
  kExecve,
  kExecveat,
  kOpen,
  kOpenat,
  kOpenat2,
  kCreat,
  kConnect,
  kBind,
  kListen,
  kSocket,
  kPtrace,
  kMount,
  kUmount2,
  kUnshare,
  kSetns,
  kInitModule,
  kFinitModule,
  kBpf,
  kMemfdCreate,
  kIoUringSetup,
  kRename,
  kRenameat,
  kRenameat2,
  kUnlink,
  kUnlinkat,
  kRmdir,
  kMkdir,
  kMkdirat,
  kChmod,
  kFchmod,
  kFchmodat,
  kSymlink,
  kSymlinkat,
  kLink,
  kLinkat,
  kDup,
  kDup2,
  kDup3,
  kSetuid,
  kSetgid,
  kSetreuid,
  kSetregid,
  kSetresuid,
  kSetresgid,
  kCapset,
  kChroot,
  kUserfaultfd,
  kCount
};

inline constexpr std::size_t kEvtCount = static_cast<std::size_t>(EvtType::kCount);
using EvtSet = std::bitset<kEvtCount>;

constexpr std::size_t evt_index(EvtType t) noexcept { return static_cast<std::size_t>(t); }

// A non-negative argument/parameter index stored as int8_t, as an array index.
constexpr std::size_t arg_index(std::int8_t i) noexcept {
  return static_cast<std::size_t>(static_cast<unsigned char>(i));
}

// How a syscall argument is decoded and rendered for `evt.arg.<name>`.
enum class ParamKind : std::uint8_t {
  kInt,            // signed decimal
  kUint,           // unsigned decimal
  kFd,             // file descriptor number (fd.* fields resolve it)
  kDirfd,          // AT_FDCWD or a directory fd; rendered as the number
  kPath,           // string argument, resolved against `dirfd_arg` (or the cwd) to a canonical path
  kPathNoFollow,   // same, the last component is not followed (unlink, rename, symlink, ...)
  kStr,            // plain string argument (not a path), e.g. memfd_create's name
  kSockaddr,       // struct sockaddr* with its length in the next argument
  kOpenFlags,      // O_* flags rendered as "O_WRONLY|O_CREAT|O_TRUNC"
  kOpenHowFlags,   // openat2: flags inside struct open_how
  kCreatFlags,     // creat: implied O_WRONLY|O_CREAT|O_TRUNC
  kMode,           // octal file mode (open/creat)
  kModeFlags,      // S_I* flags (chmod, mkdir)
  kPtraceRequest,  // PTRACE_ATTACH, ...
  kCloneFlags,     // CLONE_NEW* (unshare, setns nstype)
  kSocketDomain,   // AF_INET, AF_PACKET, ...
  kSocketType,     // SOCK_STREAM, ...
  kUid,            // user id, rendered as a user name when known
  kGid,
  kBpfCmd,  // BPF_PROG_LOAD, ...
  kHex,     // flags we do not decode
};

struct ParamDesc {
  std::string_view name;
  ParamKind kind = ParamKind::kInt;
  std::int8_t arg = -1;        // syscall argument index
  std::int8_t dirfd_arg = -1;  // for kPath: index of the dirfd argument, -1 = relative to cwd
};

struct EvtDesc {
  EvtType type;
  std::string_view name;            // Falco evt.type
  std::array<ParamDesc, 5> params;  // unused slots have an empty name
  std::int8_t fd_arg = -1;          // the argument holding "the" fd of the event (fd.*), -1 = none
  std::int8_t path_param = -1;      // index into params of the main path (fd.name for opens)
  bool is_open = false;             // open, openat, openat2, creat
  bool result_is_fd = false;        // the return value is a new fd (opens, dup*)
};

const EvtDesc& evt_desc(EvtType t) noexcept;
std::string_view evt_name(EvtType t) noexcept;
// Falco event name -> type (accepts aliases such as "umount" for umount2).
std::optional<EvtType> evt_from_name(std::string_view name) noexcept;
// True for syscall event names Falco knows but the guard deliberately does not trace (hot syscalls
// such as read, write, close, accept, sendto).
bool evt_known_untraced(std::string_view name) noexcept;
const ParamDesc* find_param(EvtType t, std::string_view name) noexcept;
bool is_exec(EvtType t) noexcept;

// Syscall numbers of the native ABI (x86_64) for the traced event types.
struct SyscallEntry {
  int nr;
  EvtType type;
};
const std::vector<SyscallEntry>& native_syscalls();
std::optional<EvtType> evt_from_syscall(long nr) noexcept;
// Native syscall numbers that raise `t` (several for e.g. umount); empty for exec events.
std::vector<int> syscalls_of(EvtType t);

}  // namespace ecsguard::guard
