// Expressions: literals, templates, collections, for expressions, operators, conditionals.
#include "ecsguard/parse/terraform/eval/evaluator.h"

#include "ecsguard/model/partial_str.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

namespace ecsguard::parse::terraform::eval {

using hcl::Expr;
using hcl::ExprKind;
using hcl::Op;

// Binds names for its lifetime (for-expression variables, each / count, template vars).
class ScopeGuard {
 public:
  ScopeGuard(Evaluator& ev, const Bindings& names) : ev_(ev), size_(ev.scope_.size()) {
    ev.scope_.insert(ev.scope_.end(), names.begin(), names.end());
  }
  ~ScopeGuard() { ev_.scope_.resize(size_); }
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;
  ScopeGuard(ScopeGuard&&) = delete;
  ScopeGuard& operator=(ScopeGuard&&) = delete;

 private:
  Evaluator& ev_;
  std::size_t size_;
};

namespace {

Value type_error(std::string what, core::Loc at) {
  return Value::unknown("type error: " + std::move(what), at);
}

// Terraform converts strings to numbers and booleans where an operator needs them.
bool as_number(const Value& v, double& out) {
  if (v.kind == ValueKind::kNumber) {
    out = v.number;
    return true;
  }
  if (v.kind != ValueKind::kString || v.text.empty()) return false;
  char* end = nullptr;
  out = std::strtod(v.text.c_str(), &end);
  return end == v.text.c_str() + v.text.size();
}

bool as_bool(const Value& v, bool& out) {
  if (v.kind == ValueKind::kBool) {
    out = v.boolean;
    return true;
  }
  if (v.kind == ValueKind::kString && (v.text == "true" || v.text == "false")) {
    out = v.text == "true";
    return true;
  }
  return false;
}

Value arithmetic(Op op, double a, double b, core::Loc at) {
  switch (op) {
    case Op::kAdd:
      return Value::of_number(a + b, at);
    case Op::kSubtract:
      return Value::of_number(a - b, at);
    case Op::kMultiply:
      return Value::of_number(a * b, at);
    case Op::kDivide:
      if (b == 0) return Value::unknown("division by zero", at);
      return Value::of_number(a / b, at);
    case Op::kModulo:
      if (b == 0) return Value::unknown("modulo by zero", at);
      return Value::of_number(std::fmod(a, b), at);
    case Op::kLess:
      return Value::of_bool(a < b, at);
    case Op::kLessEqual:
      return Value::of_bool(a <= b, at);
    case Op::kGreater:
      return Value::of_bool(a > b, at);
    case Op::kGreaterEqual:
      return Value::of_bool(a >= b, at);
    default:
      return type_error("operator on numbers", at);
  }
}

}  // namespace

Evaluator::Evaluator(const Module& module, const FileLoader* loader, EvalLimits limits)
    : module_(module), loader_(loader), limits_(limits) {}

Value Evaluator::eval(const Expr& e, const Bindings& bindings) {
  const ScopeGuard scope(*this, bindings);
  return eval_expr(e);
}

const Value* Evaluator::bound(std::string_view name) const noexcept {
  // The innermost binding wins.
  const auto it =
      std::find_if(scope_.rbegin(), scope_.rend(), [&](const auto& b) { return b.first == name; });
  return it != scope_.rend() ? &it->second : nullptr;
}

namespace {

// Size of a value for the work budget.
std::size_t weight(const Value& v) {
  std::size_t w = 1 + v.text.size() / 16;
  for (const Value& item : v.items) w += weight(item);
  for (const auto& [k, m] : v.members) w += 1 + k.size() / 16 + weight(m);
  return w;
}

}  // namespace

Value Evaluator::eval_expr(const Expr& e) {
  if (work_ > limits_.max_work) {
    return Value::unknown(
        "evaluation larger than the limit of " + std::to_string(limits_.max_work) + " elements",
        e.loc);
  }
  Value v = eval_node(e);
  if (!v.items.empty() || !v.members.empty() || v.text.size() > 64) work_ += weight(v);
  return v;
}

Value Evaluator::eval_node(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kNull:
      return Value::null(e.loc);
    case ExprKind::kBool:
      return Value::of_bool(e.boolean, e.loc);
    case ExprKind::kNumber:
      return Value::of_number(std::strtod(e.text.c_str(), nullptr), e.loc);
    case ExprKind::kLiteral:
      return Value::of_string(e.text, e.loc);
    case ExprKind::kTemplate:
    case ExprKind::kTemplateIf:
    case ExprKind::kTemplateFor:
      return eval_template(e);
    case ExprKind::kTuple: {
      std::vector<Value> items;
      items.reserve(e.items.size());
      for (const Expr& item : e.items) items.push_back(eval_expr(item));
      return Value::list(std::move(items), e.loc);
    }
    case ExprKind::kObject:
      return eval_object(e);
    case ExprKind::kFor:
      return eval_for(e);
    case ExprKind::kConditional: {
      Value cond = eval_expr(e.items[0]);
      if (!cond.known()) return cond;
      bool b = false;
      if (!as_bool(cond, b)) return type_error("condition is not a bool", e.loc);
      return eval_expr(e.items[b ? 1 : 2]);
    }
    case ExprKind::kUnary:
      return eval_unary(e);
    case ExprKind::kBinary:
      return eval_binary(e);
    case ExprKind::kParens:
      return eval_expr(e.items[0]);
    case ExprKind::kCall:
      return eval_call(e);
    case ExprKind::kVariable:
      return eval_variable(e);
    case ExprKind::kGetAttr:
      return eval_get_attr(e);
    case ExprKind::kIndex:
    case ExprKind::kLegacyIndex:
      return eval_index(e);
    case ExprKind::kSplat:
      return eval_splat(e);
    case ExprKind::kSplatItem:
      return splat_items_.empty() ? Value::unknown("splat item outside a splat", e.loc)
                                  : splat_items_.back();
  }
  return Value::unknown("expression not evaluated", e.loc);
}

