// References (var, local, each, count, path, resources, data sources, modules), attribute and
// index access, splats, function calls, file() and templatefile().
#include <cmath>
#include <string>
#include <utility>

#include "ecsguard/parse/terraform/eval/evaluator.h"
#include "ecsguard/parse/terraform/eval/functions.h"
#include "ecsguard/parse/terraform/hcl/parser.h"

namespace ecsguard::parse::terraform::eval {

using hcl::Expr;
using hcl::ExprKind;

namespace {

// a.b[0].c as written (non-literal indexes as [...]), for reasons.
std::string render(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kVariable:
      return e.name;
    case ExprKind::kGetAttr:
      return render(e.items[0]) + "." + e.name;
    case ExprKind::kLegacyIndex:
      return render(e.items[0]) + "." + e.text;
    case ExprKind::kIndex: {
      const Expr& k = e.items[1];
      if (k.kind == ExprKind::kNumber) return render(e.items[0]) + "[" + k.text + "]";
      if (k.kind == ExprKind::kTemplate && k.items.size() == 1 &&
          k.items[0].kind == ExprKind::kLiteral) {
        return render(e.items[0]) + "[\"" + k.items[0].text + "\"]";
      }
      return render(e.items[0]) + "[...]";
    }
    default:
      return "...";
  }
}

Value attribute_of(const Value& base, const std::string& name, core::Loc at) {
  if (!base.known()) return base;
  if (base.kind != ValueKind::kObject) {
    return Value::unknown("type error: ." + name + " on a value that is not an object", at);
  }
  if (const Value* v = base.find(name)) return *v;
  return Value::unknown("object has no attribute \"" + name + "\"", at);
}

Value element_of(const Value& base, const Value& key, core::Loc at) {
  if (!base.known()) return base;
  if (!key.known()) return key;
  if (base.kind == ValueKind::kList) {
    double n = -1;
    if (key.kind == ValueKind::kNumber) n = key.number;
    if (key.kind == ValueKind::kString) n = std::strtod(key.text.c_str(), nullptr);
    if (n < 0 || n != std::floor(n) || n >= static_cast<double>(base.items.size())) {
      return Value::unknown("index out of range", at);
    }
    return base.items[static_cast<std::size_t>(n)];
  }
  std::string k;
  if (base.kind == ValueKind::kObject && to_text(key, k)) {
    if (const Value* v = base.find(k)) return *v;
    return Value::unknown("no element \"" + k + "\"", at);
  }
  return Value::unknown("type error: index on a value that is not a collection", at);
}

}  // namespace

const Expr* traversal_root(const Expr& e) {
  const Expr* cur = &e;
  while (cur->kind == ExprKind::kGetAttr || cur->kind == ExprKind::kIndex ||
         cur->kind == ExprKind::kLegacyIndex) {
    cur = &cur->items[0];
  }
  return cur->kind == ExprKind::kVariable ? cur : nullptr;
}

bool is_special_root(std::string_view name) {
  return name == "var" || name == "local" || name == "path" || name == "terraform" ||
         name == "each" || name == "count" || name == "self";
}

Value Evaluator::eval_variable(const Expr& e) {
  if (const Value* v = bound(e.name)) return *v;
  if (is_special_root(e.name)) return Value::unknown("'" + e.name + "' used alone", e.loc);
  return Value::unknown(e.name + " is known only after apply", e.loc);
}

Value Evaluator::eval_get_attr(const Expr& e) {
  const Expr* root = traversal_root(e);
  if (root != nullptr && bound(root->name) == nullptr) {
    const std::string& r = root->name;
    const bool direct = &e.items[0] == root;  // r.<name>
    if (r == "var" && direct) {
      const auto it = module_.variables.find(e.name);
      if (it == module_.variables.end()) {
        return Value::unknown("variable \"" + e.name + "\" is not declared", e.loc);
      }
      return it->second;
    }
    if (r == "local" && direct) return eval_local(e.name, e.loc);
    if (r == "path" && direct) {
      if (e.name == "module" || e.name == "root") return Value::of_string(module_.dir, e.loc);
      return Value::unknown("path." + e.name + " depends on where terraform runs", e.loc);
    }
    if (r == "terraform" && direct) {
      return Value::unknown("terraform." + e.name + " is chosen at run time", e.loc);
    }
    if (!is_special_root(r)) {
      if (r == "data" || r == "module") {
        return Value::unknown(render(e) + " is known only after apply", e.loc);
      }
      return Value::unknown(render(e) + " (a resource attribute) is known only after apply", e.loc);
    }
  }
  return attribute_of(eval_expr(e.items[0]), e.name, e.loc);
}

