// Image archives built by the test itself: docker save (legacy layer.tar and blobs), OCI layout
// directory and tar, gzip and zstd layers, whiteouts, hostile entries, bombs and limits.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "archive_builder.h"
#include "ecsguard/parse/image/image.h"
#include "ecsguard/parse/image/messages.h"

namespace ecsguard::parse::image {
namespace {

using testing::Compression;
using testing::make_tar;
using testing::TarEntry;

const std::string config_json = R"({
  "architecture": "amd64", "os": "linux",
  "config": {
    "User": "app",
    "Env": ["PATH=/usr/bin", "DB_PASSWORD=hunter2hunter2"],
    "ExposedPorts": {"22/tcp": {}, "8080/tcp": {}},
    "Entrypoint": ["/app"], "Cmd": ["serve"],
    "Healthcheck": {"Test": ["CMD", "/app", "health"]},
    "Labels": {"org.opencontainers.image.source": "https://example.com/app"}
  },
  "history": [{"created_by": "/bin/sh -c #(nop) ADD file"}, {"created_by": "RUN apt-get install"}]
})";

std::vector<TarEntry> base_layer() {
  return {
      {"etc/", "", AE_IFDIR, 0755},
      {"etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"},
      {"usr/bin/su", "ELF", AE_IFREG, 04755},
      {"usr/bin/wall", "ELF", AE_IFREG, 02755},
      {"app/secret.txt", "token"},
      {"tmp/", "", AE_IFDIR, 01777},
      {"tmp/a", "a"},
      {"tmp/b", "b"},
      {"var/lib/dpkg/status", "Package: libssl3\nSource: openssl\nVersion: 3.0.11-1~deb12u1\n"},
      {"bin/sh", "", AE_IFLNK, 0777, "dash"},
  };
}

std::vector<TarEntry> top_layer() {
  return {
      {"app/.wh.secret.txt", ""},
      {"tmp/.wh..wh..opq", ""},
      {"tmp/c", "c"},
      {"usr/bin/sudo", "ELF", AE_IFREG, 04711},
      {"usr/bin/su2", "", AE_IFREG, 0755, "usr/bin/su", true},
  };
}

std::string docker_save() {
  const std::string manifest =
      R"([{"Config":"cfg.json","RepoTags":["app:1"],"Layers":["l1/layer.tar","blobs/sha256/)" +
      std::string(64, 'b') + R"("]}])";
  return make_tar(
      {{"manifest.json", manifest},
       {"cfg.json", config_json},
       {"l1/layer.tar", make_tar(base_layer())},
       {"blobs/sha256/" + std::string(64, 'b'), make_tar(top_layer(), Compression::kGzip)}});
}

void expect_merged(const Image& img) {
  std::string diags;
  for (const auto& d : img.diagnostics) diags += d.text() + "\n";
  EXPECT_EQ(diags, "");
  const Vfs& fs = img.fs;
  ASSERT_NE(fs.find("etc/os-release"), nullptr);
  EXPECT_EQ(fs.find("etc/os-release")->content.value_or(""), "ID=debian\nVERSION_ID=\"12\"\n");
  EXPECT_NE(fs.find("var/lib/dpkg/status")->content, std::nullopt);
  EXPECT_EQ(fs.find("usr/bin/su")->content, std::nullopt);  // not a kept file
  EXPECT_EQ(fs.find("usr/bin/su")->mode & 04000u, 04000u);
  EXPECT_EQ(fs.find("usr/bin/wall")->mode & 02000u, 02000u);
  EXPECT_EQ(fs.find("usr/bin/sudo")->layer, 2u);
  EXPECT_EQ(fs.find("app/secret.txt"), nullptr);  // whiteout
  EXPECT_EQ(fs.find("tmp/a"), nullptr);           // opaque directory
  EXPECT_EQ(fs.find("tmp/b"), nullptr);
  ASSERT_NE(fs.find("tmp/c"), nullptr);
  EXPECT_EQ(fs.find("tmp")->mode, 01777u);
  EXPECT_EQ(fs.find("bin/sh")->type, FileType::kSymlink);
  EXPECT_EQ(fs.find("bin/sh")->link, "dash");
  EXPECT_EQ(fs.find("usr/bin/su2")->type, FileType::kHardlink);
  EXPECT_EQ(fs.find("usr/bin/su2")->link, "usr/bin/su");
  const ImageConfig& c = img.config;
  EXPECT_EQ(c.user, "app");
  EXPECT_EQ(c.env.size(), 2u);
  EXPECT_EQ(c.exposed_ports, (std::vector<std::string>{"22/tcp", "8080/tcp"}));
  EXPECT_EQ(c.entrypoint, (std::vector<std::string>{"/app"}));
  EXPECT_EQ(c.healthcheck.at(0), "CMD");
  EXPECT_EQ(c.labels.at(0).first, "org.opencontainers.image.source");
  EXPECT_EQ(c.history.size(), 2u);
  EXPECT_EQ(img.layers.size(), 2u);
}

