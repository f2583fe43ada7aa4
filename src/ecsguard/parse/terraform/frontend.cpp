#include "ecsguard/parse/terraform/frontend.h"

#include <utility>
#include <vector>

#include "ecsguard/parse/sniff.h"
#include "ecsguard/parse/terraform/build_context.h"
#include "ecsguard/parse/terraform/hcl/parser.h"
#include "ecsguard/parse/terraform/module_files.h"
#include "ecsguard/parse/terraform/modules.h"
#include "ecsguard/parse/terraform/resources.h"

namespace ecsguard::parse::terraform {

namespace {

eval::EvalLimits eval_limits(const core::Limits& limits) {
  eval::EvalLimits l;
  l.max_string_bytes = limits.max_scalar_bytes;
  l.json = limits;
  return l;
}

void build_module(const FrontendInput& in, Fragment& out, ModuleFiles& module) {
  std::vector<const hcl::File*> asts;
  asts.reserve(module.files.size());
  for (const auto& f : module.files) asts.push_back(&f->ast);
  eval::Module inputs = eval::collect_module(asts, module.dir.empty() ? "." : module.dir);
  for (const auto& t : module.tfvars) eval::apply_tfvars(inputs, t->ast);
  RefIndex refs;
  for (const auto& f : module.files) refs.add_body(f->ast.body);
  const EvalFileLoader files(in.loader, in.source);
  eval::Evaluator ev(inputs, &files, eval_limits(in.limits));
  BuildContext b{in, out, module, ev, files, refs, module_scope(module.dir, in.source.file), {}};

  model::Scope scope;
  scope.id = b.scope;
  scope.file = in.source.file;
  scope.origin = model::Origin::kTerraform;
  out.stack.scopes.push_back(std::move(scope));

  const hcl::File& self = module.files.front()->ast;
  std::size_t built = 0;
  for (const hcl::Block& block : self.body.blocks) {
    if (block.type != "resource" || block.labels.size() != 2) continue;
    if (++built > in.limits.max_resources) {
      out.errors.push_back(
          core::make_error(core::Errc::kLimit,
                           "more than " + std::to_string(in.limits.max_resources) +
                               " resources in one file; the rest are not modelled (max_resources)",
                           block.loc));
      break;
    }
    build_resource(b, block, self.file);
  }
  // Module calls written in this file (a sibling's calls are built by the sibling).
  build_module_calls(b, {module.files.front().get()}, ModuleCallSite{".", {module.dir}, 0});
}

}  // namespace

Confidence sniff(std::string_view path, std::string_view bytes) noexcept {
  (void)bytes;
  return sniff::has_suffix(path, {".tf"}) ? Confidence::kLikely : Confidence::kNo;
}

Fragment build(const FrontendInput& in) {
  Fragment out;
  if (!sniff::has_suffix(in.source.display, {".tf"})) return out;
  out.recognised = true;
  hcl::ParseResult parsed =
      hcl::parse_hcl(in.source.text, in.source.file, hcl::Limits::from(in.limits));
  for (auto& d : parsed.diagnostics) out.errors.push_back(std::move(d));
  ModuleFiles module = module_files(in, std::move(parsed.file));
  for (auto& e : module.errors) out.errors.push_back(std::move(e));
  build_module(in, out, module);
  return out;
}

}  // namespace ecsguard::parse::terraform
