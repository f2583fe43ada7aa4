#pragma once
// The one-line form tests compare findings in: "<status> <resource>[/<container>] <line>", and
// " <field id>" after it when asked (the field the check judged, spelled the same whatever the
// input format; the displayed `property` is the engine's rendering of it, tested on its own).
// Exact sets of these lines are what fixture tests assert.
#include <string>

#include "ecsguard/core/severity.h"
#include "ecsguard/engine/finding.h"

namespace ecsguard::test {

inline std::string finding_line(const engine::Finding& f, bool with_property = false) {
  std::string subject = f.resource_name;
  if (!f.container.empty()) subject += "/" + f.container;
  std::string line =
      std::string(core::to_string(f.status)) + " " + subject + " " + std::to_string(f.loc.line);
  if (with_property) line += " " + f.field_id;
  return line;
}

}  // namespace ecsguard::test
