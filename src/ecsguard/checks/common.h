#pragma once
// Helpers shared by checks of several layers (the role of Checkov's base classes / hadolint's
// Rule.hs). Only model types here: checks never see a parser.
#include <string>
#include <string_view>

#include "ecsguard/model/stack.h"

namespace ecsguard::checks {

// "ContainerDefinitions[web]" - the property path prefix used in findings and fingerprints.
std::string container_path(const model::Container& c);

// Human name of a container for messages: "web" or "#2" when the name is not known.
std::string container_label(const model::Container& c);

// True when `s` matches glob `pattern` ('*' any run, '?' one char), ASCII case-insensitive.
bool glob_match(std::string_view pattern, std::string_view s) noexcept;

}  // namespace ecsguard::checks
