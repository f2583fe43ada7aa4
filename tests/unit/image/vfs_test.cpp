// The virtual filesystem: path normalisation, replacement, whiteouts, opaque directories.
#include <gtest/gtest.h>

#include "ecsguard/parse/image/vfs.h"

namespace ecsguard::parse::image {
namespace {

TEST(ImageVfs, Normalize) {
  bool abs = false;
  EXPECT_EQ(normalize("./a//b/./c/", &abs), "a/b/c");
  EXPECT_FALSE(abs);
  EXPECT_EQ(normalize("/etc/passwd", &abs), "etc/passwd");
  EXPECT_TRUE(abs);
  EXPECT_EQ(normalize("a/b/../c"), "a/c");
  EXPECT_EQ(normalize("./"), "");
  EXPECT_FALSE(normalize("../x").has_value());
  EXPECT_FALSE(normalize("a/../../x").has_value());
}

TEST(ImageVfs, ReplaceRemoveAndOpaque) {
  Vfs fs;
  VfsEntry dir;
  dir.type = FileType::kDirectory;
  fs.put("d", dir, 1);
  fs.put("d/a", VfsEntry{}, 1);
  fs.put("d/sub/b", VfsEntry{}, 1);
  fs.put("dz", VfsEntry{}, 1);  // shares a prefix, not a child
  fs.put("d/c", VfsEntry{}, 2);
  fs.clear_below("d", 2);
  EXPECT_EQ(fs.find("d/a"), nullptr);
  EXPECT_EQ(fs.find("d/sub/b"), nullptr);
  EXPECT_NE(fs.find("d/c"), nullptr);
  EXPECT_NE(fs.find("dz"), nullptr);
  EXPECT_TRUE(fs.remove("d"));
  EXPECT_EQ(fs.find("d/c"), nullptr);
  EXPECT_NE(fs.find("dz"), nullptr);
  EXPECT_FALSE(fs.remove("nothing"));
  // A file replacing a directory takes its children with it.
  fs.put("x", dir, 1);
  fs.put("x/y", VfsEntry{}, 1);
  fs.put("x", VfsEntry{}, 2);
  EXPECT_EQ(fs.find("x/y"), nullptr);
  EXPECT_EQ(fs.find("x")->layer, 2u);
}

}  // namespace
}  // namespace ecsguard::parse::image
