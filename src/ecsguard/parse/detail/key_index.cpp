#include "ecsguard/parse/detail/key_index.h"

#include <functional>

namespace ecsguard::parse::detail {

namespace {

std::size_t hash_key(std::string_view key) noexcept { return std::hash<std::string_view>{}(key); }

}  // namespace

void KeyIndex::clear() noexcept {
  used_ = 0;
  hashed_ = false;
}

std::size_t KeyIndex::find(const std::vector<Member>& members, std::string_view key) const {
  if (!hashed_) {
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (members[i].key.text == key) return i;
    }
    return kNone;
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash_key(key) & mask;; s = (s + 1) & mask) {
    const std::uint32_t v = slots_[s];
    if (v == 0) return kNone;
    if (members[v - 1].key.text == key) return v - 1;
  }
}

void KeyIndex::insert(const std::vector<Member>& members, std::size_t index) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t s = hash_key(members[index].key.text) & mask;
  while (slots_[s] != 0) s = (s + 1) & mask;
  slots_[s] = static_cast<std::uint32_t>(index + 1);
  ++used_;
}

void KeyIndex::rehash(const std::vector<Member>& members, std::size_t slots) {
  slots_.assign(slots, 0U);
  used_ = 0;
  hashed_ = true;
  for (std::size_t i = 0; i < members.size(); ++i) insert(members, i);
}

void KeyIndex::add(const std::vector<Member>& members) {
  if (!hashed_) {
    if (members.size() > kLinearMax) rehash(members, 64);
    return;
  }
  if ((used_ + 1) * 2 > slots_.size()) {
    rehash(members, slots_.size() * 2);  // includes members.back()
    return;
  }
  insert(members, members.size() - 1);
}

}  // namespace ecsguard::parse::detail
