// Package databases and os-release -> installed packages, then matched against the OSV set.
#include <gtest/gtest.h>

#include <string>

#include "ecsguard/vuln/packages.h"

namespace ecsguard::vuln {
namespace {

constexpr std::string_view kDpkgStatus =
    "Package: libssl3\n"
    "Status: install ok installed\n"
    "Architecture: amd64\n"
    "Source: openssl\n"
    "Version: 3.0.11-1~deb12u1\n"
    "Description: Secure Sockets Layer toolkit\n"
    " continuation line: not a field\n"
    "\n"
    "Package: curl\n"
    "Status: install ok installed\n"
    "Version: 7.88.1-10+deb12u5\n"
    "\n"
    "Package: removed-one\n"
    "Status: deinstall ok config-files\n"
    "Version: 1.0-1\n"
    "\n"
    "Package: libgcc-s1\n"
    "Status: install ok installed\n"
    "Source: gcc-12 (12.2.0-14)\n"
    "Version: 12.2.0-14+b1\n";

constexpr std::string_view kApkInstalled =
    "C:Q1abc=\nP:busybox\nV:1.36.1-r28\nA:x86_64\no:busybox\n\n"
    "P:libcrypto3\nV:3.3.2-r0\no:openssl\n\n"
    "P:broken-no-version\n\n";

TEST(Packages, DpkgStatus) {
  const auto l = parse_dpkg_status(kDpkgStatus, "Debian:12");
  ASSERT_EQ(l.packages.size(), 3u);
  EXPECT_FALSE(l.truncated);
  EXPECT_EQ(l.packages[0].name, "libssl3");
  EXPECT_EQ(l.packages[0].source, "openssl");
  EXPECT_EQ(l.packages[0].version, "3.0.11-1~deb12u1");
  EXPECT_EQ(l.packages[0].ecosystem, "Debian:12");
  EXPECT_EQ(l.packages[1].name, "curl");
  EXPECT_EQ(l.packages[1].source, "");
  EXPECT_EQ(l.packages[2].source, "gcc-12");
  EXPECT_EQ(l.packages[2].version, "12.2.0-14");  // the source version advisories name
  const auto one = parse_dpkg_status(kDpkgStatus, "Debian:12", 1);
  EXPECT_EQ(one.packages.size(), 1u);
  EXPECT_TRUE(one.truncated);
  // A distroless status.d file has no Status field.
  EXPECT_EQ(parse_dpkg_status("Package: base-files\nVersion: 12.4+deb12u5\n", "Debian:12")
                .packages.size(),
            1u);
}

TEST(Packages, ApkInstalled) {
  const auto l = parse_apk_installed(kApkInstalled, "Alpine:v3.20");
  ASSERT_EQ(l.packages.size(), 2u);
  EXPECT_EQ(l.packages[0].name, "busybox");
  EXPECT_EQ(l.packages[0].version, "1.36.1-r28");
  EXPECT_EQ(l.packages[1].source, "openssl");
}

TEST(Packages, OsRelease) {
  EXPECT_EQ(ecosystem_from_os_release("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                                      "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n"),
            "Debian:12");
  EXPECT_EQ(ecosystem_from_os_release("NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n"),
            "Alpine:v3.20");
  EXPECT_EQ(ecosystem_from_os_release("ID=ubuntu\nVERSION_ID=\"24.04\"\n"), "");
  EXPECT_EQ(ecosystem_from_os_release(""), "");
}

TEST(Packages, EndToEndAgainstTheOsvSet) {
  core::FileTable files;
  const VulnDb db(
      load_osv_dir(std::string(ECSGUARD_SOURCE_DIR) + "/tests/unit/vuln/osv", files).advisories);
  std::string found;
  for (const auto& p : parse_dpkg_status(kDpkgStatus, "Debian:12").packages) {
    for (const auto& m : db.match(p)) {
      found += p.name + ":" + m.advisory->id + (m.fixable() ? " fixed " + m.fixed : "") + "\n";
    }
  }
  for (const auto& p : parse_apk_installed(kApkInstalled, "Alpine:v3.20").packages) {
    for (const auto& m : db.match(p)) found += p.name + ":" + m.advisory->id + "\n";
  }
  EXPECT_EQ(found,
            "libssl3:DSA-9001-1 fixed 3.0.11-1~deb12u2\n"
            "curl:DEBIAN-CVE-2099-0002\n"
            "busybox:ALPINE-CVE-2099-0004\n");
}

}  // namespace
}  // namespace ecsguard::vuln
