// Each fixture is scanned with only its check enabled; the findings must equal the .expected set
// exactly (status, resource[/container], line) — never a count.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "ecsguard/scan/scan.h"
#include "fixtures.h"
#include "support/finding_line.h"

namespace ecsguard::testing {
namespace {

const std::filesystem::path kRoot = std::filesystem::path(ECSGUARD_SOURCE_DIR) / "tests/checks";

std::multiset<std::string> read_expected(const std::filesystem::path& fixture) {
  auto p = fixture;
  p.replace_extension(".expected");
  std::multiset<std::string> out;
  std::ifstream in(p);
  EXPECT_TRUE(in.good()) << "missing " << p.string();
  std::string line;
  while (std::getline(in, line)) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream ss(line);
    std::string status, subject, lineno;
    if (!(ss >> status)) continue;
    ss >> subject >> lineno;
    out.insert(status + " " + subject + " " + lineno);
  }
  return out;
}

class CheckFixture : public ::testing::TestWithParam<Fixture> {};

TEST_P(CheckFixture, FindingsMatchExpectedExactly) {
  const Fixture& fx = GetParam();
  scan::ScanRequest req;
  req.paths = {fx.path.string()};
  req.only_checks = {fx.check_id};
  req.threads = 1;
  const auto res = scan::run_scan(req);
  for (const auto& d : res.diagnostics) {
    ADD_FAILURE() << fx.path.string() << ": fixture does not load cleanly: " << d.file << ":"
                  << d.line << ": " << d.message;
  }
  ASSERT_EQ(res.files_scanned, 1u) << fx.path.string() << " was not recognised as an input";
  std::multiset<std::string> actual;
  for (const auto& f : res.findings) {
    actual.insert(ecsguard::test::finding_line(f));
    EXPECT_FALSE(f.message.empty());
    EXPECT_EQ(f.id(), fx.check_id);
  }
  const std::multiset<std::string> expected =
      fx.expect_fail ? read_expected(fx.path) : std::multiset<std::string>{};
  if (fx.expect_fail) {
    EXPECT_FALSE(expected.empty()) << fx.path.string() << ": a fail fixture must expect findings";
  }
  auto dump = [](const std::multiset<std::string>& s) {
    std::string o;
    for (const auto& x : s) o += "\n    " + x;
    return o.empty() ? std::string("\n    (none)") : o;
  };
  EXPECT_EQ(actual, expected) << fx.path.string() << "\n  expected:" << dump(expected)
                              << "\n  actual:" << dump(actual) << "\n  messages:" << [&] {
                                   std::string o;
                                   for (const auto& f : res.findings) o += "\n    " + f.message;
                                   return o;
                                 }();
}

std::string fixture_name(const ::testing::TestParamInfo<Fixture>& info) {
  std::string name = info.param.check_id + "_" + info.param.path.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Checks, CheckFixture, ::testing::ValuesIn(all_fixtures(kRoot)),
                         fixture_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckFixture);

}  // namespace
}  // namespace ecsguard::testing