Value Evaluator::eval_template(const Expr& e) {
  // "${x}" alone is x itself, not converted to a string.
  const bool wrap = e.kind == ExprKind::kTemplate && !e.heredoc && e.items.size() == 1 &&
                    e.items[0].kind != ExprKind::kLiteral &&
                    e.items[0].kind != ExprKind::kTemplateIf &&
                    e.items[0].kind != ExprKind::kTemplateFor;
  if (wrap) return eval_expr(e.items[0]);
  if (Value partial = eval_partial_template(e); !partial.is_null()) return partial;
  std::string out;
  Value v = append_template(e, out);
  if (!v.known()) return v;
  return Value::of_string(std::move(out), e.loc);
}

// A template of literals and interpolations only (no directives) with an unknown
// interpolation: Unknown with the known text kept in `partial`. Null when the template has a
// directive or no unknown part (append_template() then evaluates it).
Value Evaluator::eval_partial_template(const Expr& e) {
  for (const Expr& part : e.items) {
    if (part.kind == ExprKind::kTemplateIf || part.kind == ExprKind::kTemplateFor) return {};
  }
  std::string text;
  std::vector<Value> unknowns;
  for (const Expr& part : e.items) {
    if (part.kind == ExprKind::kLiteral) {
      text += part.text;
      continue;
    }
    Value v = eval_expr(part);
    if (!v.known()) {
      text.push_back(model::partial::kUnknownSegment);
      unknowns.push_back(std::move(v));
      continue;
    }
    std::string s;
    if (!to_text(v, s)) return type_error("template interpolation is not a string", part.loc);
    text += s;
    if (text.size() > limits_.max_string_bytes) {
      return Value::unknown("template result larger than the limit", e.loc);
    }
  }
  if (unknowns.empty()) return {};
  Value out = Value::unknown(unknowns.front().text, unknowns.front().loc);
  out.partial = std::move(text);
  out.items = std::move(unknowns);
  return out;
}

Value Evaluator::append_template(const Expr& e, std::string& out) {
  if (e.kind == ExprKind::kTemplateIf) {
    Value cond = eval_expr(e.items[0]);
    if (!cond.known()) return cond;
    bool b = false;
    if (!as_bool(cond, b)) return type_error("%{if} condition is not a bool", e.loc);
    return append_template(e.items[b ? 1 : 2], out);
  }
  if (e.kind == ExprKind::kTemplateFor) return append_template_for(e, out);
  for (const Expr& part : e.items) {
    if (part.kind == ExprKind::kTemplateIf || part.kind == ExprKind::kTemplateFor) {
      Value d = append_template(part, out);
      if (!d.known()) return d;
      continue;
    }
    Value v = part.kind == ExprKind::kLiteral ? Value::of_string(part.text) : eval_expr(part);
    if (!v.known()) return v;
    std::string s;
    if (!to_text(v, s)) return type_error("template interpolation is not a string", part.loc);
    out += s;
    if (out.size() > limits_.max_string_bytes) {
      return Value::unknown("template result larger than the limit", e.loc);
    }
  }
  return Value::null(e.loc);
}

Value Evaluator::append_template_for(const Expr& e, std::string& out) {
  Value coll = eval_expr(e.items[0]);
  if (!coll.known()) return coll;
  if (coll.kind != ValueKind::kList && coll.kind != ValueKind::kObject) {
    return type_error("%{for} over a value that is not a collection", e.loc);
  }
  const bool is_list = coll.kind == ValueKind::kList;
  const std::size_t n = is_list ? coll.items.size() : coll.members.size();
  for (std::size_t i = 0; i < n; ++i) {
    Bindings names{{e.text, is_list ? coll.items[i] : coll.members[i].value}};
    if (!e.name.empty()) {
      names.emplace_back(e.name, is_list ? Value::of_number(static_cast<double>(i))
                                         : Value::of_string(coll.members[i].key));
    }
    const ScopeGuard scope(*this, names);
    Value part = append_template(e.items[1], out);
    if (!part.known()) return part;
  }
  return Value::null(e.loc);
}

