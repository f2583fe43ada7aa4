// Runs the real ecsguard binary in a temporary directory (ripgrep's integration-test style).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.h"

namespace {

using ecsguard::test::Cli;
using ecsguard::test::CmdResult;
using ecsguard::test::kInsecureTaskDef;
using ecsguard::test::slurp;

constexpr const char* kCleanTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
)";

TEST(CliBasics, VersionPrintsNameAndVersion) {
  const std::string cmd = std::string(ECSGUARD_EXE) + " --version";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[256] = {};
  const size_t n = fread(buf, 1, sizeof buf - 1, p);
  const int status = ::pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(std::string(buf, n).rfind("ecsguard ", 0), 0u) << buf;
}

TEST_F(Cli, FindingsAtOrAboveThresholdExitOne) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult r = exec("scan td --format json --check CTR-003");
  EXPECT_EQ(r.code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tool"]["name"], "ecsguard");
  ASSERT_EQ(j["findings"].size(), 1u) << r.out;
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["check"], "CTR-003");
  EXPECT_EQ(f["severity"], "HIGH");
  EXPECT_EQ(f["layer"], "container");
  EXPECT_EQ(f["status"], "fail");
  EXPECT_EQ(f["resource"]["type"], "AWS::ECS::TaskDefinition");
  EXPECT_EQ(f["resource"]["name"], "web");
  EXPECT_EQ(f["resource"]["container"], "app");
  EXPECT_EQ(f["location"]["file"], "td/web.json");
  EXPECT_EQ(f["location"]["line"], 11);
  EXPECT_EQ(f["controls"]["security_hub"][0], "ECS.4");
  EXPECT_EQ(f["controls"]["nist_800_190"][0], "4.4.3");
  EXPECT_EQ(f["fingerprint"].get<std::string>().size(), 16u);
  EXPECT_TRUE(j["errors"].empty());
}

TEST_F(Cli, FailOnCriticalOrNeverExitZero) {
  write("td/web.json", kInsecureTaskDef);
  EXPECT_EQ(exec("scan td --check CTR-003 --fail-on critical").code, 0);
  EXPECT_EQ(exec("scan td --check CTR-003 --fail-on never").code, 0);
  EXPECT_EQ(exec("scan td --check CTR-003 --fail-on bogus").code, 2);
}

TEST_F(Cli, FingerprintIgnoresLineShifts) {
  write("td/web.json", kInsecureTaskDef);
  const auto a = nlohmann::json::parse(exec("scan td -f json --check CTR-003").out);
  write("td/web.json", std::string("\n\n\n") + kInsecureTaskDef);
  const auto b = nlohmann::json::parse(exec("scan td -f json --check CTR-003").out);
  ASSERT_EQ(a["findings"].size(), 1u);
  ASSERT_EQ(b["findings"].size(), 1u);
  EXPECT_NE(a["findings"][0]["location"]["line"], b["findings"][0]["location"]["line"]);
  EXPECT_EQ(a["findings"][0]["fingerprint"], b["findings"][0]["fingerprint"]);
}

TEST_F(Cli, BrokenInputExitsThreeAndOthersAreStillReported) {
  write("stack/good.json", kInsecureTaskDef);
  write("stack/broken.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [unclosed\n");
  const CmdResult r = exec("scan stack -f json --check CTR-003");
  EXPECT_EQ(r.code, 3) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["findings"].size(), 1u);
  ASSERT_FALSE(j["errors"].empty());
  EXPECT_EQ(j["errors"][0]["file"], "stack/broken.yaml");
  EXPECT_GT(j["errors"][0]["line"].get<int>(), 0);
  EXPECT_NE(r.err.find("stack/broken.yaml"), std::string::npos) << r.err;
}

TEST_F(Cli, NothingToScanIsAUsageError) {
  write("empty/readme.txt", "hello");
  EXPECT_EQ(exec("scan empty").code, 2);
  EXPECT_EQ(exec("scan does-not-exist").code, 2);
  EXPECT_EQ(exec("scan --no-such-flag").code, 2);
  EXPECT_EQ(exec("scan . --check NOPE-999").code, 2);
}

