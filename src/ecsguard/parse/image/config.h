#pragma once
// Image JSON documents: the image config, docker save's manifest.json and OCI index/manifest.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/image/image.h"

namespace ecsguard::parse::image {

core::Result<ImageConfig> parse_config(std::string_view json, std::size_t max_bytes);

// docker save manifest.json: the first image's config path and layer paths.
struct SaveManifest {
  std::string config;
  std::vector<std::string> layers;
};
core::Result<SaveManifest> parse_save_manifest(std::string_view json, std::size_t max_bytes);

// OCI index.json -> the first manifest's digest; OCI manifest -> config and layer digests.
core::Result<std::string> parse_oci_index(std::string_view json, std::size_t max_bytes);
core::Result<SaveManifest> parse_oci_manifest(std::string_view json, std::size_t max_bytes);

// "sha256:<64 hex>" -> "blobs/sha256/<hex>"; an error for anything else (no path tricks).
core::Result<std::string> blob_path(std::string_view digest);

}  // namespace ecsguard::parse::image
