#pragma once
// One event under evaluation and the lazily computed facts rules may ask about it. Facts that cost
// a /proc read or a tracee memory read are fetched on first use and cached for the event, so a rule
// set that only looks at proc.name pays for comm and nothing else.
#include <sys/types.h>

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ecsguard/guard/event.h"
#include "ecsguard/guard/proc_table.h"
#include "ecsguard/guard/procfs.h"
#include "ecsguard/guard/sockets.h"

namespace ecsguard::guard {

class DnsCache;

// Where an event is in its life: a syscall entry (attempt), its exit (result known), a completed
// exec, or the abstract event used to derive the seccomp filter from the rules.
enum class Phase : std::uint8_t { kEntry, kExit, kExec, kAbstract };

struct Event {
  EvtType type = EvtType::kExecve;
  Phase phase = Phase::kEntry;
  std::uint64_t num = 0;
  std::int64_t ts_ns = 0;  // wall clock
  pid_t tid = 0;
  pid_t tgid = 0;
  std::array<std::uint64_t, 6> args{};
  std::int64_t result = 0;   // kExit only
  bool foreign_abi = false;  // i386 / x32 call (arch gate)
  long raw_nr = -1;

  // Abstract phase: what is assumed about an open (read-only or write).
  std::optional<bool> abstract_open_write;

  // Pre-decoded facts (filled by tests and by the fallback notifier; otherwise read lazily).
  std::array<std::optional<std::string>, 6> strings;  // string arguments by index
  std::optional<SockAddr> addr;
  std::optional<std::uint64_t> open_how_flags;
  bool live = true;  // may read /proc and tracee memory
};

// The task's identity (ECS task metadata v4 when present).
struct ContainerInfo {
  std::string id;
  std::string name;
  std::string image;
  std::string repository;
  std::string tag;
  std::string digest;
  std::string task_arn;
  std::string cluster;
  std::string family;
  std::int64_t start_ts = 0;
  bool from_metadata = false;
};

// Paths the task created or opened for write (drift detection: an exec of one of them is
// "a binary not in the image"). Bounded; overflow is counted.
class WrittenPaths {
 public:
  explicit WrittenPaths(std::size_t cap = 100'000) : cap_(cap) {}
  void add(std::string_view path);
  void rename(std::string_view from, std::string_view to);
  [[nodiscard]] bool contains(std::string_view path) const;
  [[nodiscard]] std::size_t size() const noexcept { return paths_.size(); }
  [[nodiscard]] std::size_t overflow() const noexcept { return overflow_; }

 private:
  std::size_t cap_;
  std::unordered_set<std::string> paths_;
  std::size_t overflow_ = 0;
};

// uid/gid -> names from the container's /etc/passwd and /etc/group (re-read at most every 10 s
// when an id is missing).
class UserDb {
 public:
  UserDb(std::string passwd = "/etc/passwd", std::string group = "/etc/group");
  std::optional<std::string_view> user_name(std::uint32_t uid);
  std::optional<std::string_view> home(std::uint32_t uid);
  std::optional<std::string_view> shell(std::uint32_t uid);
  std::optional<std::string_view> group_name(std::uint32_t gid);

 private:
  struct User {
    std::string name, home, shell;
  };
  void maybe_reload();
  std::string passwd_path_, group_path_;
  std::vector<std::pair<std::uint32_t, User>> users_;
  std::vector<std::pair<std::uint32_t, std::string>> groups_;
  std::int64_t loaded_ns_ = -1;
};

// Shared state the supervisor keeps for all events (owned by the tracer thread, except the
// container info which the metadata thread fills in).
// The application guard started, as far as RUN-001 needs it: its start-up is over once a process
// of the tree called listen() (a server is ready) or the start-up window has passed, whichever
// comes first. Updated and read by the one thread that runs the engine.
struct AppState {
  bool tracking = false;            // some enabled rule reads app.*: listen() is traced
  std::int64_t start_boot_ns = 0;   // when the supervisor started the app (CLOCK_BOOTTIME)
  std::int64_t window_ns = 0;       // 0: only listen() ends the start-up
  std::int64_t listen_boot_ns = 0;  // first listen(), 0 = none yet
  std::string exepath;              // the binary of the first process that listened

  void on_listen(std::int64_t now_ns, std::string_view exe);
  [[nodiscard]] bool started(std::int64_t now_ns) const noexcept;
};

struct Services {
  AppState app;
  ProcTable procs;
  WrittenPaths written;
  UserDb users;
  std::shared_ptr<DnsCache> dns;
  std::string hostname;
  bool drift_tracking = false;

