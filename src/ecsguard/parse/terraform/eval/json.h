#pragma once
// jsonencode / jsondecode for the evaluator, with Terraform's output conventions: object keys
// sorted, no spaces, and <, >, & written as \u003c, \u003e, \u0026 (Go's encoder, which
// Terraform uses). Decoding goes through parse::load_json (the project's JSON loader and its
// limits).
#include <string>
#include <string_view>

#include "ecsguard/core/limits.h"
#include "ecsguard/parse/terraform/eval/value.h"

namespace ecsguard::parse::terraform::eval {

// `v` must be fully known (see find_unknown()).
[[nodiscard]] std::string json_encode(const Value& v);
// A known value, or Unknown with the JSON error as reason.
[[nodiscard]] Value json_decode(std::string_view text, core::Loc at, const core::Limits& limits);
// The first Unknown anywhere inside `v` (v itself included), or nullptr.
[[nodiscard]] const Value* find_unknown(const Value& v) noexcept;

}  // namespace ecsguard::parse::terraform::eval
