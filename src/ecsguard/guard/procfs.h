#pragma once
// Small, allocation-light readers for /proc/<pid>/* and tracee memory. Everything here is bounded:
// files are read up to a cap, strings up to PATH_MAX-sized limits.
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecsguard::guard::procfs {

// Closes the descriptor it owns.
class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) noexcept : fd_(fd) {}
  ~UniqueFd();
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  UniqueFd(UniqueFd&&) = delete;
  UniqueFd& operator=(UniqueFd&&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }

 private:
  int fd_;
};

inline constexpr std::size_t kMaxSmallFile = std::size_t{64} * 1024;
inline constexpr std::size_t kMaxPath = 4096;

// "/proc/<pid>/<leaf>" into a fixed buffer; returns its length.
std::size_t proc_path(char (&buf)[64], pid_t pid, std::string_view leaf) noexcept;

std::optional<std::string> read_file(const char* path, std::size_t max = kMaxSmallFile);
std::optional<std::string> read_link(const char* path);
std::optional<std::string> read_proc_file(pid_t pid, std::string_view leaf,
                                          std::size_t max = kMaxSmallFile);
std::optional<std::string> read_proc_link(pid_t pid, std::string_view leaf);

// comm without the trailing newline (kernel-truncated to 15 characters).
std::optional<std::string> comm(pid_t pid);
// argv as stored by the kernel: NUL-separated, trailing NUL removed.
std::optional<std::string> cmdline(pid_t pid);

struct Stat {
  char state = '?';
  pid_t ppid = 0;
  pid_t pgrp = 0;
  pid_t session = 0;
  int tty_nr = 0;
  std::uint64_t start_ticks = 0;  // since boot, in clock ticks
};
std::optional<Stat> stat(pid_t pid);

struct Status {
  pid_t tgid = 0;
  pid_t ppid = 0;
  pid_t tracer = 0;
  std::uint32_t ruid = 0, euid = 0, rgid = 0, egid = 0;
  std::uint64_t cap_inh = 0, cap_prm = 0, cap_eff = 0, cap_bnd = 0;
};
std::optional<Status> status(pid_t pid);

// Tracee memory. process_vm_readv first; when the runtime forbids it (no CAP_SYS_PTRACE under a
// default container seccomp profile) /proc/<pid>/mem is used instead.
bool read_memory(pid_t pid, std::uint64_t addr, void* buf, std::size_t len) noexcept;
// NUL-terminated string at `addr`, read in page-safe chunks; nullopt when unreadable.
std::optional<std::string> read_cstring(pid_t pid, std::uint64_t addr, std::size_t max = kMaxPath);

// Nanoseconds since boot at which the process started (from /proc/<pid>/stat).
std::optional<std::int64_t> start_boottime_ns(pid_t pid);

}  // namespace ecsguard::guard::procfs
