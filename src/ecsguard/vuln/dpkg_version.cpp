// dpkg version comparison (Debian Policy 5.6.12), written from the policy text.
#include <algorithm>
#include <cstdint>

#include "ecsguard/vuln/version.h"

namespace ecsguard::vuln {

namespace {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Sort weight of one character of a non-digit run; `end` is past the run.
int weight(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || is_digit(s[i])) return 0;  // the end of the run
  const char c = s[i];
  if (c == '~') return -1;
  if (is_alpha(c)) return static_cast<unsigned char>(c);
  return static_cast<unsigned char>(c) + 256;
}

// Upstream version or revision.
int compare_part(std::string_view a, std::string_view b) noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    // Non-digit run, character by character.
    while ((i < a.size() && !is_digit(a[i])) || (j < b.size() && !is_digit(b[j]))) {
      const int wa = weight(a, i);
      const int wb = weight(b, j);
      if (wa != wb) return wa - wb;
      if (i < a.size() && !is_digit(a[i])) ++i;
      if (j < b.size() && !is_digit(b[j])) ++j;
    }
    // Digit run, numerically: skip leading zeros, then the longer run is larger.
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    int first_diff = 0;
    while (i < a.size() && is_digit(a[i]) && j < b.size() && is_digit(b[j])) {
      if (first_diff == 0) first_diff = a[i] - b[j];
      ++i;
      ++j;
    }
    if (i < a.size() && is_digit(a[i])) return 1;
    if (j < b.size() && is_digit(b[j])) return -1;
    if (first_diff != 0) return first_diff;
  }
  return 0;
}

struct Dpkg {
  std::uint64_t epoch = 0;
  std::string_view upstream;
  std::string_view revision;
};

Dpkg split(std::string_view v) noexcept {
  Dpkg d;
  const std::size_t colon = v.find(':');
  if (colon != std::string_view::npos &&
      std::all_of(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(colon), is_digit)) {
    for (std::size_t k = 0; k < colon && k < 19; ++k) {
      d.epoch = d.epoch * 10 + static_cast<std::uint64_t>(v[k] - '0');
    }
    v.remove_prefix(colon + 1);
  }
  const std::size_t dash = v.rfind('-');
  d.upstream = dash == std::string_view::npos ? v : v.substr(0, dash);
  d.revision = dash == std::string_view::npos ? std::string_view() : v.substr(dash + 1);
  return d;
}

}  // namespace

int compare_dpkg(std::string_view a, std::string_view b) noexcept {
  const Dpkg x = split(a);
  const Dpkg y = split(b);
  if (x.epoch != y.epoch) return x.epoch < y.epoch ? -1 : 1;
  const int up = compare_part(x.upstream, y.upstream);
  if (up != 0) return up < 0 ? -1 : 1;
  const int rev = compare_part(x.revision, y.revision);
  return rev < 0 ? -1 : (rev > 0 ? 1 : 0);
}

bool valid_dpkg(std::string_view v) noexcept {
  const Dpkg d = split(v);
  if (d.upstream.empty() || !is_digit(d.upstream.front())) return false;
  const auto ok = [](std::string_view s, bool upstream) {
    return std::all_of(s.begin(), s.end(), [&](char c) {
      return is_digit(c) || is_alpha(c) || c == '.' || c == '+' || c == '~' ||
             (upstream && (c == '-' || c == ':'));
    });
  };
  const std::size_t colon = v.find(':');
  const bool has_epoch = colon != std::string_view::npos;
  if (has_epoch && colon == 0) return false;
  return ok(d.upstream, true) && ok(d.revision, false) &&
         (d.upstream.find(':') == std::string_view::npos);
}

}  // namespace ecsguard::vuln
