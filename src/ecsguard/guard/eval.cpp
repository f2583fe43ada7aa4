#include "ecsguard/guard/eval.h"

#include <fcntl.h>
#include <sys/socket.h>

#include <charconv>
#include <ctime>

#include "ecsguard/guard/paths.h"

namespace ecsguard::guard {

std::int64_t now_wall_ns() noexcept {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

std::int64_t now_boot_ns() noexcept {
  timespec ts{};
  ::clock_gettime(CLOCK_BOOTTIME, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

// ---- WrittenPaths ---------------------------------------------------------------------------

void WrittenPaths::add(std::string_view path) {
  if (path.empty() || path[0] != '/') return;
  if (paths_.size() >= cap_) {
    if (paths_.find(std::string(path)) == paths_.end()) ++overflow_;
    return;
  }
  paths_.emplace(path);
}

void WrittenPaths::rename(std::string_view from, std::string_view to) {
  auto it = paths_.find(std::string(from));
  if (it == paths_.end()) return;
  paths_.erase(it);
  add(to);
}

bool WrittenPaths::contains(std::string_view path) const {
  return paths_.find(std::string(path)) != paths_.end();
}

// ---- UserDb ---------------------------------------------------------------------------------

UserDb::UserDb(std::string passwd, std::string group)
    : passwd_path_(std::move(passwd)), group_path_(std::move(group)) {}

void UserDb::maybe_reload() {
  std::int64_t now = now_boot_ns();
  if (loaded_ns_ >= 0 && now - loaded_ns_ < 10'000'000'000LL) return;
  loaded_ns_ = now;
  users_.clear();
  groups_.clear();
  auto split = [](std::string_view line) {
    std::vector<std::string_view> f;
    std::size_t i = 0;
    while (true) {
      std::size_t j = line.find(':', i);
      f.push_back(line.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
      if (j == std::string_view::npos) break;
      i = j + 1;
    }
    return f;
  };
  auto each_line = [](std::string_view text, auto&& fn) {
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t j = text.find('\n', i);
      if (j == std::string_view::npos) j = text.size();
      fn(text.substr(i, j - i));
      i = j + 1;
    }
  };
  if (auto text = procfs::read_file(passwd_path_.c_str(), 4U << 20)) {
    each_line(*text, [&](std::string_view line) {
      auto f = split(line);
      std::uint32_t id = 0;
      if (f.size() < 7 ||
          std::from_chars(f[2].data(), f[2].data() + f[2].size(), id).ec != std::errc{})
        return;
      users_.emplace_back(id, User{std::string(f[0]), std::string(f[5]), std::string(f[6])});
    });
  }
  if (auto text = procfs::read_file(group_path_.c_str(), 4U << 20)) {
    each_line(*text, [&](std::string_view line) {
      auto f = split(line);
      std::uint32_t id = 0;
      if (f.size() < 3 ||
          std::from_chars(f[2].data(), f[2].data() + f[2].size(), id).ec != std::errc{})
        return;
      groups_.emplace_back(id, std::string(f[0]));
    });
  }
}

std::optional<std::string_view> UserDb::user_name(std::uint32_t uid) {
  if (loaded_ns_ < 0) maybe_reload();
  for (int attempt = 0; attempt < 2; ++attempt) {
    for (const auto& [id, u] : users_) {
      if (id == uid) return std::string_view(u.name);
    }
    if (attempt == 0) maybe_reload();
  }
  return std::nullopt;
}

std::optional<std::string_view> UserDb::home(std::uint32_t uid) {
  if (!user_name(uid)) return std::nullopt;
  for (const auto& [id, u] : users_) {
    if (id == uid) return std::string_view(u.home);
  }
  return std::nullopt;
}

std::optional<std::string_view> UserDb::shell(std::uint32_t uid) {
  if (!user_name(uid)) return std::nullopt;
  for (const auto& [id, u] : users_) {
    if (id == uid) return std::string_view(u.shell);
  }
  return std::nullopt;
}

std::optional<std::string_view> UserDb::group_name(std::uint32_t gid) {
  if (loaded_ns_ < 0) maybe_reload();
  for (int attempt = 0; attempt < 2; ++attempt) {
    for (const auto& [id, g] : groups_) {
      if (id == gid) return std::string_view(g);
    }
    if (attempt == 0) maybe_reload();
  }
  return std::nullopt;
}

// ---- Services -------------------------------------------------------------------------------

void AppState::on_listen(std::int64_t now_ns, std::string_view exe) {
  if (listen_boot_ns != 0) return;
  listen_boot_ns = now_ns;
  exepath = std::string(exe);
}

bool AppState::started(std::int64_t now_ns) const noexcept {
  if (listen_boot_ns != 0) return true;
  return window_ns > 0 && start_boot_ns != 0 && now_ns - start_boot_ns >= window_ns;
}

void Services::set_container(ContainerInfo info) {
  auto p = std::make_shared<const ContainerInfo>(std::move(info));
  std::lock_guard<std::mutex> lock(container_mu_);
  container_ = std::move(p);
}

std::shared_ptr<const ContainerInfo> Services::container() const {
  std::lock_guard<std::mutex> lock(container_mu_);
  return container_;
}

// ---- EvalCtx --------------------------------------------------------------------------------

const ProcInfo* EvalCtx::proc() {
  if (proc_loaded_) return proc_;
  proc_loaded_ = true;
  proc_ = svc_.procs.find(ev_.tgid);
  if (proc_ == nullptr && ev_.live) {
    // Not in the table (capped, or a race with its fork event): read what /proc says.
    auto p = std::make_unique<ProcInfo>();
    p->pid = ev_.tgid;
    p->comm = procfs::comm(ev_.tgid).value_or("");
    p->exepath = procfs::read_proc_link(ev_.tgid, "exe").value_or("");
    p->cmdline = procfs::cmdline(ev_.tgid).value_or("");
    if (p->comm.empty() && p->exepath.empty()) return nullptr;
    proc_fallback_ = std::move(p);
    proc_ = proc_fallback_.get();
  }
  return proc_;
}

const ProcInfo* EvalCtx::ancestor(unsigned n) {
  const ProcInfo* p = proc();
  if (p == nullptr) return nullptr;
  if (n == 0) return p;
  if (p == proc_fallback_.get()) return nullptr;
  return svc_.procs.ancestor(*p, n);
}

std::optional<std::string_view> EvalCtx::raw_string(int arg) {
  if (arg < 0 || arg >= 6) return std::nullopt;
  auto& slot = ev_.strings[static_cast<std::size_t>(arg)];
  if (!slot && ev_.live && ev_.phase != Phase::kAbstract) {
    slot = procfs::read_cstring(ev_.tid, ev_.args[static_cast<std::size_t>(arg)]);
  }
  if (!slot) return std::nullopt;
  return std::string_view(*slot);
}

std::optional<std::string_view> EvalCtx::path(const ParamDesc& p) {
  if (p.arg < 0 || p.arg >= 6) return std::nullopt;
  auto i = arg_index(p.arg);
  if (!path_tried_[i]) {
    path_tried_[i] = true;
    auto raw = raw_string(p.arg);
    if (raw) {
      if (!ev_.live) {
        path_cache_[i] = normalize_path(*raw);
      } else {
        int dirfd =
            p.dirfd_arg >= 0 ? static_cast<int>(ev_.args[arg_index(p.dirfd_arg)]) : kAtFdCwd;
        bool follow = p.kind == ParamKind::kPath;
        if (follow && desc_is_open()) {
          auto fl = open_flags();
          if (fl && (*fl & O_NOFOLLOW) != 0) follow = false;
        }
        path_cache_[i] = PathResolver::resolve(ev_.tid, ev_.tgid, dirfd, *raw, follow, own_root());
      }
    }
  }
  if (!path_cache_[i]) return std::nullopt;
  return std::string_view(*path_cache_[i]);
}

bool EvalCtx::desc_is_open() const noexcept { return evt_desc(ev_.type).is_open; }

bool EvalCtx::own_root() {
  ProcInfo* p = svc_.procs.find(ev_.tgid);
  if (p == nullptr) return false;
  if (p->root == ProcInfo::Root::kUnknown) {
    p->root =
        PathResolver::shares_our_root(ev_.tgid) ? ProcInfo::Root::kOurs : ProcInfo::Root::kOther;
  }
  return p->root == ProcInfo::Root::kOurs;
}

std::optional<std::string_view> EvalCtx::main_path() {
  const EvtDesc& d = evt_desc(ev_.type);
  if (d.path_param < 0) return std::nullopt;
  return path(d.params[arg_index(d.path_param)]);
}

std::optional<std::uint64_t> EvalCtx::open_flags() {
  switch (ev_.type) {
    case EvtType::kOpen:
      return ev_.args[1] & 0xffffffffULL;
    case EvtType::kOpenat:
      return ev_.args[2] & 0xffffffffULL;
    case EvtType::kCreat:
      return static_cast<std::uint64_t>(O_WRONLY | O_CREAT | O_TRUNC);
    case EvtType::kOpenat2:
      if (!ev_.open_how_flags && ev_.live && ev_.phase != Phase::kAbstract) {
        std::uint64_t how[2] = {0, 0};
        if (procfs::read_memory(ev_.tid, ev_.args[2], how, sizeof how)) ev_.open_how_flags = how[0];
      }
      return ev_.open_how_flags;
    default:
      return std::nullopt;
  }
}

std::optional<std::uint64_t> EvalCtx::open_mode() {
  switch (ev_.type) {
    case EvtType::kOpen:
      return ev_.args[2] & 07777U;
    case EvtType::kOpenat:
      return ev_.args[3] & 07777U;
    case EvtType::kCreat:
      return ev_.args[1] & 07777U;
    case EvtType::kOpenat2: {
      if (!ev_.live || ev_.phase == Phase::kAbstract) return std::nullopt;
      std::uint64_t how[2] = {0, 0};
      if (!procfs::read_memory(ev_.tid, ev_.args[2], how, sizeof how)) return std::nullopt;
      return how[1] & 07777U;
    }
    default:
      return std::nullopt;
  }
}

const SockAddr* EvalCtx::sockaddr() {
  if (!addr_loaded_) {
    addr_loaded_ = true;
    if (!ev_.addr && ev_.live && ev_.phase != Phase::kAbstract &&
        (ev_.type == EvtType::kConnect || ev_.type == EvtType::kBind)) {
      ev_.addr = read_sockaddr(ev_.tid, ev_.args[1], ev_.args[2]);
    }
  }
  return ev_.addr ? &*ev_.addr : nullptr;
}

const FdInfo* EvalCtx::fd() {
  if (fd_loaded_) return fd_ ? &*fd_ : nullptr;
  fd_loaded_ = true;
  if (abstract()) return nullptr;
  const EvtDesc& d = evt_desc(ev_.type);
  if (d.is_open) {
    if (ev_.phase == Phase::kExit && ev_.result >= 0 && ev_.live) {
      FdInfo info = resolve_fd(ev_.tid, ev_.tgid, static_cast<int>(ev_.result));
      if (info.type != FdType::kUnknown) {
        fd_ = std::move(info);
        return &*fd_;
      }
    }
    auto p = main_path();
    if (!p) return nullptr;
    FdInfo info;
    auto fl = open_flags();
    info.type = (fl && (*fl & O_DIRECTORY) != 0) ? FdType::kDirectory : FdType::kFile;
    info.path = std::string(*p);
    fd_ = std::move(info);
    return &*fd_;
  }
  if (ev_.type == EvtType::kConnect || ev_.type == EvtType::kBind) {
    const SockAddr* a = sockaddr();
    if (a == nullptr) {
      if (!ev_.live) return nullptr;
      fd_ = resolve_fd(ev_.tid, ev_.tgid, static_cast<int>(ev_.args[0]));
      return &*fd_;
    }
    FdInfo info;
    if (a->family == AF_INET) {
      info.type = FdType::kIpv4;
    } else if (a->family == AF_INET6) {
      info.type = FdType::kIpv6;
    } else if (a->family == AF_UNIX) {
      info.type = FdType::kUnix;
      info.path = a->unix_path;
    } else {
      info.type = FdType::kOther;
    }
    if (info.is_ip()) {
      std::optional<SocketKind> kind;
      if (ev_.live) kind = socket_kind(ev_.tid, ev_.tgid, static_cast<int>(ev_.args[0]));
      info.l4proto = kind ? kind->l4proto : "";
      if (ev_.type == EvtType::kConnect) {
        info.server_role = false;
        info.sip = a->ip;
        info.sport = a->port;
        if (kind) {
          info.cip = kind->local;
          info.cport = kind->local_port;
        }
        if (!info.cip.valid()) info.cip.family = a->ip.family;
      } else {
        info.server_role = true;
        info.sip = a->ip;
        info.sport = a->port;
        info.cip.family = a->ip.family;
      }
    }
    fd_ = std::move(info);
    return &*fd_;
  }
  if (!ev_.live) return nullptr;
  int fdnum = -1;
  if (d.fd_arg >= 0) {
    fdnum = static_cast<int>(ev_.args[arg_index(d.fd_arg)]);
  } else if (d.result_is_fd && ev_.phase == Phase::kExit && ev_.result >= 0) {
    fdnum = static_cast<int>(ev_.result);
  }
  if (fdnum < 0) return nullptr;
  FdInfo info = resolve_fd(ev_.tid, ev_.tgid, fdnum);
  if (info.type == FdType::kUnknown) return nullptr;
  fd_ = std::move(info);
  return &*fd_;
}

const procfs::Status* EvalCtx::status() {
  if (!status_loaded_) {
    status_loaded_ = true;
    if (ev_.live && !abstract()) status_ = procfs::status(ev_.tid);
  }
  return status_ ? &*status_ : nullptr;
}

const procfs::Stat* EvalCtx::stat() {
  if (!stat_loaded_) {
    stat_loaded_ = true;
    if (ev_.live && !abstract()) stat_ = procfs::stat(ev_.tgid);
  }
  return stat_ ? &*stat_ : nullptr;
}

std::optional<std::string_view> EvalCtx::cwd() {
  if (!cwd_loaded_) {
    cwd_loaded_ = true;
    if (ev_.live && !abstract()) cwd_ = procfs::read_proc_link(ev_.tid, "cwd");
  }
  if (!cwd_) return std::nullopt;
  return std::string_view(*cwd_);
}

std::optional<std::int64_t> EvalCtx::loginuid() {
  if (!loginuid_loaded_) {
    loginuid_loaded_ = true;
    if (ev_.live && !abstract()) {
      if (auto s = procfs::read_proc_file(ev_.tgid, "loginuid", 32)) {
        std::uint64_t v = 0;
        if (std::from_chars(s->data(), s->data() + s->size(), v).ec == std::errc{}) {
          loginuid_ = v == 4294967295ULL ? -1 : static_cast<std::int64_t>(v);
        }
      }
    }
  }
  return loginuid_;
}

std::optional<std::string_view> EvalCtx::environ() {
  if (!environ_loaded_) {
    environ_loaded_ = true;
    if (ev_.live && !abstract())
      environ_ = procfs::read_proc_file(ev_.tgid, "environ", std::size_t{64} * 1024);
  }
  if (!environ_) return std::nullopt;
  return std::string_view(*environ_);
}

const FdInfo* EvalCtx::stdio(int fd) {
  if (fd < 0 || fd > 2) return nullptr;
  auto i = static_cast<std::size_t>(fd);
  if (!stdio_loaded_[i]) {
    stdio_loaded_[i] = true;
    if (ev_.live && !abstract()) {
      FdInfo info = resolve_fd(ev_.tid, ev_.tgid, fd);
      if (info.type != FdType::kUnknown) stdio_[i] = std::move(info);
    }
  }
  return stdio_[i] ? &*stdio_[i] : nullptr;
}

std::string_view EvalCtx::keep(std::string s) {
  arena_.push_back(std::move(s));
  return arena_.back();
}

}  // namespace ecsguard::guard
