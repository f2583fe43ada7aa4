// The image layer end to end: a docker save archive built here (nothing pulled) is discovered by
// the scan as an image-archive input, and the IMG checks report what its config and merged
// filesystem hold; a Dockerfile next to it is its own input. Exact finding sets, per check.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "archive_builder.h"
#include "ecsguard/scan/scan.h"
#include "support/finding_line.h"
#include "support/temp_dir.h"

namespace ecsguard::parse::image::testing {
namespace {

const std::string kConfig = R"({
  "os": "linux", "architecture": "amd64",
  "config": {
    "Env": ["PATH=/usr/bin", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7ABCDEFG"],
    "ExposedPorts": {"22/tcp": {}, "8080/tcp": {}},
    "Volumes": {"/proc": {}, "/data": {}},
    "Labels": {"maintainer": "team@example.com"}
  },
  "history": [{"created_by": "/bin/sh -c echo hello"},
              {"created_by": "/bin/sh -c git clone https://bot:Xk9pQ2mZ7vR4tL8w@git.example.com/a.git"}]
})";

std::string layer() {
  return make_tar({
      {"etc/", "", AE_IFDIR, 0755},
      {"etc/passwd",
       "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n"
       "toor:x:0:0::/root:/bin/sh\n"},
      {"etc/group", "root:x:0:\napp:x:1000:\n"},
      {"etc/shadow", "root:*:19000:0:99999:7:::\napp::19000:0:99999:7:::\n"},
      {"usr/bin/sudo", "ELF", AE_IFREG, 04755},
      {"usr/bin/wall", "ELF", AE_IFREG, 02755},
      {"usr/bin/ls", "ELF", AE_IFREG, 0755},
      {"usr/sbin/sshd", "ELF", AE_IFREG, 0755},
      {"root/.ssh/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n", AE_IFREG, 0600},
  });
}

std::string image() {
  return make_tar({{"manifest.json", R"([{"Config":"cfg.json","Layers":["l1/layer.tar"]}])"},
                   {"cfg.json", kConfig},
                   {"l1/layer.tar", layer()}});
}

std::multiset<std::string> scan(const std::string& path, const std::string& check) {
  scan::ScanRequest req;
  req.paths = {path};
  req.only_checks = {check};
  req.threads = 1;
  const auto res = scan::run_scan(req);
  EXPECT_EQ(res.files_scanned, 1u) << check;
  for (const auto& d : res.diagnostics) ADD_FAILURE() << d.file << ": " << d.message;
  std::multiset<std::string> out;
  for (const auto& f : res.findings) {
    EXPECT_EQ(f.message.find("AKIAIOSFODNN7ABCDEFG"), std::string::npos) << f.message;
    EXPECT_EQ(f.message.find("Xk9pQ2mZ7vR4tL8w"), std::string::npos) << f.message;
    out.insert(ecsguard::test::finding_line(f, true));
  }
  return out;
}

class ImageChecks : public ::testing::Test {
 protected:
  void SetUp() override { std::ofstream(dir_ / "app-image.tar", std::ios::binary) << image(); }
  std::multiset<std::string> run(const std::string& check) {
    return scan(dir_ / "app-image.tar", check);
  }
  ecsguard::test::TempDir dir_;
};

using Lines = std::multiset<std::string>;

TEST_F(ImageChecks, RootUser) {
  EXPECT_EQ(run("IMG-001"), Lines{"fail app-image.tar 1 Config.User"});
}

TEST_F(ImageChecks, SecretsInConfigAndHistoryAreRedacted) {
  EXPECT_EQ(run("IMG-004"), (Lines{"fail app-image.tar 1 Config.Env[AWS_ACCESS_KEY_ID]",
                                   "fail app-image.tar 1 History[1]"}));
}

TEST_F(ImageChecks, CredentialFiles) {
  EXPECT_EQ(run("IMG-005"), Lines{"fail app-image.tar 1 Files[/root/.ssh/id_rsa]"});
}

TEST_F(ImageChecks, SudoAndSsh) {
  EXPECT_EQ(run("IMG-009"), Lines{"warn app-image.tar 1 Files[/usr/bin/sudo]"});
  EXPECT_EQ(run("IMG-010"), (Lines{"fail app-image.tar 1 Config.ExposedPorts",
                                   "fail app-image.tar 1 Files[/usr/sbin/sshd]"}));
}

TEST_F(ImageChecks, SetuidSetgid) {
  EXPECT_EQ(run("IMG-014"), (Lines{"fail app-image.tar 1 Files[/usr/bin/sudo]",
                                   "fail app-image.tar 1 Files[/usr/bin/wall]"}));
}

TEST_F(ImageChecks, Volumes) {
  EXPECT_EQ(run("IMG-018"), Lines{"fail app-image.tar 1 Config.Volumes[/proc]"});
}

TEST_F(ImageChecks, Accounts) {
  EXPECT_EQ(run("IMG-019"), (Lines{"fail app-image.tar 1 Files[/etc/passwd]",
                                   "fail app-image.tar 1 Files[/etc/shadow]"}));
}

TEST_F(ImageChecks, ATarThatIsNotAnImageIsNoInput) {
  std::ofstream(dir_ / "backup.tar", std::ios::binary) << make_tar({{"notes.txt", "hello"}});
  scan::ScanRequest req;
  req.paths = {dir_ / "backup.tar"};
  req.threads = 1;
  const auto res = scan::run_scan(req);
  EXPECT_EQ(res.files_scanned, 0u);
  EXPECT_FALSE(res.input_lost());
}

}  // namespace
}  // namespace ecsguard::parse::image::testing
