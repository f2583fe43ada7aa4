// The input and CLI edges real users hit (issue 8 items 6 and 7): one fingerprint however the
// scan is invoked, UTF-16/32 input, standard input, options that never swallow paths,
// case-insensitive ids, empty runs, help/version/"did you mean", docs only where -o says.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.h"
#include "support/code_units.h"

namespace {

namespace fs = std::filesystem;
using ecsguard::test::Cli;
using ecsguard::test::CmdResult;
using ecsguard::test::kInsecureTaskDef;

using Json = nlohmann::json;

std::string only_fingerprint(const CmdResult& r) {
  const auto j = Json::parse(r.out);
  EXPECT_EQ(j["findings"].size(), 1u) << r.out << r.err;
  return j["findings"].empty() ? std::string() : j["findings"][0]["fingerprint"].get<std::string>();
}

void expect_privileged_finding(const CmdResult& r) {
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  const auto j = Json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u) << r.out;
  EXPECT_EQ(j["findings"][0]["check"], "CTR-003");
  EXPECT_EQ(j["findings"][0]["location"]["line"], 11);
  EXPECT_TRUE(j["errors"].empty()) << r.out;
}

TEST_F(Cli, FingerprintIsTheSameForEveryWayOfNamingTheDirectory) {
  write("td/web.json", kInsecureTaskDef);
  const std::string relative = only_fingerprint(exec("scan td -f json --check CTR-003"));
  const std::string dot = only_fingerprint(exec_in("td", "scan . -f json --check CTR-003"));
  const std::string absolute =
      only_fingerprint(exec("scan '" + (dir_ / "td").string() + "' -f json --check CTR-003"));
  fs::create_directories(dir_ / "elsewhere/deeper");
  fs::copy(dir_ / "td", dir_ / "elsewhere/deeper/moved", fs::copy_options::recursive);
  const std::string moved =
      only_fingerprint(exec("scan elsewhere/deeper/moved -f json --check CTR-003"));
  EXPECT_FALSE(relative.empty());
  EXPECT_EQ(relative, dot);
  EXPECT_EQ(relative, absolute);
  EXPECT_EQ(relative, moved);
}

TEST_F(Cli, FingerprintInAGitWorkTreeIsRelativeToItsRoot) {
  fs::create_directories(dir_ / "repo/.git");
  write("repo/infra/td/web.json", kInsecureTaskDef);
  const std::string from_root = only_fingerprint(exec_in("repo", "scan . -f json --check CTR-003"));
  const std::string from_sub = only_fingerprint(exec("scan repo/infra/td -f json --check CTR-003"));
  const std::string inside =
      only_fingerprint(exec_in("repo/infra", "scan td -f json --check CTR-003"));
  const std::string file =
      only_fingerprint(exec_in("repo/infra/td", "scan web.json -f json --check CTR-003"));
  EXPECT_EQ(from_root, from_sub);
  EXPECT_EQ(from_root, inside);
  EXPECT_EQ(from_root, file);
  // A worktree's `.git` is a file: it marks the root too. The path inside the tree now differs.
  fs::remove_all(dir_ / "repo/.git");
  fs::create_directories(dir_ / "other/infra");
  write("other/.git", "gitdir: /nowhere\n");
  write("other/infra/td/web.json", kInsecureTaskDef);
  const std::string worktree =
      only_fingerprint(exec("scan other/infra/td -f json --check CTR-003"));
  EXPECT_EQ(worktree, from_root);
}

TEST_F(Cli, FingerprintOfANestedTemplateFindingIgnoresTheWorkingDirectory) {
  write("stack/main.yaml", R"(Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./nested/child.yaml
)");
  write("stack/nested/child.yaml", R"(Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: true
)");
  const CmdResult a = exec("scan stack -f json --check CTR-003");
  const CmdResult b = exec_in("stack", "scan . -f json --check CTR-003");
  EXPECT_EQ(Json::parse(a.out)["findings"][0]["location"]["file"], "stack/nested/child.yaml");
  EXPECT_EQ(only_fingerprint(a), only_fingerprint(b));
}

