#pragma once
// Canonical paths as the tracee sees them: relative paths are joined with the `openat` dirfd or the
// cwd (read from /proc), `.` and `..` are collapsed, symlinks are resolved inside the tracee's root
// (/proc/<tid>/root), and /proc/self is the tracee's, not ours. Bounded: at most 40 symlink hops,
// PATH_MAX-sized results.
#include <sys/types.h>

#include <string>
#include <string_view>

namespace ecsguard::guard {

// Collapses "//", "." and ".." of an absolute path lexically ("/.." is "/"). A relative input is
// returned with the same rules applied but stays relative.
std::string normalize_path(std::string_view path);

// dirname / basename in Falco's sense: "/etc/passwd" -> "/etc" and "passwd"; "/" -> "/" and "".
std::string_view path_dirname(std::string_view path) noexcept;
std::string_view path_basename(std::string_view path) noexcept;

inline constexpr int kAtFdCwd = -100;

struct PathResolver {
  // Resolves `raw` for thread `tid` of process `tgid`. dirfd == kAtFdCwd means the cwd.
  // `follow_last`: whether the last component is followed when it is a symlink (open without
  // O_NOFOLLOW, chmod) or not (unlink, rename, symlink creation, mkdir).
  // `own_root`: the tracee's root is the supervisor's, so symlinks are looked up directly instead
  // of through /proc/<tid>/root (cheaper, same answer).
  static std::string resolve(pid_t tid, pid_t tgid, int dirfd, std::string_view raw,
                             bool follow_last, bool own_root = false);
  // Symlink resolution of an already absolute, normalised path (used by tests with tid = our own).
  static std::string resolve_links(pid_t tid, pid_t tgid, std::string_view abs, bool follow_last,
                                   bool own_root = false);
  // Whether process `pid` sees the same root directory as the supervisor.
  static bool shares_our_root(pid_t pid);
};

}  // namespace ecsguard::guard
