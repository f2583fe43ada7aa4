#include "ecsguard/model/stack.h"

#include <algorithm>
#include <iterator>

#include "ecsguard/core/strings.h"

namespace ecsguard::model {

namespace {

template <class T>
void append(std::vector<T>& into, std::vector<T>&& from) {
  if (into.empty()) {
    into = std::move(from);
    return;
  }
  into.insert(into.end(), std::make_move_iterator(from.begin()),
              std::make_move_iterator(from.end()));
}

template <class T>
const T* find_in(const std::vector<T>& v, ScopeId scope, std::string_view logical_id) {
  for (const auto& r : v) {
    if (r.id.scope == scope && r.id.name == logical_id) return &r;
  }
  return nullptr;
}

bool refs_contain(const Str& v, std::string_view logical_id) {
  return std::find(v.refs.begin(), v.refs.end(), logical_id) != v.refs.end();
}

}  // namespace

bool TaskDefinition::fargate_compatible() const {
  if (!requires_compatibilities.known()) return false;
  return std::any_of(requires_compatibilities.value.begin(), requires_compatibilities.value.end(),
                     [](const Str& s) { return s.known() && core::iequals(s.value, "FARGATE"); });
}

bool TaskDefinition::windows() const {
  return operating_system_family.known() &&
         core::starts_with_i(operating_system_family.value, "WINDOWS_SERVER");
}

void Stack::merge(Stack&& other) {
  append(scopes, std::move(other.scopes));
  append(task_definitions, std::move(other.task_definitions));
  append(services, std::move(other.services));
  append(task_sets, std::move(other.task_sets));
  append(clusters, std::move(other.clusters));
  append(capacity_provider_associations, std::move(other.capacity_provider_associations));
  append(repositories, std::move(other.repositories));
  append(registry_scanning, std::move(other.registry_scanning));
  append(log_groups, std::move(other.log_groups));
  append(secrets, std::move(other.secrets));
  append(rotation_schedules, std::move(other.rotation_schedules));
  append(ssm_parameters, std::move(other.ssm_parameters));
  append(efs_file_systems, std::move(other.efs_file_systems));
  append(efs_access_points, std::move(other.efs_access_points));
  append(load_balancers, std::move(other.load_balancers));
  append(listeners, std::move(other.listeners));
}

const TaskDefinition* Stack::task_definition(ScopeId scope, std::string_view logical_id) const {
  return find_in(task_definitions, scope, logical_id);
}
const Cluster* Stack::cluster(ScopeId scope, std::string_view logical_id) const {
  return find_in(clusters, scope, logical_id);
}
const Repository* Stack::repository(ScopeId scope, std::string_view logical_id) const {
  return find_in(repositories, scope, logical_id);
}
const LogGroup* Stack::log_group(ScopeId scope, std::string_view logical_id) const {
  return find_in(log_groups, scope, logical_id);
}
const Secret* Stack::secret(ScopeId scope, std::string_view logical_id) const {
  return find_in(secrets, scope, logical_id);
}
const SsmParameter* Stack::ssm_parameter(ScopeId scope, std::string_view logical_id) const {
  return find_in(ssm_parameters, scope, logical_id);
}
const EfsFileSystem* Stack::efs_file_system(ScopeId scope, std::string_view logical_id) const {
  return find_in(efs_file_systems, scope, logical_id);
}
const EfsAccessPoint* Stack::efs_access_point(ScopeId scope, std::string_view logical_id) const {
  return find_in(efs_access_points, scope, logical_id);
}

std::vector<const Service*> Stack::services_using(const TaskDefinition& td) const {
  std::vector<const Service*> out;
  for (const auto& s : services) {
    if (s.id.scope == td.id.scope && refs_contain(s.task_definition, td.id.name)) {
      out.push_back(&s);
    }
  }
  return out;
}

std::vector<const TaskSet*> Stack::task_sets_using(const TaskDefinition& td) const {
  std::vector<const TaskSet*> out;
  for (const auto& s : task_sets) {
    if (s.id.scope == td.id.scope && refs_contain(s.task_definition, td.id.name)) {
      out.push_back(&s);
    }
  }
  return out;
}

const Repository* Stack::repository_named(std::string_view name) const {
  for (const auto& r : repositories) {
    if (r.repository_name.known() && r.repository_name.value == name) return &r;
  }
  return nullptr;
}

}  // namespace ecsguard::model