// Issue 8 item 6: the field judged is one model field id whatever the format; `property` shows it
// in the file's own spelling.
TEST_F(Cli, FieldIdIsFormatNeutralAndPropertyIsSpelledPerFormat) {
  write("cfn/stack.yaml", R"(Resources:
  web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: true
)");
  write("td/web.json", kInsecureTaskDef);
  const auto finding = [&](const std::string& dir) {
    const CmdResult r = exec("scan " + dir + " -f json --check CTR-003");
    const auto j = Json::parse(r.out);
    EXPECT_EQ(j["findings"].size(), 1u) << r.out << r.err;
    return j["findings"].empty() ? Json() : j["findings"][0];
  };
  const Json cfn = finding("cfn");
  const Json td = finding("td");
  EXPECT_EQ(cfn["field_id"], "ContainerDefinitions[app].Privileged");
  EXPECT_EQ(td["field_id"], cfn["field_id"]);
  EXPECT_EQ(cfn["property"], "ContainerDefinitions[app].Privileged");
  EXPECT_EQ(td["property"], "containerDefinitions[app].privileged");
  // The kind, not the format, names the resource type in the fingerprint; the display type of a
  // task definition JSON file stays the CloudFormation type (docs/json-format.md).
  EXPECT_EQ(cfn["resource"]["type"], "AWS::ECS::TaskDefinition");
  EXPECT_EQ(td["resource"]["type"], "AWS::ECS::TaskDefinition");
  // Same check, file identity ("stack.yaml" vs "web.json" differ), so compare with the same name:
  // a task definition JSON file and a template of the same name, resource and container give one
  // fingerprint.
  fs::create_directories(dir_ / "same/a");
  fs::create_directories(dir_ / "same/b");
  fs::copy(dir_ / "td/web.json", dir_ / "same/a/web.json");
  write("same/b/web.json", R"({"Resources": {"web": {"Type": "AWS::ECS::TaskDefinition",
    "Properties": {"ContainerDefinitions": [{"Name": "app", "Image": "nginx",
    "Privileged": true}]}}}})");
  const Json a = finding("same/a");
  const Json b = finding("same/b");
  EXPECT_NE(a["property"], b["property"]);
  EXPECT_EQ(a["fingerprint"], b["fingerprint"]);
}

TEST_F(Cli, Utf16AndUtf32InputIsDecoded) {
  const struct {
    const char* name;
    int width;
    bool little;
    bool bom;
  } cases[] = {{"u16le.json", 2, true, true},
               {"u16be.json", 2, false, true},
               {"u32le.json", 4, true, true},
               {"u32be.json", 4, false, true},
               {"u16le-nobom.json", 2, true, false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    write(std::string("enc/") + c.name,
          ecsguard::test::ascii_as_units(kInsecureTaskDef, c.width, c.little, c.bom));
    expect_privileged_finding(exec(std::string("scan enc/") + c.name + " -f json --check CTR-003"));
  }
}

TEST_F(Cli, UndecodableUtf16IsAnInputErrorNotAGreenRun) {
  std::string text = ecsguard::test::ascii_as_units(kInsecureTaskDef, 2, true, true);
  text += std::string("\x00\xd8", 2);  // a high surrogate with nothing after it
  write("bad/task.json", text);
  const CmdResult r = exec("scan bad -f json");
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  const auto j = Json::parse(r.out);
  ASSERT_EQ(j["errors"].size(), 1u) << r.out;
  EXPECT_EQ(j["errors"][0]["code"], "syntax");
  EXPECT_TRUE(j["errors"][0]["input_lost"].get<bool>());
  EXPECT_NE(j["errors"][0]["message"].get<std::string>().find("UTF-16LE"), std::string::npos);
}

TEST_F(Cli, StandardInputIsScannedWithItsName) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult plain = exec("scan - -f json --check CTR-003 < td/web.json");
  expect_privileged_finding(plain);
  EXPECT_EQ(Json::parse(plain.out)["findings"][0]["location"]["file"], "<stdin>");
  const CmdResult named =
      exec("scan - --stdin-name taskdefs/web.json -f json --check CTR-003 < td/web.json");
  expect_privileged_finding(named);
  EXPECT_EQ(Json::parse(named.out)["findings"][0]["location"]["file"], "taskdefs/web.json");
  // Standard input next to a directory: both are scanned.
  write("more/other.json", kInsecureTaskDef);
  const auto both = Json::parse(exec("scan more - -f json --check CTR-003 < td/web.json").out);
  EXPECT_EQ(both["findings"].size(), 2u) << both.dump();
}

