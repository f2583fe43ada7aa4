// Every file format on the same hand-built findings: the fields each consumer requires, the caps,
// the stable ids, the language, and what the formats must never do (load anything, lose a
// finding silently).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/report/asff.h"
#include "ecsguard/report/formats.h"
#include "ecsguard/report/output_plan.h"
#include "ecsguard/report/projection.h"

namespace ecsguard::report {
namespace {

using nlohmann::json;

engine::Finding make_finding(std::string_view id, core::Status status, std::string fingerprint,
                             model::Origin origin = model::Origin::kCloudFormation) {
  engine::Finding f;
  f.entry = engine::find_catalog_entry(id);
  f.check = engine::find_check(id);
  f.severity = f.entry ? f.entry->severity : core::Severity::kInfo;
  f.status = status;
  f.resource_type = "AWS::ECS::TaskDefinition";
  f.resource_name = "WebTaskDef";
  f.container = "web";
  f.origin = origin;
  f.loc.line = 42;
  f.file = "stack.yaml";
  f.property = "ContainerDefinitions[web].Privileged";
  f.message = "container 'web' runs privileged <&>";
  f.fingerprint = std::move(fingerprint);
  return f;
}

class Formats : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(engine::find_check("CTR-002"), nullptr) << "CTR-002 must be implemented";
    ASSERT_NE(engine::find_check("CTR-001"), nullptr);
    findings_.push_back(make_finding("CTR-002", core::Status::kFail, "00000000000000a1"));
    findings_.push_back(make_finding("CTR-001", core::Status::kUnknown, "00000000000000b2"));
    findings_.push_back(make_finding("CTR-001", core::Status::kWarn, "00000000000000c3",
                                     model::Origin::kTerraform));
    data_.findings = findings_;
    data_.files_discovered = 1;
    data_.files_scanned = 1;
    options_.now = "2026-12-03T20:30:50Z";
    options_.aws_account = "111122223333";
    options_.aws_region = "eu-west-1";
  }

  std::string run(void (*writer)(const ReportData&, std::ostream&, const WriteOptions&),
                  i18n::Lang lang = i18n::Lang::kEn) {
    std::ostringstream out;
    WriteOptions o = options_;
    o.lang = lang;
    writer(data_, out, o);
    return out.str();
  }

  std::vector<engine::Finding> findings_;
  ReportData data_;
  WriteOptions options_;
};

TEST(Projection, SeverityTableMatchesConventions) {
  EXPECT_EQ(sarif_level(core::Severity::kCritical), "error");
  EXPECT_EQ(sarif_level(core::Severity::kMedium), "warning");
  EXPECT_EQ(sarif_level(core::Severity::kInfo), "note");
  EXPECT_EQ(security_severity(core::Severity::kCritical), "9.5");
  EXPECT_EQ(security_severity(core::Severity::kHigh), "8.0");
  EXPECT_EQ(security_severity(core::Severity::kLow), "2.0");
  EXPECT_EQ(security_severity(core::Severity::kInfo), "");
  EXPECT_EQ(asff_label(core::Severity::kInfo), "INFORMATIONAL");
  EXPECT_EQ(gitlab_severity(core::Severity::kHigh), "High");
}

TEST(Projection, TruncateKeepsUtf8Whole) {
  const std::string ja = "日本語のテキスト";  // 3 bytes per character
  const std::string cut = truncate_utf8(ja, 10);
  EXPECT_LE(cut.size(), 10U);
  EXPECT_EQ(cut, "日本…");  // 6 bytes + the 3-byte ellipsis; a 4th partial character is dropped
  EXPECT_EQ(truncate_utf8("short", 10), "short");
}

TEST(Projection, RemediationFitsTheInputFormat) {
  auto f = make_finding("CTR-002", core::Status::kFail, "1");
  auto snippets = remediation_for(f);
  ASSERT_EQ(snippets.size(), 2U);
  EXPECT_EQ(snippets[0].format, "cloudformation");
  EXPECT_EQ(snippets[1].format, "cdk");
  f.origin = model::Origin::kTerraform;
  snippets = remediation_for(f);
  ASSERT_EQ(snippets.size(), 1U);
  EXPECT_EQ(snippets[0].format, "terraform");
  EXPECT_EQ(help_uri(f), std::string(kDocsBaseUri) + "container/CTR-002.md");
}

