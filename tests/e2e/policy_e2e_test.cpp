// The policy step through the real binary: .ecsguard.yaml discovery and its errors, skips written
// in the files, accepted risks with expiry, baselines, and the table a person reads.
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_fixture.h"

namespace ecsguard::test {
namespace {

constexpr const char* kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: web
          Image: nginx:latest
          Privileged: true  # ecsguard:skip=CTR-003:the VPN sidecar needs it (SEC-123)
  ApiTaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: api  # ecsguard:skip=CTR-001
          Image: nginx:latest
          Privileged: true
)";

using nlohmann::json;

std::vector<json> by_check(const json& doc, std::string_view id) {
  std::vector<json> out;
  for (const auto& f : doc["findings"]) {
    if (f["check"] == id) out.push_back(f);
  }
  return out;
}

TEST_F(Cli, InlineSkipIsKeptMarkedAndOneWithoutReasonIsRefused) {
  write("stack/app.yaml", kTemplate);
  const CmdResult r = exec("scan stack -f json --check CTR-003,CTR-001");
  ASSERT_EQ(r.code, 1) << r.err;
  const auto j = json::parse(r.out);
  const auto priv = by_check(j, "CTR-003");
  ASSERT_EQ(priv.size(), 2u) << r.out;
  const auto& web = priv[0]["resource"]["name"] == "WebTaskDef" ? priv[0] : priv[1];
  const auto& api = priv[0]["resource"]["name"] == "WebTaskDef" ? priv[1] : priv[0];
  EXPECT_EQ(web["suppression"]["kind"], "suppressed");
  EXPECT_EQ(web["suppression"]["source"], "inline");
  EXPECT_EQ(web["suppression"]["reason"], "the VPN sidecar needs it (SEC-123)");
  EXPECT_FALSE(api.contains("suppression")) << "a skip applies to its own resource only";
  bool refused = false;
  for (const auto& e : j["errors"]) {
    if (e["line"] == 22 &&
        e["message"].get<std::string>().find("needs a reason") != std::string::npos) {
      refused = true;
      EXPECT_FALSE(e["input_lost"].get<bool>());
    }
  }
  EXPECT_TRUE(refused) << r.out;
  EXPECT_EQ(j["summary"]["policy"]["suppressed"], 1);
}

TEST_F(Cli, ConfigFileIsFoundAndItsErrorsAreLocated) {
  write("stack/web.json", kInsecureTaskDef);
  write("stack/.ecsguard.yaml", "skip-check: [CTR-003]\nfail-on: critical\n");
  const CmdResult r = exec("scan stack -f json --check CTR-003");
  EXPECT_EQ(r.code, 0) << r.err;
  const auto j = json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["suppression"]["source"], "skip-check");
  EXPECT_EQ(j["summary"]["fail_on"], "critical");

  write("stack/.ecsguard.yaml", "fail-on: high\nskip-chek: [CTR-003]\n");
  const CmdResult bad = exec("scan stack --check CTR-003");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("stack/.ecsguard.yaml:2:1: unknown key 'skip-chek' (did you mean "
                         "'skip-check'?)"),
            std::string::npos)
      << bad.err;

  write("other.yaml", "fail-on: never\n");
  EXPECT_EQ(exec("scan stack --check CTR-003 --config-file other.yaml").code, 0)
      << "--config-file replaces the search";
  EXPECT_EQ(exec("scan stack --check CTR-003 --config-file missing.yaml").code, 2);
}

TEST_F(Cli, SkipCheckOnTheCommandLineAndUnknownPatterns) {
  write("td/web.json", kInsecureTaskDef);
  EXPECT_EQ(exec("scan td --check CTR-003 --skip-check CTR-003").code, 0);
  EXPECT_EQ(exec("scan td --check CTR-003 --skip-check HIGH").code, 0) << "HIGH and below";
  const CmdResult bad = exec("scan td --skip-check CTR-999");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("'CTR-999' names no check"), std::string::npos) << bad.err;
}

