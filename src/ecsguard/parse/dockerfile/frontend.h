#pragma once
// The Dockerfile frontend: files named Dockerfile, Containerfile, *.Dockerfile, *.dockerfile or
// Dockerfile.* (not *.dockerignore) are parsed (parser.cpp), resolved per stage (resolve.h) and
// become one model::Dockerfile with its stages, located instructions and effective users. The
// .dockerignore next to it (<name>.dockerignore first, as BuildKit reads it) comes through the
// scan's FileLoader. Parser errors are located diagnostics; the file still counts.
#include "ecsguard/parse/frontend.h"

namespace ecsguard::parse::dockerfile {

[[nodiscard]] Confidence sniff(std::string_view path, std::string_view bytes) noexcept;
[[nodiscard]] Fragment build(const FrontendInput& in);

inline constexpr Frontend kFrontend{"dockerfile", &sniff, &build};

}  // namespace ecsguard::parse::dockerfile
