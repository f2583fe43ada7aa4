// The layer picture and the verdict of the terminal table.
#include <fmt/format.h>

#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/layer_names.h"
#include "ecsguard/report/table_style.h"

namespace ecsguard::report::table {

namespace {

namespace msg = i18n::msg::table;

std::string layer_result(const ReportData& data, const Counts& c, std::size_t checks,
                         const Style& st) {
  if (checks == 0) return st.dim(st.tr(msg::NotChecked{}));
  if (c.fail + c.warn + c.unknown == 0) {
    return data.files_failed ? st.wrap("33", st.tr(msg::PassedPartial{.checks = checks}))
                             : st.wrap("32", st.tr(msg::Passed{.checks = checks}));
  }
  const std::string text = st.tr(
      msg::LayerCounts{.fail = c.fail, .warn = c.warn, .unknown = c.unknown, .checks = checks});
  return c.fail ? st.wrap("31", text) : text;
}

}  // namespace

LayerCounts count_by_layer(const ReportData& data) {
  LayerCounts counts{};
  for (const auto& f : data.findings) {
    if (!f.entry || f.suppressed()) continue;
    auto& c = counts[static_cast<std::size_t>(f.entry->layer)];
    if (f.status == core::Status::kFail) ++c.fail;
    if (f.status == core::Status::kWarn) ++c.warn;
    if (f.status == core::Status::kUnknown) ++c.unknown;
  }
  return counts;
}

void write_layers(const ReportData& data, const LayerCounts& counts, const Style& st,
                  std::ostream& out) {
  std::array<std::size_t, std::size(core::kAllLayers)> checks_in_layer{};
  for (const auto* c : data.checks_run) {
    if (const auto* e = engine::find_catalog_entry(c->id)) {
      ++checks_in_layer[static_cast<std::size_t>(e->layer)];
    }
  }
  out << st.bold(st.tr(msg::LayersHeading{})) << '\n';
  const std::string user = st.tr(msg::OwnerUser{});
  const std::string aws = st.tr(msg::OwnerAws{});
  for (auto layer : core::kAllLayers) {
    const auto i = static_cast<std::size_t>(layer);
    out << fmt::format("  {:<22}", layer_name(layer, st.lang)) << user
        << layer_result(data, counts[i], checks_in_layer[i], st) << '\n';
  }
  out << fmt::format("  {:<22}", st.tr(msg::layer::Application{})) << user
      << st.dim(st.tr(msg::ApplicationScope{})) << '\n';
  for (const i18n::Id id : {msg::layer::Orchestrator::kId, msg::layer::HostOs::kId,
                            msg::layer::ContainerRuntime::kId}) {
    out << fmt::format("  {:<22}", i18n::render(id, st.lang)) << aws
        << st.dim(st.tr(msg::AwsResponsibility{})) << '\n';
  }
  out << '\n';
}

void write_verdict(const ReportData& data, const LayerCounts& counts, const Style& st,
                   std::ostream& out) {
  Counts total;
  for (const auto& c : counts) {
    total.fail += c.fail;
    total.warn += c.warn;
    total.unknown += c.unknown;
  }
  const std::size_t failing = count_failing(data);
  out << st.tr(msg::FilesLine{.tool = core::kToolName,
                              .version = core::kVersion,
                              .scanned = data.files_scanned,
                              .discovered = data.files_discovered});
  if (data.files_failed) {
    out << st.wrap("1;31", st.tr(msg::FilesUnreadable{.count = data.files_failed}));
  }
  out << '\n';
  out << st.tr(msg::Totals{.fail = total.fail, .warn = total.warn, .unknown = total.unknown});
  const auto& v = data.verdict;
  if (v.suppressed + v.accepted + v.baselined + v.expired > 0) {
    out << st.tr(msg::PolicyCounts{.suppressed = v.suppressed,
                                   .accepted = v.accepted,
                                   .baselined = v.baselined,
                                   .expired = v.expired});
  }
  const std::string severity = core::to_upper(data.policy.threshold_name());
  if (data.files_failed) {
    out << st.wrap("1;31",
                   st.tr(msg::Incomplete{
                       .count = data.files_failed, .failing = failing, .severity = severity}))
        << '\n';
  } else if (data.policy.fail_never) {
    out << st.tr(msg::FailNever{}) << '\n';
  } else if (failing) {
    out << st.wrap("1;31", st.tr(msg::Failed{.failing = failing, .severity = severity})) << '\n';
  } else {
    out << st.wrap("32", st.tr(msg::PassedSummary{.severity = severity})) << '\n';
  }
}

}  // namespace ecsguard::report::table
