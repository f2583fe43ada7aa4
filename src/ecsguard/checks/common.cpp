#include "ecsguard/checks/common.h"

#include <vector>

#include "ecsguard/core/glob.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/model/labels.h"

namespace ecsguard::checks {

std::string container_path(const model::Container& c) {
  return "ContainerDefinitions[" + container_label(c) + "]";
}

std::string container_label(const model::Container& c) {
  if (c.name.known()) return c.name.value;
  return "?";
}

bool glob_match(std::string_view pattern, std::string_view s) noexcept {
  return core::glob_match(pattern, s, {.ignore_case = true, .question_mark = true});
}

}  // namespace ecsguard::checks

// --- Names for messages ---

namespace ecsguard::checks {

std::string task_definition_label(const model::TaskDefinition& td) { return model::label(td); }

std::string service_label(const model::Service& s) { return model::label(s); }

i18n::Message compatibilities_reason(const model::TaskDefinition& td) {
  switch (analysis::why_compatibilities_unknown(td)) {
    case analysis::CompatibilitiesUnknown::kContainersOnly:
      return msg::common::CompatibilitiesContainersOnly{};
    case analysis::CompatibilitiesUnknown::kList:
      return msg::common::CompatibilitiesUnknown{.reason = td.requires_compatibilities.reason};
    case analysis::CompatibilitiesUnknown::kElement:
      break;
  }
  return msg::common::CompatibilitiesElementUnknown{};
}

std::string container_label(const model::TaskDefinition& td, const model::Container& c) {
  if (c.name.known()) return c.name.value;
  for (std::size_t i = 0; i < td.containers.size(); ++i) {
    if (&td.containers[i] == &c) return "#" + std::to_string(i + 1);
  }
  return "?";
}

std::string container_path(const model::TaskDefinition& td, const model::Container& c) {
  return "ContainerDefinitions[" + container_label(td, c) + "]";
}

}  // namespace ecsguard::checks

// --- Enumerated AWS values ---

namespace ecsguard::checks {

bool is_one_of(std::string_view value, std::span<const std::string_view> allowed) noexcept {
  for (const auto a : allowed) {
    if (value == a) return true;
  }
  return false;
}

i18n::Message invalid_value_message(i18n::Value subject, i18n::Value property,
                                    std::string_view value,
                                    std::span<const std::string_view> allowed) {
  std::string list;
  for (const auto a : allowed) {
    if (!list.empty()) list += " | ";
    list += a;
  }
  return msg::common::InvalidValue{.subject = std::move(subject),
                                   .property = std::move(property),
                                   .value = printable(value),
                                   .allowed = std::move(list)};
}

}  // namespace ecsguard::checks
