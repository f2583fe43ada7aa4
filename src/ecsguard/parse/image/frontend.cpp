#include "ecsguard/parse/image/frontend.h"

#include <string>
#include <utility>

#include "ecsguard/parse/image/image.h"
#include "ecsguard/parse/sniff.h"

namespace ecsguard::parse::image {

namespace {

// A POSIX tar header: "ustar" at offset 257 of the first block.
bool tar_magic(std::string_view bytes) noexcept {
  return bytes.size() >= 262 && bytes.substr(257, 5) == "ustar";
}

bool gzip_or_zstd_magic(std::string_view bytes) noexcept {
  return bytes.starts_with("\x1f\x8b") || bytes.starts_with("\x28\xb5\x2f\xfd");
}

model::ImageFileType type_of(FileType t) noexcept {
  switch (t) {
    case FileType::kRegular:
      return model::ImageFileType::kRegular;
    case FileType::kDirectory:
      return model::ImageFileType::kDirectory;
    case FileType::kSymlink:
      return model::ImageFileType::kSymlink;
    case FileType::kHardlink:
      return model::ImageFileType::kHardlink;
    case FileType::kOther:
      break;
  }
  return model::ImageFileType::kOther;
}

void fill_config(const ImageConfig& c, model::ContainerImage& m) {
  m.user = c.user;
  for (const auto& e : c.env) {
    const auto eq = e.find('=');
    m.env.emplace_back(e.substr(0, eq), eq == std::string::npos ? "" : e.substr(eq + 1));
  }
  m.exposed_ports = c.exposed_ports;
  m.volumes = c.volumes;
  m.entrypoint = c.entrypoint;
  m.cmd = c.cmd;
  m.healthcheck = c.healthcheck;
  m.labels = c.labels;
  m.history = c.history;
}

void fill_files(const Vfs& fs, model::ContainerImage& m) {
  m.files.reserve(fs.entries().size());
  for (const auto& [path, e] : fs.entries()) {
    m.files.push_back({path, type_of(e.type), e.mode, e.uid, e.gid, e.size, e.layer});
    if (e.content) m.contents.emplace_back(path, *e.content);
  }
}

}  // namespace

Confidence sniff(std::string_view path, std::string_view bytes) noexcept {
  if (!sniff::has_suffix(path, {".tar", ".tar.gz", ".tgz", ".oci"})) return Confidence::kNo;
  if (tar_magic(bytes) && sniff::contains_any(bytes.substr(0, kSniffBytes),
                                              {"manifest.json", "oci-layout", "index.json"})) {
    return Confidence::kLikely;
  }
  return Confidence::kName;
}

Fragment build(const FrontendInput& in) {
  Fragment out;
  const std::string_view bytes = in.source.text;
  if (!tar_magic(bytes) && !gzip_or_zstd_magic(bytes)) return out;
  auto img = read_image_memory(bytes);
  if (!img) {
    core::Error e = img.error();
    e.where.file = in.source.file;
    // A tar that is not an image is some other file; anything else is a broken image.
    if (e.code != core::Errc::kInvalid || sniff(in.source.display, bytes) == Confidence::kLikely) {
      out.unreadable = std::move(e);
    }
    return out;
  }
  out.recognised = true;
  for (const auto& d : img->diagnostics) {
    out.errors.push_back({core::Errc::kSkipped, d.text(), {in.source.file, 0, 0}});
  }
  model::Scope scope;
  scope.id = in.source.file;
  scope.file = in.source.file;
  scope.origin = model::Origin::kImageArchive;
  out.stack.scopes.push_back(scope);

  model::ContainerImage m;
  m.id.type = "ImageArchive";
  const auto slash = in.source.display.find_last_of('/');
  m.id.name = slash == std::string::npos ? in.source.display : in.source.display.substr(slash + 1);
  m.id.scope = in.source.file;
  m.id.origin = model::Origin::kImageArchive;
  m.id.loc = {in.source.file, 1, 1};
  fill_config(img->config, m);
  fill_files(img->fs, m);
  m.layers = img->layers;
  out.stack.add(std::move(m));
  return out;
}

}  // namespace ecsguard::parse::image
