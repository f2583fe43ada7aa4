// The option-dependent behaviour of the registry/logging checks, end to end: the fixtures of
// tests/checks scanned through run_scan (loader + builder) with non-default options.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "ecsguard/scan/scan.h"
#include "support/finding_line.h"

namespace ecsguard::testing {
namespace {

const std::filesystem::path kChecks = std::filesystem::path(ECSGUARD_SOURCE_DIR) / "tests/checks";

std::multiset<std::string> scan(const std::filesystem::path& file, const std::string& check,
                                const engine::CheckOptions& options) {
  scan::ScanRequest req;
  req.paths = {file.string()};
  req.only_checks = {check};
  req.options = options;
  req.threads = 1;
  const auto res = scan::run_scan(req);
  EXPECT_TRUE(res.diagnostics.empty()) << file;
  EXPECT_EQ(res.files_scanned, 1u) << file;
  std::multiset<std::string> out;
  for (const auto& f : res.findings) {
    out.insert(ecsguard::test::finding_line(f));
  }
  return out;
}

using Set = std::multiset<std::string>;

TEST(OptionsScan, Reg006JudgesAccountsOnceTheyAreConfigured) {
  const auto file = kChecks / "registry/REG-006/pass.yaml";
  EXPECT_EQ(scan(file, "REG-006", {}), Set{});
  engine::CheckOptions o;
  o.own_account_ids = {"111122223333"};
  // 123456789012 pulls without being trusted; ${AWS::AccountId} and the stack's own role are
  // this account; the organization-wide statement is restricted.
  EXPECT_EQ(scan(file, "REG-006", o), (Set{"warn Repository 32"}));
  o.trusted_account_ids = {"123456789012"};
  EXPECT_EQ(scan(file, "REG-006", o), Set{});
}

TEST(OptionsScan, Reg006PushToAnotherAccountFails) {
  const auto file = kChecks / "registry/REG-006/fail.yaml";
  engine::CheckOptions o;
  o.own_account_ids = {"111122223333"};
  o.trusted_account_ids = {"123456789012"};  // trusted for pulls, not for pushes
  const auto got = scan(file, "REG-006", o);
  EXPECT_EQ(got.count("fail StarInList 32"), 1u);
  EXPECT_EQ(got.count("fail PublicPull 14"), 1u);
}

TEST(OptionsScan, Log013AccountDefaultAndAuditCriticalNames) {
  const auto file = kChecks / "logging/LOG-013/pass.yaml";
  EXPECT_EQ(scan(file, "LOG-013", {}), Set{});
  engine::CheckOptions o;
  o.audit_critical_containers = {"default"};  // non-blocking by default, no max-buffer-size
  EXPECT_EQ(scan(file, "LOG-013", o), (Set{"warn TaskDefinition/default 74"}));
  engine::CheckOptions blocking;
  blocking.default_log_driver_mode = "blocking";  // the load balancer is internal: no WARN
  EXPECT_EQ(scan(file, "LOG-013", blocking), Set{});
  EXPECT_EQ(scan(kChecks / "logging/LOG-013/fail.yaml", "LOG-013", blocking),
            (Set{"warn TaskDefinition/web 49"}));  // audit keeps its deliberate default
}

TEST(OptionsScan, Reg004KeepImagesAndLog012Retention) {
  engine::CheckOptions o;
  o.lifecycle_keep_images = 50;
  EXPECT_EQ(scan(kChecks / "registry/REG-004/fail_keep_many.json", "REG-004", o), Set{});
  o.log_retention_min_days = 30;
  const auto got = scan(kChecks / "logging/LOG-012/fail.yaml", "LOG-012", o);
  EXPECT_EQ(got.count("fail ShortRetention 10"), 0u);
  EXPECT_EQ(got.count("fail NoRetention 4"), 1u);
}

}  // namespace
}  // namespace ecsguard::testing
