#pragma once
// IAM policy documents as data (repository policies today; roles and policies with the IAM layer).
#include <string>
#include <vector>

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

}  // namespace ecsguard::model
