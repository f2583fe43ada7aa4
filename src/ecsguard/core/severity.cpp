#include "ecsguard/core/severity.h"

#include "ecsguard/core/strings.h"

namespace ecsguard::core {

std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::kInfo:
      return "INFO";
    case Severity::kLow:
      return "LOW";
    case Severity::kMedium:
      return "MEDIUM";
    case Severity::kHigh:
      return "HIGH";
    case Severity::kCritical:
      return "CRITICAL";
  }
  return "INFO";
}

std::optional<Severity> parse_severity(std::string_view s) noexcept {
  for (auto sev :
       {Severity::kInfo, Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kCritical}) {
    if (iequals(s, to_string(sev))) return sev;
  }
  return std::nullopt;
}

std::string_view to_string(Layer l) noexcept {
  switch (l) {
    case Layer::kIam:
      return "iam";
    case Layer::kNetwork:
      return "network";
    case Layer::kRegistry:
      return "registry";
    case Layer::kImage:
      return "image";
    case Layer::kContainer:
      return "container";
    case Layer::kLogging:
      return "logging";
    case Layer::kRuntime:
      return "runtime";
  }
  return "container";
}

std::string_view layer_title(Layer l) noexcept {
  switch (l) {
    case Layer::kIam:
      return "IAM";
    case Layer::kNetwork:
      return "Network";
    case Layer::kRegistry:
      return "Registry";
    case Layer::kImage:
      return "Image";
    case Layer::kContainer:
      return "Container";
    case Layer::kLogging:
      return "Logging & detection";
    case Layer::kRuntime:
      return "Runtime";
  }
  return "Container";
}

std::optional<Layer> parse_layer(std::string_view s) noexcept {
  for (auto l : kAllLayers) {
    if (iequals(s, to_string(l))) return l;
  }
  if (iequals(s, "net")) return Layer::kNetwork;
  if (iequals(s, "reg")) return Layer::kRegistry;
  if (iequals(s, "img")) return Layer::kImage;
  if (iequals(s, "ctr")) return Layer::kContainer;
  if (iequals(s, "log")) return Layer::kLogging;
  if (iequals(s, "run")) return Layer::kRuntime;
  return std::nullopt;
}

std::string_view to_string(Status s) noexcept {
  switch (s) {
    case Status::kPass:
      return "pass";
    case Status::kFail:
      return "fail";
    case Status::kWarn:
      return "warn";
    case Status::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace ecsguard::core
