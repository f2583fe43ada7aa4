// The JSON report: a contract other tools parse (docs/json-format.md). Keys are emitted in a fixed
// order and findings in engine::finding_less order, so the output is byte-stable.
#include <nlohmann/json.hpp>

#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

namespace {

using Json = nlohmann::ordered_json;

Json finding_json(const engine::Finding& f) {
  Json j;
  j["check"] = std::string(f.id());
  j["title"] = f.entry ? std::string(f.entry->title) : std::string();
  j["severity"] = std::string(core::to_string(f.severity));
  j["layer"] = f.entry ? std::string(core::to_string(f.entry->layer)) : std::string();
  j["status"] = std::string(core::to_string(f.status));
  Json res;
  res["type"] = f.resource_type;
  res["name"] = f.resource_name;
  if (!f.container.empty()) res["container"] = f.container;
  if (!f.cdk_path.empty()) res["cdk_path"] = f.cdk_path;
  j["resource"] = std::move(res);
  Json loc;
  loc["file"] = f.file;
  loc["line"] = f.loc.line;
  loc["column"] = f.loc.column;
  j["location"] = std::move(loc);
  j["property"] = f.property;
  j["message"] = f.message;
  Json controls;
  Json sh = Json::array();
  Json nist = Json::array();
  if (f.entry) {
    for (auto s : f.entry->security_hub) sh.push_back(std::string(s));
    for (auto s : f.entry->nist_800_190) {
      nist.push_back(std::string(engine::nist_section_number(s)));
    }
  }
  controls["security_hub"] = std::move(sh);
  controls["nist_800_190"] = std::move(nist);
  j["controls"] = std::move(controls);
  j["fingerprint"] = f.fingerprint;
  return j;
}

}  // namespace

void write_json(const ReportData& data, std::ostream& out) {
  Json root;
  root["tool"] = {{"name", std::string(core::kToolName)}, {"version", std::string(core::kVersion)}};
  Json findings = Json::array();
  for (const auto& f : data.findings) findings.push_back(finding_json(f));
  root["findings"] = std::move(findings);
  Json errors = Json::array();
  for (const auto& d : data.diagnostics) {
    Json e;
    e["file"] = d.file;
    e["line"] = d.line;
    e["column"] = d.column;
    e["code"] = std::string(core::to_string(d.code));
    e["message"] = d.message;
    e["input_lost"] = d.loses_input();
    errors.push_back(std::move(e));
  }
  root["errors"] = std::move(errors);

  Json summary;
  summary["files_discovered"] = data.files_discovered;
  summary["files_scanned"] = data.files_scanned;
  summary["files_failed"] = data.files_failed;
  Json by_status = {{"fail", 0}, {"warn", 0}, {"unknown", 0}};
  Json by_sev = {{"CRITICAL", 0}, {"HIGH", 0}, {"MEDIUM", 0}, {"LOW", 0}, {"INFO", 0}};
  Json by_layer = Json::object();
  for (auto l : core::kAllLayers) {
    by_layer[std::string(core::to_string(l))] = {{"fail", 0}, {"warn", 0}, {"unknown", 0}};
  }
  for (const auto& f : data.findings) {
    const std::string st(core::to_string(f.status));
    by_status[st] = by_status[st].get<int>() + 1;
    const std::string sv(core::to_string(f.severity));
    by_sev[sv] = by_sev[sv].get<int>() + 1;
    if (f.entry) {
      auto& l = by_layer[std::string(core::to_string(f.entry->layer))];
      l[st] = l[st].get<int>() + 1;
    }
  }
  summary["findings"] = data.findings.size();
  summary["by_status"] = std::move(by_status);
  summary["by_severity"] = std::move(by_sev);
  summary["by_layer"] = std::move(by_layer);
  summary["fail_on"] =
      data.fail_never ? std::string("never") : core::to_lower(core::to_string(data.fail_on));
  summary["failing"] = count_failing(data);
  root["summary"] = std::move(summary);
  out << root.dump(2) << '\n';
}

}  // namespace ecsguard::report