TEST_F(Cli, AcceptedRiskWithExpiryShowsInJsonAndTableAndExpiredFailsAgain) {
  write("td/web.json", kInsecureTaskDef);
  write("risks.yaml", R"(accepted-risks:
  - check: CTR-003
    resource: web/app
    owner: alice
    reason: vendor image, replaced in Q3
    expires: 2099-12-31
)");
  const CmdResult ok = exec("scan td -f json --check CTR-003 --accepted-risks risks.yaml");
  EXPECT_EQ(ok.code, 0) << ok.err;
  const auto j = json::parse(ok.out);
  const auto& s = j["findings"][0]["suppression"];
  EXPECT_EQ(s["kind"], "accepted");
  EXPECT_EQ(s["owner"], "alice");
  EXPECT_EQ(s["expires"], "2099-12-31");
  EXPECT_EQ(s["expired"], false);
  const CmdResult table = exec("scan td --check CTR-003 --accepted-risks risks.yaml --color never");
  EXPECT_NE(table.out.find("ACCEPTED  CTR-003"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("risk accepted by alice until 2099-12-31: vendor image"),
            std::string::npos)
      << table.out;

  write("risks.yaml", R"(accepted-risks:
  - {check: CTR-003, resource: web, owner: bob, reason: old, expires: 2020-01-01}
)");
  const CmdResult expired = exec("scan td -f json --check CTR-003 --accepted-risks risks.yaml");
  EXPECT_EQ(expired.code, 1) << "an expired acceptance fails again";
  const auto e = json::parse(expired.out);
  EXPECT_EQ(e["findings"][0]["suppression"]["expired"], true);
  EXPECT_EQ(e["summary"]["policy"]["expired"], 1);
  EXPECT_NE(expired.out.find("expired on 2020-01-01"), std::string::npos) << expired.out;
}

TEST_F(Cli, BaselineAdoptsTheExistingFindingsAndNewOnesStillFail) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult create = exec("scan td --check CTR-003 --create-baseline .ecsguard.baseline");
  EXPECT_EQ(create.code, 1);
  const auto b = json::parse(slurp(dir_ / ".ecsguard.baseline"));
  EXPECT_EQ(b["failed_checks"][0]["findings"][0]["check_ids"][0], "CTR-003");
  EXPECT_EQ(exec("scan td --check CTR-003 --baseline .ecsguard.baseline").code, 0);
  // A new privileged container in another task definition is not in the baseline.
  std::string other = kInsecureTaskDef;
  other.replace(other.find("\"web\""), 5, "\"api\"");
  write("td/api.json", other);
  const CmdResult r = exec("scan td -f json --check CTR-003 --baseline .ecsguard.baseline");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(json::parse(r.out)["summary"]["policy"]["baselined"], 1);
}

TEST_F(Cli, TableGroupsByResourceSortsBySeverityAndFitsTheWidth) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult r = exec("scan td --color never");
  ASSERT_EQ(r.code, 1);
  const auto layers = r.out.find("── Layers");
  const auto heading = r.out.find("── Findings by resource");
  ASSERT_NE(layers, std::string::npos);
  ASSERT_NE(heading, std::string::npos);
  EXPECT_LT(layers, heading) << "the layer picture comes first";
  EXPECT_NE(r.out.find("  web  AWS::ECS::TaskDefinition · td/web.json"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  › app"), std::string::npos) << r.out;
  // Most severe first: no CRITICAL/HIGH line after a MEDIUM/LOW one in the group.
  std::istringstream lines(r.out.substr(heading));
  std::string line;
  int last = 5;
  const auto level = [](const std::string& l) {
    for (auto [name, n] : {std::pair{"CRITICAL", 4},
                           {"HIGH    ", 3},
                           {"MEDIUM  ", 2},
                           {"LOW     ", 1},
                           {"INFO    ", 0}}) {
      if (l.rfind(std::string("    ") + name, 0) == 0) return n;
    }
    return -1;
  };
  int seen = 0;
  while (std::getline(lines, line)) {
    const int n = level(line);
    if (n < 0) continue;
    ++seen;
    EXPECT_LE(n, last) << line;
    last = n;
  }
  EXPECT_GE(seen, 3) << r.out;

  ::setenv("COLUMNS", "60", 1);
  const CmdResult narrow = exec("scan td --color never");
  ::unsetenv("COLUMNS");
  const auto from = narrow.out.find("── Findings");
  ASSERT_NE(from, std::string::npos) << narrow.out;
  std::istringstream nl(narrow.out.substr(from));
  std::size_t wrapped = 0;
  while (std::getline(nl, line)) {
    if (line.rfind("  ", 0) != 0) continue;  // findings and resource lines are indented
    EXPECT_LE(line.size(), 60u) << line;
    if (line.rfind("                ", 0) == 0) ++wrapped;  // a continuation line
  }
  EXPECT_GT(wrapped, 0u) << narrow.out;
}

TEST_F(Cli, CompactQuietAndVerbose) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult compact = exec("scan td --compact --color never");
  std::istringstream in(compact.out);
  std::string line;
  std::size_t findings = 0;
  while (std::getline(in, line)) {
    if (line.find(" td/web.json:") != std::string::npos) ++findings;
  }
  const auto j = json::parse(exec("scan td -f json").out);
  EXPECT_EQ(findings, j["findings"].size()) << compact.out;

  const CmdResult quiet = exec("scan td --quiet --color never");
  EXPECT_EQ(quiet.out.find("LOW "), std::string::npos) << quiet.out;
  EXPECT_NE(quiet.out.find("hidden by --quiet"), std::string::npos) << quiet.out;

  const CmdResult verbose = exec("scan td --verbose --color never --check CTR-003");
  EXPECT_NE(verbose.out.find("why: "), std::string::npos) << verbose.out;
  EXPECT_NE(verbose.out.find("fix (CloudFormation):"), std::string::npos) << verbose.out;
}

}  // namespace
}  // namespace ecsguard::test
