#pragma once
// Evaluated Terraform values -> the project's document tree (parse::Node), so the shared field
// helpers (parse/taskdef/fields.h) and the task definition builder read Terraform as they read
// CloudFormation and task definition JSON.
//
// Locations: a value keeps where it is written when that is in the file being built; a value
// that comes from another file (a variable's default in variables.tf, a local in locals.tf) is
// located at the attribute that uses it, so a finding points at the resource's line.
// Unknowns become kUnknown nodes with the evaluator's reason and, when the value is unknown
// because it references resources (`aws_ecs_task_definition.app.arn`), `refs` holds their
// Terraform addresses: the model links them like CloudFormation's Ref / GetAtt.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ecsguard/parse/node.h"
#include "ecsguard/parse/terraform/eval/evaluator.h"
#include "ecsguard/parse/terraform/hcl/ast.h"

namespace ecsguard::parse::terraform {

// The resource addresses each reference expression of a module names, by where it is written.
class RefIndex {
 public:
  void add_body(const hcl::Body& body);
  void add_expr(const hcl::Expr& e, unsigned depth = 0);
  // The addresses referenced by the traversal that starts at `at` (empty when none).
  [[nodiscard]] const std::vector<std::string>* at(core::Loc at) const;
  // Every address referenced anywhere inside `e`.
  static void collect(const hcl::Expr& e, std::vector<std::string>& out, unsigned depth = 0);

 private:
  static std::uint64_t key(core::Loc at) noexcept;
  std::unordered_map<std::uint64_t, std::vector<std::string>> by_loc_;
};

// The address a traversal names: `aws_ecs_cluster.main`, `data.aws_iam_role.x`, `module.ecs`;
// "" for var./local./each./... and anything that is not a resource reference.
[[nodiscard]] std::string referenced_address(const hcl::Expr& e);

struct Conversion {
  core::FileId file = 0;  // the file being built
  core::Loc fallback;     // the attribute / block that holds the value
  const RefIndex* refs = nullptr;
};

[[nodiscard]] Node to_node(const eval::Value& v, const Conversion& c, unsigned depth = 0);

// A block body: attributes evaluated (loc = the attribute's name), nested blocks grouped by
// type into lists of maps (loc = each block's type name), `dynamic "x"` blocks as an unknown
// list `x`. `skip` names meta-arguments left out (count, for_each, lifecycle, ...).
[[nodiscard]] Node body_node(const hcl::Body& body, eval::Evaluator& ev,
                             const eval::Bindings& bindings, const Conversion& c,
                             unsigned depth = 0);

}  // namespace ecsguard::parse::terraform
