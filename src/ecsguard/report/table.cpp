// Terminal report: findings grouped by the layers of ARCHITECTURE.md, then the layer picture with a
// summary line per layer (the AWS-owned layers shown as AWS's responsibility on Fargate).
#include <fmt/format.h>

#include <array>
#include <string>

#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/layer_names.h"
#include "ecsguard/report/messages.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

namespace {

namespace msg = i18n::msg::table;

struct Style {
  bool on;
  i18n::Lang lang;
  [[nodiscard]] std::string wrap(std::string_view code, std::string_view s) const {
    if (!on) return std::string(s);
    return fmt::format("\033[{}m{}\033[0m", code, s);
  }
  [[nodiscard]] std::string bold(std::string_view s) const { return wrap("1", s); }
  [[nodiscard]] std::string dim(std::string_view s) const { return wrap("2", s); }
  [[nodiscard]] std::string severity(core::Severity sev, core::Status st) const {
    const std::string label = st == core::Status::kUnknown
                                  ? i18n::render(msg::UnknownLabel::kId, lang)
                                  : std::string(core::to_string(sev));
    std::string padded = fmt::format("{:<8}", label);
    if (st == core::Status::kUnknown) return wrap("36", padded);
    switch (sev) {
      case core::Severity::kCritical:
        return wrap("1;35", padded);
      case core::Severity::kHigh:
        return wrap("1;31", padded);
      case core::Severity::kMedium:
        return wrap("33", padded);
      case core::Severity::kLow:
        return wrap("34", padded);
      case core::Severity::kInfo:
        return wrap("2", padded);
    }
    return padded;
  }
};

struct Counts {
  std::size_t fail = 0, warn = 0, unknown = 0;
};

std::string controls_line(const engine::Finding& f) {
  std::string out;
  if (!f.entry) return out;
  if (!f.entry->security_hub.empty()) {
    out += "Security Hub ";
    for (std::size_t i = 0; i < f.entry->security_hub.size(); ++i) {
      if (i) out += ", ";
      out += f.entry->security_hub[i];
    }
  }
  if (!f.entry->nist_800_190.empty()) {
    if (!out.empty()) out += " · ";
    out += "NIST 800-190 ";
    for (std::size_t i = 0; i < f.entry->nist_800_190.size(); ++i) {
      if (i) out += ", ";
      out += engine::nist_section_number(f.entry->nist_800_190[i]);
    }
  }
  return out;
}

}  // namespace

