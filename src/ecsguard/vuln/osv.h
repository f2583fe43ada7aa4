#pragma once
// OSV advisories (https://ossf.github.io/osv-schema/) as users download them: a directory of
// <ID>.json files (osv.dev's per-ecosystem all.zip, unpacked), read recursively. Only what the
// matcher needs is kept: id, aliases, summary, severity, and per affected package its ecosystem,
// name, ECOSYSTEM ranges (introduced / fixed / last_affected / limit events) and explicit versions.
//
// Severity, first found of: a CVSS v3 vector in `severity` (its base score, cvss.h), the
// advisory's or the affected package's `database_specific.severity`, Debian's
// `ecosystem_specific.urgency`; else unknown.
// Errors (one per file, located; the other files still load): unreadable file, not JSON, not an
// object, no `id`, a field of the wrong type; limits (files, bytes per file, affected entries,
// events) are errors too. Withdrawn advisories are skipped. Symlinks are not followed.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/vuln/cvss.h"

namespace ecsguard::vuln {

struct OsvLimits {
  std::size_t max_files = 1'000'000;      // files in the database directory
  std::size_t max_file_bytes = 8u << 20;  // one advisory
  std::uint32_t max_affected = 20'000;    // affected entries in one advisory
  std::uint32_t max_events = 20'000;      // range events in one affected entry
};

enum class EventType : unsigned char { kIntroduced, kFixed, kLastAffected, kLimit };

struct Event {
  EventType type = EventType::kIntroduced;
  std::string version;
};

struct Affected {
  std::string ecosystem;                   // "Debian:12", "Alpine:v3.20"
  std::string name;                        // Debian: the source package
  std::vector<std::vector<Event>> ranges;  // ECOSYSTEM ranges (SEMVER/GIT ranges are not kept)
  std::vector<std::string> versions;       // explicitly listed affected versions
  std::optional<core::Severity> severity;  // affected-level severity / urgency
};

struct Advisory {
  std::string id;
  std::vector<std::string> aliases;
  std::string summary;
  std::optional<core::Severity> severity;  // unknown: std::nullopt
  double score = -1;                       // CVSS base score when known
  std::vector<Affected> affected;
  bool withdrawn = false;  // `withdrawn` is set: the advisory no longer applies
  core::Loc loc;           // the document
};

// One OSV JSON document.
core::Result<Advisory> parse_osv(std::string_view text, core::FileId file,
                                 const OsvLimits& limits = {});

struct OsvLoad {
  std::vector<Advisory> advisories;
  std::vector<core::Error> errors;
  std::size_t files = 0;      // JSON files read
  std::size_t withdrawn = 0;  // skipped
};

// Every *.json file under `dir` (file ids from `files`). A missing directory is an error.
OsvLoad load_osv_dir(const std::filesystem::path& dir, core::FileTable& files,
                     const OsvLimits& limits = {});

}  // namespace ecsguard::vuln
