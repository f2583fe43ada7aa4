// SARIF 2.1.0 (CONVENTIONS.md §1.3): one run, the rules of the checks that produced a result with
// rule-level help (never resource-specific), results with repo-relative URIs under %SRCROOT% and
// partialFingerprints from the stable fingerprint (line numbers never enter it). Streamed through
// core::JsonWriter like the JSON report.
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "ecsguard/core/json_writer.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/formats.h"
#include "ecsguard/report/layer_names.h"
#include "ecsguard/report/projection.h"

namespace ecsguard::report {

namespace {

using core::JsonWriter;
namespace msg = i18n::msg::formats;

constexpr std::size_t kMaxDescription = 1024;  // shortDescription / fullDescription (GitHub)
constexpr std::size_t kMaxRuleName = 255;
constexpr std::size_t kGithubResultsPerRun = 25000;

// "Container root filesystem is writable" -> "ContainerRootFilesystemIsWritable".
std::string camel_case(std::string_view title) {
  std::string out;
  bool upper = true;
  for (char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out.substr(0, kMaxRuleName);
}

// A sentence ends with a period (SARIF guidance for message strings).
std::string sentence(std::string text, i18n::Lang lang) {
  if (text.empty() || text.ends_with('.') || text.ends_with("。")) return text;
  text += lang == i18n::Lang::kJa ? "。" : ".";
  return text;
}

std::string rule_help_text(const engine::CatalogEntry& e, const engine::CheckDef* def,
                           i18n::Lang lang) {
  std::string out;
  if (def) out += i18n::render(def->rationale, lang) + "\n\n";
  out += i18n::render(msg::label::HowToFix::kId, lang) + ":\n";
  if (def) {
    for (const auto& [label, code] : {std::pair{"CloudFormation", def->remediation.cloudformation},
                                      std::pair{"AWS CDK", def->remediation.cdk},
                                      std::pair{"Terraform", def->remediation.terraform}}) {
      if (!code.empty()) out += std::string(label) + ":\n" + std::string(code) + "\n\n";
    }
  }
  out += i18n::render(msg::HelpMore{.url = help_uri(e)}, lang);
  return out;
}

std::string rule_help_markdown(const engine::CatalogEntry& e, const engine::CheckDef* def,
                               i18n::Lang lang) {
  std::string out = "**" + std::string(e.id) + "** " + i18n::render(e.title_id, lang) + "\n\n";
  if (def) out += i18n::render(def->rationale, lang) + "\n\n";
  out += "### " + i18n::render(msg::label::HowToFix::kId, lang) + "\n\n";
  if (def) {
    for (const auto& [label, lang_tag, code] :
         {std::tuple{"CloudFormation", "yaml", def->remediation.cloudformation},
          std::tuple{"AWS CDK", "ts", def->remediation.cdk},
          std::tuple{"Terraform", "hcl", def->remediation.terraform}}) {
      if (code.empty()) continue;
      out += "#### " + std::string(label) + "\n\n```" + lang_tag + "\n" + std::string(code) +
             "\n```\n\n";
    }
  }
  out += "[" + i18n::render(msg::label::Guideline::kId, lang) + "](" + help_uri(e) + ")\n";
  return out;
}

void write_rule(JsonWriter& w, const engine::CatalogEntry& e, i18n::Lang lang) {
  const engine::CheckDef* def = engine::find_check(e.id);
  const std::string title = i18n::render(e.title_id, lang);
  std::string full = def ? i18n::render(def->rationale, lang) : title;
  if (full.empty()) full = title;
  w.begin_object();
  w.member("id", e.id);
  w.member("name", camel_case(e.title));
  w.key("shortDescription")
      .begin_object_inline()
      .member("text", truncate_utf8(title, kMaxDescription))
      .end_object();
  w.key("fullDescription")
      .begin_object_inline()
      .member("text", truncate_utf8(full, kMaxDescription))
      .end_object();
  w.key("help").begin_object();
  w.member("text", rule_help_text(e, def, lang));
  w.member("markdown", rule_help_markdown(e, def, lang));
  w.end_object();
  w.member("helpUri", help_uri(e));
  w.key("defaultConfiguration")
      .begin_object_inline()
      .member("level", sarif_level(e.severity))
      .end_object();
  w.key("properties").begin_object();
  w.key("tags").begin_array_inline();
  w.value("security").value("ecs").value(core::to_string(e.layer));
  w.end_array();
  w.member("precision", "high");
  if (!security_severity(e.severity).empty()) {
    w.member("security-severity", security_severity(e.severity));
  }
  if (!e.security_hub.empty()) {
    w.key("xref").begin_object_inline().key("securityhub").begin_array_inline();
    for (auto control : e.security_hub) w.value(control);
    w.end_array().end_object();
  }
  w.end_object();
  w.end_object();
}

void write_result(JsonWriter& w, const engine::Finding& f, std::size_t rule_index, RepoPaths& paths,
                  i18n::Lang lang) {
  w.begin_object();
  w.member("ruleId", f.id());
  w.member("ruleIndex", rule_index);
  // An undetermined result is for review, not a failure: SARIF gives it kind "review" and level
  // "none" (a kind other than "fail" allows no other level).
  if (f.status == core::Status::kUnknown) {
    w.member("kind", "review");
    w.member("level", "none");
  } else {
    w.member("level", f.status == core::Status::kWarn ? std::string_view("warning")
                                                      : sarif_level(f.severity));
  }
  std::string text = f.message;
  if (f.status != core::Status::kFail) text = status_word(f.status, lang) + ": " + text;
  w.key("message")
      .begin_object_inline()
      .member("text", sentence(std::move(text), lang))
      .end_object();
  w.key("locations").begin_array().begin_object();
  w.key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object_inline();
  w.member("uri", uri_path_escape(paths.relative(f.file)));
  w.member("uriBaseId", "%SRCROOT%");
  w.end_object();
  w.key("region").begin_object_inline().member("startLine", std::max(f.loc.line, 1U)).end_object();
  w.end_object();
  if (!f.resource_name.empty()) {
    w.key("logicalLocations").begin_array().begin_object_inline();
    w.member("name", f.resource_name);
    w.member("fullyQualifiedName", f.cdk_path.empty() ? f.resource_name : f.cdk_path);
    w.member("kind", "resource");
    w.end_object().end_array();
  }
  w.end_object().end_array();
  w.key("partialFingerprints")
      .begin_object_inline()
      .member("ecsguard/v1", f.fingerprint)
      .end_object();
  w.key("properties").begin_object_inline();
  w.member("status", core::to_string(f.status));
  w.member("severity", core::to_string(f.severity));
  w.member("resourceType", f.resource_type);
  if (!f.container.empty()) w.member("container", f.container);
  if (!f.property.empty()) w.member("property", f.property);
  w.end_object();
  w.end_object();
}

void write_notifications(JsonWriter& w, const ReportData& data, RepoPaths& paths) {
  w.key("invocations").begin_array().begin_object();
  w.member("executionSuccessful", data.files_failed == 0);
  w.key("toolExecutionNotifications").begin_array();
  for (const auto& d : data.diagnostics) {
    w.begin_object();
    w.member("level", d.loses_input() ? "error" : "note");
    w.key("message").begin_object_inline().member("text", d.message).end_object();
    w.key("locations").begin_array().begin_object();
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object_inline();
    w.member("uri", uri_path_escape(paths.relative(d.file)));
    w.member("uriBaseId", "%SRCROOT%");
    w.end_object();
    if (d.line) w.key("region").begin_object_inline().member("startLine", d.line).end_object();
    w.end_object();
    w.end_object().end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object().end_array();
}

}  // namespace

void write_sarif(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  // The rules of the checks that produced a result, by id; ruleIndex points into this list.
  std::map<std::string_view, const engine::CatalogEntry*> by_id;
  for (const auto& f : data.findings) {
    if (f.entry) by_id.emplace(f.entry->id, f.entry);
  }
  std::map<std::string_view, std::size_t> index;
  for (const auto& [id, entry] : by_id) index.emplace(id, index.size());
  if (data.findings.size() > kGithubResultsPerRun) {
    std::cerr << "ecsguard: "
              << i18n::render(msg::sarif::LimitExceeded{.count = data.findings.size(),
                                                        .limit = kGithubResultsPerRun},
                              options.lang)
              << '\n';
  }

  RepoPaths paths;
  JsonWriter w(out);
  w.begin_object();
  w.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  w.member("version", "2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.member("name", core::kToolName);
  w.member("semanticVersion", core::kVersion);
  w.member("version", core::kVersion);
  w.member("informationUri", kInformationUri);
  w.key("rules").begin_array();
  for (const auto& [id, entry] : by_id) write_rule(w, *entry, options.lang);
  w.end_array();
  w.end_object().end_object();
  w.key("automationDetails").begin_object_inline().member("id", "ecsguard/iac/").end_object();
  w.key("originalUriBaseIds").begin_object().key("%SRCROOT%").begin_object_inline();
  w.member("uri", paths.root_uri());
  w.end_object().end_object();
  write_notifications(w, data, paths);
  w.key("results").begin_array();
  for (const auto& f : data.findings) {
    if (!f.entry) continue;
    write_result(w, f, index.at(f.entry->id), paths, options.lang);
  }
  w.end_array();
  w.end_object().end_array();
  w.end_object();
  w.flush();
}

}  // namespace ecsguard::report
