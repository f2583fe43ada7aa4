#include "ecsguard/parse/build.h"

#include "ecsguard/parse/cfn/template_builder.h"
#include "ecsguard/parse/taskdef/fields.h"
#include "ecsguard/parse/taskdef/taskdef_json.h"

namespace ecsguard::parse {

namespace {

bool has_string(const Node& map, std::string_view key) noexcept {
  const Member* m = fields::member_ci(map, key);
  return m != nullptr && m->value.is_string();
}

// A container definition object: an image given as a string and at least one other container
// definition property (Terraform modules render objects without a name, too).
bool looks_like_container(const Node& n) noexcept {
  if (!n.is_map() || !has_string(n, "image")) return false;
  constexpr std::string_view kContainerKeys[] = {
      "name",    "essential",         "portMappings", "cpu",
      "memory",  "memoryReservation", "environment",  "logConfiguration",
      "command", "entryPoint",        "user",         "secrets"};
  for (const auto key : kContainerKeys) {
    if (fields::member_ci(n, key) != nullptr) return true;
  }
  return false;
}

}  // namespace

InputKind detect_kind(const Node& root) noexcept {
  if (root.is_map()) {
    if (const Node* resources = root.find("Resources"); resources && resources->is_map()) {
      return InputKind::kCloudFormation;
    }
    if (root.find("AWSTemplateFormatVersion") != nullptr) return InputKind::kCloudFormation;
    // register-task-definition input (camelCase; PascalCase accepted for fragments).
    if (const Member* defs = fields::member_ci(root, "containerDefinitions");
        defs != nullptr && (defs->value.is_seq() || defs->value.is_null())) {
      return InputKind::kTaskDefinition;
    }
    // describe-task-definition output.
    if (const Member* td = fields::member_ci(root, "taskDefinition");
        td != nullptr && td->value.is_map()) {
      return InputKind::kTaskDefinition;
    }
    // A single rendered container definition (e.g. a Terraform module's output).
    if (looks_like_container(root)) return InputKind::kContainerDefinitions;
    return InputKind::kUnknown;
  }
  if (root.is_seq() && !root.items.empty()) {
    for (const auto& item : root.items) {
      if (!item.is_map() || !has_string(item, "image")) return InputKind::kUnknown;
    }
    return InputKind::kContainerDefinitions;
  }
  return InputKind::kUnknown;
}

BuildOutput build_model(const BuildInput& in) {
  BuildOutput out;
  if (in.root == nullptr) return out;
  out.kind = detect_kind(*in.root);
  switch (out.kind) {
    case InputKind::kUnknown:
      break;
    case InputKind::kCloudFormation:
      cfn::build_template(in, out);
      break;
    case InputKind::kTaskDefinition:
    case InputKind::kContainerDefinitions:
      taskdef::build_task_definition_json(in, out.kind, out);
      break;
  }
  return out;
}

}  // namespace ecsguard::parse
