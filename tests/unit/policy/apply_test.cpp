// The policy step over findings: overrides, --skip-check, source skips, baseline, acceptances and
// their expiry, and what the verdict counts.
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/policy/matching.h"
#include "ecsguard/policy/policy.h"

namespace ecsguard::policy {
namespace {

using Kind = engine::Suppression::Kind;

engine::Finding finding(std::string_view id, core::Severity sev, const std::string& resource,
                        const std::string& container = {}) {
  engine::Finding f;
  f.entry = engine::find_catalog_entry(id);
  f.severity = sev;
  f.status = core::Status::kFail;
  f.file = "stack/app.yaml";
  f.resource_type = "AWS::ECS::TaskDefinition";
  f.resource_name = resource;
  f.container = container;
  f.loc.line = 10;
  f.fingerprint = std::string(id) + "/" + resource + "/" + container;
  return f;
}

config::AcceptedRisk risk(std::string check, std::string resource, std::string expires) {
  config::AcceptedRisk r;
  r.check = std::move(check);
  r.resource = std::move(resource);
  r.owner = "alice";
  r.reason = "vendor image";
  r.expires = std::move(expires);
  r.source_file = "risks.yaml";
  r.line = 3;
  return r;
}

TEST(Matching, IdsGlobsAndSeverities) {
  EXPECT_TRUE(id_matches("ctr-00*", "CTR-001"));
  EXPECT_FALSE(id_matches("CTR-01*", "CTR-001"));
  EXPECT_TRUE(selects("HIGH", "X", core::Severity::kCritical));
  EXPECT_FALSE(selects("HIGH", "X", core::Severity::kMedium));
  EXPECT_TRUE(skips("MEDIUM", "X", core::Severity::kLow));
  EXPECT_FALSE(skips("MEDIUM", "X", core::Severity::kHigh));
  EXPECT_TRUE(is_valid_pattern("CTR-001"));
  EXPECT_TRUE(is_valid_pattern("LOW"));
  EXPECT_FALSE(is_valid_pattern("CTR-999"));
}

TEST(Apply, EachStepMarksAndTheVerdictCounts) {
  std::vector<engine::Finding> fs = {
      finding("CTR-001", core::Severity::kHigh, "A", "web"),    // accepted
      finding("CTR-004", core::Severity::kHigh, "A", "web"),    // expired acceptance: fails
      finding("CTR-002", core::Severity::kMedium, "A", "web"),  // --skip-check MEDIUM
      finding("CTR-003", core::Severity::kHigh, "B"),           // inline skip
      finding("CTR-005", core::Severity::kHigh, "C"),           // baseline
      finding("CTR-006", core::Severity::kCritical, "D"),       // override -> high, fails
      finding("CTR-007", core::Severity::kHigh, "E"),           // fails
  };
  Policy p;
  p.today = "2026-06-01";
  p.skip_checks = {"MEDIUM"};
  p.severity_overrides = {{"CTR-006", core::Severity::kHigh}};
  p.accepted_risks = {risk("CTR-001", "A/web", "2026-12-31"), risk("CTR-004", "A", "2026-05-31"),
                      risk("CTR-009", "Z", "2027-01-01")};
  Baseline b;
  b.path = ".ecsguard.baseline";
  b.entries.emplace("stack/app.yaml", "AWS::ECS::TaskDefinition.C", "CTR-005");
  p.baseline = b;
  SourceSkip s;
  s.file = "stack/app.yaml";
  s.ids = {"CTR-003"};
  s.reason = "reason";
  s.source = "inline";
  s.resource = "B";
  s.from = 1;
  s.to = 5;
  const std::vector<SourceSkip> skips = {s};
  std::vector<engine::Diagnostic> notes;
  const Verdict v = apply(p, fs, skips, notes, i18n::Lang::kEn);

  ASSERT_TRUE(fs[0].suppression);
  EXPECT_EQ(fs[0].suppression->kind, Kind::kAccepted);
  EXPECT_EQ(fs[0].suppression->owner, "alice");
  EXPECT_TRUE(fs[0].suppressed());
  ASSERT_TRUE(fs[1].suppression);
  EXPECT_TRUE(fs[1].suppression->expired);
  EXPECT_FALSE(fs[1].suppressed()) << "an expired acceptance counts again";
  EXPECT_EQ(fs[2].suppression->source, "skip-check");
  EXPECT_EQ(fs[3].suppression->source, "inline");
  EXPECT_EQ(fs[4].suppression->kind, Kind::kBaseline);
  EXPECT_EQ(fs[5].severity, core::Severity::kHigh);
  EXPECT_FALSE(fs[5].suppression);
  EXPECT_FALSE(fs[6].suppression);

  EXPECT_EQ(v.failing, 3u) << "CTR-004 (expired), CTR-006 and CTR-007";
  EXPECT_EQ(v.accepted, 1u);
  EXPECT_EQ(v.suppressed, 2u);
  EXPECT_EQ(v.baselined, 1u);
  EXPECT_EQ(v.expired, 1u);

  ASSERT_EQ(notes.size(), 2u);
  EXPECT_NE(notes[0].message.find("expired on 2026-05-31"), std::string::npos) << notes[0].message;
  EXPECT_EQ(notes[0].file, "risks.yaml");
  EXPECT_EQ(notes[0].line, 3u);
  EXPECT_NE(notes[1].message.find("matched no finding"), std::string::npos) << notes[1].message;
}

TEST(Apply, AnAcceptanceMatchesByResourceContainerCdkPathAndFile) {
  auto f = finding("CTR-001", core::Severity::kHigh, "WebTaskDef", "web");
  f.cdk_path = "AppStack/Web/TaskDef/Resource";
  EXPECT_TRUE(accepts(risk("CTR-001", "WebTaskDef", "2099-01-01"), f));
  EXPECT_TRUE(accepts(risk("CTR-*", "WebTaskDef/web", "2099-01-01"), f));
  EXPECT_TRUE(accepts(risk("CTR-001", "AppStack/Web/*", "2099-01-01"), f));
  EXPECT_FALSE(accepts(risk("CTR-001", "WebTaskDef/db", "2099-01-01"), f));
  auto in_file = risk("CTR-001", "*", "2099-01-01");
  in_file.file = "other/*.yaml";
  EXPECT_FALSE(accepts(in_file, f));
  in_file.file = "stack/*";
  EXPECT_TRUE(accepts(in_file, f));
}

TEST(Baseline, WrittenThenReadMatchesByFileResourceAndCheckNotLine) {
  std::vector<engine::Finding> fs = {finding("CTR-001", core::Severity::kHigh, "A", "web"),
                                     finding("CTR-002", core::Severity::kHigh, "B")};
  fs[1].suppression =
      std::make_shared<const engine::Suppression>();  // suppressed findings are not recorded
  std::ostringstream out;
  write_baseline(fs, out);
  EXPECT_EQ(out.str(),
            "{\n  \"failed_checks\": [\n    {\n      \"file\": \"stack/app.yaml\",\n"
            "      \"findings\": [\n        {\n          \"resource\": "
            "\"AWS::ECS::TaskDefinition.A\",\n          \"check_ids\": [\n            "
            "\"CTR-001\"\n          ]\n        }\n      ]\n    }\n  ],\n  \"fingerprints\": "
            "[\n    \"CTR-001/A/web\"\n  ]\n}\n");
}

}  // namespace
}  // namespace ecsguard::policy
