#pragma once
// Installed OS packages from an image's package databases, ready for VulnDb::match:
//   dpkg  /var/lib/dpkg/status (and distroless' status.d/ files): stanzas "Package:", "Status:"
//         (only "install ok installed"), "Version:", "Source: name [(version)]" — the source
//         package and, when given, its version are what Debian advisories name;
//   apk   /lib/apk/db/installed: records "P:" name, "V:" version, "o:" origin (source package);
//   os-release: ID and VERSION_ID -> the OSV ecosystem (matcher.h osv_ecosystem()).
// Continuation lines (starting with a space) and unknown fields are skipped; a record without a
// name or version is skipped; at most `max_packages` records are read (`truncated` then).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/vuln/matcher.h"

namespace ecsguard::vuln {

struct PackageList {
  std::vector<InstalledPackage> packages;
  bool truncated = false;
};

PackageList parse_dpkg_status(std::string_view text, std::string_view ecosystem,
                              std::size_t max_packages = 100'000);
PackageList parse_apk_installed(std::string_view text, std::string_view ecosystem,
                                std::size_t max_packages = 100'000);

// The OSV ecosystem an os-release file names ("" when unsupported or absent). Values may be
// quoted ("12", '3.20.3').
std::string ecosystem_from_os_release(std::string_view text);

}  // namespace ecsguard::vuln
