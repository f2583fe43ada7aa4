#pragma once
// One layer (an opened libarchive reader over its tar stream, any compression) applied to the
// image's virtual filesystem, within ArchiveLimits.
#include <cstddef>
#include <cstdint>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/image/image.h"

struct archive;

namespace ecsguard::parse::image {

struct LayerRun {
  Image& image;
  const ArchiveLimits& limits;
  std::uint32_t layer = 0;  // 1-based
  std::size_t& entries;     // entries read so far over all layers
};

core::Result<bool> apply_layer(archive* a, LayerRun& run);

// The files whose content the image layer reads (os-release, package databases, passwd, group).
bool kept_path(std::string_view path) noexcept;

}  // namespace ecsguard::parse::image
