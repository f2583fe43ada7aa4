#include "ecsguard/guard/paths.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <deque>
#include <vector>

#include "ecsguard/core/path.h"
#include "ecsguard/guard/procfs.h"

namespace ecsguard::guard {
namespace {

constexpr int kMaxHops = 40;
constexpr std::size_t kMaxComponents = 1024;

void split_into(std::string_view path, std::deque<std::string>& out, bool front) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) parts.emplace_back(path.substr(i, j - i));
    i = j;
  }
  if (front) {
    std::reverse(parts.begin(), parts.end());
    for (auto& p : parts) out.push_front(std::move(p));
  } else {
    for (auto& p : parts) out.push_back(std::move(p));
  }
}

void pop_last(std::string& resolved) {
  std::size_t slash = resolved.rfind('/');
  resolved.resize(slash == std::string::npos ? 0 : slash);
}

// /proc/self and /proc/thread-self name the *tracee*, not the supervisor reading them.
bool self_link(std::string_view candidate, pid_t tid, pid_t tgid, std::string& target) {
  if (candidate == "/proc/self") {
    target = "/proc/" + std::to_string(tgid);
    return true;
  }
  if (candidate == "/proc/thread-self") {
    target = "/proc/" + std::to_string(tgid) + "/task/" + std::to_string(tid);
    return true;
  }
  return false;
}

std::string base_dir(pid_t tid, int dirfd) {
  std::optional<std::string> base;
  if (dirfd == kAtFdCwd) {
    base = procfs::read_proc_link(tid, "cwd");
  } else if (dirfd >= 0) {
    base = procfs::read_proc_link(tid, "fd/" + std::to_string(dirfd));
  }
  if (!base || base->empty() || (*base)[0] != '/') return {};
  return *base;
}

}  // namespace

std::string normalize_path(std::string_view path) { return core::lexically_normal(path); }

std::string_view path_dirname(std::string_view path) noexcept {
  std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {};
  if (slash == 0) return path.substr(0, 1);
  return path.substr(0, slash);
}

std::string_view path_basename(std::string_view path) noexcept {
  std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return path;
  return path.substr(slash + 1);
}

std::string PathResolver::resolve(pid_t tid, pid_t tgid, int dirfd, std::string_view raw,
                                  bool follow_last, bool own_root) {
  if (raw.empty()) return {};
  std::string abs;
  if (raw[0] == '/') {
    abs = normalize_path(raw);
  } else {
    std::string base = base_dir(tid, dirfd);
    if (base.empty()) return std::string(raw);  // the base is gone: report what was asked
    base += '/';
    base.append(raw);
    abs = normalize_path(base);
  }
  return resolve_links(tid, tgid, abs, follow_last, own_root);
}

bool PathResolver::shares_our_root(pid_t pid) {
  char p[64];
  procfs::proc_path(p, pid, "root");
  struct stat theirs {};
  struct stat ours {};
  return ::stat(p, &theirs) == 0 && ::stat("/", &ours) == 0 && theirs.st_dev == ours.st_dev &&
         theirs.st_ino == ours.st_ino;
}

std::string PathResolver::resolve_links(pid_t tid, pid_t tgid, std::string_view abs,
                                        bool follow_last, bool own_root) {
  // Resolve inside the tracee's root (/proc/<tid>/root) when we may enter it; whether we may is
  // the same for every tracee, so it is probed once.
  static std::atomic<int> root_usable{-1};
  std::string root;
  int usable = 0;
  if (!own_root) {
    char root_buf[64];
    root.assign(root_buf, procfs::proc_path(root_buf, tid, "root"));
    usable = root_usable.load(std::memory_order_relaxed);
    if (usable < 0) {
      usable = ::access(root.c_str(), X_OK) == 0 ? 1 : 0;
      // A vanished tracee (ENOENT) says nothing about the permission: probe again next time.
      if (usable == 1 || errno == EACCES || errno == EPERM) {
        root_usable.store(usable, std::memory_order_relaxed);
      }
    }
  }
  if (usable == 0) root.clear();

  std::deque<std::string> todo;
  split_into(abs, todo, false);
  std::string resolved;  // "" stands for "/"
  int hops = 0;
  std::string probe;
  while (!todo.empty()) {
    if (todo.size() > kMaxComponents) break;
    std::string c = std::move(todo.front());
    todo.pop_front();
    if (c == ".") continue;
    if (c == "..") {
      pop_last(resolved);
      continue;
    }
    std::string candidate = resolved + "/" + c;
    if (todo.empty() && !follow_last) {
      resolved = std::move(candidate);
      break;
    }
    std::string target;
    if (self_link(candidate, tid, tgid, target)) {
      if (++hops > kMaxHops) {
        resolved = std::move(candidate);
        break;
      }
      resolved.clear();
      split_into(target, todo, true);
      continue;
    }
    probe.assign(root).append(candidate);
    struct stat st {};
    if (::lstat(probe.c_str(), &st) != 0) {
      resolved = std::move(candidate);
      break;  // missing: the rest stays lexical
    }
    if (!S_ISLNK(st.st_mode)) {
      resolved = std::move(candidate);
      continue;
    }
    auto link = procfs::read_link(probe.c_str());
    if (!link || link->empty() || ++hops > kMaxHops) {
      resolved = std::move(candidate);
      break;
    }
    if ((*link)[0] != '/') {
      // "pipe:[12]", "socket:[34]", "anon_inode:[eventfd]" from /proc/<pid>/fd/N: not a path.
      if (link->find(":[") != std::string::npos && todo.empty()) return *link;
    } else {
      resolved.clear();
    }
    split_into(*link, todo, true);
  }
  // Whatever was not walked (missing component, hop limit) is appended lexically.
  while (!todo.empty()) {
    const std::string& c = todo.front();
    if (c == "..") {
      pop_last(resolved);
    } else if (c != ".") {
      resolved += '/';
      resolved += c;
    }
    todo.pop_front();
  }
  return resolved.empty() ? std::string("/") : resolved;
}

}  // namespace ecsguard::guard
