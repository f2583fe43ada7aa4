#pragma once
// Duplicate-key detection for the loaders' maps without std::map and without per-key
// allocations: small maps are scanned linearly, larger ones get an open-addressing table of
// member indices (hashing the member's key text on demand, so moving the members vector is fine).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ecsguard/parse/node.h"

namespace ecsguard::parse::detail {

class KeyIndex {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // Forget every key (the table's memory is kept for reuse).
  void clear() noexcept;

  // Index of the member of `members` whose key text equals `key`, or kNone. Every member of
  // `members` must have been add()-ed.
  [[nodiscard]] std::size_t find(const std::vector<Member>& members, std::string_view key) const;

  // Record members.back() (just appended).
  void add(const std::vector<Member>& members);

 private:
  static constexpr std::size_t kLinearMax = 16;
  void rehash(const std::vector<Member>& members, std::size_t slots);
  void insert(const std::vector<Member>& members, std::size_t index);

  std::vector<std::uint32_t> slots_;  // 0 = empty, otherwise member index + 1
  std::size_t used_ = 0;
  bool hashed_ = false;
};

}  // namespace ecsguard::parse::detail
