// The OSV loader on the hand-written set in tests/unit/vuln/osv/ and on inline documents.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "ecsguard/vuln/messages.h"
#include "ecsguard/vuln/osv.h"

namespace ecsguard::vuln {
namespace {

const std::string osv_dir = std::string(ECSGUARD_SOURCE_DIR) + "/tests/unit/vuln/osv";

const Advisory* by_id(const OsvLoad& l, std::string_view id) {
  for (const auto& a : l.advisories) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

TEST(OsvLoader, HandWrittenSet) {
  core::FileTable files;
  const OsvLoad l = load_osv_dir(osv_dir, files);
  EXPECT_EQ(l.files, 9u);
  EXPECT_EQ(l.withdrawn, 1u);
  ASSERT_EQ(l.advisories.size(), 4u);
  ASSERT_EQ(l.errors.size(), 4u);

  const Advisory* dsa = by_id(l, "DSA-9001-1");
  ASSERT_NE(dsa, nullptr);
  EXPECT_EQ(dsa->aliases, (std::vector<std::string>{"CVE-2099-0001"}));
  EXPECT_EQ(dsa->severity, core::Severity::kCritical);
  EXPECT_DOUBLE_EQ(dsa->score, 9.8);
  ASSERT_EQ(dsa->affected.size(), 2u);
  EXPECT_EQ(dsa->affected[0].ecosystem, "Debian:12");
  EXPECT_EQ(dsa->affected[0].name, "openssl");
  ASSERT_EQ(dsa->affected[0].ranges.size(), 1u);
  ASSERT_EQ(dsa->affected[0].ranges[0].size(), 2u);
  EXPECT_EQ(dsa->affected[0].ranges[0][1].type, EventType::kFixed);
  EXPECT_EQ(dsa->affected[0].ranges[0][1].version, "3.0.11-1~deb12u2");
  EXPECT_NE(files.path(dsa->loc.file).find("DSA-9001-1.json"), std::string::npos);

  const Advisory* curl = by_id(l, "DEBIAN-CVE-2099-0002");
  ASSERT_NE(curl, nullptr);
  EXPECT_FALSE(curl->severity.has_value());
  EXPECT_EQ(curl->affected.at(0).severity, core::Severity::kHigh);  // Debian urgency

  const Advisory* busybox = by_id(l, "ALPINE-CVE-2099-0004");
  ASSERT_NE(busybox, nullptr);
  EXPECT_EQ(busybox->severity, core::Severity::kHigh);
  EXPECT_EQ(busybox->affected.at(0).ranges.size(), 1u);  // the GIT range is not kept

  const Advisory* musl = by_id(l, "ALPINE-CVE-2099-0005");
  ASSERT_NE(musl, nullptr);
  EXPECT_EQ(musl->severity, core::Severity::kMedium);
  EXPECT_EQ(musl->affected.at(0).versions, (std::vector<std::string>{"1.2.3-r9"}));

  // Each bad file: one error naming the file, with a line.
  std::set<std::string> bad;
  for (const auto& e : l.errors) {
    bad.insert(files.path(e.where.file).substr(osv_dir.size() + 1));
    EXPECT_GT(e.where.line, 0u) << e.message;
    EXPECT_FALSE(e.message.empty());
  }
  EXPECT_EQ(bad, (std::set<std::string>{"bad/missing-id.json", "bad/not-an-object.json",
                                        "bad/truncated.json", "bad/wrong-type.json"}));
}

TEST(OsvLoader, FieldErrorsAreLocated) {
  auto r = parse_osv(R"({
  "id": "X",
  "affected": [
    {"ranges": 5}
  ]
})",
                     7);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Errc::kInvalid);
  EXPECT_EQ(r.error().where.file, 7u);
  EXPECT_EQ(r.error().where.line, 4u);
  EXPECT_NE(r.error().message.find("'ranges'"), std::string::npos);
  r = parse_osv(R"({"id": 12})", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("without an 'id'"), std::string::npos);
}

TEST(OsvLoader, Limits) {
  OsvLimits small;
  small.max_file_bytes = 10;
  auto r = parse_osv(R"({"id": "TOO-LONG"})", 1, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Errc::kLimit);
  small = OsvLimits{};
  small.max_affected = 1;
  r = parse_osv(R"({"id": "X", "affected": [{}, {}]})", 1, small);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("more than 1 affected"), std::string::npos);
  small = OsvLimits{};
  small.max_events = 1;
  r = parse_osv(
      R"({"id":"X","affected":[{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1"}]}]}]})",
      1, small);
  ASSERT_FALSE(r.ok());
  small = OsvLimits{};
  small.max_files = 2;
  core::FileTable files;
  const OsvLoad l = load_osv_dir(osv_dir, files, small);
  EXPECT_EQ(l.files, 2u);
  EXPECT_TRUE(std::any_of(l.errors.begin(), l.errors.end(),
                          [](const core::Error& e) { return e.code == core::Errc::kLimit; }));
}

TEST(OsvLoader, MissingDirectory) {
  core::FileTable files;
  const OsvLoad l = load_osv_dir(osv_dir + "/does-not-exist", files);
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].code, core::Errc::kIo);
}

TEST(OsvMessages, EveryMessageHasBothLanguagesAndTheSameArguments) {
  const auto args = [](std::string_view t) {
    std::multiset<std::string> out;
    for (std::size_t i = t.find('{'); i != std::string_view::npos; i = t.find('{', i + 1)) {
      out.emplace(t.substr(i, t.find('}', i) - i));
    }
    return out;
  };
  for (const auto& m : kMessages) {
    EXPECT_FALSE(m.en.empty()) << m.id;
    EXPECT_FALSE(m.ja.empty()) << m.id;
    EXPECT_EQ(args(m.en), args(m.ja)) << m.id;
  }
}

}  // namespace
}  // namespace ecsguard::vuln