Value Evaluator::eval_index(const Expr& e) {
  const Expr* root = traversal_root(e);
  if (root != nullptr && bound(root->name) == nullptr && !is_special_root(root->name)) {
    return Value::unknown(render(e) + " is known only after apply", e.loc);
  }
  Value base = eval_expr(e.items[0]);
  if (e.kind == ExprKind::kLegacyIndex) {
    return element_of(base, Value::of_number(std::strtod(e.text.c_str(), nullptr)), e.loc);
  }
  return element_of(base, eval_expr(e.items[1]), e.loc);
}

Value Evaluator::eval_splat(const Expr& e) {
  Value base = eval_expr(e.items[0]);
  if (!base.known()) return base;
  if (base.is_null()) return Value::list({}, e.loc);
  std::vector<Value> each;
  if (base.kind == ValueKind::kList) {
    each = base.items;
  } else {
    each.push_back(base);  // a splat on a single value makes a one-element list
  }
  std::vector<Value> out;
  out.reserve(each.size());
  for (Value& item : each) {
    splat_items_.push_back(std::move(item));
    out.push_back(eval_expr(e.items[1]));
    splat_items_.pop_back();
  }
  return Value::list(std::move(out), e.loc);
}

Value Evaluator::eval_call(const Expr& e) {
  std::vector<Value> args;
  args.reserve(e.items.size());
  for (const Expr& a : e.items) args.push_back(eval_expr(a));
  if (e.expand && !args.empty()) {
    Value last = std::move(args.back());
    args.pop_back();
    if (!last.known()) return last;
    if (last.kind != ValueKind::kList) {
      return Value::unknown(e.name + "(): ... needs a list", e.loc);
    }
    for (Value& v : last.items) args.push_back(std::move(v));
  }
  if (e.name == "file" || e.name == "templatefile") {
    if (args.empty() || (e.name == "templatefile") != (args.size() == 2) || args.size() > 2) {
      return Value::unknown(e.name + "(): wrong number of arguments", e.loc);
    }
    return read_file(args[0], e.loc, args.size() == 2 ? &args[1] : nullptr);
  }
  return call_function(e.name, args, e.loc, limits_.json);
}

Value Evaluator::eval_local(const std::string& name, core::Loc at) {
  if (const auto it = local_values_.find(name); it != local_values_.end()) return it->second;
  const auto def = module_.locals.find(name);
  if (def == module_.locals.end()) {
    return Value::unknown("local \"" + name + "\" is not declared", at);
  }
  for (const std::string& open : locals_in_progress_) {
    if (open == name) return Value::unknown("local \"" + name + "\" refers to itself", at);
  }
  if (depth_ >= limits_.max_depth) return Value::unknown("locals nested too deeply", at);
  ++depth_;
  locals_in_progress_.push_back(name);
  Bindings none;
  scope_.swap(none);  // a local sees module scope only
  Value v = eval_expr(*def->second);
  scope_.swap(none);
  locals_in_progress_.pop_back();
  --depth_;
  local_values_.emplace(name, v);
  return v;
}

Value Evaluator::read_file(const Value& path, core::Loc at, const Value* template_vars) {
  const char* fn = template_vars != nullptr ? "templatefile" : "file";
  if (!path.known()) return path;
  if (path.kind != ValueKind::kString)
    return Value::unknown(std::string(fn) + "(): path is not a string", at);
  if (template_vars != nullptr) {
    if (!template_vars->known()) return *template_vars;
    if (template_vars->kind != ValueKind::kObject) {
      return Value::unknown("templatefile(): variables are not an object", at);
    }
  }
  if (loader_ == nullptr) {
    return Value::unknown(std::string(fn) + "(\"" + path.text + "\"): no file loader", at);
  }
  core::Result<std::string> text = loader_->read(module_.dir, path.text);
  if (!text.ok()) {
    return Value::unknown(std::string(fn) + "(\"" + path.text + "\"): " + text.error().message, at);
  }
  if (template_vars == nullptr) return Value::of_string(std::move(text.value()), at);
  if (depth_ >= limits_.max_depth) return Value::unknown("templatefile() nested too deeply", at);
  const hcl::TemplateResult t = hcl::parse_template(text.value(), at.file);
  if (!t.ok()) {
    return Value::unknown("templatefile(\"" + path.text + "\"): " + t.diagnostics[0].message, at);
  }
  Bindings vars;
  for (const auto& [k, v] : template_vars->members) vars.emplace_back(k, v);
  ++depth_;
  Bindings outer;
  scope_.swap(outer);  // the template sees its variables only
  Value v = eval(t.expr, vars);
  scope_.swap(outer);
  --depth_;
  // The template text lives in another file: results (and reasons) point at the call.
  if (!v.known()) v.text = "templatefile(\"" + path.text + "\"): " + v.text;
  v.loc = at;
  return v;
}

}  // namespace ecsguard::parse::terraform::eval
