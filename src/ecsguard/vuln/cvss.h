#pragma once
// CVSS v3.0 / v3.1 base score from a vector string
// ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), as the FIRST specification defines it, and the
// qualitative rating of a score.
// Severities are the project's (core::Severity); CVSS "None" is kInfo, an unknown one nullopt.
#include <optional>
#include <string_view>

#include "ecsguard/core/severity.h"

namespace ecsguard::vuln {

// "critical" / "HIGH" / "moderate" (GitHub) / Debian urgencies ("high", "medium", "low",
// "unimportant") -> a severity; anything else std::nullopt.
std::optional<core::Severity> severity_from_text(std::string_view text) noexcept;

// The base score, or std::nullopt when the vector is not a complete CVSS 3.x base vector.
std::optional<double> cvss3_base_score(std::string_view vector) noexcept;
// None 0.0 (kInfo), Low 0.1-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0.
core::Severity rating(double score) noexcept;

}  // namespace ecsguard::vuln
