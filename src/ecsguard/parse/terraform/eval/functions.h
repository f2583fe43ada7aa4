#pragma once
// The Terraform functions the static evaluator computes (the ones that build ECS task definitions
// and policies): jsonencode, jsondecode, merge, concat, lookup, format, join, tostring, plus the
// type conversions tolist, toset, tomap (values unchanged) and length, upper, lower. file() and
// templatefile() read files and live in the evaluator (through its FileLoader).
//
// Any Unknown argument makes the result Unknown with that argument's reason; a wrong argument
// type or count, and every other function, gives Unknown with a reason naming the function.
#include <string_view>
#include <vector>

#include "ecsguard/core/limits.h"
#include "ecsguard/parse/terraform/eval/value.h"

namespace ecsguard::parse::terraform::eval {

[[nodiscard]] Value call_function(std::string_view name, const std::vector<Value>& args,
                                  core::Loc at, const core::Limits& limits);

}  // namespace ecsguard::parse::terraform::eval
