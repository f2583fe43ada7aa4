#pragma once
// One Terraform module as the frontend sees it. The scan hands the frontend one file at a time;
// a Terraform module is every `.tf` file of one folder (Terraform's rule), and what one file
// says depends on the others (variables, locals, the resources it references). So each `.tf`
// file is built on its own, in the context of its whole module:
//   - its siblings (the other `.tf` files of its folder) and the folder's automatic variable
//     files (`terraform.tfvars`, `*.auto.tfvars`, later files win) are found with
//     FileLoader::list_folder() and read with FileLoader::load() -- the scan's loader, so the
//     containment rule, the limits and the symlink policy apply to them as to any second file;
//   - the file contributes only the resources declared in it (so a module is never counted
//     twice), and all files of the folder share one scope (module_scope()), so a service in
//     service.tf finds the task definition of taskdef.tf.
// Without a loader (standard input, tests) the file is its own module.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/model/resource.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/parse/terraform/hcl/ast.h"

namespace ecsguard::parse::terraform {

// At most this many `.tf` / `.tfvars` files of one folder are read as the module's context (each
// file of a folder reads its siblings: the cost grows with the square of the folder's size, so a
// folder of thousands of .tf files must not multiply the scan's work; a note says so).
inline constexpr std::size_t kMaxModuleFiles = 100;

struct ModuleFile {
  std::string text;  // the parsed text (spans of `ast` index it)
  std::string fs_path;
  std::string display;
  hcl::File ast;
};

struct ModuleFiles {
  std::string dir;                                  // the folder (canonical; "" when unknown)
  std::vector<std::unique_ptr<ModuleFile>> files;   // the .tf files; files[0] = the built file
  std::vector<std::unique_ptr<ModuleFile>> tfvars;  // in Terraform's loading order
  std::vector<core::Error> errors;                  // siblings that could not be read
};

// The built file `self` (already parsed) and its folder's other files.
[[nodiscard]] ModuleFiles module_files(const FrontendInput& in, hcl::File self);

// Every `.tf` file of the local module `source` (a folder relative to the built file's folder,
// as `module` blocks write it: "./modules/service", "../../"), read through the loader. Empty
// with `errors` set when the folder is outside the containment root or has no .tf file.
[[nodiscard]] ModuleFiles child_module_files(const FrontendInput& in, const std::string& source);

// The scope every file of one folder shares: not a file id (those are small counters), so the
// high bit is set; derived from the canonical folder path.
[[nodiscard]] model::ScopeId module_scope(const std::string& dir, core::FileId fallback) noexcept;

}  // namespace ecsguard::parse::terraform
