#pragma once
// Typed reading of the configuration's YAML nodes with located errors (config.cpp's helper; not
// part of the library's interface).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/config/config.h"
#include "ecsguard/core/error.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::config::detail {

// Configuration and accepted-risks files are small: anything bigger is a mistake.
inline constexpr std::size_t kMaxConfigBytes = 1U << 20U;

class Reader {
 public:
  Reader(std::string display, i18n::Lang lang) : display_(std::move(display)), lang_(lang) {}

  [[nodiscard]] const std::string& display() const noexcept { return display_; }
  // The YAML document (JSON is YAML too), under the configuration limits.
  core::Result<parse::Node> load(std::string_view text) const;
  // "display:line:column: <message in lang>" as a kUsage error.
  [[nodiscard]] core::Error error(const parse::Node& at, const i18n::Message& m) const;
  [[nodiscard]] std::string where(const parse::Node& at) const;

  core::Result<bool> string(std::string_view key, const parse::Node& v, std::string& out) const;
  // A list of strings, or one string (comma-separated values are split).
  core::Result<bool> strings(std::string_view key, const parse::Node& v,
                             std::vector<std::string>& out) const;
  core::Result<bool> severity_map(std::string_view key, const parse::Node& v,
                                  std::vector<std::pair<std::string, core::Severity>>& out) const;
  core::Result<bool> fail_on(std::string_view key, const parse::Node& v,
                             std::optional<std::string>& out) const;
  core::Result<bool> accepted_risks(const parse::Node& v, std::vector<AcceptedRisk>& out) const;

 private:
  core::Result<bool> accepted_risk(const parse::Node& v, std::vector<AcceptedRisk>& out) const;

  std::string display_;
  i18n::Lang lang_;
};

}  // namespace ecsguard::config::detail
