#pragma once
// The supervised process tree: pid -> parent, exe, cmdline, comm, start time, kept from fork/exec
// events so that ancestry fields (proc.pname, proc.aname[N], proc.pcmdline) stay right after a
// parent has exited. Dead entries are kept only while a descendant still refers to them; the table
// is capped (RUNTIME.md §4.1: no heap growth without bound).
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ecsguard::guard {

struct ProcInfo {
  pid_t pid = 0;          // thread-group id
  pid_t ppid = 0;         // parent's tgid inside the supervised tree; 0 = none (the entrypoint)
  std::uint64_t uid = 0;  // unique per entry (pids are reused, entries of dead
  std::uint64_t parent_uid = 0;  // ancestors are kept): ancestry follows these
  std::string comm;
  std::string exepath;        // readlink /proc/<pid>/exe at exec
  std::string cmdline;        // argv, NUL-separated
  std::int64_t start_ns = 0;  // CLOCK_BOOTTIME at fork (or first sight)
  std::uint32_t refs = 0;     // child entries pointing here
  bool alive = true;
  bool exe_written = false;  // exe was created or opened for write inside the task (drift)
  bool exe_from_memfd = false;
  // Whether its root directory is the supervisor's (checked lazily; chroot/unshare/setns reset it).
  enum class Root : std::uint8_t { kUnknown, kOurs, kOther };
  Root root = Root::kUnknown;

  [[nodiscard]] std::string_view argv0() const noexcept;
  // Everything after argv[0], space separated (Falco proc.args).
  [[nodiscard]] std::string args() const;
};

class ProcTable {
 public:
  explicit ProcTable(std::size_t max_entries = 65536) : max_entries_(max_entries) {}

  // The entrypoint (no parent in the tree).
  ProcInfo& add_root(pid_t pid, std::int64_t now_ns);
  // A new task: a thread of `parent_tid`'s process, or a new process whose parent is
  // `parent_tgid` (fork/vfork/clone without CLONE_THREAD; CLONE_PARENT already applied).
  void add_thread(pid_t tid, pid_t tgid);
  ProcInfo* add_process(pid_t pid, pid_t parent_tgid, std::int64_t now_ns);
  // exec replaced the image of `tgid`; `old_tid` is the thread that called execve.
  ProcInfo* on_exec(pid_t tgid, pid_t old_tid);
  // A task was reaped (thread or process).
  void on_exit(pid_t tid);

  [[nodiscard]] pid_t tgid_of(pid_t tid) const noexcept;
  ProcInfo* find(pid_t tgid) noexcept;
  const ProcInfo* find(pid_t tgid) const noexcept;
  // n = 1: parent, 2: grandparent, ...; nullptr past the entrypoint.
  const ProcInfo* ancestor(const ProcInfo& p, unsigned n) const noexcept;

  [[nodiscard]] std::vector<pid_t> live_pids() const;
  [[nodiscard]] std::size_t processes() const noexcept { return live_.size(); }
  [[nodiscard]] std::size_t entries() const noexcept { return entries_.size(); }
  [[nodiscard]] std::size_t threads() const noexcept { return threads_.size(); }
  [[nodiscard]] std::size_t dropped() const noexcept { return dropped_; }

 private:
  void release(std::uint64_t uid);
  ProcInfo* by_uid(std::uint64_t uid) noexcept;
  const ProcInfo* by_uid(std::uint64_t uid) const noexcept;

  std::size_t max_entries_;
  std::uint64_t next_uid_ = 1;
  std::unordered_map<std::uint64_t, ProcInfo> entries_;  // live and retained dead entries
  std::unordered_map<pid_t, std::uint64_t> live_;        // live tgid -> entry
  std::unordered_map<pid_t, pid_t> threads_;             // non-leader tid -> tgid
  std::size_t dropped_ = 0;
};

}  // namespace ecsguard::guard
