#include "ecsguard/vuln/matcher.h"

#include <algorithm>
#include <utility>

#include "ecsguard/core/strings.h"

namespace ecsguard::vuln {

namespace {

std::string key(std::string_view ecosystem, std::string_view name) {
  std::string k = core::to_lower(ecosystem);
  k.push_back('\0');
  k.append(name);
  return k;
}

}  // namespace

std::string osv_ecosystem(std::string_view os_id, std::string_view version_id) {
  const std::string id = core::to_lower(core::trim(os_id));
  const std::string_view v = core::trim(version_id);
  if (v.empty()) return {};
  if (id == "debian") return "Debian:" + std::string(v.substr(0, v.find('.')));
  if (id == "alpine") {
    const std::size_t first = v.find('.');
    const std::size_t second = first == std::string_view::npos ? first : v.find('.', first + 1);
    return "Alpine:v" + std::string(v.substr(0, second));
  }
  return {};
}

bool in_range(Ecosystem eco, const std::vector<Event>& events, std::string_view version,
              std::string& fixed) {
  std::vector<const Event*> sorted;
  sorted.reserve(events.size());
  for (const auto& e : events) sorted.push_back(&e);
  // "0" (introduced at the beginning) sorts before every version.
  const auto less = [eco](const Event* a, const Event* b) {
    const bool za = a->type == EventType::kIntroduced && a->version == "0";
    const bool zb = b->type == EventType::kIntroduced && b->version == "0";
    if (za || zb) return za && !zb;
    return compare(eco, a->version, b->version) < 0;
  };
  std::stable_sort(sorted.begin(), sorted.end(), less);
  bool affected = false;
  fixed.clear();
  for (const Event* e : sorted) {
    const bool zero = e->type == EventType::kIntroduced && e->version == "0";
    const int c = zero ? 1 : compare(eco, version, e->version);  // version vs event
    switch (e->type) {
      case EventType::kIntroduced:
        if (c >= 0) affected = true;
        break;
      case EventType::kFixed:
      case EventType::kLimit:
        if (c >= 0) {
          affected = false;
        } else if (affected && e->type == EventType::kFixed && fixed.empty()) {
          fixed = e->version;
        }
        break;
      case EventType::kLastAffected:
        if (c > 0) affected = false;
        break;
    }
    if (c < 0 && !affected) break;  // every later event lies above the version
  }
  if (!affected) fixed.clear();
  return affected;
}

VulnDb::VulnDb(std::vector<Advisory> advisories) : advisories_(std::move(advisories)) {
  for (std::size_t a = 0; a < advisories_.size(); ++a) {
    const auto& affected = advisories_[a].affected;
    for (std::size_t i = 0; i < affected.size(); ++i) {
      index_[key(affected[i].ecosystem, affected[i].name)].emplace_back(a, i);
    }
  }
}

std::vector<VulnMatch> VulnDb::match(const InstalledPackage& pkg) const {
  std::vector<VulnMatch> out;
  const Ecosystem eco = ecosystem_of(pkg.ecosystem);
  const std::string& name = pkg.source.empty() ? pkg.name : pkg.source;
  const auto it = index_.find(key(pkg.ecosystem, name));
  if (it == index_.end()) return out;
  for (const auto& [a, i] : it->second) {
    const Advisory& adv = advisories_[a];
    const Affected& aff = adv.affected[i];
    VulnMatch m;
    bool hit = std::any_of(aff.versions.begin(), aff.versions.end(),
                           [&](const std::string& v) { return compare(eco, v, pkg.version) == 0; });
    for (const auto& r : aff.ranges) {
      std::string fixed;
      if (in_range(eco, r, pkg.version, fixed)) {
        hit = true;
        if (!fixed.empty() && (m.fixed.empty() || compare(eco, fixed, m.fixed) < 0))
          m.fixed = fixed;
      }
    }
    if (!hit) continue;
    m.advisory = &adv;
    m.affected = &aff;
    m.severity = aff.severity ? aff.severity : adv.severity;
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const VulnMatch& x, const VulnMatch& y) { return x.advisory->id < y.advisory->id; });
  return out;
}

}  // namespace ecsguard::vuln