TEST_F(Formats, SarifHasWhatGithubRequires) {
  const json s = json::parse(run(&write_sarif));
  EXPECT_EQ(s["version"], "2.1.0");
  const auto& run0 = s["runs"][0];
  const auto& rules = run0["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2U);  // one per check, not per finding
  for (const auto& r : rules) {
    EXPECT_FALSE(r["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(r["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(r["help"]["text"].get<std::string>().empty());
    EXPECT_NE(r["help"]["markdown"].get<std::string>().find("```yaml"), std::string::npos);
    EXPECT_LE(r["name"].get<std::string>().size(), 255U);
  }
  const auto& results = run0["results"];
  ASSERT_EQ(results.size(), 3U);
  const auto& first = results[0];
  EXPECT_EQ(first["ruleId"], "CTR-002");
  EXPECT_EQ(rules[first["ruleIndex"].get<std::size_t>()]["id"], "CTR-002");
  EXPECT_EQ(first["partialFingerprints"]["ecsguard/v1"], "00000000000000a1");
  const std::string uri = first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  EXPECT_FALSE(uri.starts_with('/')) << uri;
  EXPECT_TRUE(uri.ends_with("stack.yaml")) << uri;
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["region"]["startLine"], 42);
  // An undetermined result is for review, never an error.
  EXPECT_EQ(results[1]["kind"], "review");
  EXPECT_EQ(results[1]["level"], "none");
  EXPECT_EQ(results[2]["level"], "warning");
  const auto* ctr002 = engine::find_catalog_entry("CTR-002");
  const auto sev = std::string(security_severity(ctr002->severity));
  const auto& rule002 = rules[first["ruleIndex"].get<std::size_t>()];
  if (!sev.empty()) {
    EXPECT_EQ(rule002["properties"]["security-severity"], sev);
  }
  EXPECT_TRUE(
      run0["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>().starts_with("file:///"));
}

TEST_F(Formats, AsffIsBatchImportReady) {
  const json a = json::parse(run(&write_asff));
  ASSERT_TRUE(a.is_array());
  ASSERT_EQ(a.size(), 3U);
  const auto& f = a[0];
  EXPECT_EQ(f["Id"], "ecsguard/iac/CTR-002/111122223333/eu-west-1/00000000000000a1");
  EXPECT_EQ(f["ProductArn"],
            "arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default");
  EXPECT_EQ(f["GeneratorId"], "ecsguard/CTR-002");
  EXPECT_EQ(f["CreatedAt"], "2026-12-03T20:30:50Z");
  EXPECT_EQ(f["RecordState"], "ACTIVE");
  EXPECT_EQ(f["Compliance"]["Status"], "FAILED");
  EXPECT_EQ(a[1]["Compliance"]["Status"], "NOT_AVAILABLE");
  EXPECT_EQ(a[2]["Compliance"]["Status"], "WARNING");
  EXPECT_LE(f["Title"].get<std::string>().size(), 256U);
  EXPECT_LE(f["Remediation"]["Recommendation"]["Text"].get<std::string>().size(), 512U);
  EXPECT_EQ(f["Resources"][0]["Type"], "Other");
}

TEST_F(Formats, AsffArchivesWhatIsGoneAndKeepsCreatedAt) {
  const std::string previous = R"([
    {"Id": "ecsguard/iac/CTR-002/111122223333/eu-west-1/00000000000000a1", "GeneratorId": "ecsguard/CTR-002",
     "CreatedAt": "2026-01-01T00:00:00Z", "UpdatedAt": "2026-01-01T00:00:00Z", "RecordState": "ACTIVE"},
    {"Id": "ecsguard/iac/CTR-004/111122223333/eu-west-1/00000000000000ff", "GeneratorId": "ecsguard/CTR-004",
     "CreatedAt": "2026-02-01T00:00:00Z", "RecordState": "ACTIVE", "Severity": {"Label": "HIGH"},
     "Compliance": {"Status": "FAILED"}},
    {"Id": "other-tool/1", "GeneratorId": "prowler-x", "RecordState": "ACTIVE"}
  ])";
  auto parsed = parse_previous_asff(previous, "prev.json", core::Limits{});
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->findings.size(), 2U);  // only ecsguard's own findings
  options_.previous_asff = std::make_shared<const PreviousAsff>(std::move(*parsed));
  const json a = json::parse(run(&write_asff));
  ASSERT_EQ(a.size(), 4U);
  EXPECT_EQ(a[0]["CreatedAt"], "2026-01-01T00:00:00Z");  // first detection kept
  EXPECT_EQ(a[0]["UpdatedAt"], "2026-12-03T20:30:50Z");
  const auto& gone = a[3];
  EXPECT_EQ(gone["Id"], "ecsguard/iac/CTR-004/111122223333/eu-west-1/00000000000000ff");
  EXPECT_EQ(gone["RecordState"], "ARCHIVED");
  EXPECT_EQ(gone["UpdatedAt"], "2026-12-03T20:30:50Z");
  EXPECT_EQ(gone["Compliance"]["Status"], "PASSED");
  EXPECT_EQ(gone["Severity"]["Label"], "HIGH");
}

TEST(AsffPrevious, BadInputIsALocatedError) {
  const auto broken = parse_previous_asff("[\n{\"Id\": }\n]", "prev.json", core::Limits{});
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("prev.json:2"), std::string::npos)
      << broken.error().message;
  const auto shape = parse_previous_asff("{\"x\": 1}", "prev.json", core::Limits{});
  ASSERT_FALSE(shape);
  EXPECT_NE(shape.error().message.find("prev.json:1"), std::string::npos);
  core::Limits tight;
  tight.max_depth = 4;
  EXPECT_FALSE(parse_previous_asff("[[[[[[[[1]]]]]]]]", "p", tight));
}

