#pragma once
// What building one Terraform file needs: its module (files, evaluator, reference index), the
// frontend's output and the scope all files of the module share.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/limits.h"
#include "ecsguard/model/resource.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/parse/node.h"
#include "ecsguard/parse/terraform/eval/evaluator.h"
#include "ecsguard/parse/terraform/module_files.h"
#include "ecsguard/parse/terraform/to_node.h"

namespace ecsguard::parse::terraform {

// file() / templatefile() through the scan's loader (containment, limits). Remembers the file
// id of the last file read, so a JSON document read with file() keeps its own lines.
class EvalFileLoader final : public eval::FileLoader {
 public:
  EvalFileLoader(parse::FileLoader* loader, const SourceFile& from)
      : loader_(loader), from_(from) {}
  [[nodiscard]] core::Result<std::string> read(std::string_view module_dir,
                                               std::string_view path) const override;
  [[nodiscard]] core::FileId last_file() const noexcept { return last_file_; }

 private:
  parse::FileLoader* loader_;
  const SourceFile& from_;
  mutable core::FileId last_file_ = 0;
};

struct BuildContext {
  const FrontendInput& in;
  Fragment& out;
  const ModuleFiles& module;
  eval::Evaluator& ev;
  const EvalFileLoader& files;
  const RefIndex& refs;
  model::ScopeId scope = 0;
  std::string address_prefix;  // "module.ecs." inside a module call ("" at the root)
};

// One instance of a resource block (after count / for_each).
struct ResourceInstance {
  const hcl::Block* block = nullptr;
  core::FileId file = 0;  // the file the block is written in
  std::string address;    // aws_ecs_service.web, aws_ecs_service.web[0], ...["key"]
  eval::Bindings bindings;
};

// The attributes and nested blocks of an instance as a node tree (to_node.h).
[[nodiscard]] Node instance_node(BuildContext& b, const ResourceInstance& r);

// An attribute holding a JSON document (container_definitions, policies): `jsonencode(x)` is
// read as x itself (every field keeps its line); a heredoc or a string is parsed as JSON (lines
// inside a heredoc are file lines; file("x.json") keeps the lines of x.json; anything else is
// located at the attribute). Absent: a null node. Unknown: an unknown node with the reason.
[[nodiscard]] Node json_attribute(BuildContext& b, const ResourceInstance& r,
                                  std::string_view name);

// The attribute `name` of the block, or nullptr.
[[nodiscard]] const hcl::Attribute* find_attribute(const hcl::Body& body, std::string_view name);

// The instances a resource block declares (count / for_each expanded when known). When the
// expansion is unknown, one instance stands for all of them (address with [*]) and `note` is set.
[[nodiscard]] std::vector<ResourceInstance> instances(BuildContext& b, const hcl::Block& block,
                                                      core::FileId file);

}  // namespace ecsguard::parse::terraform
