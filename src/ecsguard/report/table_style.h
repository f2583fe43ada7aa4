#pragma once
// Shared pieces of the terminal table (table.cpp: findings; table_layers.cpp: the layer picture
// and the verdict). Internal to report/.
#include <fmt/format.h>

#include <array>
#include <ostream>
#include <string>
#include <string_view>

#include "ecsguard/engine/finding.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report::table {

struct Style {
  bool on = false;
  i18n::Lang lang = i18n::Lang::kEn;

  [[nodiscard]] std::string wrap(std::string_view code, std::string_view s) const {
    if (!on) return std::string(s);
    return fmt::format("\033[{}m{}\033[0m", code, s);
  }
  [[nodiscard]] std::string bold(std::string_view s) const { return wrap("1", s); }
  [[nodiscard]] std::string dim(std::string_view s) const { return wrap("2", s); }
  [[nodiscard]] std::string tr(const i18n::Message& m) const { return i18n::render(m, lang); }
};

struct Counts {
  std::size_t fail = 0, warn = 0, unknown = 0;
};
using LayerCounts = std::array<Counts, std::size(core::kAllLayers)>;

// Counting findings (not suppressed) per layer.
LayerCounts count_by_layer(const ReportData& data);

// "── Layers": one line per layer of ARCHITECTURE.md, user's and AWS's.
void write_layers(const ReportData& data, const LayerCounts& counts, const Style& st,
                  std::ostream& out);
// Files, totals, the policy's marks and the verdict.
void write_verdict(const ReportData& data, const LayerCounts& counts, const Style& st,
                   std::ostream& out);

}  // namespace ecsguard::report::table
