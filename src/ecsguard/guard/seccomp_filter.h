#pragma once
// The seccomp-bpf program installed in the app before exec. It decides in the kernel which few
// syscalls stop for the supervisor: an arch gate (i386 and x32 calls never reach the native table),
// then a binary search over the traced syscall numbers, then per-syscall argument tests (open and
// openat only with write flags, dup2/dup3 only onto fds 0-2). Everything else is allowed with no
// stop; execs are seen through PTRACE_EVENT_EXEC instead.
#include <linux/filter.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ecsguard::guard {

struct SyscallTest {
  enum class Kind : std::uint8_t {
    kAlways,     // every call stops
    kFlagsAny,   // stops when (low 32 bits of arg) & value != 0
    kArgAtMost,  // stops when (low 32 bits of arg, unsigned) <= value
  };
  int nr = -1;
  Kind kind = Kind::kAlways;
  std::uint8_t arg = 0;
  std::uint32_t value = 0;
};

struct FilterSpec {
  std::vector<SyscallTest> tests;  // one per syscall number (duplicates: the broadest wins)
  // Action for calls of another ABI (i386 via int $0x80, x32 numbers): true = stop them so the
  // supervisor alerts and denies; false = let them run unexamined (documented blind spot).
  bool stop_foreign_abi = true;
  // SECCOMP_RET_TRACE (ptrace mode) or SECCOMP_RET_USER_NOTIF (fallback mode).
  std::uint32_t stop_action = 0x7ff00000U;  // SECCOMP_RET_TRACE
};

// Builds the program; never fails for any spec (long jumps are emitted when a branch is too far).
std::vector<sock_filter> build_filter(const FilterSpec& spec);

// Write flags of open/openat: a call with none of them set is a read-only open.
std::uint32_t open_write_flags() noexcept;

// Human-readable listing (one instruction per line) for --list-rules and tests.
std::string disassemble(const std::vector<sock_filter>& prog);

}  // namespace ecsguard::guard