TEST(AsffOptions, NeedAccountAndRegion) {
  EXPECT_NE(asff_options_problem("", "eu-west-1", i18n::Lang::kEn), "");
  EXPECT_NE(asff_options_problem("1234", "eu-west-1", i18n::Lang::kEn), "");
  EXPECT_EQ(asff_options_problem("111122223333", "eu-west-1", i18n::Lang::kEn), "");
}

TEST_F(Formats, JunitFollowsCheckovLayout) {
  const std::string x = run(&write_junit);
  EXPECT_NE(x.find("<testsuite name=\"cloudformation scan\" tests=\"2\" failures=\"1\""),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<testsuite name=\"terraform scan\" tests=\"1\" failures=\"0\""),
            std::string::npos);
  EXPECT_NE(
      x.find("name=\"[" + std::string(core::to_string(findings_[0].severity)) + "][CTR-002] "),
      std::string::npos);
  EXPECT_NE(x.find("<failure type=\"failure\""), std::string::npos);
  // Text is escaped: the message's <&> never opens a tag.
  EXPECT_EQ(x.find("privileged <&>"), std::string::npos);
  EXPECT_NE(x.find("privileged &lt;&amp;&gt;"), std::string::npos);
  EXPECT_EQ(std::count(x.begin(), x.end(), '<') - std::count(x.begin(), x.end(), '>'), 0);
}

