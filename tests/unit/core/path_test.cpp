#include "ecsguard/core/path.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/temp_dir.h"

namespace ecsguard::core {
namespace {

namespace fs = std::filesystem;

TEST(PathContains, ComponentWiseNotByPrefix) {
  EXPECT_TRUE(path_contains("/a/b", "/a/b"));
  EXPECT_TRUE(path_contains("/a/b", "/a/b/c.json"));
  EXPECT_FALSE(path_contains("/a/b", "/a/bc/d.json"));
  EXPECT_FALSE(path_contains("/a/b", "/a"));
  EXPECT_TRUE(path_contains("/", "/etc/passwd"));
  EXPECT_FALSE(path_contains("/", "relative"));
}

TEST(LexicallyNormal, CollapsesSlashesDotsAndDotDots) {
  EXPECT_EQ(lexically_normal("/a//b/./c/../d/"), "/a/b/d");
  EXPECT_EQ(lexically_normal("/../../etc"), "/etc");
  EXPECT_EQ(lexically_normal("a/../../b"), "../b");
  EXPECT_EQ(lexically_normal("/"), "/");
  EXPECT_EQ(lexically_normal("//"), "/");
  EXPECT_EQ(lexically_normal(""), ".");
  EXPECT_EQ(lexically_normal("./"), ".");
  EXPECT_EQ(lexically_normal("/var/run/../lib/docker"), "/var/lib/docker");
}

TEST(RelativePath, BelowTheBaseOrUnchanged) {
  EXPECT_EQ(relative_path("/a/b", "/a/b/c/d.json"), "c/d.json");
  EXPECT_EQ(relative_path("/a/b", "/a/b"), "");
  EXPECT_EQ(relative_path("/", "/x/y"), "x/y");
  EXPECT_EQ(relative_path("/a/b", "/other/d.json"), "/other/d.json");
}

TEST(IdentityPath, RelativeToTheWorkTreeOrTheScanRoot) {
  ecsguard::test::TempDir tmp("ecsguard-path");
  const std::string repo = tmp / "repo";
  fs::create_directories(repo + "/.git");
  fs::create_directories(repo + "/infra/td");
  EXPECT_EQ(find_work_tree_root(repo + "/infra/td"), repo);
  EXPECT_EQ(identity_path(repo + "/infra/td/web.json", repo + "/infra/td"), "infra/td/web.json");

  const std::string plain = tmp / "plain/td";
  fs::create_directories(plain);
  EXPECT_EQ(find_work_tree_root(plain), "");
  EXPECT_EQ(identity_path(plain + "/web.json", plain), "web.json");
  EXPECT_EQ(identity_path(plain + "/web.json", tmp.path()), "plain/td/web.json");

  // A worktree or submodule has a `.git` file.
  const std::string wt = tmp / "wt";
  fs::create_directories(wt + "/x");
  std::ofstream(wt + "/.git") << "gitdir: /elsewhere\n";
  EXPECT_EQ(identity_path(wt + "/x/t.yaml", wt + "/x"), "x/t.yaml");
}

}  // namespace
}  // namespace ecsguard::core
