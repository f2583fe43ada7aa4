#pragma once
// Checks shared by the loader fuzz targets: a loaded tree or an error must honour the loaders'
// contract; a violation aborts (libFuzzer and the replay driver both report it as a crash).
#include <cstdio>
#include <cstdlib>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::fuzz {

inline constexpr core::FileId kFuzzFile = 1;

// Limits small enough that each input runs fast, large enough for real templates.
inline core::Limits fuzz_limits() {
  core::Limits l;
  l.max_file_bytes = std::size_t{1} << 20;
  l.max_scalar_bytes = std::size_t{256} << 10;
  l.max_nodes = 200'000;
  l.max_alias_expansions = 1'000;
  return l;
}

[[noreturn]] inline void violated(const char* what, const core::Loc& where) {
  static_cast<void>(std::fprintf(stderr, "loader invariant violated: %s (at %u:%u file %u)\n", what,
                                 where.line, where.column, where.file));
  std::abort();
}

inline void check_loc(const core::Loc& loc, const char* what) {
  if (loc.file != kFuzzFile || loc.line == 0 || loc.column == 0) violated(what, loc);
}

struct TreeStats {
  std::size_t nodes = 0;
  std::uint32_t depth = 0;  // collection nesting
};

inline void check_tree(const parse::Node& n, std::uint32_t depth, TreeStats& stats) {
  ++stats.nodes;
  check_loc(n.loc, "node without a location");
  const bool collection = n.kind == parse::NodeKind::kSeq || n.kind == parse::NodeKind::kMap;
  if (collection) {
    ++depth;
    if (depth > stats.depth) stats.depth = depth;
  }
  if (n.kind != parse::NodeKind::kSeq && !n.items.empty())
    violated("items on a non-sequence", n.loc);
  if (n.kind != parse::NodeKind::kMap && !n.members.empty())
    violated("members on a non-map", n.loc);
  if (n.kind == parse::NodeKind::kUnknown || n.partial || !n.refs.empty()) {
    violated("resolver-only state in a loaded tree", n.loc);
  }
  for (const parse::Node& item : n.items) check_tree(item, depth, stats);
  for (const parse::Member& m : n.members) {
    ++stats.nodes;
    check_loc(m.key.loc, "key without a location");
    if (m.key.kind != parse::NodeKind::kString) violated("non-string key", m.key.loc);
    check_tree(m.value, depth, stats);
  }
}

// A successful load: every node located, counts and depth within the limits.
inline void check_loaded(const parse::Node& root, const core::Limits& limits) {
  TreeStats stats;
  check_tree(root, 0, stats);
  if (stats.nodes > limits.max_nodes) violated("more nodes than max_nodes", root.loc);
  if (stats.depth > limits.max_depth) violated("deeper than max_depth", root.loc);
}

// A failed load: the error is located.
inline void check_error(const core::Error& e) {
  check_loc(e.where, "error without a location");
  if (e.message.empty()) violated("error without a message", e.where);
}

}  // namespace ecsguard::fuzz
