#pragma once
// Helpers shared by the JSON and YAML loader tests.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse::testing {

inline constexpr core::FileId kFile = 7;

// Loads with `load` and returns the root; records a test failure (with the error) when it fails.
template <class Load>
Node must_load(Load load, std::string_view text, const core::Limits& limits = {}) {
  core::Result<Node> r = load(text, kFile, limits);
  if (!r.ok()) {
    ADD_FAILURE() << "unexpected error: " << r.error().message << " at " << r.error().where.line
                  << ":" << r.error().where.column << "\n--- input ---\n"
                  << text.substr(0, 400);
    return Node{};
  }
  return std::move(r).value();
}

// Loads with `load` and returns the error; records a test failure when it succeeds.
template <class Load>
core::Error must_fail(Load load, std::string_view text, const core::Limits& limits = {}) {
  core::Result<Node> r = load(text, kFile, limits);
  if (r.ok()) {
    ADD_FAILURE() << "expected an error\n--- input ---\n" << text.substr(0, 400);
    return core::Error{};
  }
  return std::move(r).error();
}

inline core::Loc at(std::uint32_t line, std::uint32_t column) {
  return core::Loc{kFile, line, column};
}

inline std::string loc_str(const core::Loc& l) {
  return std::to_string(l.line) + ":" + std::to_string(l.column);
}

// Follows a path of map keys / sequence indices ("Resources", "Task", "#0", ...).
inline const Node* dig(const Node& root, std::initializer_list<std::string_view> path) {
  const Node* n = &root;
  for (std::string_view step : path) {
    if (n == nullptr) return nullptr;
    if (!step.empty() && step[0] == '#') {
      const std::size_t i = std::stoul(std::string(step.substr(1)));
      n = (n->is_seq() && i < n->items.size()) ? &n->items[i] : nullptr;
    } else {
      n = n->find(step);
    }
  }
  return n;
}

}  // namespace ecsguard::parse::testing
