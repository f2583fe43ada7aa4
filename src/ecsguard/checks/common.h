#pragma once
// Helpers shared by checks of several layers (the role of Checkov's base classes / hadolint's
// Rule.hs). Only model types here: checks never see a parser.
#include <span>
#include <string>
#include <string_view>

#include "ecsguard/i18n/messages.gen.h"
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

// --- Image references and registries (REG-009, REG-011; reg-checks) ---

namespace ecsguard::checks {

// Stands for an unknown segment inside a partially known model string (same byte as
// parse::kUnknownMark): "\x1A.dkr.ecr.\x1A.amazonaws.com/app:v1.2.3" has a known tag.
inline constexpr char kUnknownSegment = '\x1A';

// True when `s` contains an unknown segment.
bool has_unknown_segment(std::string_view s) noexcept;
// True when `s` has at least one known character (a partially known string, not a bare unknown).
bool has_known_text(std::string_view s) noexcept;
// `s` for messages: each unknown segment shown as "${?}".
std::string printable(std::string_view s);

enum class RegistryKind : unsigned char {
  kEcr,        // <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn] (private ECR)
  kEcrPublic,  // public.ecr.aws
  kOther,      // Docker Hub (no registry written), ghcr.io, quay.io, a private registry ...
  kUnknown,    // the registry part is not statically known
};

// A container image reference `[scheme://][userinfo@][registry/]repository[:tag][@digest]`, parsed
// from text that may contain unknown segments (kUnknownSegment). Docker Hub is the registry when
// none is written ("nginx" -> docker.io, repository "library/nginx").
struct ImageRef {
  std::string registry;  // host[:port]; "docker.io" when not written; may hold unknowns
  bool registry_written = false;
  std::string repository;  // path after the registry; may hold unknowns
  bool tag_known = true;   // false: whether there is a tag, or its text, is not known
  bool has_tag = false;
  std::string tag;           // when has_tag (and tag_known)
  bool digest_known = true;  // false: an unknown segment may hold "@sha256:..."
  std::string digest;        // "sha256:<hex>" when written
  std::string userinfo;      // "user:password" written before the registry (never valid)
  RegistryKind kind = RegistryKind::kUnknown;
};

ImageRef parse_image_ref(std::string_view text);

// "sha256:" followed by 64 lower-case hex digits.
bool is_sha256_digest(std::string_view digest) noexcept;

// Names for messages: the family / ServiceName when known, else the logical id.
std::string task_definition_label(const model::TaskDefinition& td);
std::string service_label(const model::Service& s);

// Like container_path / container_label, but a container whose name is not known is numbered by
// its 1-based position in the task definition ("ContainerDefinitions[#2]", "#2"), so unnamed
// containers never share a property path (and so a fingerprint).
std::string container_path(const model::TaskDefinition& td, const model::Container& c);
std::string container_label(const model::TaskDefinition& td, const model::Container& c);

}  // namespace ecsguard::checks

// --- Three-valued answers (all layers) ---

namespace ecsguard::checks {

// The answer to a question about the model, which may not settle it (a property is Unknown).
// Helpers that look at model::Value return this, never a bool: collapsing "not known" into "no"
// turns an unknown finding into a silent pass.
enum class Tri : unsigned char { kNo, kYes, kUnknown };

inline Tri tri_or(Tri a, Tri b) {
  if (a == Tri::kYes || b == Tri::kYes) return Tri::kYes;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kNo;
}

inline Tri tri_and(Tri a, Tri b) {
  if (a == Tri::kNo || b == Tri::kNo) return Tri::kNo;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kYes;
}

}  // namespace ecsguard::checks

// --- Partially known names (CTR-007) ---

namespace ecsguard::checks {

// Can glob `pattern` ('*' any run, '?' one char, ASCII case-insensitive, as glob_match) match some
// string that partially known `s` stands for, each unknown segment (kUnknownSegment) standing for
// any text? For a fully known `s` this is glob_match.
bool glob_may_match(std::string_view pattern, std::string_view s);

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
