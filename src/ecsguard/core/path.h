#pragma once
// Path questions asked in more than one place, answered lexically on absolute canonical paths
// ('/' separators, no trailing '/', no "." or ".." parts). Nothing here resolves symlinks (callers
// canonicalise first), and nothing runs git: a work tree is found by looking for `.git`.
#include <string>
#include <string_view>

namespace ecsguard::core {

// `p` is `root` or lies below it; an empty `root` contains nothing. The one containment test for
// discovery and for files a frontend reads on behalf of another (nested stacks, modules).
[[nodiscard]] bool path_contains(std::string_view root, std::string_view p) noexcept;

// "/a//b/./c/../d/" -> "/a/b/d": "//", "." and ".." collapsed lexically, no trailing '/'; "/.." is
// "/". A relative path keeps its leading ".." parts and stays relative; "" and "." give ".". For
// paths inside containers and traced processes as well as on the scanning host.
[[nodiscard]] std::string lexically_normal(std::string_view path);

// `p` relative to `base` ("a/b.json"; "" when p == base); `p` when it is not below `base`.
[[nodiscard]] std::string relative_path(std::string_view base, std::string_view p);

// The nearest directory at or above `dir` holding a `.git` entry (a directory, or the file a
// worktree or submodule has); empty when there is none.
[[nodiscard]] std::string find_work_tree_root(std::string_view dir);

// What identifies a file across runs and machines: its path relative to the git work tree root
// when it lies in one, else relative to `scan_root` (the directory the scan was given, or the
// directory of a file given by name).
[[nodiscard]] std::string identity_path(std::string_view canonical_file,
                                        std::string_view scan_root);

}  // namespace ecsguard::core
