// Every Dockerfile of the external corpus ($ECSGUARD_CORPUS: hadolint, KICS, Checkov,
// trivy-checks and real-world fixtures) parses without a crash or a limit error, and the ones
// BuildKit accepts parse without an error diagnostic. corpus_exceptions.txt lists the fixtures
// BuildKit refuses too (path relative to the corpus, then the reason); each must still have an
// error, so the list cannot go stale. hadolint's fixtures are often fragments (the instructions its
// rule specs lint, without a FROM); BuildKit refuses a fragment, so one without any FROM is read
// again behind a `FROM scratch` line and must then parse cleanly. Skips when the corpus is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "ecsguard/parse/dockerfile/resolve.h"
#include "test_util.h"

namespace ecsguard::parse::dockerfile {
namespace {

namespace fs = std::filesystem;

fs::path corpus_root() {
  const char* env = std::getenv("ECSGUARD_CORPUS");
  return env == nullptr ? fs::path() : fs::path(env);
}

bool is_dockerfile(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.starts_with("Dockerfile") || name.ends_with(".Dockerfile") ||
         name.ends_with(".dockerfile");
}

std::map<std::string, std::string> exceptions() {
  std::map<std::string, std::string> out;
  std::ifstream in(std::string(ECSGUARD_SOURCE_DIR) +
                   "/tests/unit/dockerfile/corpus_exceptions.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    const std::size_t sp = line.find(' ');
    out[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(sp + 1);
  }
  return out;
}

TEST(DockerfileCorpus, EveryDockerfileParses) {
  const fs::path root = corpus_root();
  if (root.empty() || !fs::is_directory(root)) GTEST_SKIP() << "ECSGUARD_CORPUS not set";
  const auto expected_bad = exceptions();
  std::size_t files = 0;
  std::size_t clean = 0;
  std::size_t fragments = 0;
  std::string unexpected;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || !is_dockerfile(e.path())) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string rel = fs::relative(e.path(), root).string();
    ++files;
    auto r = parse(ss.str(), 1);
    ASSERT_TRUE(r.ok()) << rel << ": " << r.error().message;
    (void)resolve(r.value());
    if (r->stages.empty() && rel.starts_with("hadolint/")) {
      ++fragments;
      r = parse("FROM scratch\n" + ss.str(), 1);
      ASSERT_TRUE(r.ok()) << rel << ": " << r.error().message;
    }
    const bool listed = expected_bad.count(rel) != 0;
    if (r->has_errors() && !listed) unexpected += rel + " " + testing::error_ids(*r) + "\n";
    if (!r->has_errors() && listed) unexpected += rel + ": listed as refused but parses\n";
    clean += r->has_errors() ? 0 : 1;
  }
  EXPECT_GT(files, 100u);
  EXPECT_EQ(unexpected, "");
  std::cout << files << " Dockerfiles (" << fragments << " hadolint fragments read behind FROM), "
            << clean << " without error, " << files - clean
            << " refused as BuildKit refuses them (corpus_exceptions.txt)\n";
}

}  // namespace
}  // namespace ecsguard::parse::dockerfile
