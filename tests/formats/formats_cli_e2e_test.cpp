// The real binary: --format repeatable and comma-separated, --output per format, --output-dir,
// what asff needs before a scan starts, and the fix and doc link in every JSON finding.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "e2e/cli_fixture.h"

namespace {

using ecsguard::test::Cli;
using ecsguard::test::CmdResult;
using ecsguard::test::kInsecureTaskDef;
using ecsguard::test::slurp;

constexpr const char* kPrivilegedTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27.0
          Privileged: true
)";

TEST_F(Cli, EachFormatGoesToItsOutput) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult r = exec("scan td --check CTR-003 -f sarif -o a.sarif -f json -o b.json");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  const auto sarif = nlohmann::json::parse(slurp(dir_ / "a.sarif"));
  EXPECT_EQ(sarif["runs"][0]["results"][0]["ruleId"], "CTR-003");
  const auto json = nlohmann::json::parse(slurp(dir_ / "b.json"));
  EXPECT_EQ(json["findings"][0]["check"], "CTR-003");
}

TEST_F(Cli, OutputDirUsesCheckovNamesAndOneFormatMayUseStdout) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult r = exec(
      "scan td --check CTR-003 -f table -f sarif,junit,markdown,gitlab-sast,html --output-dir out "
      "-o -");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("CTR-003"), std::string::npos);  // the table, on stdout
  for (const char* name : {"results_sarif.sarif", "results_junitxml.xml", "results_markdown.md",
                           "results_gitlab_sast.json", "results.html"}) {
    EXPECT_NE(slurp(dir_ / "out" / name).find("CTR-003"), std::string::npos) << name;
  }
}

TEST_F(Cli, TwoFormatsOnStdoutIsAUsageError) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult r = exec("scan td -f json -f sarif");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("standard output"), std::string::npos) << r.err;
  EXPECT_EQ(exec("scan td -f nope").code, 2);
  EXPECT_EQ(exec("scan td -f json -o a -o b").code, 2);
}

TEST_F(Cli, AsffNeedsAccountAndRegionBeforeScanning) {
  write("td/web.json", kInsecureTaskDef);
  ::unsetenv("AWS_ACCOUNT_ID");
  ::unsetenv("AWS_REGION");
  ::unsetenv("AWS_DEFAULT_REGION");
  CmdResult r = exec("scan td -f asff");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--aws-account"), std::string::npos) << r.err;
  r = exec("scan td -f asff --aws-account 12 --aws-region eu-west-1");
  EXPECT_EQ(r.code, 2);
  r = exec("scan td --check CTR-003 -f asff --aws-account 111122223333 --aws-region eu-west-1");
  EXPECT_EQ(r.code, 1) << r.err;
  const auto a = nlohmann::json::parse(r.out);
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(a[0]["GeneratorId"], "ecsguard/CTR-003");
  write("prev.json", "[{\"Id\": ");
  r = exec(
      "scan td -f asff --aws-account 111122223333 --aws-region eu-west-1 --asff-previous "
      "prev.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("prev.json:1"), std::string::npos) << r.err;
}

TEST_F(Cli, JsonFindingsCarryTheFixForTheirInputAndTheDocPage) {
  write("td/web.json", kInsecureTaskDef);
  write("cfn/stack.yaml", kPrivilegedTemplate);
  const CmdResult r = exec("scan td cfn --check CTR-003 -f json");
  EXPECT_EQ(r.code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 2U) << r.out;
  for (const auto& f : j["findings"]) {
    EXPECT_TRUE(f["help_uri"].get<std::string>().ends_with("/docs/checks/container/CTR-003.md"));
    const auto& fix = f["remediation"];
    ASSERT_TRUE(fix.contains("cloudformation")) << f;
    if (f["location"]["file"] == "cfn/stack.yaml") {
      EXPECT_TRUE(fix.contains("cdk")) << f;  // CDK too for CloudFormation
      EXPECT_FALSE(fix.contains("terraform"));
    } else {
      EXPECT_TRUE(fix.contains("terraform")) << f;
      EXPECT_FALSE(fix.contains("cdk"));
    }
  }
}

TEST_F(Cli, MarkdownAndHtmlInJapanese) {
  write("td/web.json", kInsecureTaskDef);
  CmdResult r = exec("scan td --check CTR-003 --lang ja -f markdown");
  EXPECT_NE(r.out.find("ecsguard スキャン結果"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("不合格"), std::string::npos);
  r = exec("scan td --check CTR-003 --lang ja -f html");
  EXPECT_NE(r.out.find("<html lang=\"ja\">"), std::string::npos);
  EXPECT_NE(r.out.find("検出結果"), std::string::npos);
}

}  // namespace
