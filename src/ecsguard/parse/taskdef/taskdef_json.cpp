#include "ecsguard/parse/taskdef/taskdef_json.h"

#include <filesystem>
#include <string>

#include "ecsguard/parse/ecs_model/validate.h"
#include "ecsguard/parse/taskdef/fields.h"
#include "ecsguard/parse/taskdef/task_definition_builder.h"

namespace ecsguard::parse::taskdef {

namespace {

constexpr auto kApi = ecs_model::Spelling::kApi;

std::string file_stem(const BuildInput& in) {
  std::string path;
  if (in.files != nullptr) path = in.files->path(in.file);
  if (path.empty()) path = in.fs_path;
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? std::string("task-definition") : stem;
}

// Task definition JSON takes booleans, not "true"/"false" strings (ECS accepts them, a smell).
void mark_string_booleans(model::TaskDefinition& td) {
  auto mark = [](model::FlexBool& b) { b.string_for_boolean = b.from_string; };
  for (auto& c : td.containers) {
    mark(c.essential);
    mark(c.privileged);
    mark(c.readonly_root_filesystem);
    for (auto& m : c.mount_points) mark(m.read_only);
  }
}

}  // namespace

void build_task_definition_json(const BuildInput& in, Shape shape, Fragment& out) {
  const Node& root = *in.root;
  model::Scope scope;
  scope.id = in.file;
  scope.file = in.file;
  scope.origin = model::Origin::kTaskDefinitionJson;
  out.stack.scopes.push_back(scope);

  model::TaskDefinition td;
  td.id.type = "AWS::ECS::TaskDefinition";
  td.id.scope = in.file;
  td.id.origin = model::Origin::kTaskDefinitionJson;
  td.id.loc = root.loc;

  if (shape == Shape::kContainerDefinitions) {
    td.containers_only = true;  // the task-level properties live elsewhere
    if (root.is_seq()) {
      fill_containers(fields::element(root), td);
      ecs_model::validate_container_definitions(root, kApi, td.api_violations);
    } else {  // one container definition object
      td.containers_state = model::Presence::kKnown;
      td.containers.push_back(build_container(root));
      ecs_model::validate_container_definition(root, "", kApi, td.api_violations);
    }
    td.id.name = file_stem(in);
    mark_string_booleans(td);
    out.stack.add(std::move(td));
    return;
  }

  const Node* body = &root;
  if (const Member* wrapper = fields::member_ci(root, "taskDefinition");
      wrapper != nullptr && wrapper->value.is_map() &&
      fields::member_ci(root, "containerDefinitions") == nullptr) {
    body = &wrapper->value;  // describe-task-definition output
    td.id.loc = wrapper->key.loc;
    td.revision = fields::to_int(fields::field(*body, "revision"));
  }
  fill_task_definition(*body, td);
  ecs_model::validate_task_definition(*body, kApi, td.api_violations);
  td.id.name = td.family.known() && !td.family.value.empty() ? td.family.value : file_stem(in);
  mark_string_booleans(td);
  out.stack.add(std::move(td));
}

}  // namespace ecsguard::parse::taskdef
