#pragma once
// Helpers shared by the container-layer checks (CTR-*). Header-only: every .cpp listed in
// ecsguard_add_checks() is a check, so helpers cannot live in a .cpp of this folder. Launch
// compatibility, links between resources and exposure are analysis/ questions
// (ctx.analysis(), ctx.links()), not helpers here.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/path.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/model/partial_str.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks::container {

// "/var/log//amazon/" -> "/var/log/amazon", "/var/run/../lib/docker" -> "/var/lib/docker"
// (core::lexically_normal of the trimmed path); "" stays "".
inline std::string normalize_path(std::string_view p) {
  p = core::trim(p);
  return p.empty() ? std::string() : core::lexically_normal(p);
}

// A mount at `mount` makes `path` writable: same directory or a parent of it.
inline bool path_covers(std::string_view mount, std::string_view path) {
  const std::string m = normalize_path(mount);
  const std::string p = normalize_path(path);
  if (m.empty() || p.empty()) return false;
  if (m == "/") return p.front() == '/';
  return p == m || (p.size() > m.size() && p.compare(0, m.size(), m) == 0 && p[m.size()] == '/');
}

// Text of a partially known string with the unknown segments dropped ("" when absent).
inline std::string known_text(const model::Str& s) {
  return s.absent() ? std::string() : model::partial::known_text(s.value);
}

// Glob match against any of `patterns`.
inline bool matches_any(const std::vector<std::string>& patterns, std::string_view s) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return glob_match(p, s); });
}

}  // namespace ecsguard::checks::container
