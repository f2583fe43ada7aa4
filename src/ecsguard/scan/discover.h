#pragma once
// File discovery: walks the given paths in sorted order, never follows a symlink out of the scan
// root nor around a loop, skips .git, node_modules, .terraform and cdk.out/asset.* folders, and
// special files (FIFOs, devices, sockets) with a note. Candidates are the files some frontend
// wants by name (parse/frontend.h); the format is then decided by content. Files are read and
// symlinks judged with scan/file_loader.h. Policy: docs/security.md.
#include <string>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"

namespace ecsguard::scan {

struct DiscoveredFile {
  std::string fs_path;       // path to open
  std::string display_path;  // as given, or relative to the scan root ("/" separators)
  std::string root;          // canonical scan root it was found under
};

struct Discovery {
  std::vector<DiscoveredFile> files;  // sorted, unique
  // Skipped or unreadable entries. Loc.file = 0; the path is in note_paths (the message does not
  // repeat it, so a reporter printing "path: message" shows it once).
  std::vector<core::Error> notes;
  std::vector<std::string> note_paths;  // the path each note is about (same index as notes)
  bool any_root_missing = false;
};

Discovery discover(const std::vector<std::string>& paths, const core::Limits& limits);

// Reads a discovered file without ever blocking or following a swapped-in link: the file is opened
// O_NONBLOCK | O_NOFOLLOW (fs_path is canonical, so its last component is never a symlink), must
// be a regular file (fstat), and may not exceed limits.max_file_bytes (kLimit, checked again while
// reading in case it grew since discovery). Errors: kIo (cannot open/read), kSkipped (no longer a
// regular file), kLimit (too large). The message does not repeat the path; Loc.file is 0.
core::Result<std::string> read_discovered(const DiscoveredFile& file, const core::Limits& limits);

// True when some frontend wants a file of this name (parse::wanted_by_name: today .json .yaml
// .yml .template, ASCII case-insensitive).
[[nodiscard]] bool is_candidate_name(const std::string& name) noexcept;

}  // namespace ecsguard::scan
