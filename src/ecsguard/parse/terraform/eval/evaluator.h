#pragma once
// Static evaluation of Terraform HCL expressions: what a configuration says, as far as it can be
// known without running Terraform. Model-independent (values are eval::Value).
//
// Known:
//   literals, templates (interpolation, %{if}, %{for}), tuples, objects, operators, conditionals,
//   for expressions, splats, index and attribute access on known values;
//   var.X      -> the value set by a .tfvars file (apply_tfvars, later files win), else the
//                 variable's default;
//   local.X    -> the local's expression, evaluated once (cycles become Unknown);
//   each.key / each.value / count.index inside an expanded instance (bindings());
//   path.module / path.root -> the module's folder as given to collect_module();
//   the functions of functions.h; file(path) and templatefile(path, vars) through the FileLoader
//   given to the Evaluator (the scan's loader: containment and limits are its job).
// Unknown (with the reason and the location):
//   a variable with neither default nor tfvars value; resource, data source and module
//   references (known after apply); terraform.workspace; any other function; file() without a
//   loader or refused by it; type errors; results beyond EvalLimits.
// count / for_each are expanded when their value is known (expand_instances()).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/parse/terraform/eval/value.h"
#include "ecsguard/parse/terraform/hcl/ast.h"

namespace ecsguard::parse::terraform::eval {

// Reads the files file() and templatefile() name. The platform's file loader implements it (the
// containment rule and the limits are its job); an error becomes the reason of an Unknown.
class FileLoader {
 public:
  FileLoader() = default;
  FileLoader(const FileLoader&) = delete;
  FileLoader& operator=(const FileLoader&) = delete;
  FileLoader(FileLoader&&) = delete;
  FileLoader& operator=(FileLoader&&) = delete;
  virtual ~FileLoader() = default;
  // `path` as written in the configuration, relative to `module_dir`.
  [[nodiscard]] virtual core::Result<std::string> read(std::string_view module_dir,
                                                       std::string_view path) const = 0;
};

struct EvalLimits {
  std::uint32_t max_depth = 64;     // nested locals / templatefile evaluation
  std::size_t max_items = 100'000;  // elements of one collection built by a for expression
  std::size_t max_string_bytes = std::size_t{8} << 20;  // one string built by a template
  std::uint32_t max_instances = 10'000;                 // count / for_each expansion
  // Total size of all values one Evaluator builds (elements + string bytes / 16): locals that
  // double a value at each level cannot exhaust memory.
  std::size_t max_work = 200'000;
  core::Limits json;  // jsondecode()
};

// The inputs of one module: its variables (effective values) and locals.
struct Module {
  std::string dir;
  std::map<std::string, Value, std::less<>> variables;
  std::map<std::string, const hcl::Expr*, std::less<>> locals;
};

// Collects `variable` blocks (defaults; constant expressions) and `locals` of a module's files.
// The files must outlive the Module.
[[nodiscard]] Module collect_module(const std::vector<const hcl::File*>& files, std::string dir);
// Applies a .tfvars file (attributes with constant values) over the current values.
void apply_tfvars(Module& module, const hcl::File& tfvars);

// Names bound while evaluating (each, count, for-expression and template variables).
using Bindings = std::vector<std::pair<std::string, Value>>;

class Evaluator {
 public:
  explicit Evaluator(const Module& module, const FileLoader* loader = nullptr,
                     EvalLimits limits = {});

  [[nodiscard]] Value eval(const hcl::Expr& e, const Bindings& bindings = {});

  // Evaluation of one expression kind (evaluator.cpp / evaluator_access.cpp).
  Value eval_expr(const hcl::Expr& e);  // eval_node() + the work budget
  Value eval_node(const hcl::Expr& e);
  Value eval_template(const hcl::Expr& e);
  Value eval_partial_template(const hcl::Expr& e);
  // Appends a template's text to `out`; returns Unknown (and stops) on an unknown part.
  Value append_template(const hcl::Expr& e, std::string& out);
  Value append_template_for(const hcl::Expr& e, std::string& out);
  Value eval_object(const hcl::Expr& e);
  Value eval_for(const hcl::Expr& e);
  Value eval_unary(const hcl::Expr& e);
  Value eval_binary(const hcl::Expr& e);
  Value eval_call(const hcl::Expr& e);
  Value eval_variable(const hcl::Expr& e);
  Value eval_get_attr(const hcl::Expr& e);
  Value eval_index(const hcl::Expr& e);
  Value eval_splat(const hcl::Expr& e);
  Value eval_local(const std::string& name, core::Loc at);
  Value read_file(const Value& path, core::Loc at, const Value* template_vars);
  [[nodiscard]] const Value* bound(std::string_view name) const noexcept;
  [[nodiscard]] const EvalLimits& limits() const noexcept { return limits_; }
  [[nodiscard]] const Module& module() const noexcept { return module_; }

 private:
  const Module& module_;
  const FileLoader* loader_;
  EvalLimits limits_;
  Bindings scope_;
  std::vector<Value> splat_items_;
  std::map<std::string, Value, std::less<>> local_values_;
  std::vector<std::string> locals_in_progress_;
  std::uint32_t depth_ = 0;
  std::size_t work_ = 0;

  friend class ScopeGuard;
};

// The root of a traversal (a.b[0].c -> the kVariable a), or nullptr.
[[nodiscard]] const hcl::Expr* traversal_root(const hcl::Expr& e);
// var, local, path, terraform, each, count, self: roots that never name a resource.
[[nodiscard]] bool is_special_root(std::string_view name);

// One instance of a resource / module block after count or for_each.
struct Instance {
  Value key;    // null (no count / for_each), the index (count) or the key (for_each)
  Value value;  // for_each: each.value
};

struct Expansion {
  std::vector<Instance> instances;  // empty and `unknown` set when not expandable statically
  Value unknown;                    // kUnknown with the reason, else null
  bool counted = false;             // count (true) or for_each (false) when instances have keys
};

[[nodiscard]] Expansion expand_instances(const hcl::Block& block, Evaluator& evaluator);
// each.key / each.value or count.index for one instance.
[[nodiscard]] Bindings bindings(const Expansion& expansion, const Instance& instance);

}  // namespace ecsguard::parse::terraform::eval
