// Fuzz target: bytes -> vuln::parse_osv -> VulnDb matching, plus the version orderings the
// matcher relies on and the package database parsers (dpkg status, apk installed, os-release).
// Either a located error or an advisory whose every affected entry can be matched; dpkg and apk
// comparisons are antisymmetric and reflexive on any two strings taken from the input (split at its
// first newline), and on every event version against the others. A violation aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "ecsguard/vuln/matcher.h"
#include "ecsguard/vuln/osv.h"
#include "ecsguard/vuln/packages.h"
#include "ecsguard/vuln/version.h"

namespace {

using namespace ecsguard::vuln;

[[noreturn]] void violated(const char* what) {
  static_cast<void>(std::fprintf(stderr, "osv invariant violated: %s\n", what));
  std::abort();
}

int sign(int v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

void check_order(std::string_view a, std::string_view b) {
  for (const auto eco : {Ecosystem::kDebian, Ecosystem::kAlpine}) {
    if (compare(eco, a, a) != 0) violated("compare(a, a) != 0");
    if (sign(compare(eco, a, b)) != -sign(compare(eco, b, a))) violated("not antisymmetric");
  }
}

void check_advisory(const Advisory& adv) {
  if (adv.id.empty()) violated("advisory without id");
  if (adv.loc.file != 1) violated("advisory location");
  std::vector<std::string_view> versions;
  for (const auto& aff : adv.affected) {
    for (const auto& r : aff.ranges) {
      for (const auto& e : r) versions.push_back(e.version);
    }
  }
  for (std::size_t i = 0; i < versions.size() && i < 16; ++i) {
    for (std::size_t j = i + 1; j < versions.size() && j < 16; ++j) {
      check_order(versions[i], versions[j]);
    }
  }
  const VulnDb db({adv});
  for (const auto& aff : adv.affected) {
    for (std::string_view v : {"0", "1.0", "1.0-r1", "1:2.3-4~deb12u1"}) {
      for (const auto& m : db.match({aff.ecosystem, aff.name, "", std::string(v)})) {
        if (m.advisory == nullptr || m.affected == nullptr) violated("match without advisory");
        if (m.fixable() && compare(ecosystem_of(aff.ecosystem), m.fixed, v) <= 0) {
          violated("fixed version not above the installed one");
        }
      }
    }
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = text.find('\n');
  check_order(text.substr(0, nl), nl == std::string_view::npos ? "" : text.substr(nl + 1, 256));
  // The same bytes as package databases and os-release: every package has a name and version.
  for (const auto& list : {parse_dpkg_status(text, "Debian:12", 1000),
                           parse_apk_installed(text, "Alpine:v3.20", 1000)}) {
    if (list.packages.size() > 1000) violated("package limit");
    for (const auto& p : list.packages) {
      if (p.name.empty() || p.version.empty()) violated("package without name or version");
    }
  }
  static_cast<void>(ecosystem_from_os_release(text));
  OsvLimits limits;
  limits.max_file_bytes = 256u << 10;
  limits.max_affected = 256;
  limits.max_events = 256;
  auto r = parse_osv(text, 1, limits);
  if (!r.ok()) {
    if (r.error().message.empty() || r.error().where.file != 1) violated("error without location");
    return 0;
  }
  check_advisory(r.value());
  return 0;
}
