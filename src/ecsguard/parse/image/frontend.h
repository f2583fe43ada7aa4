#pragma once
// The image archive frontend: `docker save` tarballs and OCI image layouts as a tar (.tar,
// .tar.gz, .tgz, .oci). The bytes the scan read (scan/file_loader: size limit, containment, no
// symlink escape) are read in memory by reader.cpp, never extracted; the image becomes one
// model::ContainerImage (config, merged filesystem metadata, kept package databases). A tar that
// has neither manifest.json nor index.json is not an image: the next frontend is asked.
#include "ecsguard/parse/frontend.h"

namespace ecsguard::parse::image {

[[nodiscard]] Confidence sniff(std::string_view path, std::string_view bytes) noexcept;
[[nodiscard]] Fragment build(const FrontendInput& in);

inline constexpr Frontend kFrontend{"image-archive", &sniff, &build};

}  // namespace ecsguard::parse::image
