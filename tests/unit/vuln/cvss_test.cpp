// CVSS v3 base scores (values from the FIRST calculator) and ratings.
#include <gtest/gtest.h>

#include "ecsguard/vuln/cvss.h"

namespace ecsguard::vuln {
namespace {

TEST(Cvss3, BaseScores) {
  EXPECT_DOUBLE_EQ(*cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), 9.8);
  EXPECT_DOUBLE_EQ(*cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H"), 9.9);
  EXPECT_DOUBLE_EQ(*cvss3_base_score("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"), 5.5);
  EXPECT_DOUBLE_EQ(*cvss3_base_score("CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N"), 4.2);
  EXPECT_DOUBLE_EQ(*cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), 6.1);
  EXPECT_DOUBLE_EQ(*cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"), 0.0);
  // Temporal metrics are not part of the base score.
  EXPECT_DOUBLE_EQ(*cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O"), 9.8);
}

TEST(Cvss3, IncompleteOrOtherVectors) {
  EXPECT_FALSE(cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H").has_value());
  EXPECT_FALSE(cvss3_base_score("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").has_value());
  EXPECT_FALSE(cvss3_base_score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
                   .has_value());
  EXPECT_FALSE(cvss3_base_score("AV:N/AC:L/Au:N/C:P/I:P/A:P").has_value());
  EXPECT_FALSE(cvss3_base_score("").has_value());
}

TEST(Cvss3, RatingsAndText) {
  EXPECT_EQ(rating(0.0), core::Severity::kInfo);
  EXPECT_EQ(rating(3.9), core::Severity::kLow);
  EXPECT_EQ(rating(4.0), core::Severity::kMedium);
  EXPECT_EQ(rating(7.0), core::Severity::kHigh);
  EXPECT_EQ(rating(9.0), core::Severity::kCritical);
  EXPECT_EQ(severity_from_text("HIGH"), core::Severity::kHigh);
  EXPECT_EQ(severity_from_text("moderate"), core::Severity::kMedium);
  EXPECT_EQ(severity_from_text("unimportant"), core::Severity::kLow);
  EXPECT_EQ(severity_from_text("Critical"), core::Severity::kCritical);
  EXPECT_FALSE(severity_from_text("not yet assigned").has_value());
}

}  // namespace
}  // namespace ecsguard::vuln
