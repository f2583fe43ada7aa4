#pragma once
// Supporting resources the container/registry/logging checks look at: log groups, secrets,
// SSM parameters, EFS.
#include <string>
#include <vector>

#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

struct LogGroup {
  static constexpr ResourceKind kKind = ResourceKind::kLogGroup;
  ResourceId id;
  Str log_group_name;
  Int retention_in_days;  // absent = never expire
  Str kms_key_id;
};

struct Secret {
  static constexpr ResourceKind kKind = ResourceKind::kSecret;
  ResourceId id;
  Str name;
  Str kms_key_id;
};

struct RotationSchedule {
  static constexpr ResourceKind kKind = ResourceKind::kRotationSchedule;
  ResourceId id;
  Str secret_id;  // refs -> secret logical id
  Presence rules_state = Presence::kAbsent;
  // RotationRules.AutomaticallyAfterDays / .ScheduleExpression ("rate(30 days)", "cron(...)"),
  // for CTR-009's rotation interval (SecretsManager.4).
  Int automatically_after_days;
  Str schedule_expression;
};

struct SsmParameter {
  static constexpr ResourceKind kKind = ResourceKind::kSsmParameter;
  ResourceId id;
  Str name;
  Str type;  // String | StringList (CloudFormation cannot create SecureString)
};

struct EfsFileSystem {
  static constexpr ResourceKind kKind = ResourceKind::kEfsFileSystem;
  ResourceId id;
  FlexBool encrypted;  // default false in CloudFormation
  Str kms_key_id;
};

struct EfsAccessPoint {
  static constexpr ResourceKind kKind = ResourceKind::kEfsAccessPoint;
  ResourceId id;
  Str file_system_id;
  Presence root_directory_state = Presence::kAbsent;
  Presence posix_user_state = Presence::kAbsent;
};

}  // namespace ecsguard::model
