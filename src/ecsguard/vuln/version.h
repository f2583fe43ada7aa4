#pragma once
// Package version ordering of the distributions whose packages the image layer reads.
//
// dpkg (Debian Policy 5.6.12): [epoch:]upstream_version[-debian_revision]. Epochs compare as
//   numbers (none = 0); upstream and revision compare in turns of a non-digit run (letters before
//   non-letters, '~' before everything, the end of the run included) and a digit run (numeric);
//   no revision equals revision "0".
// apk (apk-tools): digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]. Suffixes _alpha < _beta
//   < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p; a version that ends where the other
//   continues is greater unless the other continues with a pre-release suffix; digit groups with
//   a leading zero compare as strings. A malformed tail compares as apk-tools does (the well-formed
//   side wins at the first token that differs).
#include <string_view>

namespace ecsguard::vuln {

enum class Ecosystem : unsigned char { kDebian, kAlpine, kOther };

// <0, 0, >0 like strcmp.
int compare_dpkg(std::string_view a, std::string_view b) noexcept;
int compare_apk(std::string_view a, std::string_view b) noexcept;
// apk-tools' `apk version --check`.
bool valid_apk(std::string_view v) noexcept;
// A dpkg version Debian Policy allows (upstream starts with a digit; allowed characters).
bool valid_dpkg(std::string_view v) noexcept;

// The ordering of `eco`; kOther compares bytes.
int compare(Ecosystem eco, std::string_view a, std::string_view b) noexcept;

// "Debian:12" / "Debian" -> kDebian, "Alpine:v3.20" -> kAlpine (OSV ecosystem names).
Ecosystem ecosystem_of(std::string_view osv_ecosystem) noexcept;

}  // namespace ecsguard::vuln
