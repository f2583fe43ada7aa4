#pragma once
// Helpers shared by the registry-layer checks (header only: every .cpp in this folder is a check).
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/glob.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/model/ecr.h"

namespace ecsguard::checks::registry {

// Tri, tri_or and tri_and come from checks/common.h.

// ImageTagMutability values (case-sensitive).
inline constexpr std::string_view kMutabilityValues[] = {
    "MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"};

inline std::string repository_label(const model::Repository& r) {
  return r.repository_name.known() && !r.repository_name.value.empty() ? r.repository_name.value
                                                                       : r.id.name;
}

// Case-sensitive '*' wildcard match (ECR repository names and image tags are case-sensitive).
inline bool wildcard_match(std::string_view pattern, std::string_view s) noexcept {
  return core::glob_match(pattern, s);
}

// Does an ECR WILDCARD filter ('*' any run of characters) match the repository name? An unknown
// or generated name is matched only by "*".
inline Tri wildcard_filter_matches(const model::Str& filter, const model::Str& filter_type,
                                   const model::Str& repository_name) {
  if (filter_type.unknown() || filter.unknown()) return Tri::kUnknown;
  if (filter_type.known() && filter_type.value != "WILDCARD") return Tri::kNo;  // case-sensitive
  if (!filter.known()) return Tri::kNo;
  if (filter.value == "*") return Tri::kYes;
  if (!repository_name.known()) return Tri::kUnknown;
  return wildcard_match(filter.value, repository_name.value) ? Tri::kYes : Tri::kNo;
}

// The effective mutability of one tag in a repository (REG-003 semantics): IMMUTABLE protects
// every tag; IMMUTABLE_WITH_EXCLUSION all but the tags matching a filter; MUTABLE_WITH_EXCLUSION
// only the tags matching a filter; MUTABLE (the default) none.
inline Tri tag_is_immutable(const model::Repository& repo, std::string_view tag) {
  const auto& m = repo.image_tag_mutability;
  if (m.unknown()) return Tri::kUnknown;
  // Case-sensitive: an invalid value ("immutable") is rejected by ECR and protects nothing.
  const std::string mode = m.known() ? m.value : "MUTABLE";
  if (mode == "IMMUTABLE") return Tri::kYes;
  const bool immutable_except = mode == "IMMUTABLE_WITH_EXCLUSION";
  const bool mutable_except = mode == "MUTABLE_WITH_EXCLUSION";
  if (!immutable_except && !mutable_except) return Tri::kNo;
  Tri matches = Tri::kNo;
  for (const auto& ex : repo.mutability_exclusions) {
    if (ex.filter.unknown() || ex.filter_type.unknown()) {
      matches = tri_or(matches, Tri::kUnknown);
    } else if (ex.filter.known() &&
               (ex.filter_type.absent() || ex.filter_type.value == "WILDCARD")) {
      matches = tri_or(matches, wildcard_match(ex.filter.value, tag) ? Tri::kYes : Tri::kNo);
    }
  }
  if (matches == Tri::kUnknown) return Tri::kUnknown;
  const bool excluded = matches == Tri::kYes;
  return (immutable_except ? !excluded : excluded) ? Tri::kYes : Tri::kNo;
}

}  // namespace ecsguard::checks::registry
