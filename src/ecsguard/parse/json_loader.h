#pragma once
// JSON -> parse::Node with line/column on every node (simdjson on-demand; positions are computed
// from token offsets). Enforces core::Limits (size, depth, scalar length, node count).
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse {

// Errors carry the file id and the line/column of the offending token.
core::Result<Node> load_json(std::string_view text, core::FileId file, const core::Limits& limits);

}  // namespace ecsguard::parse
