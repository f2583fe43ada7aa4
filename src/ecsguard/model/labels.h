#pragma once
// Names of resources for messages: the name the user gave (family, ServiceName) when known, else
// the address (logical id).
#include <string>

#include "ecsguard/model/ecs.h"

namespace ecsguard::model {

inline std::string label(const TaskDefinition& td) {
  return td.family.known() && !td.family.value.empty() ? td.family.value : td.id.name;
}

inline std::string label(const Service& s) {
  return s.service_name.known() && !s.service_name.value.empty() ? s.service_name.value : s.id.name;
}

}  // namespace ecsguard::model
