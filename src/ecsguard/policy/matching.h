#pragma once
// How policy entries name checks: an id ("CTR-001"), a glob ("CTR-*"), or a severity. Checkov's
// semantics for severities: `--check HIGH` selects HIGH and above, `--skip-check MEDIUM` skips
// MEDIUM and below.
#include <string_view>

#include "ecsguard/core/severity.h"

namespace ecsguard::policy {

// Id or glob, ASCII case-insensitive.
[[nodiscard]] bool id_matches(std::string_view pattern, std::string_view id) noexcept;

// For --check: the id/glob matches, or the pattern is a severity and `sev` is at or above it.
[[nodiscard]] bool selects(std::string_view pattern, std::string_view id,
                           core::Severity sev) noexcept;
// For --skip-check: the id/glob matches, or the pattern is a severity and `sev` is at or below it.
[[nodiscard]] bool skips(std::string_view pattern, std::string_view id,
                         core::Severity sev) noexcept;

// A pattern that can match something: a severity, a glob, or the id of a catalogued check.
[[nodiscard]] bool is_valid_pattern(std::string_view pattern) noexcept;

}  // namespace ecsguard::policy
