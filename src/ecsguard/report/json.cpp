// The JSON report: a contract other tools parse (docs/json-format.md). Written as a stream through
// core::JsonWriter (no DOM: a scan of thousands of templates can have tens of thousands of
// findings); keys are emitted in a fixed order and findings in engine::finding_less order, so the
// output is byte-stable.
#include <array>
#include <string>

#include "ecsguard/core/json_writer.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/report/projection.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

namespace {

using core::JsonWriter;

void write_string_array(JsonWriter& w, std::string_view k, std::span<const std::string_view> items,
                        bool nist) {
  w.key(k).begin_array();
  for (auto item : items) w.value(nist ? engine::nist_section_number(item) : item);
  w.end_array();
}

// Why the policy step does not count a finding (or counts it again: "expired": true).
void write_suppression(JsonWriter& w, const engine::Suppression& s) {
  using Kind = engine::Suppression::Kind;
  w.key("suppression").begin_object();
  w.member("kind", s.kind == Kind::kAccepted   ? "accepted"
                   : s.kind == Kind::kBaseline ? "baseline"
                                               : "suppressed");
  w.member("source", s.source);
  w.member("reason", s.reason);
  if (!s.owner.empty()) w.member("owner", s.owner);
  if (!s.expires.empty()) w.member("expires", s.expires);
  w.member("expired", s.expired);
  w.end_object();
}

void write_finding(JsonWriter& w, const engine::Finding& f) {
  w.begin_object();
  w.member("check", f.id());
  w.member("title", f.entry ? f.entry->title : std::string_view{});
  w.member("severity", core::to_string(f.severity));
  w.member("layer", f.entry ? core::to_string(f.entry->layer) : std::string_view{});
  w.member("status", core::to_string(f.status));
  if (f.suppression) write_suppression(w, *f.suppression);
  w.key("resource").begin_object();
  w.member("type", f.resource_type);
  w.member("name", f.resource_name);
  if (!f.container.empty()) w.member("container", f.container);
  if (!f.cdk_path.empty()) w.member("cdk_path", f.cdk_path);
  w.end_object();
  w.key("location").begin_object();
  w.member("file", f.file);
  w.member("line", f.loc.line);
  w.member("column", f.loc.column);
  w.end_object();
  w.member("property", f.property);
  w.member("field_id", f.field_id);
  w.member("message", f.message);
  w.key("controls").begin_object();
  std::span<const std::string_view> sh, nist;
  if (f.entry) {
    sh = f.entry->security_hub;
    nist = f.entry->nist_800_190;
  }
  write_string_array(w, "security_hub", sh, false);
  write_string_array(w, "nist_800_190", nist, true);
  w.end_object();
  w.member("fingerprint", f.fingerprint);
  // The fix for the finding's input format (CDK too for CloudFormation) and the check's page.
  w.key("remediation").begin_object();
  for (const auto& s : remediation_for(f)) w.member(s.format, s.code);
  w.end_object();
  w.member("help_uri", help_uri(f));
  w.end_object();
}

void write_diagnostic(JsonWriter& w, const engine::Diagnostic& d) {
  w.begin_object();
  w.member("file", d.file);
  w.member("line", d.line);
  w.member("column", d.column);
  w.member("code", core::to_string(d.code));
  w.member("message", d.message);
  w.member("input_lost", d.loses_input());
  w.end_object();
}

struct StatusCounts {
  std::size_t fail = 0, warn = 0, unknown = 0;
  void add(core::Status s) {
    if (s == core::Status::kFail) ++fail;
    if (s == core::Status::kWarn) ++warn;
    if (s == core::Status::kUnknown) ++unknown;
  }
  void write(JsonWriter& w) const {
    w.begin_object();
    w.member("fail", fail);
    w.member("warn", warn);
    w.member("unknown", unknown);
    w.end_object();
  }
};

void write_summary(JsonWriter& w, const ReportData& data) {
  StatusCounts total;
  std::array<std::size_t, 5> by_sev{};
  std::array<StatusCounts, std::size(core::kAllLayers)> by_layer{};
  for (const auto& f : data.findings) {
    total.add(f.status);
    ++by_sev[static_cast<std::size_t>(f.severity)];
    if (f.entry) by_layer[static_cast<std::size_t>(f.entry->layer)].add(f.status);
  }
  w.key("summary").begin_object();
  w.member("files_discovered", data.files_discovered);
  w.member("files_scanned", data.files_scanned);
  w.member("files_failed", data.files_failed);
  w.member("findings", data.findings.size());
  w.key("by_status");
  total.write(w);
  w.key("by_severity").begin_object();
  for (auto sev : {core::Severity::kCritical, core::Severity::kHigh, core::Severity::kMedium,
                   core::Severity::kLow, core::Severity::kInfo}) {
    w.member(core::to_string(sev), by_sev[static_cast<std::size_t>(sev)]);
  }
  w.end_object();
  // A layer no check ran on (none selected, none implemented, or nothing scanned) says so: zeros
  // would claim it was checked and found clean.
  w.key("by_layer").begin_object();
  for (auto layer : core::kAllLayers) {
    w.key(core::to_string(layer));
    if (data.layer_checked(layer)) {
      by_layer[static_cast<std::size_t>(layer)].write(w);
    } else {
      w.value("not_checked");
    }
  }
  w.end_object();
  w.member("fail_on", data.policy.threshold_name());
  w.member("failing", count_failing(data));
  w.key("policy").begin_object();
  w.member("suppressed", data.verdict.suppressed);
  w.member("accepted", data.verdict.accepted);
  w.member("baselined", data.verdict.baselined);
  w.member("expired", data.verdict.expired);
  w.end_object();
  w.end_object();
}

}  // namespace

void write_json(const ReportData& data, std::ostream& out) {
  JsonWriter w(out);
  w.begin_object();
  w.key("tool").begin_object();
  w.member("name", core::kToolName);
  w.member("version", core::kVersion);
  w.end_object();
  w.key("findings").begin_array();
  for (const auto& f : data.findings) write_finding(w, f);
  w.end_array();
  w.key("errors").begin_array();
  for (const auto& d : data.diagnostics) write_diagnostic(w, d);
  w.end_array();
  write_summary(w, data);
  w.end_object();
  w.flush();
}

}  // namespace ecsguard::report
