#pragma once
// Module calls: `module "x" { source = "./modules/x", inputs... }`.
//   - a local source ("./...", "../...") is read through the scan's loader (containment: the scan
//     root or its git work tree, never through a symlink out); its resources are built with the
//     call's arguments as the module's variables, addressed `module.x.<type>.<name>`, in a scope
//     of their own; nested calls recurse up to core::Limits::max_nested_stack_depth, a cycle is
//     refused. Its files are reported through the call (Fragment::nested_paths), not again alone.
//   - any other source (registry, git, http, s3) is never fetched: a kSkipped diagnostic names it,
//     its resources are not in the model.
// count / for_each on a module call are expanded like a resource's.
#include <string>
#include <vector>

#include "ecsguard/parse/terraform/build_context.h"

namespace ecsguard::parse::terraform {

struct ModuleCallSite {
  std::string relative_dir;        // the calling module's folder, relative to the built file's
  std::vector<std::string> chain;  // canonical folders of the calling modules (cycle check)
  unsigned depth = 0;
};

// Builds the modules called from `files` (blocks `module`) of the module `b` describes.
void build_module_calls(BuildContext& b, const std::vector<const ModuleFile*>& files,
                        const ModuleCallSite& site);

}  // namespace ecsguard::parse::terraform
