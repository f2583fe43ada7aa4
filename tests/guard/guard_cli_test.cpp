// The real `ecsguard` binary: the `guard` subcommand and `scan --emit-guard-profile` as wired in
// the CLI, and the profile it writes read back by `guard --profile`.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "guard_test_util.h"

namespace {

std::string ecsguard() { return std::string(ECSGUARD_BINARY_DIR) + "/ecsguard"; }

TEST(GuardCli, SubcommandRunsTheAppAndPassesItsStatus) {
  guard_test::TempDir d;
  auto r = guard_test::run({ecsguard(), "guard", "--heartbeat", "0", "--alerts-to",
                            d.file("a.json"), "--", "/bin/sh", "-c", "exit 4"},
                           30.0);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 4) << r.err;
  EXPECT_EQ(
      guard_test::rule_alerts(guard_test::read_alerts(d.file("a.json")), "ecsguard started").size(),
      1U);
  auto list = guard_test::run({ecsguard(), "guard", "--list-rules"}, 30.0);
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("Drop and execute new binary in container"), std::string::npos);
}

TEST(GuardCli, OptionsNeverSwallowTheCommand) {
  // Without `--`: `--alerts-to FILE sh -c ...` runs `sh -c ...` and writes alerts to FILE only.
  guard_test::TempDir d;
  std::string cwd = d.file("cwd");
  std::filesystem::create_directory(cwd);
  auto r = guard_test::run(
      {"/bin/sh", "-c",
       "cd " + cwd + " && exec " + ecsguard() +
           " guard --heartbeat 0 --alerts-to a.jsonl --rules " + cwd + " sh -c 'exit 5'"},
      30.0);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 5) << r.err;
  EXPECT_FALSE(std::filesystem::exists(cwd + "/sh")) << "no alert file named after the command";
  EXPECT_EQ(
      guard_test::rule_alerts(guard_test::read_alerts(cwd + "/a.jsonl"), "ecsguard started").size(),
      1U);
}

TEST(GuardCli, ChecksAndExplainShowTheRunChecksGuardImplements) {
  auto explain = guard_test::run({ecsguard(), "explain", "RUN-001"}, 30.0);
  EXPECT_EQ(explain.status, 0) << explain.err;
  EXPECT_EQ(explain.out.find("not implemented yet"), std::string::npos) << explain.out;
  EXPECT_NE(explain.out.find("rule \"Shell or tool spawned by the application after start-up\" "
                             "(Critical): monitor: alert; enforce: kill the process"),
            std::string::npos)
      << explain.out;
  auto gates = guard_test::run({ecsguard(), "explain", "RUN-005"}, 30.0);
  EXPECT_NE(gates.out.find("built-in gates"), std::string::npos) << gates.out;
  EXPECT_NE(gates.out.find("enforce: deny the system call (EPERM)"), std::string::npos);
  auto reads = guard_test::run({ecsguard(), "explain", "RUN-011"}, 30.0);
  EXPECT_NE(reads.out.find("\"Read sensitive file untrusted\": shipped disabled"),
            std::string::npos)
      << reads.out;
  auto ja = guard_test::run({ecsguard(), "explain", "RUN-001", "--lang", "ja"}, 30.0);
  EXPECT_NE(ja.out.find("ルール「Shell or tool spawned by the application after start-up」"),
            std::string::npos)
      << ja.out;
  auto list = guard_test::run({ecsguard(), "checks", "--format", "json"}, 30.0);
  ASSERT_EQ(list.status, 0);
  auto j = guard_test::Json::parse(list.out);
  std::map<std::string, guard_test::Json> by_id;
  for (const auto& c : j["checks"]) by_id[c["id"].get<std::string>()] = c;
  for (int i = 1; i <= 11; ++i) {
    std::string id = (i < 10 ? "RUN-00" : "RUN-0") + std::to_string(i);
    EXPECT_EQ(by_id[id]["implemented"], true) << id;
    EXPECT_EQ(by_id[id]["implemented_by"], "guard") << id;
  }
  EXPECT_EQ(by_id["RUN-012"]["implemented"], false) << "guard has no rule for it";
  EXPECT_FALSE(by_id["CTR-001"].contains("implemented_by")) << "scan checks are unchanged";
}

TEST(GuardCli, ScanWritesProfilesThatGuardLoads) {
  std::string examples = std::string(ECSGUARD_SOURCE_DIR) + "/examples/hardened";
  if (!std::filesystem::exists(examples)) GTEST_SKIP() << "examples/hardened not in this tree";
  guard_test::TempDir d;
  auto scan = guard_test::run(
      {ecsguard(), "scan", examples, "--emit-guard-profile", d.file("profiles")}, 60.0);
  ASSERT_FALSE(scan.timed_out);
  EXPECT_NE(scan.err.find("guard profile"), std::string::npos) << scan.err;
  std::size_t loaded = 0;
  for (const auto& f : std::filesystem::directory_iterator(d.file("profiles"))) {
    auto list = guard_test::run(
        {ecsguard(), "guard", "--profile", f.path().string(), "--list-rules"}, 30.0);
    EXPECT_EQ(list.status, 0) << f.path() << "\n" << list.out << list.err;
    if (list.out.find("task profile") != std::string::npos) ++loaded;
  }
  EXPECT_GT(loaded, 0U) << "at least one profile declares something guard can enforce";
}

}  // namespace
