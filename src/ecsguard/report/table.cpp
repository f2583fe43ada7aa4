// Terminal report: findings grouped by the layers of ARCHITECTURE.md, then the layer picture with a
// summary line per layer (the AWS-owned layers shown as AWS's responsibility on Fargate).
#include <fmt/format.h>

#include <array>
#include <string>

#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/report/messages.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

namespace {

struct Style {
  bool on;
  [[nodiscard]] std::string wrap(std::string_view code, std::string_view s) const {
    if (!on) return std::string(s);
    return fmt::format("\033[{}m{}\033[0m", code, s);
  }
  [[nodiscard]] std::string bold(std::string_view s) const { return wrap("1", s); }
  [[nodiscard]] std::string dim(std::string_view s) const { return wrap("2", s); }
  [[nodiscard]] std::string severity(core::Severity sev, core::Status st) const {
    const std::string label =
        st == core::Status::kUnknown ? "UNKNOWN" : std::string(core::to_string(sev));
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

void write_table(const ReportData& data, std::ostream& out, bool color) {
  const Style st{color};
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
    out << st.bold(fmt::format("── {} ", core::layer_title(layer))) << '\n';
    for (const auto& f : data.findings) {
      if (!f.entry || f.entry->layer != layer) continue;
      std::string subject = f.resource_name;
      if (!f.container.empty()) subject += " › " + f.container;
      out << "  " << st.severity(f.severity, f.status) << ' ' << st.bold(std::string(f.id()))
          << "  " << f.entry->title << '\n';
      out << "           " << fmt::format("{}:{}", f.file, f.loc.line) << "  "
          << st.dim(f.resource_type) << ' ' << subject << '\n';
      if (!f.cdk_path.empty()) out << "           " << st.dim("cdk: " + f.cdk_path) << '\n';
      out << "           " << (f.status == core::Status::kWarn ? "warning: " : "") << f.message
          << '\n';
      const std::string ctl = controls_line(f);
      out << "           " << st.dim(ctl.empty() ? std::string() : ctl + " · ")
          << st.dim(fmt::format("fix: ecsguard explain {}", f.id())) << "\n\n";
    }
  }

  if (!data.diagnostics.empty()) {
    out << st.bold("── Input problems") << '\n';
    for (const auto& d : data.diagnostics) {
      const std::string where = d.line ? fmt::format("{}:{}:{}", d.file, d.line, d.column) : d.file;
      out << "  " << (d.loses_input() ? st.wrap("1;31", "error") : st.dim("note ")) << "  " << where
          << ": " << d.message << '\n';
    }
    out << '\n';
  }

  if (data.scanned_nothing()) {  // no layer results and no PASSED for a run that saw nothing
    out << st.wrap("1;33", fmt::format(fmt::runtime(messages::kScannedNothing.en),
                                       fmt::arg("tool", core::kToolName),
                                       fmt::arg("version", core::kVersion)))
        << '\n';
    return;
  }
  out << st.bold("── Layers (ECS on Fargate shared responsibility)") << '\n';
  for (auto layer : core::kAllLayers) {
    const auto& c = counts[static_cast<std::size_t>(layer)];
    const std::size_t n = checks_in_layer[static_cast<std::size_t>(layer)];
    std::string result;
    if (n == 0) {
      result = st.dim("not checked by this version of ecsguard");
    } else if (c.fail + c.warn + c.unknown == 0) {
      result =
          data.files_failed
              ? st.wrap("33", fmt::format("{} check(s) passed on the input that could be read", n))
              : st.wrap("32", fmt::format("{} check(s) passed", n));
    } else {
      result = fmt::format("{} fail, {} warn, {} unknown ({} check(s) run)", c.fail, c.warn,
                           c.unknown, n);
      if (c.fail) result = st.wrap("31", result);
    }
    out << fmt::format("  {:<22}", core::layer_title(layer)) << "user      " << result << '\n';
  }
  out << fmt::format("  {:<22}", "Application") << "user      "
      << st.dim("out of scope (secrets and dependencies: Image layer)") << '\n';
  for (const char* aws : {"Orchestrator", "Host OS", "Container runtime"}) {
    out << fmt::format("  {:<22}", aws) << "AWS       " << st.dim("AWS's responsibility on Fargate")
        << '\n';
  }
  out << '\n';

  std::size_t fails = 0, warns = 0, unknowns = 0;
  for (const auto& c : counts) {
    fails += c.fail;
    warns += c.warn;
    unknowns += c.unknown;
  }
  const std::size_t failing = count_failing(data);
  out << fmt::format("{} {} · {} file(s) scanned of {} discovered", core::kToolName, core::kVersion,
                     data.files_scanned, data.files_discovered);
  if (data.files_failed)
    out << st.wrap("1;31", fmt::format(", {} could not be read", data.files_failed));
  out << '\n';
  out << fmt::format("{} fail, {} warn, {} unknown · ", fails, warns, unknowns);
  if (data.files_failed) {
    out << st.wrap("1;31", fmt::format("INCOMPLETE: {} input(s) could not be read or parsed, their "
                                       "findings are missing ({} failing at or above {})",
                                       data.files_failed, failing,
                                       core::to_upper(data.policy.threshold_name())))
        << '\n';
  } else if (data.policy.fail_never) {
    out << "fail-on: never\n";
  } else if (failing) {
    out << st.wrap("1;31", fmt::format("{} at or above {}: FAILED", failing,
                                       core::to_upper(data.policy.threshold_name())))
        << '\n';
  } else {
    out << st.wrap("32", fmt::format("none at or above {}: PASSED",
                                     core::to_upper(data.policy.threshold_name())))
        << '\n';
  }
}

}  // namespace ecsguard::report
