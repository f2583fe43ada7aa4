// Installed packages against the hand-written OSV set: ranges, fixed versions, last_affected,
// explicit versions, source packages, ecosystems, severities.
#include <gtest/gtest.h>

#include <string>

#include "ecsguard/vuln/matcher.h"

namespace ecsguard::vuln {
namespace {

const VulnDb& db() {
  static const VulnDb kDb = [] {
    core::FileTable files;
    return VulnDb(
        load_osv_dir(std::string(ECSGUARD_SOURCE_DIR) + "/tests/unit/vuln/osv", files).advisories);
  }();
  return kDb;
}

std::string ids(const std::vector<VulnMatch>& ms) {
  std::string out;
  for (const auto& m : ms) out += (out.empty() ? "" : ",") + m.advisory->id;
  return out;
}

TEST(VulnMatcher, DebianFixedRange) {
  auto m = db().match({"Debian:12", "libssl3", "openssl", "3.0.11-1~deb12u1"});
  ASSERT_EQ(ids(m), "DSA-9001-1");
  EXPECT_TRUE(m[0].fixable());
  EXPECT_EQ(m[0].fixed, "3.0.11-1~deb12u2");
  EXPECT_EQ(m[0].severity, core::Severity::kCritical);
  EXPECT_EQ(ids(db().match({"Debian:12", "libssl3", "openssl", "3.0.11-1~deb12u2"})), "");
  EXPECT_EQ(ids(db().match({"Debian:12", "libssl3", "openssl", "3.0.11-1"})), "");
  EXPECT_EQ(ids(db().match({"Debian:12", "openssl", "", "1:3.0.0-1"})), "");  // epoch 1 > 0
  // Another release of Debian has its own fixed version.
  m = db().match({"Debian:11", "openssl", "", "1.1.1w-0+deb11u1"});
  ASSERT_EQ(ids(m), "DSA-9001-1");
  EXPECT_EQ(m[0].fixed, "1.1.1w-0+deb11u2");
  EXPECT_EQ(ids(db().match({"Debian:10", "openssl", "", "1.1.1n-0+deb10u1"})), "");
}

TEST(VulnMatcher, UnfixedAndWithdrawn) {
  const auto m = db().match({"Debian:12", "curl", "", "7.88.1-10+deb12u5"});
  ASSERT_EQ(ids(m), "DEBIAN-CVE-2099-0002");  // DLA-9003-1 is withdrawn
  EXPECT_FALSE(m[0].fixable());
  EXPECT_EQ(m[0].severity, core::Severity::kHigh);
}

TEST(VulnMatcher, AlpineRangesLastAffectedAndVersions) {
  auto m = db().match({"Alpine:v3.20", "busybox", "", "1.36.1-r28"});
  ASSERT_EQ(ids(m), "ALPINE-CVE-2099-0004");
  EXPECT_EQ(m[0].fixed, "1.36.1-r29");
  EXPECT_EQ(ids(db().match({"Alpine:v3.20", "busybox", "", "1.36.1-r29"})), "");
  EXPECT_EQ(ids(db().match({"Alpine:v3.19", "busybox", "", "1.36.1-r1"})), "");
  m = db().match({"Alpine:v3.20", "musl", "", "1.2.5-r0"});
  ASSERT_EQ(ids(m), "ALPINE-CVE-2099-0005");
  EXPECT_FALSE(m[0].fixable());  // last_affected: no fixed version known
  EXPECT_EQ(ids(db().match({"Alpine:v3.20", "musl", "", "1.2.5-r1"})), "");
  EXPECT_EQ(ids(db().match({"Alpine:v3.20", "musl", "", "1.2.4-r3"})), "");  // before introduced
  EXPECT_EQ(ids(db().match({"Alpine:v3.20", "musl", "", "1.2.3-r9"})), "ALPINE-CVE-2099-0005");
}

TEST(VulnMatcher, InRangeFollowsTheOsvAlgorithm) {
  const std::vector<Event> two = {{EventType::kIntroduced, "1.0"},
                                  {EventType::kFixed, "1.2"},
                                  {EventType::kIntroduced, "2.0"},
                                  {EventType::kFixed, "2.1"}};
  std::string fixed;
  EXPECT_FALSE(in_range(Ecosystem::kDebian, two, "0.9", fixed));
  EXPECT_TRUE(in_range(Ecosystem::kDebian, two, "1.1", fixed));
  EXPECT_EQ(fixed, "1.2");
  EXPECT_FALSE(in_range(Ecosystem::kDebian, two, "1.5", fixed));
  EXPECT_FALSE(in_range(Ecosystem::kDebian, two, "2.0~rc1", fixed));  // ~ sorts before 2.0
  EXPECT_TRUE(in_range(Ecosystem::kDebian, two, "2.0.5", fixed));
  EXPECT_EQ(fixed, "2.1");
  EXPECT_FALSE(in_range(Ecosystem::kDebian, two, "3", fixed));
  const std::vector<Event> limit = {{EventType::kIntroduced, "0"}, {EventType::kLimit, "5"}};
  EXPECT_TRUE(in_range(Ecosystem::kAlpine, limit, "4.9", fixed));
  EXPECT_TRUE(fixed.empty());
  EXPECT_FALSE(in_range(Ecosystem::kAlpine, limit, "5", fixed));
}

TEST(VulnMatcher, OsvEcosystemNames) {
  EXPECT_EQ(osv_ecosystem("debian", "12"), "Debian:12");
  EXPECT_EQ(osv_ecosystem("Debian", "12.5"), "Debian:12");
  EXPECT_EQ(osv_ecosystem("alpine", "3.20.3"), "Alpine:v3.20");
  EXPECT_EQ(osv_ecosystem("alpine", "3.20"), "Alpine:v3.20");
  EXPECT_EQ(osv_ecosystem("ubuntu", "24.04"), "");
  EXPECT_EQ(osv_ecosystem("debian", ""), "");
}

}  // namespace
}  // namespace ecsguard::vuln
