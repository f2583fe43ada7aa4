#pragma once
// IAM as data: policy documents (repository, trust, identity and endpoint policies), roles and the
// customer policies attached to them. The IAM layer (analysis/iam/) evaluates them.
#include <string>
#include <vector>

#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

struct Principal {
  std::string type;  // "AWS", "Service", "Federated", "CanonicalUser", or "*" for Principal: "*"
  Str value;         // one principal value ("*", an ARN, an account id, a service name)
};

struct ConditionEntry {
  std::string op;   // "StringEquals", ...
  std::string key;  // "aws:PrincipalOrgID", ... (as written)
  StrList values;
};

struct Statement {
  Str sid;
  Str effect;  // "Allow" | "Deny"
  std::vector<Principal> principals;
  std::vector<Principal> not_principals;
  bool has_principal = false;  // Principal/NotPrincipal written (resource policies)
  StrList actions;
  StrList not_actions;
  StrList resources;
  StrList not_resources;
  std::vector<ConditionEntry> conditions;
  core::Loc loc;
};

struct PolicyDocument {
  Presence state = Presence::kAbsent;  // unknown: written but not statically resolvable
  std::string reason;
  std::vector<Statement> statements;
  core::Loc loc;
};

// AWS::IAM::Role Policies[]: an inline policy.
struct InlinePolicy {
  Str name;
  PolicyDocument document;
  core::Loc loc;
};

// AWS::IAM::Role
struct Role {
  static constexpr ResourceKind kKind = ResourceKind::kRole;
  ResourceId id;
  Str role_name;
  PolicyDocument trust;  // AssumeRolePolicyDocument
  std::vector<InlinePolicy> policies;
  Presence policies_state = Presence::kAbsent;  // unknown: the list itself is not knowable
  core::Loc policies_loc;
  StrList managed_policy_arns;  // AWS managed ARNs, or refs -> AWS::IAM::ManagedPolicy
  Str permissions_boundary;
};

// AWS::IAM::Policy (inline policy attached to roles / users / groups) and AWS::IAM::ManagedPolicy
// (customer managed: attached through its own Roles/Users/Groups or a role's ManagedPolicyArns).
struct Policy {
  static constexpr ResourceKind kKind = ResourceKind::kPolicy;
  ResourceId id;
  bool managed = false;  // AWS::IAM::ManagedPolicy
  Str name;              // PolicyName / ManagedPolicyName
  PolicyDocument document;
  StrList roles;  // role names (refs -> AWS::IAM::Role)
  StrList users;
  StrList groups;
};

// AWS::IAM::User (IAM-007 / IAM-008: keys and directly attached policies).
struct User {
  static constexpr ResourceKind kKind = ResourceKind::kUser;
  ResourceId id;
  Str user_name;
  std::vector<InlinePolicy> policies;
  StrList managed_policy_arns;
};

// AWS::IAM::AccessKey
struct AccessKey {
  static constexpr ResourceKind kKind = ResourceKind::kAccessKey;
  ResourceId id;
  Str user_name;  // refs -> AWS::IAM::User
  Str status;     // Active (default) | Inactive
};

}  // namespace ecsguard::model
