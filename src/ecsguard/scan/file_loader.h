#pragma once
// The one way the scan reads input files: discovered files and the second files a frontend asks
// for (nested stack templates today; Terraform modules, templatefile, Docker build contexts next).
// Containment, limits and the symlink policy live here and nowhere else (docs/security.md):
// - a reference resolves relative to the folder of the file that makes it (or is absolute) and is
//   followed only when its canonical target lies inside the scan root or, when that root lies in
//   a git work tree, inside that work tree (found by walking up for `.git`, never by running git):
//   `examples/complete` with `source = "../../"` is how Terraform module repositories are laid
//   out. Never beyond, never through a symlink that leaves it (the canonical target decides).
// - a refused reference is an error value naming the resolved path (kSkipped), so the frontend
//   reports an unknown input with its path instead of a silent gap;
// - files are read O_NONBLOCK | O_NOFOLLOW, must be regular, at most limits.max_file_bytes.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/parse/frontend.h"

namespace ecsguard::scan {

// Where references from files under one scan root may lead.
struct Containment {
  std::string root;       // canonical scan root
  std::string work_tree;  // enclosing git work tree ("" when none)
  [[nodiscard]] bool allows(std::string_view canonical) const noexcept;
};

[[nodiscard]] Containment containment_for(const std::string& canonical_root);

// Reads one input file under the limits (see core::read_regular_file). The message does not
// repeat the path.
[[nodiscard]] core::Result<std::string> read_input(const std::string& fs_path,
                                                   const core::Limits& limits);

class ScanFileLoader final : public parse::FileLoader {
 public:
  ScanFileLoader(Containment containment, core::FileTable& files, const core::Limits& limits)
      : containment_(std::move(containment)), files_(files), limits_(limits) {}

  [[nodiscard]] core::Result<parse::LoadedFile> load(const std::string& from_fs_path,
                                                     const std::string& from_display,
                                                     std::string_view reference) override;
  [[nodiscard]] std::string resolve(const std::string& from_fs_path,
                                    std::string_view reference) const override;
  [[nodiscard]] std::vector<std::string> list_folder(
      const std::string& from_fs_path) const override;

 private:
  Containment containment_;
  core::FileTable& files_;
  core::Limits limits_;
};

}  // namespace ecsguard::scan