TEST_F(Formats, MarkdownIsCappedAndSaysWhatItCut) {
  std::vector<engine::Finding> many;
  many.reserve(3000);
  for (int i = 0; i < 3000; ++i) {
    many.push_back(make_finding("CTR-002", core::Status::kFail, std::to_string(i)));
  }
  data_.findings = many;
  const std::string md = run(&write_markdown);
  EXPECT_LE(md.size(), 60U * 1024U);
  const std::regex cut(R"((\d+) more finding\(s\) not shown)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(md, m, cut)) << md.substr(md.size() - 300);
  const auto rows = static_cast<std::size_t>(std::count(md.begin(), md.end(), '\n'));
  EXPECT_GT(rows, 100U);
  // Every finding is either a row or counted as cut.
  std::size_t shown = 0;
  for (std::size_t p = md.find("| CTR-002 |"); p != std::string::npos;
       p = md.find("| CTR-002 |", p + 1)) {
    ++shown;
  }
  EXPECT_EQ(shown + std::stoul(m[1].str()), many.size());
}

TEST_F(Formats, MarkdownPutsFailingFirst) {
  const std::string md = run(&write_markdown);
  const auto fail_row = md.find("| CTR-002 |");
  const auto other_row = md.find("| CTR-001 |");
  ASSERT_NE(fail_row, std::string::npos);
  ASSERT_NE(other_row, std::string::npos);
  EXPECT_LT(fail_row, other_row);
  EXPECT_EQ(md.find("<&>"), std::string::npos);
}

TEST_F(Formats, GitlabIdsAreStableUuids) {
  const json a = json::parse(run(&write_gitlab_sast));
  const json b = json::parse(run(&write_gitlab_sast));
  EXPECT_EQ(a["version"], "15.0.4");
  const auto& v = a["vulnerabilities"];
  ASSERT_EQ(v.size(), 3U);
  const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  for (std::size_t i = 0; i < v.size(); ++i) {
    EXPECT_TRUE(std::regex_match(v[i]["id"].get<std::string>(), uuid)) << v[i]["id"];
    EXPECT_EQ(v[i]["id"], b["vulnerabilities"][i]["id"]);
  }
  EXPECT_NE(v[1]["id"], v[2]["id"]);
  EXPECT_EQ(v[0]["identifiers"][0]["value"], "CTR-002");
  EXPECT_EQ(a["scan"]["start_time"], "2026-12-03T20:30:50");
}

TEST_F(Formats, HtmlIsSelfContained) {
  const std::string h = run(&write_html);
  EXPECT_NE(h.find("<svg class=\"layers\""), std::string::npos);
  EXPECT_NE(h.find("default-src 'none'"), std::string::npos);
  for (const char* loads : {"<link", " src=", "url(", "@import", "fetch(", "XMLHttpRequest"}) {
    EXPECT_EQ(h.find(loads), std::string::npos) << loads;
  }
  EXPECT_EQ(h.find("privileged <&>"), std::string::npos);
  std::size_t articles = 0;
  for (auto p = h.find("<article class=\"finding"); p != std::string::npos;
       p = h.find("<article class=\"finding", p + 1)) {
    ++articles;
  }
  EXPECT_EQ(articles, 3U);
  EXPECT_NE(h.find("data-layer=\"container\" data-severity"), std::string::npos);
}

// Japanese reports carry the Japanese labels (the finding text comes from the scan, already in
// the report language).
TEST_F(Formats, JapaneseLabelsInEveryFormat) {
  const std::string md = run(&write_markdown, i18n::Lang::kJa);
  EXPECT_NE(md.find("ecsguard スキャン結果"), std::string::npos);
  EXPECT_EQ(md.find("Check ID"), std::string::npos);
  const std::string h = run(&write_html, i18n::Lang::kJa);
  EXPECT_NE(h.find("<html lang=\"ja\">"), std::string::npos);
  EXPECT_NE(h.find("Fargate で AWS が守るレイヤー"), std::string::npos);
  for (const char* en : {"Findings", "Why it matters", "How to fix", "not checked", "Filter"}) {
    EXPECT_EQ(h.find(std::string(">") + en), std::string::npos) << en;
  }
  const std::string x = run(&write_junit, i18n::Lang::kJa);
  EXPECT_NE(x.find("リソース: "), std::string::npos);
  const json s = json::parse(run(&write_sarif, i18n::Lang::kJa));
  EXPECT_NE(
      s["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"].get<std::string>().find("直し方"),
      std::string::npos);
}

TEST(OutputPlan, FormatsOutputsAndDirectory) {
  const std::vector<std::string> none;
  auto plain = plan_outputs(none, none, "");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->size(), 1U);
  EXPECT_EQ(plain->at(0).writer->name, "table");
  EXPECT_TRUE(plain->at(0).to_stdout());

  const std::vector<std::string> formats = {"table", "sarif,json", "html"};
  const std::vector<std::string> outputs = {"-", "out.sarif"};
  auto plan = plan_outputs(formats, outputs, "reports");
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_EQ(plan->size(), 4U);
  EXPECT_TRUE(plan->at(0).to_stdout());
  EXPECT_EQ(plan->at(1).path, "out.sarif");
  EXPECT_EQ(plan->at(2).path, "reports/results_json.json");
  EXPECT_EQ(plan->at(3).path, "reports/results.html");

  const std::vector<std::string> two = {"json", "sarif"};
  EXPECT_FALSE(plan_outputs(two, none, ""));  // both on stdout
  const std::vector<std::string> three_out = {"a", "b", "c"};
  EXPECT_FALSE(plan_outputs(two, three_out, ""));  // more files than formats
  const std::vector<std::string> aliases = {"cli,junitxml"};
  auto checkov_names = plan_outputs(aliases, none, "d");
  ASSERT_TRUE(checkov_names);
  EXPECT_EQ(checkov_names->at(0).writer->name, "table");
  EXPECT_EQ(checkov_names->at(1).path, "d/results_junitxml.xml");
  const std::vector<std::string> bogus = {"sarif,nope"};
  EXPECT_FALSE(plan_outputs(bogus, none, "d"));
}

}  // namespace
}  // namespace ecsguard::report