TEST_F(Cli, StandardInputHasTheSameLimitsAndRules) {
  write("td/web.json", kInsecureTaskDef);
  const CmdResult big = exec("scan - --max-file-size 64 -f json < td/web.json");
  EXPECT_EQ(big.code, 3) << big.out << big.err;
  EXPECT_EQ(Json::parse(big.out)["errors"][0]["code"], "limit");
  // Broken input on stdin is lost input (exit 3), never a note: it was given on purpose.
  write("broken.txt", "{\"items\": [1, 2\n");
  const CmdResult broken = exec("scan - -f json < broken.txt");
  EXPECT_EQ(broken.code, 3) << broken.out << broken.err;
  EXPECT_TRUE(Json::parse(broken.out)["errors"][0]["input_lost"].get<bool>());
  // Valid JSON that is no template or task definition: nothing scanned (exit 2).
  write("other.json", "{\"services\": []}\n");
  EXPECT_EQ(exec("scan - < other.json").code, 2);
  EXPECT_EQ(exec("scan - - < td/web.json").code, 2);
  EXPECT_EQ(exec("scan td --stdin-name x.json").code, 2);
}

TEST_F(Cli, CheckOptionNeverSwallowsAPath) {
  write("infra/web.json", kInsecureTaskDef);
  const CmdResult r = exec("scan --check CTR-003 infra -f json");
  expect_privileged_finding(r);
  const CmdResult two = exec("scan --check ctr-003 --check CTR-001 infra -f json");
  EXPECT_EQ(two.code, 1) << two.err;
  EXPECT_EQ(Json::parse(two.out)["findings"].size(), 2u) << two.out;
}

TEST_F(Cli, CheckIdsAreCaseInsensitive) {
  write("infra/web.json", kInsecureTaskDef);
  expect_privileged_finding(exec("scan infra -f json --check ctr-003"));
  expect_privileged_finding(exec("scan infra -f json --check Ctr-003,"));
  EXPECT_EQ(exec("explain ctr-003").code, 0);
  EXPECT_EQ(exec("explain Ctr-003").out, exec("explain CTR-003").out);
}

TEST_F(Cli, ARunThatScannedNothingClaimsNoLayerAndNoPass) {
  write("empty/readme.txt", "hello");
  const CmdResult table = exec("scan empty");
  EXPECT_EQ(table.code, 2);
  EXPECT_EQ(table.out.find("PASSED"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("check(s) passed"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("── Layers"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("nothing scanned"), std::string::npos) << table.out;
  const auto j = Json::parse(exec("scan empty -f json").out);
  for (const auto& [layer, value] : j["summary"]["by_layer"].items()) {
    EXPECT_EQ(value, "not_checked") << layer;
  }
}

TEST_F(Cli, LayersWithoutAChecksRunAreNotChecked) {
  write("td/web.json", kInsecureTaskDef);
  const auto j = Json::parse(exec("scan td -f json --check CTR-003").out);
  const auto& by_layer = j["summary"]["by_layer"];
  EXPECT_EQ(by_layer["iam"], "not_checked");
  EXPECT_EQ(by_layer["network"], "not_checked");
  EXPECT_EQ(by_layer["container"]["fail"], 1);
  EXPECT_EQ(by_layer["container"]["unknown"], 0);
}

TEST_F(Cli, HelpVersionAndSuggestions) {
  const CmdResult help = exec("help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("scan"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("explain"), std::string::npos) << help.out;
  const CmdResult scan_help = exec("help scan");
  EXPECT_EQ(scan_help.code, 0);
  EXPECT_NE(scan_help.out.find("--stdin-name"), std::string::npos) << scan_help.out;
  EXPECT_EQ(exec("help nope").code, 2);
  const CmdResult version = exec("version");
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, exec("--version").out);
  EXPECT_EQ(version.out.rfind("ecsguard ", 0), 0u) << version.out;
  const CmdResult typo = exec("scna td");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("Did you mean 'scan'?"), std::string::npos) << typo.err;
  const CmdResult far = exec("frobnicate");
  EXPECT_EQ(far.code, 2);
  EXPECT_EQ(far.err.find("Did you mean"), std::string::npos) << far.err;
  EXPECT_NE(far.err.find("unknown command 'frobnicate'"), std::string::npos) << far.err;
}

TEST_F(Cli, DocsWritesOnlyWhereOutputSays) {
  const CmdResult bare = exec("docs");
  EXPECT_EQ(bare.code, 2);
  EXPECT_NE(bare.err.find("-o"), std::string::npos) << bare.err;
  EXPECT_FALSE(fs::exists(dir_ / "docs")) << "nothing written without -o";
  EXPECT_EQ(exec("docs -o pages").code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "pages/README.md"));
  EXPECT_FALSE(fs::exists(dir_ / "docs"));
  EXPECT_EQ(exec("docs --check -o pages").code, 0);
}

}  // namespace
