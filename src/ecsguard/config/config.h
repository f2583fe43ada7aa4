#pragma once
// `.ecsguard.yaml`: a project's policy settings (CONVENTIONS.md §3.2 item 5). Keys are the long
// flag names (Checkov, Trivy and KICS do the same), so a setting reads the same in the file and on
// the command line. Every error is located (file:line:column); an unknown key is refused with the
// closest known key. The file is data only: nothing in it is executed, fetched or followed.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/severity.h"
#include "ecsguard/i18n/lang.h"

namespace ecsguard::config {

// One accepted risk: "we know, we accept it until `expires`" (the talk's risks to accept). Every
// field but `file` is required; an acceptance without a reason or an owner is refused.
struct AcceptedRisk {
  std::string check;     // check id or glob ("CTR-001", "CTR-*")
  std::string resource;  // glob on the logical id / family / address, "name/container" or cdk path
  std::string file;      // optional glob on the file's display path
  std::string owner;
  std::string reason;
  std::string expires;      // YYYY-MM-DD
  std::string source_file;  // where the entry is written, for messages
  unsigned line = 0;
};

struct Config {
  std::string path;                      // where it was read from; empty = built-in defaults
  std::vector<std::string> checks;       // --check: ids, globs or severities
  std::vector<std::string> skip_checks;  // --skip-check: ids, globs or severities
  std::vector<std::pair<std::string, core::Severity>> severity_overrides;  // id/glob -> severity
  std::optional<std::string> fail_on;
  std::optional<std::vector<std::string>> approved_registries;
  std::optional<std::vector<std::string>> trusted_accounts;
  std::optional<std::vector<std::string>> own_accounts;
  std::optional<std::vector<std::string>> writable_paths;
  std::optional<std::vector<std::string>> secret_name_allowlist;
  std::vector<AcceptedRisk> accepted_risks;
  std::string baseline;  // resolved against the folder of the file that names it
};

// YYYY-MM-DD with a real month and day (the expiry of acceptances and skips).
[[nodiscard]] bool is_date(std::string_view s) noexcept;

// The keys `.ecsguard.yaml` knows, in documentation order.
std::span<const std::string_view> known_keys() noexcept;

// Parses the text of a configuration file shown as `display_path`. Errors are kUsage with the
// message "display_path:line:column: ..." in `lang`.
core::Result<Config> parse_config(std::string_view text, const std::string& display_path,
                                  i18n::Lang lang);
// Reads and parses `path` (a missing or unreadable file is an error).
core::Result<Config> load_config(const std::string& path, i18n::Lang lang);

// An accepted-risks file: a YAML document `accepted-risks: [...]` (the same entries as the key of
// `.ecsguard.yaml`).
core::Result<std::vector<AcceptedRisk>> load_accepted_risks(const std::string& path,
                                                            i18n::Lang lang);

// Discovery (Checkov's order): `.ecsguard.yaml` or `.ecsguard.yml` in the first scanned directory
// (the folder of the first scanned file), then in the working directory, then in $HOME. nullopt
// when there is none.
std::optional<std::string> find_config(std::span<const std::string> scan_paths);

}  // namespace ecsguard::config