class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("ecsguard-image-" + std::to_string(::getpid()) + "-" + std::to_string(counter++))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  void write(const std::string& rel, const std::string& data) const {
    std::filesystem::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel, std::ios::binary) << data;
  }

 private:
  static inline int counter = 0;
  std::filesystem::path path_;
};

// An OCI layout: index.json -> manifest -> config + layers (digests are not verified).
void write_oci(const TempDir& dir) {
  const std::string m(64, '1'), cfg(64, '2'), l1(64, '3'), l2(64, '4');
  dir.write("oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
  dir.write("index.json", R"({"schemaVersion":2,"manifests":[{"digest":"sha256:)" + m + R"("}]})");
  dir.write("blobs/sha256/" + m, R"({"schemaVersion":2,"config":{"digest":"sha256:)" + cfg +
                                     R"("},"layers":[{"digest":"sha256:)" + l1 +
                                     R"("},{"digest":"sha256:)" + l2 + R"("}]})");
  dir.write("blobs/sha256/" + cfg, config_json);
  dir.write("blobs/sha256/" + l1, make_tar(base_layer(), Compression::kZstd));
  dir.write("blobs/sha256/" + l2, make_tar(top_layer(), Compression::kGzip));
}

TEST(ImageArchive, DockerSaveInMemoryAndOnDisk) {
  const std::string tar = docker_save();
  auto img = read_image_memory(tar);
  ASSERT_TRUE(img.ok()) << img.error().message;
  expect_merged(img.value());
  TempDir dir;
  dir.write("app.tar", tar);
  img = read_image((dir.path() / "app.tar").string());
  ASSERT_TRUE(img.ok()) << img.error().message;
  expect_merged(img.value());
}

TEST(ImageArchive, OciLayoutDirectoryWithZstdAndAsTar) {
  TempDir dir;
  write_oci(dir);
  auto img = read_image(dir.path().string());
  ASSERT_TRUE(img.ok()) << img.error().message;
  expect_merged(img.value());
  // The same layout as a (gzip-compressed) tar, as `docker save` of recent versions writes it.
  std::vector<TarEntry> entries;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    entries.emplace_back(std::filesystem::relative(e.path(), dir.path()).string(),
                         std::string(std::istreambuf_iterator<char>(in), {}));
  }
  img = read_image_memory(make_tar(entries, Compression::kGzip));
  ASSERT_TRUE(img.ok()) << img.error().message;
  expect_merged(img.value());
}

TEST(ImageArchive, HostileEntriesAreNamedAndSkipped) {
  const std::string layer = make_tar({
      {"../../etc/cron.d/evil", "x"},
      {"/abs/file", "x"},
      {"ok/../../escape", "x"},
      {"lib/hard", "", AE_IFREG, 0644, "../outside", true},
      {"lib/missing-hard", "", AE_IFREG, 0644, "lib/nothing", true},
      {"lib/up", "", AE_IFLNK, 0777, "../../../../etc/shadow"},
      {"lib/abs", "", AE_IFLNK, 0777, "/etc/shadow"},
      {"gone/.wh.nothing", ""},
  });
  const std::string tar =
      make_tar({{"manifest.json", R"([{"Config":"c.json","Layers":["l.tar"]}])"},
                {"c.json", "{}"},
                {"l.tar", layer}});
  auto img = read_image_memory(tar);
  ASSERT_TRUE(img.ok()) << img.error().message;
  std::vector<std::string_view> ids;
  for (const auto& d : img->diagnostics) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string_view>{"image.path-traversal", "image.absolute-path",
                                                "image.path-traversal", "image.hardlink-outside",
                                                "image.hardlink-outside", "image.symlink-outside",
                                                "image.whiteout-missing"}));
  EXPECT_EQ(img->diagnostics[0].text(),
            "layer 1: entry '../../etc/cron.d/evil' leaves the image root (..); skipped");
  EXPECT_FALSE(img->diagnostics[0].text(detail::Lang::kJa).empty());
  // Only the two symlinks are in the image; nothing was written anywhere.
  EXPECT_EQ(img->fs.entries().size(), 2u);
  EXPECT_NE(img->fs.find("lib/up"), nullptr);
  EXPECT_NE(img->fs.find("lib/abs"), nullptr);
}

