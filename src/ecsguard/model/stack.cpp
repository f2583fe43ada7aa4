#include "ecsguard/model/stack.h"

#include <algorithm>
#include <iterator>

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

bool refs_contain(const Str& v, std::string_view logical_id) {
  return std::find(v.refs.begin(), v.refs.end(), logical_id) != v.refs.end();
}

}  // namespace

void Stack::merge(Stack&& other) {
  append(scopes, std::move(other.scopes));
  std::apply([&](auto... table) { (append(this->*table, std::move(other.*table)), ...); }, kTables);
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
