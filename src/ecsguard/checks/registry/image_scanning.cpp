// REG-001 ECR repositories have image scanning configured (scan on push or registry-level
// scanning rule) (Security Hub ECR.1).
#include <string>

#include "ecsguard/checks/registry/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::registry {

namespace {

// Does `rule` scan the repository for a registry of scan type `type` (BASIC | ENHANCED)?
// BASIC scans on push only; ENHANCED (Amazon Inspector) on push or continuously.
Tri rule_covers(const model::RegistryScanningRule& rule, std::string_view type,
                const model::Str& repository_name) {
  const auto& f = rule.scan_frequency;
  Tri freq = Tri::kNo;
  if (f.unknown()) {
    freq = Tri::kUnknown;
  } else if (f.known()) {
    // Case-sensitive (an invalid value is rejected with the configuration).
    const std::string& v = f.value;
    freq = (v == "SCAN_ON_PUSH" || (type == "ENHANCED" && v == "CONTINUOUS_SCAN")) ? Tri::kYes
                                                                                   : Tri::kNo;
  }
  Tri match = Tri::kNo;
  for (const auto& flt : rule.filters) {
    match = tri_or(match, wildcard_filter_matches(flt.filter, flt.filter_type, repository_name));
  }
  return tri_and(freq, match);
}

struct RegistryView {
  Tri enhanced = Tri::kNo;         // an ENHANCED configuration exists (unknown: a type is unknown)
  Tri enhanced_covers = Tri::kNo;  // an ENHANCED rule scans this repository
  Tri basic_covers = Tri::kNo;     // a BASIC rule (or a rule valid for both types) scans it
  std::string enhanced_id;         // logical id of the ENHANCED configuration
};

RegistryView evaluate_registry(const model::Stack& stack, const model::Str& name) {
  RegistryView v;
  for (const auto& rc : stack.registry_scanning) {
    const auto& t = rc.scan_type;
    // Case-sensitive: a configuration with another ScanType is rejected, so it scans nothing.
    if (t.known() && t.value != "BASIC" && t.value != "ENHANCED") continue;
    const std::string type = t.known() ? t.value : "BASIC";
    for (const auto& rule : rc.rules) {
      if (t.unknown()) {
        const Tri b = rule_covers(rule, "BASIC", name);
        const Tri e = rule_covers(rule, "ENHANCED", name);
        v.basic_covers = tri_or(v.basic_covers, b == e ? b : Tri::kUnknown);
      } else if (type == "ENHANCED") {
        v.enhanced_covers = tri_or(v.enhanced_covers, rule_covers(rule, "ENHANCED", name));
      } else {
        v.basic_covers = tri_or(v.basic_covers, rule_covers(rule, "BASIC", name));
      }
    }
    if (t.unknown()) {
      v.enhanced = tri_or(v.enhanced, Tri::kUnknown);
    } else if (type == "ENHANCED") {
      v.enhanced = Tri::kYes;
      if (v.enhanced_id.empty()) v.enhanced_id = rc.id.name;
    }
  }
  return v;
}

void run(const model::Repository& repo, engine::CheckContext& ctx) {
  const auto who = [&] { return msg::common::Repository{.name = repository_label(repo)}; };
  const RegistryView reg = evaluate_registry(ctx.stack(), repo.repository_name);
  const std::string rules_path = "RegistryScanningConfiguration.Rules";
  const auto filter_unknown = [&] { return msg::reg001::FilterUnknown{.subject = who()}; };
  // Registry-level ENHANCED scanning replaces the repository's ScanOnPush flag: decide first.
  if (reg.enhanced == Tri::kYes) {
    if (reg.enhanced_covers == Tri::kYes || reg.basic_covers == Tri::kYes) return;
    if (reg.enhanced_covers == Tri::kUnknown || reg.basic_covers == Tri::kUnknown) {
      ctx.unknown({}, rules_path, filter_unknown());
      return;
    }
    ctx.fail({}, rules_path,
             msg::reg001::EnhancedNoRule{.subject = who(), .configuration = reg.enhanced_id});
    return;
  }
  if (reg.basic_covers == Tri::kYes) return;
  const auto& sop = repo.scan_on_push;
  if (sop.unknown()) {
    ctx.unknown(sop.loc, "ImageScanningConfiguration.ScanOnPush", sop.reason);
    return;
  }
  if (sop.known() && sop.value) {
    if (reg.enhanced == Tri::kNo) return;
    ctx.unknown({}, "RegistryScanningConfiguration.ScanType", msg::reg001::ScanTypeUnknown{});
    return;
  }
  if (reg.basic_covers == Tri::kUnknown) {
    ctx.unknown({}, rules_path, filter_unknown());
    return;
  }
  if (sop.known()) {
    ctx.fail(sop.loc, "ImageScanningConfiguration.ScanOnPush",
             msg::reg001::ScanOnPushFalse{.subject = who()});
  } else {
    ctx.fail(sop.loc, "ImageScanningConfiguration.ScanOnPush",
             msg::reg001::ScanOnPushAbsent{.subject = who()});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef image_scanning;
const engine::CheckDef image_scanning{
    .id = "REG-001",
    .rationale = i18n::Id::kReg001Rationale,
    .remediation =
        {
            .cdk = "new ecr.Repository(this, 'Repo', { imageScanOnPush: true });\n"
                   "// or, registry-wide with Amazon Inspector:\n"
                   "new ecr.CfnRegistryScanningConfiguration(this, 'Scanning', {\n"
                   "  scanType: 'ENHANCED',\n  rules: [{ scanFrequency: 'CONTINUOUS_SCAN',\n"
                   "    repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }],\n});",
            .cloudformation = "Repository:\n  Type: AWS::ECR::Repository\n  Properties:\n"
                              "    ImageScanningConfiguration:\n      ScanOnPush: true\n"
                              "# or registry-wide:\nScanning:\n"
                              "  Type: AWS::ECR::RegistryScanningConfiguration\n"
                              "  Properties:\n    ScanType: ENHANCED\n    Rules:\n"
                              "      - ScanFrequency: CONTINUOUS_SCAN\n"
                              "        RepositoryFilters:\n"
                              "          - Filter: '*'\n            FilterType: WILDCARD",
            .terraform = "resource \"aws_ecr_repository\" \"app\" {\n  name = \"app\"\n"
                         "  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n"
                         "# or registry-wide:\n"
                         "resource \"aws_ecr_registry_scanning_configuration\" \"this\" {\n"
                         "  scan_type = \"ENHANCED\"\n  rule {\n"
                         "    scan_frequency = \"CONTINUOUS_SCAN\"\n    repository_filter {\n"
                         "      filter      = \"*\"\n      filter_type = \"WILDCARD\"\n    }\n"
                         "  }\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Repository, &run>,
};

}  // namespace ecsguard::checks::registry
