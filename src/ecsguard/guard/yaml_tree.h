#pragma once
// A small YAML tree for rule files (libyaml events, line numbers on every node, anchors and aliases
// expanded under limits). The guard depends on core only, so it does not use the scanner's
// CloudFormation-flavoured loader.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"

namespace ecsguard::guard {

struct YMember;

struct YNode {
  enum class Kind : std::uint8_t { kNull, kScalar, kSeq, kMap };
  Kind kind = Kind::kNull;
  std::string text;     // scalar
  bool quoted = false;  // scalar was quoted or a block scalar
  std::uint32_t line = 0;
  std::vector<YNode> items;      // seq
  std::vector<YMember> members;  // map (document order)

  [[nodiscard]] bool is_scalar() const noexcept { return kind == Kind::kScalar; }
  [[nodiscard]] bool is_seq() const noexcept { return kind == Kind::kSeq; }
  [[nodiscard]] bool is_map() const noexcept { return kind == Kind::kMap; }
  [[nodiscard]] bool is_null() const noexcept { return kind == Kind::kNull; }
  [[nodiscard]] const YNode* get(std::string_view key) const noexcept;
};

struct YMember {
  YNode key;
  YNode value;
};

struct YamlLimits {
  std::size_t max_bytes = 16U << 20;
  std::uint32_t max_depth = 64;
  std::size_t max_nodes = 500'000;
  std::uint32_t max_alias_expansions = 10'000;
};

// Every document of the stream, in order.
core::Result<std::vector<YNode>> parse_yaml(std::string_view text, const YamlLimits& limits = {});

}  // namespace ecsguard::guard
