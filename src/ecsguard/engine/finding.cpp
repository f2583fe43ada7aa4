#include "ecsguard/engine/finding.h"

#include <tuple>

#include "ecsguard/engine/catalog.h"

namespace ecsguard::engine {

std::string_view Finding::id() const noexcept { return entry ? entry->id : std::string_view{}; }

bool finding_less(const Finding& a, const Finding& b) noexcept {
  return std::forward_as_tuple(a.file, a.loc.line, a.loc.column, a.id(), a.resource_name,
                               a.container, a.property, a.message) <
         std::forward_as_tuple(b.file, b.loc.line, b.loc.column, b.id(), b.resource_name,
                               b.container, b.property, b.message);
}

}  // namespace ecsguard::engine
