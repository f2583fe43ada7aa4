#pragma once
// Suppressions written in the scanned files themselves (CONVENTIONS.md §3.2 items 1-2):
//   # ecsguard:skip=CTR-001[,CTR-002][:exp:YYYY-MM-DD]:reason   (YAML, Dockerfile, HCL comments)
//   Metadata: {ecsguard: {skip: [{id: CTR-001, comment: "...", expires: 2026-12-31}]}}  (CFN)
// A comment applies to the resource it sits in (or the one it directly precedes), or to the whole
// file outside any resource; resource Metadata to that resource, template Metadata to the file.
// A skip without a reason, or with a malformed expiry, is refused: it is reported and skips
// nothing. Nothing here reads another file.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/engine/finding.h"
#include "ecsguard/i18n/lang.h"

namespace ecsguard::policy {

struct SourceSkip {
  std::string file;              // display path of the file it is written in
  unsigned line = 0;             // where it is written
  std::vector<std::string> ids;  // check ids or globs, upper-cased
  std::string reason;
  std::string expires;        // YYYY-MM-DD or empty
  std::string source;         // "inline" or "metadata"
  std::string resource;       // the resource it applies to; empty with whole_file
  unsigned from = 0, to = 0;  // its line range in `file`
  bool whole_file = false;

  // Does this skip cover `f` (file, resource or line range, and id)?
  [[nodiscard]] bool covers(const engine::Finding& f) const;
};

struct FileSkips {
  std::vector<SourceSkip> skips;
  std::vector<engine::Diagnostic> refused;  // located notes: why a skip was not taken
};

// Cheap test first: false when the text cannot contain a skip (most files).
[[nodiscard]] bool may_contain_skips(std::string_view text) noexcept;

// The skips of one file's text, shown as `display`.
FileSkips collect_skips(std::string_view text, const std::string& display, i18n::Lang lang);

}  // namespace ecsguard::policy
