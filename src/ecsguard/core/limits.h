#pragma once
// Resource limits applied to every input (docs/security.md). Defaults are generous for real
// CloudFormation (the service itself caps templates at 1 MB and 500 resources) and small enough
// that hostile input costs bounded time and memory. All are overridable (CLI / config).
#include <cstddef>
#include <cstdint>

namespace ecsguard::core {

struct Limits {
  std::size_t max_file_bytes = 32u << 20;       // 32 MiB per input file
  std::uint32_t max_depth = 256;                // nesting of JSON/YAML collections
  std::size_t max_scalar_bytes = 8u << 20;      // one string / scalar
  std::size_t max_nodes = 2'000'000;            // nodes in one document (incl. alias expansion)
  std::uint32_t max_alias_expansions = 10'000;  // YAML alias dereferences per document
  std::uint32_t max_resources = 20'000;         // resources in one template
  std::uint32_t max_intrinsic_depth = 64;       // nested intrinsic functions / Ref chains
  std::uint32_t max_nested_stack_depth = 8;     // AWS::CloudFormation::Stack via local TemplateURL
  std::size_t max_files = 200'000;              // files discovered in one scan
  std::uint32_t max_nested_stacks = 256;        // nested templates loaded under one top-level one
};

}  // namespace ecsguard::core
