// `--lang` end to end on examples/insecure: Japanese titles and messages for every finding, the
// English report unchanged by the option, and the locale environment as the default.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct CliRun {
  int code = -1;
  std::string out;
};

// Runs ecsguard from the source root with `env` in front (e.g. "LANG=ja_JP.UTF-8").
CliRun ecsguard(const std::string& env, const std::string& args) {
  const std::string out_file = ::testing::TempDir() + "i18n_cli_" +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                               ".out";
  const std::string cmd = "cd '" + std::string(ECSGUARD_SOURCE_DIR) +
                          "' && env -u LC_ALL -u LC_MESSAGES -u LANG " + env + " '" +
                          std::string(ECSGUARD_EXE) + "' " + args + " >'" + out_file + "' 2>&1";
  CliRun r;
  const int status = std::system(cmd.c_str());  // NOLINT(cert-env33-c): runs the tool under test
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(out_file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  r.out = ss.str();
  std::error_code ignored;
  std::filesystem::remove(out_file, ignored);
  return r;
}

bool has_japanese(const std::string& s) {
  // Hiragana, katakana and CJK ideographs are 3-byte UTF-8 sequences starting 0xE3..0xE9.
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xE3 && b <= 0xE9;
  });
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST(CliLang, JapaneseJsonMessagesForEveryFinding) {
  const CliRun ja = ecsguard("", "scan examples/insecure -f json --lang ja");
  ASSERT_EQ(ja.code, 1) << ja.out;
  const auto doc = nlohmann::json::parse(ja.out);
  ASSERT_GT(doc["findings"].size(), 100u);
  for (const auto& f : doc["findings"]) {
    const std::string msg = f["message"].get<std::string>();
    EXPECT_TRUE(has_japanese(msg)) << f["check"] << ": " << msg;
  }
}

TEST(CliLang, JapaneseTableTitlesAndMessagesForEveryFinding) {
  const CliRun ja = ecsguard("", "scan examples/insecure --color never --lang ja");
  ASSERT_EQ(ja.code, 1) << ja.out;
  const auto ls = lines(ja.out);
  std::size_t findings = 0;
  for (const auto& l : ls) {
    // A finding: "    <SEVERITY> <ID>  <message>  <file:line>" under its resource.
    if (l.size() < 12 || l.rfind("    ", 0) != 0 || l[4] == ' ' ||
        l.find("-0") == std::string::npos) {
      continue;
    }
    ++findings;
    EXPECT_TRUE(has_japanese(l)) << "message not in Japanese: " << l;
  }
  EXPECT_GT(findings, 100u);
  EXPECT_NE(ja.out.find("── レイヤー（ECS on Fargate の責任共有モデル）"), std::string::npos);
  EXPECT_NE(ja.out.find("不合格（FAILED）"), std::string::npos);
}

TEST(CliLang, EnglishIsTheDefaultAndUnchangedByTheOption) {
  const CliRun plain = ecsguard("", "scan examples/insecure --color never");
  const CliRun en = ecsguard("LANG=ja_JP.UTF-8", "scan examples/insecure --color never --lang en");
  EXPECT_EQ(plain.out, en.out);
  EXPECT_FALSE(has_japanese(plain.out));
  EXPECT_NE(plain.out.find("── Layers (ECS on Fargate shared responsibility)"), std::string::npos);
}

TEST(CliLang, LocaleEnvironmentIsTheDefault) {
  const CliRun ja = ecsguard("LANG=ja_JP.UTF-8", "explain CTR-001");
  EXPECT_EQ(ja.code, 0);
  EXPECT_NE(ja.out.find("なぜ重要か"), std::string::npos) << ja.out;
  // LC_ALL wins over LANG.
  const CliRun en = ecsguard("LC_ALL=C LANG=ja_JP.UTF-8", "explain CTR-001");
  EXPECT_NE(en.out.find("Why it matters"), std::string::npos) << en.out;
  EXPECT_FALSE(has_japanese(en.out));
}

TEST(CliLang, ExplainAndChecksInJapanese) {
  const CliRun explain = ecsguard("", "explain ctr-001 --lang ja");
  EXPECT_EQ(explain.code, 0);
  EXPECT_NE(explain.out.find("すべてのコンテナで読み取り専用ルートファイルシステムを使う"),
            std::string::npos)
      << explain.out;
  EXPECT_NE(explain.out.find("読み取り専用ルートファイルシステム"), std::string::npos);
  const CliRun checks = ecsguard("", "checks --lang ja");
  EXPECT_EQ(checks.code, 0);
  for (const auto& l : lines(checks.out)) EXPECT_TRUE(has_japanese(l)) << l;
}

TEST(CliLang, RejectsAnUnknownLanguage) {
  const CliRun r = ecsguard("", "scan examples/insecure --lang fr");
  EXPECT_EQ(r.code, 2) << r.out;
}

TEST(CliLang, DocsStayEnglishWhateverTheLocale) {
  const CliRun r = ecsguard("LANG=ja_JP.UTF-8", "docs --check --out docs/checks");
  EXPECT_EQ(r.code, 0) << r.out;
}

}  // namespace
