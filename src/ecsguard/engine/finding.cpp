#include "ecsguard/engine/finding.h"

#include <cstdint>
#include <tuple>

#include "ecsguard/engine/catalog.h"

namespace ecsguard::engine {

namespace {

// FNV-1a 64: stable across platforms and versions, which is all a fingerprint needs.
std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= 0xff;  // field separator
  h *= 1099511628211ULL;
  return h;
}

}  // namespace

std::string fingerprint(const FingerprintInputs& in) {
  std::uint64_t h = 14695981039346656037ULL;
  for (std::string_view part : {in.check, in.file_identity, in.resource_kind, in.resource_address,
                                in.container, in.field_id}) {
    h = fnv1a(h, part);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xf];
  return out;
}

std::string_view Finding::id() const noexcept { return entry ? entry->id : std::string_view{}; }

bool finding_less(const Finding& a, const Finding& b) noexcept {
  return std::forward_as_tuple(a.file, a.loc.line, a.loc.column, a.id(), a.resource_name,
                               a.container, a.field_id, a.message) <
         std::forward_as_tuple(b.file, b.loc.line, b.loc.column, b.id(), b.resource_name,
                               b.container, b.field_id, b.message);
}

}  // namespace ecsguard::engine
