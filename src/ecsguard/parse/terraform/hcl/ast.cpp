#include "ecsguard/parse/terraform/hcl/ast.h"

namespace ecsguard::parse::terraform::hcl {

int precedence(Op op) noexcept {
  switch (op) {
    case Op::kOr:
      return 1;
    case Op::kAnd:
      return 2;
    case Op::kEqual:
    case Op::kNotEqual:
      return 3;
    case Op::kLess:
    case Op::kLessEqual:
    case Op::kGreater:
    case Op::kGreaterEqual:
      return 4;
    case Op::kAdd:
    case Op::kSubtract:
      return 5;
    case Op::kMultiply:
    case Op::kDivide:
    case Op::kModulo:
      return 6;
    case Op::kNone:
    case Op::kNot:
    case Op::kNegate:
      break;
  }
  return 0;
}

const char* spelling(Op op) noexcept {
  switch (op) {
    case Op::kNone:
      return "";
    case Op::kNot:
      return "!";
    case Op::kNegate:
      return "-";
    case Op::kOr:
      return "||";
    case Op::kAnd:
      return "&&";
    case Op::kEqual:
      return "==";
    case Op::kNotEqual:
      return "!=";
    case Op::kLess:
      return "<";
    case Op::kLessEqual:
      return "<=";
    case Op::kGreater:
      return ">";
    case Op::kGreaterEqual:
      return ">=";
    case Op::kAdd:
      return "+";
    case Op::kSubtract:
      return "-";
    case Op::kMultiply:
      return "*";
    case Op::kDivide:
      return "/";
    case Op::kModulo:
      return "%";
  }
  return "";
}

}  // namespace ecsguard::parse::terraform::hcl
