#pragma once
// What a check reports, and what every reporter projects (CONVENTIONS.md §0).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/severity.h"
#include "ecsguard/model/resource.h"

namespace ecsguard::engine {

struct CatalogEntry;
struct CheckDef;

// Why a finding does not count, set by the policy step (policy/), never by a check. The finding
// stays in every report, marked (CONVENTIONS.md §3.2).
struct Suppression {
  enum class Kind : unsigned char {
    kSuppressed,  // a skip: inline comment, template Metadata, --skip-check, configuration
    kAccepted,    // a risk accepted in the accepted-risks list (owner, reason, expiry)
    kBaseline,    // present in the --baseline file (adopting ecsguard on an existing stack)
  };
  Kind kind = Kind::kSuppressed;
  std::string source;  // "inline", "metadata", "skip-check", "config", "accepted-risks", "baseline"
  std::string reason;  // the justification as written
  std::string owner;   // accepted risks: who accepted it
  std::string expires;   // YYYY-MM-DD, or empty
  bool expired = false;  // past `expires`: the finding counts again (and says why)
};

struct Finding {
  const CatalogEntry* entry = nullptr;  // id, title, layer, controls
  const CheckDef* check = nullptr;      // rationale, remediation
  core::Severity severity = core::Severity::kInfo;
  core::Status status = core::Status::kFail;
  model::ResourceKind resource_kind = model::ResourceKind::kUnknown;
  model::Origin origin = model::Origin::kCloudFormation;  // the input format of the resource
  std::string
      resource_type;  // display: the type as the input format shows it (model::display_type)
  std::string resource_name;
  std::string container;  // container name when the finding is about one
  std::string cdk_path;
  core::Loc loc;
  std::string file;  // display path
  // The field judged (model/field_path.h): `field_id` is the canonical, format-neutral id
  // ("ContainerDefinitions[app].ReadonlyRootFilesystem") the fingerprint uses; `property` shows it
  // in the input's spelling ("containerDefinitions[app].readonlyRootFilesystem" for task
  // definition JSON).
  std::string field_id;
  std::string property;
  std::string message;
  std::string fingerprint;  // stable identity: see FingerprintInputs
  // Set by the policy step only; shared and null for most findings (a scan holds millions).
  std::shared_ptr<const Suppression> suppression;

  // Skipped, accepted or baselined, and not expired: reported, never failing.
  [[nodiscard]] bool suppressed() const noexcept { return suppression && !suppression->expired; }

  [[nodiscard]] std::string_view id() const noexcept;
};

// An input problem or internal error: reported beside the findings, never instead of them.
struct Diagnostic {
  core::Errc code = core::Errc::kInternal;
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string message;
  [[nodiscard]] bool loses_input() const noexcept { return code != core::Errc::kSkipped; }
};

// Everything a finding's fingerprint is computed from, and nothing else: never the working
// directory, the way the path was typed, line numbers, the message wording or its language. The
// fingerprint is what suppressions, acceptances and baselines key on (docs/json-format.md).
struct FingerprintInputs {
  std::string_view check;             // "CTR-001"
  std::string_view file_identity;     // core::identity_path: relative to the git work tree root
  std::string_view resource_kind;     // model::cloudformation_type of the kind (format-neutral)
  std::string_view resource_address;  // logical id / family / Terraform address
  std::string_view container;         // container name, or empty
  std::string_view field_id;          // Finding::field_id (CloudFormation spelling, any format)
};

// 16 lower-case hex digits (FNV-1a 64 over the inputs, separated).
std::string fingerprint(const FingerprintInputs& in);

// Total order used by every reporter: file, line, column, check id, resource, container, property.
bool finding_less(const Finding& a, const Finding& b) noexcept;

}  // namespace ecsguard::engine
