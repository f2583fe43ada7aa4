#include "ecsguard/parse/terraform/modules.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <utility>

#include "ecsguard/parse/terraform/resources.h"

namespace ecsguard::parse::terraform {

namespace {

namespace fs = std::filesystem;

bool is_local(std::string_view source) {
  return source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
}

bool is_meta_argument(std::string_view name) {
  return name == "source" || name == "version" || name == "count" || name == "for_each" ||
         name == "providers" || name == "depends_on";
}

void skip(BuildContext& b, std::string message, core::Loc where) {
  b.out.errors.push_back(core::make_error(core::Errc::kSkipped, std::move(message), where));
}

struct Call {
  const hcl::Block* block = nullptr;
  std::string name;    // module.<name>[key]
  std::string source;  // as written
  eval::Bindings bindings;
};

void build_call(BuildContext& b, const Call& call, const ModuleCallSite& site) {
  const std::string label = "module \"" + call.block->labels[0] + "\"";
  if (site.depth + 1 > b.in.limits.max_nested_stack_depth) {
    b.out.errors.push_back(core::make_error(core::Errc::kLimit,
                                            label + ": modules nested deeper than " +
                                                std::to_string(b.in.limits.max_nested_stack_depth) +
                                                " (max_nested_stack_depth)",
                                            call.block->loc));
    return;
  }
  const std::string relative =
      (fs::path(site.relative_dir) / call.source).lexically_normal().generic_string();
  ModuleFiles child = child_module_files(b.in, relative);
  for (auto& e : child.errors) b.out.errors.push_back(std::move(e));
  if (child.files.empty()) {
    skip(b,
         label + ": source \"" + call.source +
             "\" has no .tf file readable inside the scan root; its resources are not scanned",
         call.block->loc);
    return;
  }
  if (std::find(site.chain.begin(), site.chain.end(), child.dir) != site.chain.end()) {
    b.out.errors.push_back(core::make_error(
        core::Errc::kInvalid, label + ": module cycle through " + child.dir, call.block->loc));
    return;
  }
  std::vector<const hcl::File*> asts;
  std::vector<const ModuleFile*> files;
  for (const auto& f : child.files) {
    asts.push_back(&f->ast);
    files.push_back(f.get());
    b.out.nested_paths.push_back(f->fs_path);
  }
  eval::Module inputs = eval::collect_module(asts, child.dir);
  for (const auto& a : call.block->body.attributes) {
    if (!is_meta_argument(a.name)) inputs.variables[a.name] = b.ev.eval(a.value, call.bindings);
  }
  RefIndex refs;
  for (const auto& f : child.files) refs.add_body(f->ast.body);
  eval::Evaluator ev(inputs, &b.files, b.ev.limits());
  const std::string prefix = b.address_prefix + call.name + ".";
  BuildContext cb{
      b.in,  b.out, child, ev, b.files, refs, module_scope(child.dir + "|" + prefix, b.scope),
      prefix};
  model::Scope scope;
  scope.id = cb.scope;
  scope.file = child.files.front()->ast.file;
  scope.origin = model::Origin::kTerraform;
  scope.stack_prefix = prefix.substr(0, prefix.size() - 1);
  b.out.stack.scopes.push_back(std::move(scope));
  for (const ModuleFile* f : files) {
    for (const hcl::Block& block : f->ast.body.blocks) {
      if (block.type == "resource" && block.labels.size() == 2) {
        build_resource(cb, block, f->ast.file);
      }
    }
  }
  ModuleCallSite inner{relative, site.chain, site.depth + 1};
  inner.chain.push_back(child.dir);
  build_module_calls(cb, files, inner);
}

}  // namespace

void build_module_calls(BuildContext& b, const std::vector<const ModuleFile*>& files,
                        const ModuleCallSite& site) {
  for (const ModuleFile* f : files) {
    for (const hcl::Block& block : f->ast.body.blocks) {
      if (block.type != "module" || block.labels.size() != 1) continue;
      const std::string label = "module \"" + block.labels[0] + "\"";
      const hcl::Attribute* source = find_attribute(block.body, "source");
      if (source == nullptr) continue;
      const eval::Value s = b.ev.eval(source->value);
      if (s.kind != eval::ValueKind::kString) {
        skip(b, label + ": source is not a literal string; its resources are not scanned",
             source->loc);
        continue;
      }
      if (!is_local(s.text)) {
        skip(b,
             label + ": source \"" + s.text +
                 "\" is not a local path; ecsguard never fetches modules, so its resources are "
                 "not scanned (its inputs stay unknown)",
             source->loc);
        continue;
      }
      const eval::Expansion x = eval::expand_instances(block, b.ev);
      if (!x.unknown.is_null()) {
        Call call{&block, "module." + block.labels[0] + "[*]", s.text, {}};
        call.bindings = {
            {x.counted ? "count" : "each", eval::Value::unknown(x.unknown.text, x.unknown.loc)}};
        build_call(b, call, site);
        continue;
      }
      for (const auto& i : x.instances) {
        Call call{&block, "module." + block.labels[0], s.text, eval::bindings(x, i)};
        if (i.key.kind == eval::ValueKind::kNumber) {
          call.name += "[" + eval::number_text(i.key.number) + "]";
        } else if (!i.key.is_null()) {
          call.name += "[\"" + i.key.text + "\"]";
        }
        build_call(b, call, site);
      }
    }
  }
}

}  // namespace ecsguard::parse::terraform
