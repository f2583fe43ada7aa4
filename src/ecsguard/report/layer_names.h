#pragma once
// Names shown for the layers of ARCHITECTURE.md in the reports, in the report language.
#include <string>

#include "ecsguard/core/severity.h"
#include "ecsguard/i18n/lang.h"

namespace ecsguard::report {

// "Container", "Logging & detection" / "ログと検知" (i18n/messages/report.toml, table.layer.*).
std::string layer_name(core::Layer layer, i18n::Lang lang);

}  // namespace ecsguard::report
