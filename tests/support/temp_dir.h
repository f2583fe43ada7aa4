#pragma once
// A temporary directory for a test: created under $TMPDIR (or /tmp) with mkdtemp, its canonical
// path kept (so tests compare with canonical paths the scanner computes), removed with everything
// in it at the end: even trees deeper than PATH_MAX and directories a test made unreadable.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace ecsguard::test {

// Removes a tree with *at() calls, never following a symlink.
inline void remove_tree_at(int parent_fd, const char* name) {
  struct stat st {};
  if (::fstatat(parent_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return;
  if (!S_ISDIR(st.st_mode)) {
    ::unlinkat(parent_fd, name, 0);
    return;
  }
  ::fchmodat(parent_fd, name, 0700, 0);
  const int fd = ::openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    if (DIR* d = ::fdopendir(fd)) {
      std::vector<std::string> names;
      while (const dirent* e = ::readdir(d)) {
        const std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(n);
      }
      for (const auto& n : names) remove_tree_at(::dirfd(d), n.c_str());
      ::closedir(d);
    } else {
      ::close(fd);
    }
  }
  ::unlinkat(parent_fd, name, AT_REMOVEDIR);
}

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "ecsguard-test") {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/" + prefix + "-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (::mkdtemp(buf.data()) == nullptr) std::abort();
    path_ = std::filesystem::canonical(buf.data()).string();
  }
  ~TempDir() { remove_tree_at(AT_FDCWD, path_.c_str()); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

}  // namespace ecsguard::test