TEST_F(Cli, CleanStackExitsZeroAndTableGoesToStdout) {
  write("ok/template.yaml", kCleanTemplate);
  const CmdResult r = exec("scan ok");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASSED"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("AWS's responsibility"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour when not a TTY";
}

TEST_F(Cli, OutputFileGetsTheReport) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult r = exec("scan td -f json -o report.json --check CTR-003");
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  const auto j = nlohmann::json::parse(slurp(dir_ / "report.json"));
  EXPECT_EQ(j["findings"].size(), 1u);
}

TEST_F(Cli, ChecksJsonListsTheWholeCatalog) {
  const CmdResult r = exec("checks --format json");
  ASSERT_EQ(r.code, 0);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["checks"].size(), 113u);
  bool ctr003 = false;
  for (const auto& c : j["checks"]) {
    EXPECT_TRUE(c.contains("id") && c.contains("title") && c.contains("layer") &&
                c.contains("severity") && c.contains("implemented"));
    if (c["id"] == "CTR-003") ctr003 = c["implemented"].get<bool>();
  }
  EXPECT_TRUE(ctr003);
}

TEST_F(Cli, ExplainShowsFixesForAllThreeTools) {
  const CmdResult r = exec("explain ctr-003");
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("CTR-003"), std::string::npos);
  EXPECT_NE(r.out.find("Fix with AWS CDK"), std::string::npos);
  EXPECT_NE(r.out.find("Fix with CloudFormation"), std::string::npos);
  EXPECT_NE(r.out.find("Fix with Terraform"), std::string::npos);
  EXPECT_EQ(exec("explain NOPE-1").code, 2);
}

TEST_F(Cli, OutputIsIdenticalWhateverTheThreadCount) {
  for (int i = 0; i < 12; ++i) {
    std::string td = kInsecureTaskDef;
    td.replace(td.find("\"web\""), 5, "\"web" + std::to_string(i) + "\"");
    write("many/td" + std::to_string(i) + ".json", td);
  }
  const CmdResult one = exec("scan many -f json --threads 1");
  const CmdResult four = exec("scan many -f json --threads 4");
  EXPECT_EQ(one.code, four.code);
  EXPECT_EQ(one.out, four.out);
}

TEST_F(Cli, FingerprintIgnoresHowThePathIsTyped) {
  write("td/web.json", kInsecureTaskDef);
  const auto a = nlohmann::json::parse(exec("scan td -f json --check CTR-003").out);
  const auto b = nlohmann::json::parse(exec("scan ./td/ -f json --check CTR-003").out);
  ASSERT_EQ(a["findings"].size(), 1u);
  ASSERT_EQ(b["findings"].size(), 1u);
  EXPECT_EQ(a["findings"][0]["fingerprint"], b["findings"][0]["fingerprint"]);
  EXPECT_EQ(b["findings"][0]["location"]["file"], "td/web.json");
}

TEST_F(Cli, UnknownContainerListIsReportedAsUnknownNotPassed) {
  write("cfn/t.yaml", R"(Parameters:
  Mode:
    Type: String
Conditions:
  Debug: !Equals [!Ref Mode, debug]
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: !If
        - Debug
        - [{Name: app, Image: nginx, Privileged: true}]
        - [{Name: app, Image: nginx}]
)");
  const CmdResult r = exec("scan cfn -f json --check CTR-003");
  EXPECT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u) << r.out;
  EXPECT_EQ(j["findings"][0]["status"], "unknown");
  EXPECT_EQ(j["findings"][0]["resource"]["name"], "TaskDef");
  EXPECT_NE(j["findings"][0]["message"].get<std::string>().find("Debug"), std::string::npos)
      << j["findings"][0]["message"];
}

}  // namespace
