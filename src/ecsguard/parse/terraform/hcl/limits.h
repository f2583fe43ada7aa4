#pragma once
// Limits of the HCL parser. The general ones come from core::Limits (file size, nesting depth,
// node count, one string's size); the HCL-specific ones (heredoc size and lines, nesting of
// template directives) live here until the Terraform frontend is registered and core::Limits
// gains them. Every limit that is exceeded gives a located kLimit error and stops the parse.
#include <cstddef>
#include <cstdint>

#include "ecsguard/core/limits.h"

namespace ecsguard::parse::terraform::hcl {

struct Limits {
  std::size_t max_file_bytes = core::Limits{}.max_file_bytes;
  std::uint32_t max_depth = core::Limits{}.max_depth;              // expressions and blocks
  std::size_t max_nodes = core::Limits{}.max_nodes;                // expression nodes in one file
  std::size_t max_string_bytes = core::Limits{}.max_scalar_bytes;  // one quoted string
  std::size_t max_heredoc_bytes = std::size_t{1} << 20;            // one heredoc's text
  std::uint32_t max_heredoc_lines = 50'000;                        // one heredoc's lines
  std::uint32_t max_template_depth = 32;                           // nested %{if} / %{for}

  [[nodiscard]] static Limits from(const core::Limits& core_limits) noexcept {
    Limits l;
    l.max_file_bytes = core_limits.max_file_bytes;
    l.max_depth = core_limits.max_depth;
    l.max_nodes = core_limits.max_nodes;
    l.max_string_bytes = core_limits.max_scalar_bytes;
    return l;
  }
};

}  // namespace ecsguard::parse::terraform::hcl