void write_table(const ReportData& data, std::ostream& out, bool color, i18n::Lang lang) {
  const Style st{color, lang};
  const auto tr = [lang](const i18n::Message& m) { return i18n::render(m, lang); };
  std::array<Counts, std::size(core::kAllLayers)> counts{};
  std::array<std::size_t, std::size(core::kAllLayers)> checks_in_layer{};
  for (const auto* c : data.checks_run) {
    if (const auto* e = engine::find_catalog_entry(c->id)) {
      ++checks_in_layer[static_cast<std::size_t>(e->layer)];
    }
  }
  for (const auto& f : data.findings) {
    if (!f.entry) continue;
    auto& c = counts[static_cast<std::size_t>(f.entry->layer)];
    if (f.status == core::Status::kFail) ++c.fail;
    if (f.status == core::Status::kWarn) ++c.warn;
    if (f.status == core::Status::kUnknown) ++c.unknown;
  }

  for (auto layer : core::kAllLayers) {
    const auto& c = counts[static_cast<std::size_t>(layer)];
    if (c.fail + c.warn + c.unknown == 0) continue;
    out << st.bold(fmt::format("── {} ", layer_name(layer, lang))) << '\n';
    for (const auto& f : data.findings) {
      if (!f.entry || f.entry->layer != layer) continue;
      std::string subject = f.resource_name;
      if (!f.container.empty()) subject += " › " + f.container;
      out << "  " << st.severity(f.severity, f.status) << ' ' << st.bold(std::string(f.id()))
          << "  " << i18n::render(f.entry->title_id, lang) << '\n';
      out << "           " << fmt::format("{}:{}", f.file, f.loc.line) << "  "
          << st.dim(f.resource_type) << ' ' << subject << '\n';
      if (!f.cdk_path.empty()) out << "           " << st.dim("cdk: " + f.cdk_path) << '\n';
      out << "           "
          << (f.status == core::Status::kWarn ? i18n::render(msg::WarningPrefix::kId, lang) : "")
          << f.message << '\n';
      const std::string ctl = controls_line(f);
      out << "           " << st.dim(ctl.empty() ? std::string() : ctl + " · ")
          << st.dim(tr(msg::FixHint{.id = f.id()})) << "\n\n";
    }
  }

  if (!data.diagnostics.empty()) {
    out << st.bold(tr(msg::InputProblems{})) << '\n';
    for (const auto& d : data.diagnostics) {
      const std::string where = d.line ? fmt::format("{}:{}:{}", d.file, d.line, d.column) : d.file;
      out << "  "
          << (d.loses_input() ? st.wrap("1;31", tr(msg::ErrorLabel{}))
                              : st.dim(tr(msg::NoteLabel{})))
          << "  " << where << ": " << d.message << '\n';
    }
    out << '\n';
  }

  if (data.scanned_nothing()) {  // no layer results and no PASSED for a run that saw nothing
    const auto& text =
        lang == i18n::Lang::kJa ? messages::kScannedNothing.ja : messages::kScannedNothing.en;
    out << st.wrap("1;33", fmt::format(fmt::runtime(text), fmt::arg("tool", core::kToolName),
                                       fmt::arg("version", core::kVersion)))
        << '\n';
    return;
  }
  out << st.bold(tr(msg::LayersHeading{})) << '\n';
  const std::string user = tr(msg::OwnerUser{});
  const std::string aws = tr(msg::OwnerAws{});
  for (auto layer : core::kAllLayers) {
    const auto& c = counts[static_cast<std::size_t>(layer)];
    const std::size_t n = checks_in_layer[static_cast<std::size_t>(layer)];
    std::string result;
    if (n == 0) {
      result = st.dim(tr(msg::NotChecked{}));
    } else if (c.fail + c.warn + c.unknown == 0) {
      result = data.files_failed ? st.wrap("33", tr(msg::PassedPartial{.checks = n}))
                                 : st.wrap("32", tr(msg::Passed{.checks = n}));
    } else {
      result =
          tr(msg::LayerCounts{.fail = c.fail, .warn = c.warn, .unknown = c.unknown, .checks = n});
      if (c.fail) result = st.wrap("31", result);
    }
    out << fmt::format("  {:<22}", layer_name(layer, lang)) << user << result << '\n';
  }
  out << fmt::format("  {:<22}", tr(msg::layer::Application{})) << user
      << st.dim(tr(msg::ApplicationScope{})) << '\n';
  for (const i18n::Id id : {msg::layer::Orchestrator::kId, msg::layer::HostOs::kId,
                            msg::layer::ContainerRuntime::kId}) {
    out << fmt::format("  {:<22}", i18n::render(id, lang)) << aws
        << st.dim(tr(msg::AwsResponsibility{})) << '\n';
  }
  out << '\n';

  std::size_t fails = 0, warns = 0, unknowns = 0;
  for (const auto& c : counts) {
    fails += c.fail;
    warns += c.warn;
    unknowns += c.unknown;
  }
  const std::size_t failing = count_failing(data);
  out << tr(msg::FilesLine{.tool = core::kToolName,
                           .version = core::kVersion,
                           .scanned = data.files_scanned,
                           .discovered = data.files_discovered});
  if (data.files_failed) {
    out << st.wrap("1;31", tr(msg::FilesUnreadable{.count = data.files_failed}));
  }
  out << '\n';
  out << tr(msg::Totals{.fail = fails, .warn = warns, .unknown = unknowns});
  const std::string severity = core::to_upper(data.policy.threshold_name());
  if (data.files_failed) {
    out << st.wrap("1;31",
                   tr(msg::Incomplete{
                       .count = data.files_failed, .failing = failing, .severity = severity}))
        << '\n';
  } else if (data.policy.fail_never) {
    out << tr(msg::FailNever{}) << '\n';
  } else if (failing) {
    out << st.wrap("1;31", tr(msg::Failed{.failing = failing, .severity = severity})) << '\n';
  } else {
    out << st.wrap("32", tr(msg::PassedSummary{.severity = severity})) << '\n';
  }
}

}  // namespace ecsguard::report
