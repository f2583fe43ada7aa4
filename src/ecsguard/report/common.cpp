#include "ecsguard/engine/catalog.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

bool ReportData::layer_checked(core::Layer layer) const noexcept {
  if (scanned_nothing()) return false;
  for (const auto* c : checks_run) {
    const auto* e = engine::find_catalog_entry(c->id);
    if (e && e->layer == layer) return true;
  }
  return false;
}

std::size_t count_failing(const ReportData& data) { return data.verdict.failing; }

}  // namespace ecsguard::report
