#include "ecsguard/policy/policy.h"

#include <gtest/gtest.h>

#include <vector>

namespace ecsguard::policy {
namespace {

engine::Finding finding(core::Severity sev, core::Status status) {
  engine::Finding f;
  f.severity = sev;
  f.status = status;
  return f;
}

TEST(Policy, FailOnParsesCaseInsensitivelyAndNamesItsThreshold) {
  auto high = Policy::from_fail_on("HIGH");
  ASSERT_TRUE(high.ok());
  EXPECT_EQ(high->fail_on, core::Severity::kHigh);
  EXPECT_EQ(high->threshold_name(), "high");
  auto never = Policy::from_fail_on("Never");
  ASSERT_TRUE(never.ok());
  EXPECT_TRUE(never->fail_never);
  EXPECT_EQ(never->threshold_name(), "never");
  auto bad = Policy::from_fail_on("sometimes");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, core::Errc::kUsage);
}

TEST(Policy, OnlyFailuresAtOrAboveTheThresholdFailTheRun) {
  const std::vector<engine::Finding> findings = {
      finding(core::Severity::kCritical, core::Status::kFail),
      finding(core::Severity::kHigh, core::Status::kFail),
      finding(core::Severity::kMedium, core::Status::kFail),
      finding(core::Severity::kCritical, core::Status::kWarn),
      finding(core::Severity::kCritical, core::Status::kUnknown),
  };
  EXPECT_EQ(evaluate(Policy::from_fail_on("critical").value(), findings).failing, 1u);
  EXPECT_EQ(evaluate(Policy::from_fail_on("high").value(), findings).failing, 2u);
  EXPECT_EQ(evaluate(Policy::from_fail_on("low").value(), findings).failing, 3u);
  const Verdict never = evaluate(Policy::from_fail_on("never").value(), findings);
  EXPECT_EQ(never.failing, 0u);
  EXPECT_FALSE(never.failed());
  EXPECT_TRUE(evaluate(Policy{}, findings).failed()) << "default threshold: high";
}

}  // namespace
}  // namespace ecsguard::policy
