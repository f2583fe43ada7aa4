#pragma once
// Container image archives without extracting anything to disk: `docker save` tarballs (legacy
// <id>/layer.tar entries and the OCI blobs/ layout newer Docker writes) and OCI image layouts
// (a directory, or a tar of one). Layers (tar, gzip or zstd) are applied in order into a virtual
// filesystem (vfs.h) with OCI whiteouts (.wh.<name>, .wh..wh..opq); only metadata is kept, plus
// the content of the small files the image layer reads (os-release, dpkg status, apk installed,
// passwd/group) up to max_kept_bytes.
//
// Bounded: entries, bytes per layer, compression ratio (a gzip/zstd bomb stops at the limit,
// decompressed in chunks), bytes per entry, layers, JSON sizes. Never followed, never written:
// symlinks, hard links, absolute paths. Per-entry problems are located diagnostics and the entry
// is skipped: `..` escaping the root (path traversal), absolute paths, hard links to paths not in
// the image, whiteouts of paths no lower layer has; symlinks whose target leaves the root are kept
// and reported. A limit or an unreadable manifest, config or layer is a core::Error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/detail/message_table.h"
#include "ecsguard/parse/image/vfs.h"

namespace ecsguard::parse::image {

struct ArchiveLimits {
  std::uint32_t max_layers = 256;
  std::size_t max_entries = 2'000'000;          // entries over all layers
  std::uint64_t max_layer_bytes = 16ull << 30;  // uncompressed bytes of one layer
  std::uint64_t max_entry_bytes = 8ull << 30;   // one file
  std::uint32_t max_ratio = 200;                // uncompressed / compressed, per layer
  std::uint64_t ratio_floor = 64u << 20;        // the ratio applies above this many bytes
  std::size_t max_json_bytes = 8u << 20;        // manifest, index, config
  std::size_t max_kept_file_bytes = 4u << 20;   // content kept per file
  std::size_t max_kept_bytes = 64u << 20;       // content kept in total
};

struct ImageConfig {
  std::string user;
  std::vector<std::string> env;            // "NAME=value"
  std::vector<std::string> exposed_ports;  // "22/tcp"
  std::vector<std::string> volumes;        // "/data"
  std::vector<std::string> entrypoint, cmd;
  std::vector<std::string> healthcheck;  // Healthcheck.Test
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<std::string> history;  // history[].created_by
  std::string os, architecture;
};

struct ImageDiagnostic {
  std::string_view id;      // a row of kMessages (messages.h)
  std::uint32_t layer = 0;  // 1-based
  detail::MessageArgs args;
  [[nodiscard]] std::string text(detail::Lang lang = detail::Lang::kEn) const;
};

struct Image {
  ImageConfig config;
  Vfs fs;
  std::vector<std::string> layers;  // layer names / digests, in order
  std::vector<ImageDiagnostic> diagnostics;
};

// A docker save / OCI tar file, or an OCI layout directory.
core::Result<Image> read_image(const std::string& path, const ArchiveLimits& limits = {});
// A docker save / OCI tar held in memory (tests, fuzzing).
core::Result<Image> read_image_memory(std::string_view bytes, const ArchiveLimits& limits = {});

}  // namespace ecsguard::parse::image
