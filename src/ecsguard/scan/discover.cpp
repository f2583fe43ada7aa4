#include "ecsguard/scan/discover.h"

#include "ecsguard/core/file_io.h"
#include "ecsguard/core/path.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/scan/file_loader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

// Policy (docs/security.md, "Filesystem"):
// - Directories are walked iteratively (no recursion: a hostile tree cannot exhaust the stack),
//   entries in byte order of their names; the resulting file list is sorted by display path.
// - The scan root of a directory argument is its canonical path. A symlink met during the walk is
//   followed only when its canonical target lies inside that root; directories reached through
//   symlinks are walked after the real tree, and every directory is entered at most once (device
//   and inode), so loops end and a file reachable both ways keeps its real path.
// - A symlink given on the command line (its last component is the link) is followed only when its
//   canonical target lies inside the canonical current directory; the target then becomes the
//   root. Any other argument is scanned as given: naming a path is the user's explicit choice.
// - FIFOs, sockets and devices are never opened: a kSkipped note. Unreadable entries: kIo. Files
//   over limits.max_file_bytes and files beyond limits.max_files: kLimit.

namespace ecsguard::scan {
namespace {

namespace fs = std::filesystem;

struct DevIno {
  dev_t dev = 0;
  ino_t ino = 0;
  friend auto operator<=>(const DevIno&, const DevIno&) = default;  // NOLINT(modernize-use-nullptr)
};

DevIno key_of(const struct stat& st) { return DevIno{st.st_dev, st.st_ino}; }

bool is_skipped_dir(std::string_view name, std::string_view parent_name) noexcept {
  return name == ".git" || name == "node_modules" || name == ".terraform" ||
         (parent_name == "cdk.out" && name.starts_with("asset."));
}

std::string strip_trailing_slashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

std::string join_display(const std::string& prefix, const std::string& name) {
  if (prefix.empty()) return name;
  if (prefix == "/") return "/" + name;
  return prefix + "/" + name;
}

std::string join_fs(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string base_name(const std::string& p) {
  const auto slash = p.find_last_of('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

std::string read_link_text(const std::string& path) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(path, ec);
  return ec ? std::string("?") : target.generic_string();
}

class Walker {
 public:
  Walker(const core::Limits& limits, Discovery& out) : limits_(limits), out_(out) {}

  void add_root(const std::string& typed);
  void finish();

 private:
  struct Dir {
    std::string fs_path;  // canonical path of the directory
    std::string display;  // display prefix of its entries
    std::string name;     // its name as walked (to recognise cdk.out/asset.*)
  };
  struct PendingLink {  // a symlink to a directory inside the root, walked after the real tree
    Dir dir;
    bool loop = false;  // the target encloses the link
  };
  struct Candidate {
    DiscoveredFile file;
    bool via_symlink = false;
  };

  void note(core::Errc code, const std::string& path, const std::string& what) {
    out_.notes.push_back(core::make_error(code, what));
    out_.note_paths.push_back(path);
  }
  void walk(const std::string& root, Dir start);
  void walk_dir(const std::string& root, const Dir& dir, std::vector<Dir>& subdirs,
                std::deque<PendingLink>& links);
  void on_symlink(const std::string& root, const Dir& parent, const std::string& name,
                  std::deque<PendingLink>& links);
  void add_candidate(DiscoveredFile file, const struct stat& st, bool via_symlink);

  const core::Limits& limits_;
  Discovery& out_;
  std::set<DevIno> visited_dirs_;
  std::map<DevIno, std::size_t> file_index_;  // -> candidates_
  std::vector<Candidate> candidates_;
  std::vector<std::pair<std::string, std::string>> link_duplicates_;  // (link display, kept)
  bool stopped_ = false;                                              // max_files reached
  std::string cwd_;  // canonical current directory, computed on first use
};

void Walker::add_root(const std::string& typed) {
  if (stopped_) return;
  const std::string given = typed.empty() ? std::string(".") : typed;
  const std::string path = strip_trailing_slashes(given);

  struct stat lst {};
  if (::lstat(path.c_str(), &lst) != 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) out_.any_root_missing = true;
    note(core::Errc::kIo, given, "cannot scan: " + core::errno_text(err));
    return;
  }
  std::error_code ec;
  const std::string canon = fs::canonical(path, ec).string();
  if (ec) {
    if (S_ISLNK(lst.st_mode)) out_.any_root_missing = true;
    note(core::Errc::kIo, given, "cannot resolve path: " + ec.message());
    return;
  }
  const bool is_link = S_ISLNK(lst.st_mode);
  if (is_link) {
    if (cwd_.empty()) cwd_ = fs::canonical(fs::current_path(ec), ec).string();
    if (cwd_.empty() || !core::path_contains(cwd_, canon)) {
      note(core::Errc::kSkipped, given,
           "symlink given on the command line points outside the current directory (-> " +
               read_link_text(path) + "); not followed: name the target itself to scan it");
      return;
    }
  }
  struct stat st {};
  if (::stat(canon.c_str(), &st) != 0) {
    note(core::Errc::kIo, given, "cannot scan: " + core::errno_text(errno));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    if (visited_dirs_.contains(key_of(st))) return;  // the same tree was already given
    visited_dirs_.insert(key_of(st));
    const bool dot = fs::path(path).lexically_normal() == fs::path(".");
    walk(canon, Dir{canon, dot ? std::string() : path, base_name(canon)});
  } else if (S_ISREG(st.st_mode)) {
    // A file named on the command line is a candidate whatever its extension.
    const std::string parent = fs::path(canon).parent_path().string();
    add_candidate(DiscoveredFile{canon, given, parent}, st, is_link);
  } else {
    note(core::Errc::kSkipped, given,
         std::string("is ") + core::special_file_kind(st.st_mode) + "; skipped, never opened");
  }
}

void Walker::walk(const std::string& root, Dir start) {
  std::vector<Dir> stack;
  stack.push_back(std::move(start));
  std::deque<PendingLink> links;
  while (!stopped_) {
    if (stack.empty()) {
      if (links.empty()) break;
      PendingLink link = std::move(links.front());
      links.pop_front();
      struct stat st {};
      if (::stat(link.dir.fs_path.c_str(), &st) != 0) {
        note(core::Errc::kIo, link.dir.display, "cannot scan: " + core::errno_text(errno));
        continue;
      }
      if (visited_dirs_.contains(key_of(st))) {
        note(core::Errc::kSkipped, link.dir.display,
             link.loop ? "symlink loop (points to an enclosing directory); not followed"
                       : "symlink to a directory already scanned; not followed again");
        continue;
      }
      visited_dirs_.insert(key_of(st));
      stack.push_back(std::move(link.dir));
      continue;
    }
    const Dir dir = std::move(stack.back());
    stack.pop_back();
    std::vector<Dir> subdirs;
    walk_dir(root, dir, subdirs, links);
    std::move(subdirs.rbegin(), subdirs.rend(), std::back_inserter(stack));  // first name on top
  }
}

void Walker::walk_dir(const std::string& root, const Dir& dir, std::vector<Dir>& subdirs,
                      std::deque<PendingLink>& links) {
  std::vector<std::string> names;
  {
    std::error_code ec;
    fs::directory_iterator it(dir.fs_path, ec);
    const fs::directory_iterator end;
    while (!ec && it != end) {
      names.push_back(it->path().filename().string());
      it.increment(ec);
    }
    if (ec) {
      note(core::Errc::kIo, dir.display.empty() ? std::string(".") : dir.display,
           "cannot read directory: " + ec.message());
      if (names.empty()) return;
    }
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (stopped_) return;
    const std::string child = join_fs(dir.fs_path, name);
    const std::string display = join_display(dir.display, name);
    struct stat st {};
    if (::lstat(child.c_str(), &st) != 0) {
      note(core::Errc::kIo, display, "cannot stat: " + core::errno_text(errno));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (is_skipped_dir(name, dir.name)) continue;
      if (!visited_dirs_.insert(key_of(st)).second) {
        note(core::Errc::kSkipped, display, "directory already scanned (bind mount?); skipped");
        continue;
      }
      subdirs.push_back(Dir{child, display, name});
    } else if (S_ISREG(st.st_mode)) {
      if (is_candidate_name(name)) add_candidate(DiscoveredFile{child, display, root}, st, false);
    } else if (S_ISLNK(st.st_mode)) {
      on_symlink(root, dir, name, links);
    } else {
      note(core::Errc::kSkipped, display,
           std::string("is ") + core::special_file_kind(st.st_mode) + "; skipped, never opened");
    }
  }
}

void Walker::on_symlink(const std::string& root, const Dir& parent, const std::string& name,
                        std::deque<PendingLink>& links) {
  const std::string child = join_fs(parent.fs_path, name);
  const std::string display = join_display(parent.display, name);
  const std::string link_text = read_link_text(child);
  std::error_code ec;
  const std::string target = fs::canonical(child, ec).string();
  if (ec) {
    if (ec == std::errc::too_many_symbolic_link_levels) {
      note(core::Errc::kSkipped, display, "symlink loop (-> " + link_text + "); not followed");
    } else if (is_candidate_name(name) || is_candidate_name(link_text)) {
      // Named like an input but cannot be read: lost input.
      note(core::Errc::kIo, display,
           "cannot read: dangling symlink (-> " + link_text + "): " + ec.message());
    } else {
      note(core::Errc::kSkipped, display, "dangling symlink (-> " + link_text + "); skipped");
    }
    return;
  }
  if (!core::path_contains(root, target)) {
    note(core::Errc::kSkipped, display,
         "symlink points outside the scan root (-> " + link_text + "); not followed");
    return;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    note(core::Errc::kIo, display, "cannot stat symlink target: " + core::errno_text(errno));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    if (is_skipped_dir(name, parent.name)) return;
    const bool loop = core::path_contains(target, parent.fs_path);
    links.push_back(PendingLink{Dir{target, display, name}, loop});
  } else if (S_ISREG(st.st_mode)) {
    if (is_candidate_name(name) || is_candidate_name(target)) {
      add_candidate(DiscoveredFile{target, display, root}, st, true);
    }
  } else {
    note(core::Errc::kSkipped, display,
         std::string("symlink to ") + core::special_file_kind(st.st_mode) +
             "; skipped, never opened");
  }
}

void Walker::add_candidate(DiscoveredFile file, const struct stat& st, bool via_symlink) {
  const DevIno key = key_of(st);
  if (auto it = file_index_.find(key); it != file_index_.end()) {
    Candidate& kept = candidates_[it->second];
    if (kept.via_symlink && !via_symlink) {  // prefer the real path
      link_duplicates_.emplace_back(kept.file.display_path, file.display_path);
      kept = Candidate{std::move(file), false};
    } else if (via_symlink) {
      link_duplicates_.emplace_back(file.display_path, kept.file.display_path);
    }
    return;  // hard links and overlapping arguments: scanned once, silently
  }
  if (static_cast<std::uintmax_t>(st.st_size) > limits_.max_file_bytes) {
    note(core::Errc::kLimit, file.display_path,
         "file is " + std::to_string(st.st_size) + " bytes, over the limit of " +
             std::to_string(limits_.max_file_bytes) + " (max_file_bytes, --max-file-size)");
    return;
  }
  if (candidates_.size() >= limits_.max_files) {
    note(core::Errc::kLimit, file.display_path,
         "more than " + std::to_string(limits_.max_files) +
             " files to scan (limit max_files); this file and the rest were not scanned");
    stopped_ = true;
    return;
  }
  file_index_.emplace(key, candidates_.size());
  candidates_.push_back(Candidate{std::move(file), via_symlink});
}

void Walker::finish() {
  for (const auto& [link, kept] : link_duplicates_) {
    note(core::Errc::kSkipped, link, "symlink to a file already scanned as " + kept);
  }
  out_.files.reserve(candidates_.size());
  for (Candidate& c : candidates_) out_.files.push_back(std::move(c.file));
  std::sort(out_.files.begin(), out_.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) {
              if (a.display_path != b.display_path) return a.display_path < b.display_path;
              return a.fs_path < b.fs_path;
            });
}

}  // namespace

bool is_candidate_name(const std::string& name) noexcept { return parse::wanted_by_name(name); }

Discovery discover(const std::vector<std::string>& paths, const core::Limits& limits) {
  Discovery out;
  std::vector<std::string> roots = paths;
  if (roots.empty()) roots.emplace_back(".");
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  Walker walker(limits, out);
  for (const std::string& root : roots) walker.add_root(root);
  walker.finish();
  return out;
}

core::Result<std::string> read_discovered(const DiscoveredFile& file, const core::Limits& limits) {
  return read_input(file.fs_path, limits);
}

}  // namespace ecsguard::scan