Value Evaluator::eval_object(const Expr& e) {
  Value o = Value::object(e.loc);
  for (std::size_t i = 0; i + 1 < e.items.size(); i += 2) {
    const Expr& k = e.items[i];
    std::string key;
    if (k.kind == ExprKind::kVariable) {
      key = k.name;  // a bare name is the key itself
    } else {
      Value kv = eval_expr(k);
      if (!kv.known()) return kv;
      if (!to_text(kv, key)) return type_error("object key is not a string", k.loc);
    }
    o.set(std::move(key), eval_expr(e.items[i + 1]));
  }
  return o;
}

Value Evaluator::eval_for(const Expr& e) {
  Value coll = eval_expr(e.items[0]);
  if (!coll.known()) return coll;
  if (coll.kind != ValueKind::kList && coll.kind != ValueKind::kObject) {
    return type_error("for expression over a value that is not a collection", e.loc);
  }
  const Expr* key_expr = e.object_for ? &e.items[1] : nullptr;
  const Expr& value_expr = e.items[e.object_for ? 2 : 1];
  const Expr* cond_expr = e.has_cond ? &e.items.back() : nullptr;
  std::vector<Value> items;
  Value object = Value::object(e.loc);
  const std::size_t n = coll.kind == ValueKind::kList ? coll.items.size() : coll.members.size();
  for (std::size_t i = 0; i < n; ++i) {
    const bool is_list = coll.kind == ValueKind::kList;
    Bindings names{{e.text, is_list ? coll.items[i] : coll.members[i].value}};
    if (!e.name.empty()) {
      names.emplace_back(e.name, is_list ? Value::of_number(static_cast<double>(i))
                                         : Value::of_string(coll.members[i].key));
    }
    const ScopeGuard scope(*this, names);
    if (cond_expr != nullptr) {
      Value c = eval_expr(*cond_expr);
      if (!c.known()) return c;
      bool keep = false;
      if (!as_bool(c, keep)) return type_error("for expression condition is not a bool", e.loc);
      if (!keep) continue;
    }
    Value v = eval_expr(value_expr);
    if (key_expr == nullptr) {
      items.push_back(std::move(v));
      if (items.size() > limits_.max_items)
        return Value::unknown("for expression too large", e.loc);
      continue;
    }
    Value k = eval_expr(*key_expr);
    std::string key;
    if (!k.known()) return k;
    if (!to_text(k, key)) return type_error("for expression key is not a string", e.loc);
    if (e.expand) {
      const Value* group = object.find(key);
      Value grouped = group != nullptr ? *group : Value::list({}, e.loc);
      grouped.items.push_back(std::move(v));
      object.set(std::move(key), std::move(grouped));
    } else if (object.find(key) != nullptr) {
      return Value::unknown("duplicate key \"" + key + "\" in a for expression without ...", e.loc);
    } else {
      object.set(std::move(key), std::move(v));
    }
    if (object.members.size() > limits_.max_items) {
      return Value::unknown("for expression too large", e.loc);
    }
  }
  return key_expr == nullptr ? Value::list(std::move(items), e.loc) : object;
}

Value Evaluator::eval_unary(const Expr& e) {
  Value v = eval_expr(e.items[0]);
  if (!v.known()) return v;
  if (e.op == Op::kNot) {
    bool b = false;
    if (!as_bool(v, b)) return type_error("! on a value that is not a bool", e.loc);
    return Value::of_bool(!b, e.loc);
  }
  double n = 0;
  if (!as_number(v, n)) return type_error("- on a value that is not a number", e.loc);
  return Value::of_number(-n, e.loc);
}

Value Evaluator::eval_binary(const Expr& e) {
  Value a = eval_expr(e.items[0]);
  if (e.op == Op::kAnd || e.op == Op::kOr) {
    bool x = false;
    if (a.known() && !as_bool(a, x)) return type_error("logical operator on a non-bool", e.loc);
    // A known left side decides alone: false && _ and true || _.
    if (a.known() && x == (e.op == Op::kOr)) return Value::of_bool(x, e.loc);
    Value b = eval_expr(e.items[1]);
    if (!a.known()) return a;
    if (!b.known()) return b;
    bool y = false;
    if (!as_bool(b, y)) return type_error("logical operator on a non-bool", e.loc);
    return Value::of_bool(y, e.loc);
  }
  Value b = eval_expr(e.items[1]);
  if (!a.known()) return a;
  if (!b.known()) return b;
  if (e.op == Op::kEqual || e.op == Op::kNotEqual) {
    return Value::of_bool(equal(a, b) == (e.op == Op::kEqual), e.loc);
  }
  double x = 0;
  double y = 0;
  if (!as_number(a, x) || !as_number(b, y)) {
    return type_error(std::string("operator ") + hcl::spelling(e.op) + " on a non-number", e.loc);
  }
  return arithmetic(e.op, x, y, e.loc);
}

}  // namespace ecsguard::parse::terraform::eval
