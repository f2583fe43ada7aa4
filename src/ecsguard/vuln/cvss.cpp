#include "ecsguard/vuln/cvss.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "ecsguard/core/strings.h"

namespace ecsguard::vuln {

namespace {

struct Metrics {
  double av = -1, ac = -1, ui = -1, c = -1, i = -1, a = -1;
  char pr = 0;
  char scope = 0;
};

double cia(char v) noexcept { return v == 'H' ? 0.56 : v == 'L' ? 0.22 : v == 'N' ? 0.0 : -1; }

// One "K:V" metric of the base group; false for an invalid value.
bool set_metric(Metrics& m, std::string_view key, std::string_view value) noexcept {
  if (value.size() != 1) return false;
  const char v = value.front();
  if (key == "AV") {
    m.av = v == 'N' ? 0.85 : v == 'A' ? 0.62 : v == 'L' ? 0.55 : v == 'P' ? 0.2 : -1;
    return m.av >= 0;
  }
  if (key == "AC") {
    m.ac = v == 'L' ? 0.77 : v == 'H' ? 0.44 : -1;
    return m.ac >= 0;
  }
  if (key == "PR") {
    m.pr = (v == 'N' || v == 'L' || v == 'H') ? v : '\0';
    return m.pr != 0;
  }
  if (key == "UI") {
    m.ui = v == 'N' ? 0.85 : v == 'R' ? 0.62 : -1;
    return m.ui >= 0;
  }
  if (key == "S") {
    m.scope = (v == 'U' || v == 'C') ? v : '\0';
    return m.scope != 0;
  }
  double* target = key == "C" ? &m.c : key == "I" ? &m.i : key == "A" ? &m.a : nullptr;
  if (target == nullptr) return true;  // temporal / environmental metrics: not part of the base
  *target = cia(v);
  return *target >= 0;
}

// CVSS v3.1 Roundup: the smallest number with one decimal >= x (robust to float error).
double roundup(double x) noexcept {
  const auto n = static_cast<std::int64_t>(std::llround(x * 100000.0));
  if (n % 10000 == 0) return static_cast<double>(n) / 100000.0;
  return (std::floor(static_cast<double>(n) / 10000.0) + 1.0) / 10.0;
}

}  // namespace

std::optional<core::Severity> severity_from_text(std::string_view text) noexcept {
  const std::string t = core::to_lower(core::trim(text));
  if (t == "important") return core::Severity::kHigh;
  if (t == "moderate") return core::Severity::kMedium;
  if (t == "unimportant" || t == "negligible") return core::Severity::kLow;
  if (t == "none") return core::Severity::kInfo;
  return core::parse_severity(t);
}

std::optional<double> cvss3_base_score(std::string_view vector) noexcept {
  if (!vector.starts_with("CVSS:3.0/") && !vector.starts_with("CVSS:3.1/")) return std::nullopt;
  Metrics m;
  std::string_view rest = vector.substr(9);
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    const std::size_t colon = part.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    if (!set_metric(m, part.substr(0, colon), part.substr(colon + 1))) return std::nullopt;
  }
  if (m.av < 0 || m.ac < 0 || m.ui < 0 || m.c < 0 || m.i < 0 || m.a < 0 || m.pr == 0 ||
      m.scope == 0) {
    return std::nullopt;
  }
  const bool changed = m.scope == 'C';
  const double pr = m.pr == 'N'   ? 0.85
                    : m.pr == 'L' ? (changed ? 0.68 : 0.62)
                                  : (changed ? 0.5 : 0.27);
  const double iss = 1.0 - (1.0 - m.c) * (1.0 - m.i) * (1.0 - m.a);
  const double impact =
      changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  const double exploitability = 8.22 * m.av * m.ac * pr * m.ui;
  if (impact <= 0) return 0.0;
  const double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
  return roundup(std::min(sum, 10.0));
}

core::Severity rating(double score) noexcept {
  if (score <= 0.0) return core::Severity::kInfo;
  if (score < 4.0) return core::Severity::kLow;
  if (score < 7.0) return core::Severity::kMedium;
  if (score < 9.0) return core::Severity::kHigh;
  return core::Severity::kCritical;
}

}  // namespace ecsguard::vuln
