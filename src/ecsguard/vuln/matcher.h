#pragma once
// Installed packages against OSV advisories: the package's ecosystem ("Debian:12",
// "Alpine:v3.20") and name (for Debian, the source package when the binary's differs) select the
// advisories; the installed version is then placed in each ECOSYSTEM range with the ecosystem's
// own ordering (version.h), as the OSV schema's evaluation algorithm describes: events sorted by
// version, `introduced` opens, `fixed` and `limit` close before their version, `last_affected`
// closes after it. An explicitly listed version is affected too.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ecsguard/vuln/osv.h"
#include "ecsguard/vuln/version.h"

namespace ecsguard::vuln {

struct InstalledPackage {
  std::string ecosystem;  // OSV ecosystem, see osv_ecosystem()
  std::string name;       // binary package
  std::string source;     // Debian source package ("" = same as name)
  std::string version;
};

struct VulnMatch {
  const Advisory* advisory = nullptr;
  const Affected* affected = nullptr;
  std::string fixed;  // the lowest fixed version above the installed one, "" when none
  std::optional<core::Severity> severity;  // affected-level, else the advisory's

  [[nodiscard]] bool fixable() const noexcept { return !fixed.empty(); }
};

// The OSV ecosystem of an OS release: ("debian", "12") -> "Debian:12", ("alpine", "3.20.3") ->
// "Alpine:v3.20"; "" for others.
std::string osv_ecosystem(std::string_view os_id, std::string_view version_id);

class VulnDb {
 public:
  explicit VulnDb(std::vector<Advisory> advisories);

  // The advisories affecting `pkg`, by advisory id.
  [[nodiscard]] std::vector<VulnMatch> match(const InstalledPackage& pkg) const;
  [[nodiscard]] std::size_t size() const noexcept { return advisories_.size(); }

 private:
  std::vector<Advisory> advisories_;
  // "ecosystem\0name" (ecosystem lower case) -> (advisory, affected) indices
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> index_;
};

// Is `version` inside the range `events` (ecosystem ordering of `eco`)? `fixed` receives the
// fixed version closing the interval that contains it, if any.
bool in_range(Ecosystem eco, const std::vector<Event>& events, std::string_view version,
              std::string& fixed);

}  // namespace ecsguard::vuln
