#pragma once
// Helpers shared by checks of several layers (the role of Checkov's base classes / hadolint's
// Rule.hs). Only model types here: checks never see a parser.
#include <span>
#include <string>
#include <string_view>

#include "ecsguard/analysis/launch.h"
#include "ecsguard/core/tri.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/model/image_ref.h"
#include "ecsguard/model/partial_str.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::checks {

// Finding messages: i18n/messages/checks_*.toml (msg::ctr001::Absent{.container = name}).
namespace msg = i18n::msg;

// "ContainerDefinitions[web]" - the property path prefix used in findings and fingerprints.
std::string container_path(const model::Container& c);

// Human name of a container for messages: "web" or "#2" when the name is not known.
std::string container_label(const model::Container& c);

// True when `s` matches glob `pattern` ('*' any run, '?' one char), ASCII case-insensitive.
bool glob_match(std::string_view pattern, std::string_view s) noexcept;

}  // namespace ecsguard::checks

// --- Model types and answers checks share (defined in model/, core/, analysis/) ---

namespace ecsguard::checks {

// Partially known strings (model/partial_str.h): the unknown-segment marker stays in model/.
using model::partial::glob_may_match;
using model::partial::has_known_text;
using model::partial::printable;
inline bool has_unknown_segment(std::string_view s) noexcept {
  return model::partial::has_unknown(s);
}

// Image references are parsed by the builders (model::Container::image_ref).
using model::ImageRef;
using model::is_sha256_digest;
using model::RegistryKind;

// Three-valued answers: one type, in core.
using core::Tri;
using core::tri_and;
using core::tri_or;

// Names for messages: the family / ServiceName when known, else the logical id.
std::string task_definition_label(const model::TaskDefinition& td);
std::string service_label(const model::Service& s);

// Why requiresCompatibilities is not known (analysis::why_compatibilities_unknown), for messages.
i18n::Message compatibilities_reason(const model::TaskDefinition& td);

// Like container_path / container_label, but a container whose name is not known is numbered by
// its 1-based position in the task definition ("ContainerDefinitions[#2]", "#2"), so unnamed
// containers never share a property path (and so a fingerprint).
std::string container_path(const model::TaskDefinition& td, const model::Container& c);
std::string container_label(const model::TaskDefinition& td, const model::Container& c);

}  // namespace ecsguard::checks

// --- Enumerated AWS values ---

namespace ecsguard::checks {

// ECS and ECR enumerations are case-sensitive (AssignPublicIp ENABLED, ImageTagMutability
// IMMUTABLE, NetworkMode awsvpc...): CloudFormation validates them against the resource schema and
// the APIs reject any other spelling. A check therefore never reads "enabled", "Immutable" or
// "yes" as a valid value: it reports the value as invalid (the deployment is rejected).
bool is_one_of(std::string_view value, std::span<const std::string_view> allowed) noexcept;

// "<subject> sets <property> to '<value>', which is not a valid value (A | B | C): the deployment
// is rejected"
i18n::Message invalid_value_message(i18n::Value subject, i18n::Value property,
                                    std::string_view value,
                                    std::span<const std::string_view> allowed);

}  // namespace ecsguard::checks