  void set_container(ContainerInfo info);
  [[nodiscard]] std::shared_ptr<const ContainerInfo> container() const;

 private:
  mutable std::mutex container_mu_;
  std::shared_ptr<const ContainerInfo> container_ = std::make_shared<ContainerInfo>();
};

// Values a field produced for the current event. kPending: not knowable yet (a result field at a
// syscall entry, or anything during filter derivation); comparisons then yield "unknown".
struct Values {
  enum class State : std::uint8_t { kMissing, kPending, kOk };
  State state = State::kMissing;
  std::vector<std::string_view> strs;
  std::vector<std::int64_t> ints;
  std::vector<IpAddr> ips;
  bool boolean = false;

  void reset() {
    state = State::kMissing;
    strs.clear();
    ints.clear();
    ips.clear();
    boolean = false;
  }
  void pending() { state = State::kPending; }
  void add(std::string_view s) {
    state = State::kOk;
    strs.push_back(s);
  }
  void add(std::int64_t v) {
    state = State::kOk;
    ints.push_back(v);
  }
  void add(const IpAddr& ip) {
    state = State::kOk;
    ips.push_back(ip);
  }
  void set(bool b) {
    state = State::kOk;
    boolean = b;
  }
};

class EvalCtx {
 public:
  EvalCtx(Event& ev, Services& svc) : ev_(ev), svc_(svc) {}

  [[nodiscard]] Event& event() noexcept { return ev_; }
  [[nodiscard]] const Event& event() const noexcept { return ev_; }
  [[nodiscard]] Services& services() noexcept { return svc_; }
  [[nodiscard]] bool abstract() const noexcept { return ev_.phase == Phase::kAbstract; }
  [[nodiscard]] bool result_known() const noexcept {
    return ev_.phase == Phase::kExit || ev_.phase == Phase::kExec;
  }

  // The process of the event and its ancestors (1 = parent); nullptr when unknown.
  const ProcInfo* proc();
  const ProcInfo* ancestor(unsigned n);

  // Raw string argument `arg` (tracee memory); nullopt when unreadable.
  std::optional<std::string_view> raw_string(int arg);
  // Canonical path of a kPath/kPathNoFollow parameter.
  std::optional<std::string_view> path(const ParamDesc& p);
  // The main path of the event (the file an open/mkdir/unlink/... is about).
  std::optional<std::string_view> main_path();
  // Open flags of an open-family event (creat: O_WRONLY|O_CREAT|O_TRUNC).
  std::optional<std::uint64_t> open_flags();
  std::optional<std::uint64_t> open_mode();
  // The fd the event is about, resolved; nullptr when the event has none.
  const FdInfo* fd();
  // Socket address argument of connect/bind.
  const SockAddr* sockaddr();

  const procfs::Status* status();
  const procfs::Stat* stat();
  std::optional<std::string_view> cwd();
  std::optional<std::int64_t> loginuid();
  std::optional<std::string_view> environ();  // NUL-separated
  const FdInfo* stdio(int fd);

  // Storage for strings computed during this event (stable addresses).
  std::string_view keep(std::string s);
  Values& scratch() noexcept { return scratch_; }

 private:
  [[nodiscard]] bool desc_is_open() const noexcept;
  // The process's root is the supervisor's (cached in the process table).
  bool own_root();

  Event& ev_;
  Services& svc_;
  Values scratch_;
  std::deque<std::string> arena_;

  bool proc_loaded_ = false;
  const ProcInfo* proc_ = nullptr;
  std::unique_ptr<ProcInfo> proc_fallback_;
  std::array<std::optional<std::string>, 6> path_cache_;
  std::array<bool, 6> path_tried_{};
  bool fd_loaded_ = false;
  std::optional<FdInfo> fd_;
  bool addr_loaded_ = false;
  bool status_loaded_ = false;
  std::optional<procfs::Status> status_;
  bool stat_loaded_ = false;
  std::optional<procfs::Stat> stat_;
  bool cwd_loaded_ = false;
  std::optional<std::string> cwd_;
  bool loginuid_loaded_ = false;
  std::optional<std::int64_t> loginuid_;
  bool environ_loaded_ = false;
  std::optional<std::string> environ_;
  std::array<std::optional<FdInfo>, 3> stdio_;
  std::array<bool, 3> stdio_loaded_{};
};

// Clock helpers.
std::int64_t now_wall_ns() noexcept;
std::int64_t now_boot_ns() noexcept;

}  // namespace ecsguard::guard
