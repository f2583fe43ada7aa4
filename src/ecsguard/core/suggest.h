#pragma once
// "Did you mean": the closest known word to a mistyped one (git's help.autocorrect idea).
#include <optional>
#include <span>
#include <string_view>

namespace ecsguard::core {

// Edit distance (insert, delete, substitute, swap of neighbours), ASCII case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `typed` when it is close enough to be a typo (at most 2 edits, and
// fewer than half the letters), else nullopt.
std::optional<std::string_view> closest(std::string_view typed,
                                        std::span<const std::string_view> candidates);

}  // namespace ecsguard::core
