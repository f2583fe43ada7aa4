// The real `ecsguard` binary: the `guard` subcommand and `scan --emit-guard-profile` as wired in
// the CLI, and the profile it writes read back by `guard --profile`.
#include <gtest/gtest.h>

#include <filesystem>

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
