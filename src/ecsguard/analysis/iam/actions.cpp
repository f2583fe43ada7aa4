#include "ecsguard/analysis/iam/actions.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "ecsguard/core/glob.h"
#include "ecsguard/core/strings.h"

namespace ecsguard::analysis::iam {

namespace {

// Plain pointers, not string_views: a constexpr string_view over 540 KB of literals makes
// clang measure every literal at compile time and exceed its constexpr step limit.
struct ServiceActions {
  const char* service;
  const char* actions;  // "Name/<level><+|-> Name/..." (tools/gen_iam_data.py)
};

#include "ecsguard/analysis/iam/actions_data.inc"

constexpr core::GlobOptions kGlob{.ignore_case = true, .question_mark = true};

AccessLevel level_of(char c) noexcept {
  switch (c) {
    case 'L':
      return AccessLevel::kList;
    case 'W':
      return AccessLevel::kWrite;
    case 'T':
      return AccessLevel::kTagging;
    case 'P':
      return AccessLevel::kPermissionsManagement;
    default:
      return AccessLevel::kRead;
  }
}

// Calls `f` for each action of one service row.
template <class F>
void each_action(const ServiceActions& s, F&& f) {
  std::string_view rest(s.actions);
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    const std::string_view item = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    const auto slash = item.find('/');
    if (slash == std::string_view::npos || slash + 2 >= item.size()) continue;
    f(Action{.service = s.service,
             .name = item.substr(0, slash),
             .level = level_of(item[slash + 1]),
             .resource_level = item[slash + 2] == '+'});
  }
}

// Service prefixes are lower case in the data, sorted by byte.
const ServiceActions* service_row(std::string_view service) {
  const std::string key = core::to_lower(service);
  const auto* end = std::end(kServices);
  const auto* it = std::lower_bound(std::begin(kServices), end, key,
                                    [](const ServiceActions& row, const std::string& k) {
                                      return std::string_view(row.service) < k;
                                    });
  if (it == end || std::string_view(it->service) != key) return nullptr;
  return it;
}

}  // namespace

std::optional<Action> find_action(std::string_view full_name) {
  const auto colon = full_name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const ServiceActions* row = service_row(full_name.substr(0, colon));
  if (row == nullptr) return std::nullopt;
  const std::string_view name = full_name.substr(colon + 1);
  std::optional<Action> found;
  each_action(*row, [&](const Action& a) {
    if (!found && core::iequals(a.name, name)) found = a;
  });
  return found;
}

bool known_service(std::string_view service) { return service_row(service) != nullptr; }

std::size_t for_each_match(std::string_view pattern, const std::function<void(const Action&)>& f) {
  const auto colon = pattern.find(':');
  const std::string_view service_pattern =
      colon == std::string_view::npos ? pattern : pattern.substr(0, colon);
  const std::string_view name_pattern =
      colon == std::string_view::npos ? std::string_view("*") : pattern.substr(colon + 1);
  std::size_t n = 0;
  for (const auto& row : kServices) {
    if (!core::glob_match(service_pattern, row.service, kGlob)) continue;
    each_action(row, [&](const Action& a) {
      if (!core::glob_match(name_pattern, a.name, kGlob)) return;
      ++n;
      f(a);
    });
  }
  return n;
}

std::string_view data_version() noexcept { return kIamDataVersion; }
std::size_t action_count() noexcept { return kIamActionCount; }

}  // namespace ecsguard::analysis::iam
