#pragma once
// ECR repositories and the registry-level scanning configuration.
#include <string>
#include <vector>

#include "ecsguard/model/iam.h"
#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

struct LifecycleRule {
  Int priority;
  Str tag_status;  // tagged | untagged | any
  Str count_type;  // imageCountMoreThan | sinceImagePushed
  Int count_number;
  Str action_type;  // expire
  StrList tag_prefix_list;
  StrList tag_pattern_list;
};

struct LifecyclePolicy {
  Presence state = Presence::kAbsent;  // unknown: text not resolvable or not valid JSON
  std::string reason;
  std::vector<LifecycleRule> rules;
  core::Loc loc;
};

struct TagMutabilityExclusion {
  Str filter;
  Str filter_type;  // WILDCARD
  core::Loc loc;
};

struct Repository {
  static constexpr ResourceKind kKind = ResourceKind::kRepository;
  ResourceId id;
  Str repository_name;
  FlexBool scan_on_push;     // ImageScanningConfiguration.ScanOnPush, default false
  Str image_tag_mutability;  // default MUTABLE
  std::vector<TagMutabilityExclusion> mutability_exclusions;
  LifecyclePolicy lifecycle_policy;
  PolicyDocument repository_policy;
  Str encryption_type;  // AES256 (default) | KMS | KMS_DSSE
  Str kms_key;
};

struct RegistryScanningRule {
  Str scan_frequency;  // SCAN_ON_PUSH | CONTINUOUS_SCAN | MANUAL
  struct Filter {
    Str filter;
    Str filter_type;  // WILDCARD
  };
  std::vector<Filter> filters;
  core::Loc loc;
};

// AWS::ECR::RegistryScanningConfiguration (one per registry).
struct RegistryScanningConfiguration {
  static constexpr ResourceKind kKind = ResourceKind::kRegistryScanningConfiguration;
  ResourceId id;
  Str scan_type;  // BASIC | ENHANCED
  std::vector<RegistryScanningRule> rules;
};

}  // namespace ecsguard::model
