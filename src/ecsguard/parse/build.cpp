#include "ecsguard/parse/build.h"

#include "ecsguard/parse/cfn/frontend.h"
#include "ecsguard/parse/cfn/template_builder.h"
#include "ecsguard/parse/taskdef/frontend.h"
#include "ecsguard/parse/taskdef/taskdef_json.h"

namespace ecsguard::parse {

InputKind detect_kind(const Node& root) noexcept {
  if (cfn::is_template(root)) return InputKind::kCloudFormation;
  switch (taskdef::shape_of(root)) {
    case taskdef::Shape::kTaskDefinition:
      return InputKind::kTaskDefinition;
    case taskdef::Shape::kContainerDefinitions:
      return InputKind::kContainerDefinitions;
    case taskdef::Shape::kNone:
      break;
  }
  return InputKind::kUnknown;
}

BuildOutput build_model(const BuildInput& in) {
  BuildOutput out;
  if (in.root == nullptr) return out;
  out.kind = detect_kind(*in.root);
  out.recognised = out.kind != InputKind::kUnknown;
  switch (out.kind) {
    case InputKind::kUnknown:
      break;
    case InputKind::kCloudFormation:
      cfn::build_template(in, out);
      break;
    case InputKind::kTaskDefinition:
      taskdef::build_task_definition_json(in, taskdef::Shape::kTaskDefinition, out);
      break;
    case InputKind::kContainerDefinitions:
      taskdef::build_task_definition_json(in, taskdef::Shape::kContainerDefinitions, out);
      break;
  }
  return out;
}

BuildInput to_build_input(const FrontendInput& in, const Node& root) {
  BuildInput b;
  b.root = &root;
  b.file = in.source.file;
  b.fs_path = in.source.fs_path;
  b.files = in.files;
  b.loader = in.loader;
  b.limits = in.limits;
  return b;
}

}  // namespace ecsguard::parse
