// read_image: the outer container (docker save tar, OCI tar, OCI layout directory) -> manifest,
// config and layers, each layer streamed through layer.h.
#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "ecsguard/core/file_io.h"
#include "ecsguard/parse/image/config.h"
#include "ecsguard/parse/image/image.h"
#include "ecsguard/parse/image/layer.h"
#include "ecsguard/parse/image/messages.h"

namespace ecsguard::parse::image {

namespace {

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

constexpr std::size_t kBlock = std::size_t{64} << 10;  // read size for files and nested layers

ArchivePtr new_reader() {
  ArchivePtr a(archive_read_new(), &archive_read_free);
  archive_read_support_format_tar(a.get());
  archive_read_support_filter_all(a.get());  // gzip, zstd, xz, ... and none
  return a;
}

core::Error archive_error(archive* a, std::string_view what) {
  const char* msg = archive_error_string(a);
  return image_error(
      core::Errc::kIo, "image.archive-error",
      {{"what", std::string(what)}, {"reason", msg != nullptr ? msg : "unknown error"}});
}

// The outer tar: a file or bytes in memory, opened afresh for each pass.
struct Outer {
  std::string path;
  std::string_view memory;
  bool in_memory = false;

  core::Result<ArchivePtr> open() const {
    ArchivePtr a = new_reader();
    const int r = in_memory ? archive_read_open_memory(a.get(), memory.data(), memory.size())
                            : archive_read_open_filename(a.get(), path.c_str(), kBlock);
    if (r != ARCHIVE_OK) return archive_error(a.get(), "the image archive");
    return a;
  }
};

// Small JSON-sized entries of the outer tar, by normalised name.
using Small = std::map<std::string, std::string, std::less<>>;

core::Result<Small> small_entries(const Outer& outer, const ArchiveLimits& limits) {
  auto a = outer.open();
  if (!a.ok()) return std::move(a).error();
  Small out;
  std::size_t total = 0;
  archive_entry* e = nullptr;
  while (true) {
    const int r = archive_read_next_header(a->get(), &e);
    if (r == ARCHIVE_EOF) return out;
    if (r < ARCHIVE_WARN) return archive_error(a->get(), "the image archive");
    const char* raw = archive_entry_pathname(e);
    const auto name = normalize(raw != nullptr ? raw : "");
    const la_int64_t size = archive_entry_size(e);
    if (!name || archive_entry_filetype(e) != AE_IFREG || size < 0 ||
        static_cast<std::size_t>(size) > limits.max_json_bytes ||
        total + static_cast<std::size_t>(size) > 4 * limits.max_json_bytes) {
      continue;  // libarchive skips the data of an entry not read
    }
    std::string data(static_cast<std::size_t>(size), '\0');
    const la_ssize_t n = archive_read_data(a->get(), data.data(), data.size());
    if (n < 0) return archive_error(a->get(), "the image archive");
    data.resize(static_cast<std::size_t>(n));
    total += data.size();
    out.emplace(*name, std::move(data));
  }
}

// Reads the nested layer tar from the current entry of the outer archive.
struct Nested {
  archive* outer = nullptr;
  std::array<char, kBlock> buf{};
};

la_ssize_t nested_read(archive* /*self*/, void* client, const void** out) {
  auto* n = static_cast<Nested*>(client);
  *out = n->buf.data();
  return archive_read_data(n->outer, n->buf.data(), n->buf.size());
}

core::Result<bool> layer_from_outer(const Outer& outer, const std::string& name, LayerRun& run) {
  auto a = outer.open();
  if (!a.ok()) return std::move(a).error();
  archive_entry* e = nullptr;
  while (true) {
    const int r = archive_read_next_header(a->get(), &e);
    if (r == ARCHIVE_EOF) {
      return image_error(core::Errc::kInvalid, "image.missing-blob", {{"name", name}});
    }
    if (r < ARCHIVE_WARN) return archive_error(a->get(), "the image archive");
    const char* raw = archive_entry_pathname(e);
    const auto n = normalize(raw != nullptr ? raw : "");
    if (n && *n == name) break;
  }
  Nested nested;
  nested.outer = a->get();
  ArchivePtr inner = new_reader();
  if (archive_read_open(inner.get(), &nested, nullptr, nested_read, nullptr) != ARCHIVE_OK) {
    return archive_error(inner.get(), "layer " + std::to_string(run.layer));
  }
  return apply_layer(inner.get(), run);
}

core::Result<bool> layer_from_file(const std::filesystem::path& file, LayerRun& run) {
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return image_error(core::Errc::kInvalid, "image.missing-blob", {{"name", file.string()}});
  }
  ArchivePtr a = new_reader();
  if (archive_read_open_filename(a.get(), file.c_str(), kBlock) != ARCHIVE_OK) {
    return archive_error(a.get(), "layer " + std::to_string(run.layer));
  }
  return apply_layer(a.get(), run);
}

// Where the JSON documents and layers of one image come from.
struct Lookup {
  const Small* small = nullptr;              // outer tar entries
  std::optional<std::filesystem::path> dir;  // OCI layout directory

