#pragma once
// Account-level detection and alert routing: CloudTrail trails, GuardDuty detectors (with the
// ECS Runtime Monitoring feature), Security Hub and its standards, EventBridge rules and the SNS
// topics / subscriptions they deliver to. The checks judge these over every scanned stack (an
// account baseline stack usually holds them).
#include <string>
#include <vector>

#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

// AWS::CloudTrail::Trail
struct Trail {
  static constexpr ResourceKind kKind = ResourceKind::kTrail;
  ResourceId id;
  FlexBool is_logging;                     // required in CloudFormation
  FlexBool is_multi_region;                // default false
  FlexBool include_global_service_events;  // default true
  FlexBool log_file_validation;            // default false
  Str kms_key_id;
  Str cloudwatch_logs_group_arn;
  Presence event_selectors_state = Presence::kAbsent;  // absent: management events, All
  core::Loc event_selectors_loc;
  std::string event_selectors_reason;         // when unknown
  bool selectors_exclude_management = false;  // a known selector sets IncludeManagementEvents false
  bool selectors_limit_read_write = false;    // a known selector sets ReadWriteType != All
};

// GuardDuty Detector.Features[] and their AdditionalConfiguration[] entries.
struct DetectorFeature {
  Str name;  // RUNTIME_MONITORING, ECS_FARGATE_AGENT_MANAGEMENT, ...
  Str status;
  std::vector<DetectorFeature> additional;
  core::Loc loc;
};

// AWS::GuardDuty::Detector
struct GuardDutyDetector {
  static constexpr ResourceKind kKind = ResourceKind::kGuardDutyDetector;
  ResourceId id;
  FlexBool enable;  // required
  std::vector<DetectorFeature> features;
  Presence features_state = Presence::kAbsent;
  core::Loc features_loc;
};

// AWS::SecurityHub::Hub
struct SecurityHub {
  static constexpr ResourceKind kKind = ResourceKind::kSecurityHub;
  ResourceId id;
  FlexBool enable_default_standards;  // default true
};

// AWS::SecurityHub::Standard
struct SecurityHubStandard {
  static constexpr ResourceKind kKind = ResourceKind::kSecurityHubStandard;
  ResourceId id;
  Str standards_arn;
};

// AWS::Events::Rule: its event pattern's sources and detail types (as lists of strings; the rest
// of the pattern is kept only as "present"), its state and its targets.
struct EventRule {
  static constexpr ResourceKind kKind = ResourceKind::kEventRule;
  ResourceId id;
  Presence pattern_state = Presence::kAbsent;  // unknown: not statically knowable
  std::string pattern_reason;
  StrList sources;           // EventPattern.source
  StrList detail_types;      // EventPattern.detail-type
  Str state;                 // ENABLED (default) | DISABLED | ENABLED_WITH_ALL_CLOUDTRAIL_...
  std::vector<Str> targets;  // Targets[].Arn (refs -> SNS topic, ...)
  Presence targets_state = Presence::kAbsent;
};

// AWS::SNS::Topic (inline Subscription[] entries count as subscriptions)
struct SnsTopic {
  static constexpr ResourceKind kKind = ResourceKind::kSnsTopic;
  ResourceId id;
  Str topic_name;
  Str kms_key_id;
  std::vector<Str> subscription_protocols;  // inline Subscription[].Protocol
  Presence subscriptions_state = Presence::kAbsent;
};

// AWS::SNS::Subscription, and AWS::Chatbot::SlackChannelConfiguration /
// MicrosoftTeamsChannelConfiguration (protocol "chatbot"), which subscribe to topics too.
struct SnsSubscription {
  static constexpr ResourceKind kKind = ResourceKind::kSnsSubscription;
  ResourceId id;
  StrList topics;  // TopicArn / SnsTopicArns (refs -> topic)
  Str protocol;    // email, https, lambda, sqs, ..., "chatbot"
};

}  // namespace ecsguard::model