std::string bomb_image() {
  const std::string zeros(48u << 20, '\0');
  const std::string layer = make_tar({{"zeros", zeros}}, Compression::kGzip);
  return make_tar({{"manifest.json", R"([{"Config":"c.json","Layers":["l.tar.gz"]}])"},
                   {"c.json", "{}"},
                   {"l.tar.gz", layer}});
}

TEST(ImageArchive, DecompressionBombStopsAtTheRatio) {
  const std::string tar = bomb_image();
  EXPECT_LT(tar.size(), 1u << 20);  // 48 MiB of zeros compress to well under 1 MiB
  ArchiveLimits l;
  l.ratio_floor = 1u << 20;
  l.max_ratio = 50;
  auto img = read_image_memory(tar, l);
  ASSERT_FALSE(img.ok());
  EXPECT_EQ(img.error().code, core::Errc::kLimit);
  EXPECT_NE(img.error().message.find("decompression bomb"), std::string::npos);
  l = ArchiveLimits{};
  l.max_layer_bytes = 4u << 20;
  img = read_image_memory(tar, l);
  ASSERT_FALSE(img.ok());
  EXPECT_NE(img.error().message.find("uncompressed"), std::string::npos);
  l = ArchiveLimits{};
  l.max_entry_bytes = 1u << 20;
  img = read_image_memory(tar, l);
  ASSERT_FALSE(img.ok());
  EXPECT_NE(img.error().message.find("'zeros'"), std::string::npos);
}

TEST(ImageArchive, EntryAndLayerCountLimits) {
  ArchiveLimits l;
  l.max_entries = 3;
  auto img = read_image_memory(docker_save(), l);
  ASSERT_FALSE(img.ok());
  EXPECT_EQ(img.error().code, core::Errc::kLimit);
  l = ArchiveLimits{};
  l.max_layers = 1;
  img = read_image_memory(docker_save(), l);
  ASSERT_FALSE(img.ok());
  EXPECT_NE(img.error().message.find("more than 1 layers"), std::string::npos);
}

TEST(ImageArchive, NotAnImageMissingBlobAndBadDigest) {
  auto img = read_image_memory(make_tar({{"README", "hello"}}));
  ASSERT_FALSE(img.ok());
  EXPECT_NE(img.error().message.find("neither a docker save archive"), std::string::npos);
  img = read_image_memory(make_tar(
      {{"manifest.json", R"([{"Config":"c.json","Layers":["nope.tar"]}])"}, {"c.json", "{}"}}));
  ASSERT_FALSE(img.ok());
  EXPECT_NE(img.error().message.find("'nope.tar'"), std::string::npos);
  img = read_image_memory(
      make_tar({{"index.json", R"({"manifests":[{"digest":"sha256:../../x"}]})"}}));
  ASSERT_FALSE(img.ok());
  EXPECT_NE(img.error().message.find("not a sha256 digest"), std::string::npos);
  img = read_image_memory("this is not an archive at all");
  ASSERT_FALSE(img.ok());
}

TEST(ImageMessages, EveryMessageHasBothLanguages) {
  for (const auto& m : kMessages) {
    EXPECT_FALSE(m.en.empty()) << m.id;
    EXPECT_FALSE(m.ja.empty()) << m.id;
  }
}

}  // namespace
}  // namespace ecsguard::parse::image
