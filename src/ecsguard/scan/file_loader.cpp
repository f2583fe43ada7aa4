#include "ecsguard/scan/file_loader.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ecsguard/core/file_io.h"
#include "ecsguard/core/path.h"

namespace ecsguard::scan {

namespace {

namespace fs = std::filesystem;

fs::path reference_path(const std::string& from_fs_path, std::string_view reference) {
  const fs::path ref{std::string(reference)};
  return ref.is_absolute() ? ref : fs::path(from_fs_path).parent_path() / ref;
}

std::string display_of(const std::string& from_display, std::string_view reference,
                       const std::string& canonical) {
  const fs::path ref{std::string(reference)};
  if (ref.is_absolute()) return canonical;
  return (fs::path(from_display).parent_path() / ref).lexically_normal().generic_string();
}

}  // namespace

bool Containment::allows(std::string_view canonical) const noexcept {
  return core::path_contains(root, canonical) || core::path_contains(work_tree, canonical);
}

Containment containment_for(const std::string& canonical_root) {
  return Containment{canonical_root, core::find_work_tree_root(canonical_root)};
}

core::Result<std::string> read_input(const std::string& fs_path, const core::Limits& limits) {
  return core::read_regular_file(fs_path, limits.max_file_bytes);
}

std::string ScanFileLoader::resolve(const std::string& from_fs_path,
                                    std::string_view reference) const {
  std::error_code ec;
  const fs::path canonical = fs::canonical(reference_path(from_fs_path, reference), ec);
  return ec ? std::string() : canonical.generic_string();
}

std::vector<std::string> ScanFileLoader::list_folder(const std::string& from_fs_path) const {
  std::vector<std::string> names;
  std::error_code ec;
  const fs::path folder = fs::canonical(fs::path(from_fs_path).parent_path(), ec);
  if (ec || !containment_.allows(folder.generic_string())) return names;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) {
      names.push_back(it->path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

core::Result<parse::LoadedFile> ScanFileLoader::load(const std::string& from_fs_path,
                                                     const std::string& from_display,
                                                     std::string_view reference) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(reference_path(from_fs_path, reference), ec);
  if (ec) return core::make_error(core::Errc::kIo, "not readable: " + ec.message());
  const std::string target = canonical.generic_string();
  if (!containment_.allows(target)) {
    return core::make_error(core::Errc::kSkipped,
                            "resolves to " + target + ", outside the scan root" +
                                (containment_.work_tree.empty() ? "" : " and its git work tree") +
                                "; not followed");
  }
  auto text = read_input(target, limits_);
  if (!text.ok()) return core::make_error(text.error().code, "not read: " + text.error().message);
  parse::LoadedFile out;
  out.text = std::move(text).value();
  out.fs_path = target;
  out.display = display_of(from_display, reference, target);
  out.file = files_.add(out.display, core::identity_path(target, containment_.root));
  return out;
}

}  // namespace ecsguard::scan
