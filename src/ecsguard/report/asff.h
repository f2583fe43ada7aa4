#pragma once
// The previous run's ASFF report (--asff-previous), read so that findings which disappeared are
// re-imported as RecordState ARCHIVED (the Prowler way, CONVENTIONS.md §2.3) and findings still
// present keep their first CreatedAt. Only ecsguard's own findings (GeneratorId "ecsguard/...")
// are taken; anything else in the file is left alone.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/i18n/lang.h"

namespace ecsguard::report {

struct PreviousAsffFinding {
  std::string id;          // the finding's Id (ecsguard/iac/<check>/<account>/<region>/<fp>)
  std::string created_at;  // its CreatedAt
  bool archived = false;   // RecordState was already ARCHIVED (not re-emitted again)
  // The finding's members but RecordState, UpdatedAt and Compliance, as compact JSON without the
  // braces ("\"SchemaVersion\":\"2018-10-08\",...").
  std::string members;
};

struct PreviousAsff {
  std::vector<PreviousAsffFinding> findings;           // in file order
  std::unordered_map<std::string, std::size_t> by_id;  // Id -> index in findings (last wins)
  // The finding with this Id, or null.
  [[nodiscard]] const PreviousAsffFinding* find(const std::string& id) const noexcept;
};

// Parses an ASFF report (a bare array or {"Findings": [...]}), at most `limits.max_file_bytes`
// bytes, nesting at most `limits.max_depth`. Errors name the file and line, in `lang`.
core::Result<PreviousAsff> parse_previous_asff(std::string_view text, std::string_view file,
                                               const core::Limits& limits,
                                               i18n::Lang lang = i18n::Lang::kEn);
// Reads and parses `path`.
core::Result<PreviousAsff> read_previous_asff(const std::string& path, const core::Limits& limits,
                                              i18n::Lang lang = i18n::Lang::kEn);

// The archived form of a previous finding: RecordState ARCHIVED, UpdatedAt `now`, compliance
// PASSED (the misconfiguration is gone), compact JSON.
std::string archived_asff_finding(const PreviousAsffFinding& previous, std::string_view now);

// Checks what --format asff needs before a scan starts: a 12-digit account and a region. Returns
// the message of what is missing, or "" when both are fine.
std::string asff_options_problem(std::string_view account, std::string_view region,
                                 i18n::Lang lang);

}  // namespace ecsguard::report