  core::Result<std::string> json(const std::string& name, const ArchiveLimits& limits) const {
    if (dir) return core::read_regular_file((*dir / name).string(), limits.max_json_bytes);
    const auto it = small->find(name);
    if (it == small->end()) {
      return image_error(core::Errc::kInvalid, "image.missing-blob", {{"name", name}});
    }
    return it->second;
  }
  [[nodiscard]] bool has(const std::string& name) const {
    if (dir) return std::filesystem::is_regular_file(*dir / name);
    return small->count(name) != 0;
  }
};

// index.json -> (nested indexes) -> manifest -> config and layer paths.
core::Result<SaveManifest> oci_manifest(const Lookup& lookup, const ArchiveLimits& limits) {
  auto index = lookup.json("index.json", limits);
  if (!index.ok()) return std::move(index).error();
  std::string doc = std::move(index).value();
  for (int depth = 0; depth < 4; ++depth) {
    auto digest = parse_oci_index(doc, limits.max_json_bytes);
    if (!digest.ok()) return std::move(digest).error();
    auto path = blob_path(digest.value());
    if (!path.ok()) return std::move(path).error();
    auto next = lookup.json(path.value(), limits);
    if (!next.ok()) return std::move(next).error();
    doc = std::move(next).value();
    if (doc.find("\"manifests\"") == std::string::npos) break;  // a manifest, not an index
  }
  auto m = parse_oci_manifest(doc, limits.max_json_bytes);
  if (!m.ok()) return m;
  auto config = blob_path(m->config);
  if (!config.ok()) return std::move(config).error();
  m->config = config.value();
  for (auto& l : m->layers) {
    auto p = blob_path(l);
    if (!p.ok()) return std::move(p).error();
    l = p.value();
  }
  return m;
}

core::Result<SaveManifest> find_manifest(const Lookup& lookup, const ArchiveLimits& limits,
                                         const std::string& display) {
  if (lookup.has("manifest.json")) {
    auto text = lookup.json("manifest.json", limits);
    if (!text.ok()) return std::move(text).error();
    auto m = parse_save_manifest(text.value(), limits.max_json_bytes);
    if (!m.ok()) return m;
    for (std::string* p : {&m->config}) *p = normalize(*p).value_or("");
    for (auto& l : m->layers) l = normalize(l).value_or("");
    return m;
  }
  if (lookup.has("index.json")) return oci_manifest(lookup, limits);
  return image_error(core::Errc::kInvalid, "image.not-an-image", {{"path", display}});
}

template <class LayerFn>
core::Result<Image> read_with(const Lookup& lookup, const ArchiveLimits& limits,
                              const std::string& display, LayerFn&& layer) {
  auto m = find_manifest(lookup, limits, display);
  if (!m.ok()) return std::move(m).error();
  if (m->layers.size() > limits.max_layers) {
    return image_error(core::Errc::kLimit, "image.limit-layers",
                       {{"limit", std::to_string(limits.max_layers)}});
  }
  Image img;
  auto config_text = lookup.json(m->config, limits);
  if (!config_text.ok()) return std::move(config_text).error();
  auto config = parse_config(config_text.value(), limits.max_json_bytes);
  if (!config.ok()) return std::move(config).error();
  img.config = std::move(config).value();
  std::size_t entries = 0;
  for (std::size_t i = 0; i < m->layers.size(); ++i) {
    LayerRun run{img, limits, static_cast<std::uint32_t>(i + 1), entries};
    auto applied = layer(m->layers[i], run);
    if (!applied.ok()) return std::move(applied).error();
    img.layers.push_back(m->layers[i]);
  }
  return img;
}

core::Result<Image> read_tar(const Outer& outer, const ArchiveLimits& limits,
                             const std::string& display) {
  auto small = small_entries(outer, limits);
  if (!small.ok()) return std::move(small).error();
  const Lookup lookup{&small.value(), std::nullopt};
  return read_with(lookup, limits, display, [&](const std::string& name, LayerRun& run) {
    return layer_from_outer(outer, name, run);
  });
}

}  // namespace

core::Result<Image> read_image(const std::string& path, const ArchiveLimits& limits) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    const Lookup lookup{nullptr, std::filesystem::path(path)};
    return read_with(lookup, limits, path, [&](const std::string& name, LayerRun& run) {
      return layer_from_file(std::filesystem::path(path) / name, run);
    });
  }
  return read_tar(Outer{path, {}, false}, limits, path);
}

core::Result<Image> read_image_memory(std::string_view bytes, const ArchiveLimits& limits) {
  return read_tar(Outer{{}, bytes, true}, limits, "<memory>");
}

}  // namespace ecsguard::parse::image
