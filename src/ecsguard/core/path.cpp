#include "ecsguard/core/path.h"

#include <sys/stat.h>

#include <vector>

namespace ecsguard::core {

bool path_contains(std::string_view root, std::string_view p) noexcept {
  if (root.empty()) return false;  // no root contains nothing (an absent work tree)
  if (root == "/") return !p.empty() && p.front() == '/';
  return p == root ||
         (p.size() > root.size() && p.substr(0, root.size()) == root && p[root.size()] == '/');
}

std::string lexically_normal(std::string_view path) {
  const bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    const std::string_view part = path.substr(i, j - i);
    i = j;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  out.reserve(path.size());
  for (auto part : parts) {
    if (absolute || !out.empty()) out += '/';
    out.append(part);
  }
  if (out.empty()) return absolute ? "/" : ".";
  return out;
}

std::string relative_path(std::string_view base, std::string_view p) {
  if (!path_contains(base, p)) return std::string(p);
  if (p.size() == base.size()) return {};
  return std::string(p.substr(base == "/" ? 1 : base.size() + 1));
}

std::string find_work_tree_root(std::string_view dir) {
  std::string d(dir);
  while (!d.empty()) {
    struct stat st {};
    const std::string git = (d == "/" ? std::string() : d) + "/.git";
    if (::lstat(git.c_str(), &st) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode))) return d;
    if (d == "/") break;
    const auto slash = d.find_last_of('/');
    if (slash == std::string::npos) break;
    d.resize(slash == 0 ? 1 : slash);
  }
  return {};
}

std::string identity_path(std::string_view canonical_file, std::string_view scan_root) {
  const auto slash = canonical_file.find_last_of('/');
  const std::string dir(slash == std::string_view::npos ? std::string_view(".")
                        : slash == 0                    ? std::string_view("/")
                                                        : canonical_file.substr(0, slash));
  const std::string tree = find_work_tree_root(dir);
  if (!tree.empty()) return relative_path(tree, canonical_file);
  return relative_path(scan_root, canonical_file);
}

}  // namespace ecsguard::core
