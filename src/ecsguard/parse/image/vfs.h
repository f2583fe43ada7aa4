#pragma once
// The merged filesystem of an image's layers, as metadata (and a few kept contents). Paths are
// normalised: relative to the root, no leading '/' or "./", no empty or "." components, never
// "..". Applying a layer entry replaces what lower layers had at that path (a directory keeps its
// children, anything else replacing a directory removes them); a whiteout removes a path and its
// children; an opaque whiteout removes a directory's children from lower layers.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::parse::image {

enum class FileType : unsigned char { kRegular, kDirectory, kSymlink, kHardlink, kOther };

struct VfsEntry {
  FileType type = FileType::kRegular;
  std::uint32_t mode = 0;  // permission and setuid/setgid/sticky bits
  std::uint32_t uid = 0, gid = 0;
  std::uint64_t size = 0;
  std::string link;         // symlink target as written; hard link: the normalised target path
  std::uint32_t layer = 0;  // 1-based layer that wrote it
  std::optional<std::string> content;
};

// "a/./b//c" -> "a/b/c"; "/etc" -> "etc" (absolute set); std::nullopt when ".." would leave the
// root.
std::optional<std::string> normalize(std::string_view path, bool* absolute = nullptr);

class Vfs {
 public:
  void put(const std::string& path, VfsEntry e, std::uint32_t layer);
  // Removes `path` and everything under it; false when nothing was there.
  bool remove(const std::string& path);
  // Removes the children of `dir` written by layers below `layer` (opaque whiteout).
  void clear_below(const std::string& dir, std::uint32_t layer);

  [[nodiscard]] const VfsEntry* find(std::string_view path) const;
  [[nodiscard]] const std::map<std::string, VfsEntry, std::less<>>& entries() const noexcept {
    return entries_;
  }
  [[nodiscard]] std::size_t kept_bytes() const noexcept { return kept_bytes_; }
  void add_kept(std::size_t n) noexcept { kept_bytes_ += n; }

 private:
  std::map<std::string, VfsEntry, std::less<>> entries_;
  std::size_t kept_bytes_ = 0;
};

}  // namespace ecsguard::parse::image
