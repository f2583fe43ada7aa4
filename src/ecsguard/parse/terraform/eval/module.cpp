// Module inputs (variables, locals, .tfvars) and count / for_each expansion.
#include <string>
#include <utility>

#include "ecsguard/parse/terraform/eval/evaluator.h"

namespace ecsguard::parse::terraform::eval {

namespace {

const hcl::Attribute* find_attribute(const hcl::Body& body, std::string_view name) {
  for (const hcl::Attribute& a : body.attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

// Variable defaults and .tfvars values are constants: evaluated without variables or locals.
Value constant(const hcl::Expr& e) {
  const Module empty;
  Evaluator ev(empty);
  return ev.eval(e);
}

}  // namespace

Module collect_module(const std::vector<const hcl::File*>& files, std::string dir) {
  Module m;
  m.dir = std::move(dir);
  for (const hcl::File* f : files) {
    for (const hcl::Block& b : f->body.blocks) {
      if (b.type == "variable" && b.labels.size() == 1) {
        const hcl::Attribute* def = find_attribute(b.body, "default");
        m.variables[b.labels[0]] =
            def != nullptr ? constant(def->value)
                           : Value::unknown("variable \"" + b.labels[0] +
                                                "\" has no default and no .tfvars value",
                                            b.loc);
      } else if (b.type == "locals") {
        for (const hcl::Attribute& a : b.body.attributes) m.locals[a.name] = &a.value;
      }
    }
  }
  return m;
}

void apply_tfvars(Module& module, const hcl::File& tfvars) {
  for (const hcl::Attribute& a : tfvars.body.attributes) {
    module.variables[a.name] = constant(a.value);
  }
}

Expansion expand_instances(const hcl::Block& block, Evaluator& evaluator) {
  Expansion out;
  const hcl::Attribute* count = find_attribute(block.body, "count");
  const hcl::Attribute* for_each = find_attribute(block.body, "for_each");
  if (count == nullptr && for_each == nullptr) {
    out.instances.push_back(Instance{});
    return out;
  }
  const std::uint32_t max = evaluator.limits().max_instances;
  if (count != nullptr) {
    out.counted = true;
    Value n = evaluator.eval(count->value);
    if (!n.known()) {
      out.unknown = n;
      return out;
    }
    if (n.kind != ValueKind::kNumber || n.number < 0 || n.number > max) {
      out.unknown = Value::unknown("count is not a number from 0 to " + std::to_string(max),
                                   count->value.loc);
      return out;
    }
    for (std::size_t i = 0; i < static_cast<std::size_t>(n.number); ++i) {
      out.instances.push_back(Instance{Value::of_number(static_cast<double>(i)), Value::null()});
    }
    return out;
  }
  Value each = evaluator.eval(for_each->value);
  if (!each.known()) {
    out.unknown = each;
    return out;
  }
  if (each.kind == ValueKind::kObject && each.members.size() <= max) {
    for (const auto& [k, v] : each.members)
      out.instances.push_back(Instance{Value::of_string(k), v});
    return out;
  }
  if (each.kind == ValueKind::kList && each.items.size() <= max) {
    for (const Value& v : each.items) {
      std::string key;
      if (!v.known()) {
        out.instances.clear();
        out.unknown = v;
        return out;
      }
      if (!to_text(v, key)) {
        out.instances.clear();
        out.unknown = Value::unknown("for_each set elements must be strings", for_each->value.loc);
        return out;
      }
      out.instances.push_back(Instance{Value::of_string(key), Value::of_string(key)});
    }
    return out;
  }
  out.unknown = Value::unknown(
      "for_each is not a map or set of strings of at most " + std::to_string(max) + " elements",
      for_each->value.loc);
  return out;
}

Bindings bindings(const Expansion& expansion, const Instance& instance) {
  if (instance.key.is_null()) return {};
  Value obj = Value::object();
  if (expansion.counted) {
    obj.set("index", instance.key);
    return {{"count", std::move(obj)}};
  }
  obj.set("key", instance.key);
  obj.set("value", instance.value);
  return {{"each", std::move(obj)}};
}

}  // namespace ecsguard::parse::terraform::eval
