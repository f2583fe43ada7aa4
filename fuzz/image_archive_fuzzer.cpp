// Fuzz target: bytes -> parse::image::read_image_memory (an outer docker save / OCI tar with
// nested layers). Either an error with a message, or an image whose every path is normalised (no
// "..", no leading '/', no empty component), whose layers are numbered within the image, whose
// kept contents stay within the limits and whose diagnostics render in both languages. A
// violation aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ecsguard/parse/image/image.h"

namespace {

using namespace ecsguard::parse::image;

[[noreturn]] void violated(const char* what, std::string_view path) {
  static_cast<void>(std::fprintf(stderr, "image invariant violated: %s (%.*s)\n", what,
                                 static_cast<int>(path.size()), path.data()));
  std::abort();
}

void check_path(std::string_view p) {
  if (p.empty() || p.front() == '/' || p.back() == '/') violated("path form", p);
  std::size_t i = 0;
  while (i <= p.size()) {
    const std::size_t j = std::min(p.find('/', i), p.size());
    const std::string_view part = p.substr(i, j - i);
    if (part.empty() || part == "." || part == "..") violated("path component", p);
    i = j + 1;
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ArchiveLimits limits;
  limits.max_layers = 16;
  limits.max_entries = 20'000;
  limits.max_layer_bytes = 16u << 20;
  limits.max_entry_bytes = 8u << 20;
  limits.ratio_floor = 1u << 20;
  limits.max_ratio = 64;
  limits.max_json_bytes = 1u << 20;
  limits.max_kept_file_bytes = 64u << 10;
  limits.max_kept_bytes = 1u << 20;
  auto r = read_image_memory(bytes, limits);
  if (!r.ok()) {
    if (r.error().message.empty()) violated("error without message", "");
    return 0;
  }
  const Image& img = r.value();
  std::size_t kept = 0;
  for (const auto& [path, e] : img.fs.entries()) {
    check_path(path);
    if (e.layer == 0 || e.layer > img.layers.size()) violated("layer number", path);
    if (e.type == FileType::kHardlink) check_path(e.link);
    if (e.content) kept += e.content->size();
  }
  if (kept > limits.max_kept_bytes) violated("kept bytes over the limit", "");
  for (const auto& d : img.diagnostics) {
    if (d.text().empty() || d.text(ecsguard::parse::detail::Lang::kJa).empty()) {
      violated("diagnostic text", "");
    }
  }
  return 0;
}
