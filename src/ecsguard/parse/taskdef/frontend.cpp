#include "ecsguard/parse/taskdef/frontend.h"

#include "ecsguard/parse/build.h"
#include "ecsguard/parse/cfn/frontend.h"
#include "ecsguard/parse/sniff.h"
#include "ecsguard/parse/taskdef/fields.h"
#include "ecsguard/parse/taskdef/taskdef_json.h"

namespace ecsguard::parse::taskdef {

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

Shape map_shape(const Node& root) noexcept {
  // register-task-definition input (camelCase; PascalCase accepted for fragments).
  if (const Member* defs = fields::member_ci(root, "containerDefinitions");
      defs != nullptr && (defs->value.is_seq() || defs->value.is_null())) {
    return Shape::kTaskDefinition;
  }
  // describe-task-definition output.
  if (const Member* td = fields::member_ci(root, "taskDefinition");
      td != nullptr && td->value.is_map()) {
    return Shape::kTaskDefinition;
  }
  // A single rendered container definition (e.g. a Terraform module's output).
  return looks_like_container(root) ? Shape::kContainerDefinitions : Shape::kNone;
}

}  // namespace

Confidence sniff(std::string_view path, std::string_view bytes) noexcept {
  if (sniff::contains_any(bytes, {"containerDefinitions", "taskDefinition"})) {
    return Confidence::kLikely;
  }
  return sniff::structured_name(path) ? Confidence::kName : Confidence::kNo;
}

Shape shape_of(const Node& root) noexcept {
  if (cfn::is_template(root)) return Shape::kNone;
  if (root.is_map()) return map_shape(root);
  if (root.is_seq() && !root.items.empty()) {
    for (const auto& item : root.items) {
      if (!item.is_map() || !has_string(item, "image")) return Shape::kNone;
    }
    return Shape::kContainerDefinitions;
  }
  return Shape::kNone;
}

Fragment build(const FrontendInput& in) {
  Fragment out;
  const Node* doc = structured_document(in, out);
  if (doc == nullptr) return out;
  const Shape shape = shape_of(*doc);
  if (shape == Shape::kNone) return out;
  out.recognised = true;
  build_task_definition_json(to_build_input(in, *doc), shape, out);
  return out;
}

}  // namespace ecsguard::parse::taskdef
