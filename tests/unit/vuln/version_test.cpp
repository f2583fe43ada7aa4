// dpkg and apk version ordering, as table tests. dpkg rows follow Debian Policy 5.6.12 (its
// examples and the rules it states); apk rows are a selection of apk-tools' test vectors
// (test/unit/version.data) plus the suffix, revision and leading-zero rules they exercise.
#include <gtest/gtest.h>

#include <string_view>

#include "ecsguard/vuln/version.h"

namespace ecsguard::vuln {
namespace {

struct Row {
  std::string_view a;
  char op;  // '<', '=', '>'
  std::string_view b;
};

int expected(char op) { return op == '<' ? -1 : (op == '>' ? 1 : 0); }
int sign(int v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

template <class Cmp>
void check(const Row* rows, std::size_t n, Cmp cmp) {
  for (std::size_t i = 0; i < n; ++i) {
    const Row& r = rows[i];
    EXPECT_EQ(sign(cmp(r.a, r.b)), expected(r.op)) << r.a << " " << r.op << " " << r.b;
    EXPECT_EQ(sign(cmp(r.b, r.a)), -expected(r.op)) << r.b << " vs " << r.a << " (reversed)";
  }
}

constexpr Row kDpkg[] = {
    // The tilde: "~~ < ~~a < ~ < (empty) < a" (policy 5.6.12).
    {"1.0~~", '<', "1.0~~a"},
    {"1.0~~a", '<', "1.0~"},
    {"1.0~", '<', "1.0"},
    {"1.0", '<', "1.0a"},
    {"1.0~rc1", '<', "1.0"},
    {"1.0~rc1", '<', "1.0~rc2"},
    {"1.0~beta", '<', "1.0~rc"},
    // Letters sort before non-letters.
    {"1.0a", '<', "1.0+"},
    {"1.0+dfsg", '>', "1.0"},
    {"1.0.1", '>', "1.0+dfsg"},
    // Digit runs compare as numbers.
    {"1.10", '>', "1.9"},
    {"1.010", '=', "1.10"},
    {"2.30", '>', "2.4"},
    {"1.2.3", '=', "1.2.3"},
    {"10", '>', "9"},
    // Epochs.
    {"1:0.9", '>', "2.0"},
    {"0:1.0", '=', "1.0"},
    {"2:1.0", '>', "1:9.9"},
    // Revisions (none = "0"); a hyphen in the upstream version.
    {"1.0-1", '<', "1.0-2"},
    {"1.0-1", '<', "1.0-1.1"},
    {"1.0", '=', "1.0-0"},
    {"1.0-1~bpo12+1", '<', "1.0-1"},
    {"1.2-3-4", '>', "1.2-3-3"},
    {"1.2-3-4", '>', "1.2-3"},
    // Debian security updates.
    {"3.0.11-1~deb12u1", '<', "3.0.11-1~deb12u2"},
    {"3.0.11-1~deb12u2", '<', "3.0.11-1"},
    {"7.88.1-10+deb12u5", '>', "7.88.1-10"},
    {"2.36-9+deb12u4", '<', "2.36-9+deb12u10"},
    {"1:2.39.2-1.1", '>', "2.45"},
};

constexpr Row kApk[] = {
    {"2.34", '>', "0.1.0_alpha"},
    {"0.1.0_alpha", '=', "0.1.0_alpha"},
    {"0.1.0_alpha", '<', "0.1.3_alpha"},
    {"0.1.0_alpha2", '>', "0.1.0_alpha"},
    {"0.1.0_alpha", '<', "2.2.39-r1"},
    {"1.0.4-r3", '<', "1.0.4-r4"},
    {"1.1", '>', "1.1_alpha1"},
    {"1.2.1", '>', "1.2"},
    {"1.3_alpha2", '<', "1.3_alpha3"},
    {"0.8_beta1", '<', "0.8_beta2"},
    {"2.3.0b-r1", '<', "2.3.0b-r2"},
    {"3.1_p16", '<', "3.1_p17"},
    {"1.06-r6", '<', "006"},
    {"1.2.2-r1", '>', "1.2.2"},
    {"20050718-r1", '<', "20050718-r2"},
    {"2.01.01_alpha10", '>', "0.94"},
    {"2.5.1-r8", '<', "2.5.1a-r1"},
    {"1.3.5-r10", '>', "1.3.5-r8"},
    {"20040401", '>', "2.0.0_rc3-r1"},
    {"3.9_pre20060124", '>', "0.01"},
    {"0.10.0-r1", '>', "0.10.0"},
    {"0.10.0", '<', "0.10.1_rc1"},
    {"1.7", '<', "1.7b"},
    {"1.8.5", '<', "1.8.5_p2"},
    {"2.9.11_pre20051101-r3", '>', "2.9.11_pre20051101"},
    {"1.6.8_p12-r1", '>', "1.6.8_p9-r2"},
    {"0.9.28.1", '>', "0.9.28"},
    {"7.0.174", '>', "7.0.17"},
    {"1.02", '<', "1.03-r1"},
    {"1.2.07.8", '<', "1.2.12.04"},
    {"4.5_p1-r1", '>', "4.5_p1"},
    {"1.3-r0", '<', "1.3.1-r0"},
    {"1.3_pre1-r1", '<', "1.3.2"},
    {"1.0_p10-r0", '>', "1.0_p9-r0"},
    {"0.1.0_alpha_pre2", '<', "0.1.0_alpha"},
    {"1.0.0_pre20191002222144-r0", '<', "1.0.0_pre20210530193627-r0"},
    {"1.0", '<', "1.0bc"},
    // Alpine security updates.
    {"1.36.1-r28", '<', "1.36.1-r29"},
    {"3.3.2-r0", '<', "3.3.2-r1"},
    {"1.2.5-r0", '>', "1.2.4_git20230717-r4"},
};

TEST(DpkgVersion, PolicyTable) { check(kDpkg, std::size(kDpkg), compare_dpkg); }

TEST(ApkVersion, ApkToolsVectors) { check(kApk, std::size(kApk), compare_apk); }

TEST(ApkVersion, Validity) {
  for (auto v : {"1.0", "1.0_alpha1-r2", "2.3.0b-r1", "1.0~abc123-r0", "20050718", "1_p1"}) {
    EXPECT_TRUE(valid_apk(v)) << v;
  }
  for (auto v : {"", "a1.0", "1.0bc", "1.0-r", "1.2_foo", "1.0-1", "1..0", "1.0_alpha~"}) {
    EXPECT_FALSE(valid_apk(v)) << v;
  }
}

TEST(DpkgVersion, Validity) {
  for (auto v : {"1.0", "1:2.3-4", "3.0.11-1~deb12u2", "1.2-3-4", "0.9+dfsg"}) {
    EXPECT_TRUE(valid_dpkg(v)) << v;
  }
  for (auto v : {"", "a1.0", ":1.0", "1.0-b_d", "1.0 2"}) EXPECT_FALSE(valid_dpkg(v)) << v;
}

TEST(Ecosystems, NamesAndDispatch) {
  EXPECT_EQ(ecosystem_of("Debian:12"), Ecosystem::kDebian);
  EXPECT_EQ(ecosystem_of("debian"), Ecosystem::kDebian);
  EXPECT_EQ(ecosystem_of("Alpine:v3.20"), Ecosystem::kAlpine);
  EXPECT_EQ(ecosystem_of("PyPI"), Ecosystem::kOther);
  EXPECT_LT(compare(Ecosystem::kDebian, "1.0~rc1", "1.0"), 0);
  EXPECT_LT(compare(Ecosystem::kAlpine, "1.0_rc1", "1.0"), 0);
  EXPECT_GT(compare(Ecosystem::kOther, "1.0~rc1", "1.0"), 0);  // bytes
}

}  // namespace
}  // namespace ecsguard::vuln
