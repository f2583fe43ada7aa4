#include "ecsguard/report/docs.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "ecsguard/engine/registry.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/layer_names.h"

namespace ecsguard::report {

namespace {

namespace msg = i18n::msg::docs;

std::string join(std::span<const std::string_view> items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string inputs_of(const engine::CheckDef& def) {
  std::string out;
  for (std::size_t i = 0; i < def.inputs.size(); ++i) {
    if (i) out += ", ";
    out += def.inputs[i];
  }
  return out;
}

}  // namespace

void write_check_page(const engine::CatalogEntry& e, const engine::CheckDef* def, std::ostream& out,
                      i18n::Lang lang) {
  const auto tr = [lang](const i18n::Message& m) { return i18n::render(m, lang); };
  out << tr(msg::GeneratedPage{}) << '\n';
  out << fmt::format("# {} {}\n\n", e.id, i18n::render(e.title_id, lang));
  out << "| | |\n|---|---|\n";
  out << fmt::format("| {} | {} |\n", tr(msg::RowLayer{}), layer_name(e.layer, lang));
  out << fmt::format("| {} | {} |\n", tr(msg::RowSeverity{}), core::to_string(e.severity));
  out << fmt::format("| Security Hub | {} |\n",
                     e.security_hub.empty() ? "-" : join(e.security_hub, ", "));
  out << fmt::format("| NIST SP 800-190 | {} |\n",
                     e.nist_800_190.empty() ? "-" : join(e.nist_800_190, "; "));
  out << fmt::format(
      "| {} | {} |\n", tr(msg::RowImplemented{}),
      def ? tr(msg::ImplementedYes{.inputs = inputs_of(*def)}) : tr(msg::ImplementedNo{}));
  out << '\n';
  if (def) out << "## " << tr(msg::Why{}) << "\n\n" << i18n::render(def->rationale, lang) << "\n\n";
  out << "## " << tr(msg::Logic{}) << "\n\n" << e.logic << "\n\n";
  if (def) {
    out << "## " << tr(msg::HowToFix{}) << "\n\n";
    const auto& r = def->remediation;
    if (!r.dockerfile.empty())
      out << "### Dockerfile\n\n```dockerfile\n" << r.dockerfile << "\n```\n\n";
    if (!r.cdk.empty()) out << "### AWS CDK\n\n```ts\n" << r.cdk << "\n```\n\n";
    if (!r.cloudformation.empty()) {
      out << "### CloudFormation\n\n```yaml\n" << r.cloudformation << "\n```\n\n";
    }
    if (!r.terraform.empty()) out << "### Terraform\n\n```hcl\n" << r.terraform << "\n```\n\n";
  }
  out << "## " << tr(msg::Where{}) << "\n\n";
  if (!e.inputs_cloudformation.empty())
    out << "- CloudFormation: " << e.inputs_cloudformation << '\n';
  if (!e.inputs_task_definition.empty())
    out << "- " << tr(msg::TaskDefinitionJson{}) << ": " << e.inputs_task_definition << '\n';
  if (!e.inputs_terraform.empty()) out << "- Terraform: " << e.inputs_terraform << '\n';
}

void write_check_index(std::ostream& out, i18n::Lang lang) {
  const auto tr = [lang](const i18n::Message& m) { return i18n::render(m, lang); };
  out << tr(msg::GeneratedIndex{}) << '\n';
  out << "# " << tr(msg::IndexTitle{}) << "\n\n";
  std::size_t implemented = 0;
  for (const auto& e : engine::catalog()) {
    if (engine::find_check(e.id)) ++implemented;
  }
  out << tr(msg::IndexSummary{.implemented = implemented, .total = engine::catalog().size()})
      << "\n\n";
  for (auto layer : core::kAllLayers) {
    out << fmt::format("## {}\n\n", layer_name(layer, lang));
    out << tr(msg::IndexHeader{}) << "\n|---|---|---|---|---|\n";
    for (const auto& e : engine::catalog()) {
      if (e.layer != layer) continue;
      const bool impl = engine::find_check(e.id) != nullptr;
      out << fmt::format("| [{}]({}/{}.md) | {} | {} | {} | {} |\n", e.id, core::to_string(e.layer),
                         e.id, i18n::render(e.title_id, lang), core::to_string(e.severity),
                         e.security_hub.empty() ? "-" : join(e.security_hub, ", "),
                         impl ? tr(msg::Yes{}) : "-");
    }
    out << '\n';
  }
}

void write_explain(const engine::CatalogEntry& e, const engine::CheckDef* def, std::ostream& out,
                   i18n::Lang lang) {
  const auto tr = [lang](const i18n::Message& m) { return i18n::render(m, lang); };
  out << fmt::format("{}  {}\n", e.id, i18n::render(e.title_id, lang));
  out << tr(msg::ExplainLayer{.layer = layer_name(e.layer, lang),
                              .severity = core::to_string(e.severity)});
  if (!e.security_hub.empty()) out << " · Security Hub: " << join(e.security_hub, ", ");
  out << '\n';
  if (!e.nist_800_190.empty()) out << "NIST SP 800-190: " << join(e.nist_800_190, "; ") << '\n';
  const std::string runtime = def ? std::string() : engine::runtime_implementation(e.id, lang);
  if (def) {
    out << tr(msg::ExplainImplemented{.inputs = inputs_of(*def)}) << "\n\n";
  } else if (!runtime.empty()) {
    out << tr(i18n::msg::explain::RuntimeImplemented{}) << '\n' << runtime << '\n';
  } else {
    out << tr(msg::ExplainNotImplemented{}) << "\n\n";
  }
  if (def) out << tr(msg::Why{}) << "\n  " << i18n::render(def->rationale, lang) << "\n\n";
  out << tr(msg::Logic{}) << "\n  " << e.logic << "\n\n";
  if (def) {
    const auto& r = def->remediation;
    if (!r.dockerfile.empty())
      out << tr(msg::FixWithDockerfile{}) << '\n' << r.dockerfile << "\n\n";
    if (!r.cdk.empty()) out << tr(msg::FixWithCdk{}) << '\n' << r.cdk << "\n\n";
    if (!r.cloudformation.empty()) {
      out << tr(msg::FixWithCloudformation{}) << '\n' << r.cloudformation << "\n\n";
    }
    if (!r.terraform.empty()) out << tr(msg::FixWithTerraform{}) << '\n' << r.terraform << '\n';
  }
}

void write_check_list(std::ostream& out, bool json, i18n::Lang lang) {
  if (json) {
    nlohmann::ordered_json root;
    auto arr = nlohmann::ordered_json::array();
    for (const auto& e : engine::catalog()) {
      const auto* def = engine::find_check(e.id);
      nlohmann::ordered_json j;
      j["id"] = std::string(e.id);
      j["title"] = i18n::render(e.title_id, lang);
      j["layer"] = std::string(core::to_string(e.layer));
      j["severity"] = std::string(core::to_string(e.severity));
      const bool runtime = def == nullptr && !engine::runtime_implementation(e.id, lang).empty();
      j["implemented"] = def != nullptr || runtime;
      if (runtime) j["implemented_by"] = "guard";
      auto sh = nlohmann::ordered_json::array();
      for (auto s : e.security_hub) sh.push_back(std::string(s));
      j["security_hub"] = std::move(sh);
      auto nist = nlohmann::ordered_json::array();
      for (auto s : e.nist_800_190) nist.push_back(std::string(engine::nist_section_number(s)));
      j["nist_800_190"] = std::move(nist);
      auto inputs = nlohmann::ordered_json::array();
      if (def) {
        for (auto s : def->inputs) inputs.push_back(std::string(s));
      }
      j["inputs"] = std::move(inputs);
      arr.push_back(std::move(j));
    }
    root["checks"] = std::move(arr);
    out << root.dump(2) << '\n';
    return;
  }
  for (const auto& e : engine::catalog()) {
    const bool impl = engine::find_check(e.id) != nullptr;
    const bool runtime = !impl && !engine::runtime_implementation(e.id, lang).empty();
    out << fmt::format("{:<8} {:<9} {:<10} {} {}{}\n", e.id, core::to_string(e.severity),
                       core::to_string(e.layer), impl || runtime ? "✓" : " ",
                       i18n::render(e.title_id, lang), runtime ? " (ecsguard guard)" : "");
  }
}

}  // namespace ecsguard::report
