#pragma once
#include <string_view>

namespace ecsguard::core {
inline constexpr std::string_view kVersion = "0.1.0";
inline constexpr std::string_view kToolName = "ecsguard";
}  // namespace ecsguard::core
