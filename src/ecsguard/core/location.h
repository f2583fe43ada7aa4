#pragma once
// Source positions. Every parsed node and every model field carries one so that a finding can point
// to the exact file, line and column a developer opens.
#include <cstdint>

namespace ecsguard::core {

// Index into the scan's file table (core::FileTable). 0 is "no file".
using FileId = std::uint32_t;

struct Loc {
  FileId file = 0;
  std::uint32_t line = 0;    // 1-based; 0 = unknown
  std::uint32_t column = 0;  // 1-based; 0 = unknown

  [[nodiscard]] bool valid() const noexcept { return line != 0; }
  friend bool operator==(const Loc&, const Loc&) = default;
};

}  // namespace ecsguard::core
