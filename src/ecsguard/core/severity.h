#pragma once
// Severities, statuses and the layer model of ARCHITECTURE.md, with their stable spellings.
#include <optional>
#include <string_view>

namespace ecsguard::core {

enum class Severity : unsigned char { kInfo = 0, kLow = 1, kMedium = 2, kHigh = 3, kCritical = 4 };

// Upper-case spelling used in every output ("CRITICAL", "HIGH", ...).
std::string_view to_string(Severity s) noexcept;
// Case-insensitive parse of "critical|high|medium|low|info".
std::optional<Severity> parse_severity(std::string_view s) noexcept;

// The user-owned layers (the AWS-owned ones are never findings; reporters show them as AWS's).
enum class Layer : unsigned char {
  kIam,
  kNetwork,
  kRegistry,
  kImage,
  kContainer,
  kLogging,
  kRuntime,
};

// Lower-case name used in JSON ("iam", "network", "registry", "image", "container", "logging",
// "runtime").
std::string_view to_string(Layer l) noexcept;
// Human title used in tables ("IAM", "Network", ...).
std::string_view layer_title(Layer l) noexcept;
std::optional<Layer> parse_layer(std::string_view s) noexcept;
inline constexpr Layer kAllLayers[] = {Layer::kIam,    Layer::kNetwork,   Layer::kRegistry,
                                       Layer::kImage,  Layer::kContainer, Layer::kLogging,
                                       Layer::kRuntime};

// Result of one check on one subject. Pass is never reported by default.
enum class Status : unsigned char { kPass, kFail, kWarn, kUnknown };
std::string_view to_string(Status s) noexcept;

}  // namespace ecsguard::core
