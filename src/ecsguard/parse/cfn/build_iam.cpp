// AWS::IAM::Role / Policy / ManagedPolicy / User / AccessKey -> model/iam.h.
#include <utility>

#include "ecsguard/parse/cfn/build_stack.h"
#include "ecsguard/parse/cfn/documents.h"

namespace ecsguard::parse::cfn {

namespace {

using fields::Field;
using fields::field;
using fields::to_str;
using fields::to_str_list;

// Policies[] of a role or user: {PolicyName, PolicyDocument}. An unknown list becomes one inline
// policy whose document is unknown, so the evaluation answers "could not be determined".
std::vector<model::InlinePolicy> inline_policies(const Field& list, const core::Limits& limits,
                                                 model::Presence& state) {
  return fields::entries<model::InlinePolicy>(
      list, state,
      [&limits](const Field& e) {
        model::InlinePolicy p;
        p.name = to_str(field(e, "PolicyName"));
        p.document = build_policy_document(field(e, "PolicyDocument"), limits);
        if (p.document.state == model::Presence::kAbsent && e.unknown) {
          p.document.state = model::Presence::kUnknown;
          p.document.reason = e.reason;
        }
        p.loc = e.loc;
        return p;
      },
      [](model::InlinePolicy& p, model::Str text) {
        p.document.state = model::Presence::kUnknown;
        p.document.reason = text.reason;
        p.document.loc = text.loc;
        p.name = std::move(text);
      });
}

void fill_policy(model::Policy& p, const Field& props, const core::Limits& limits) {
  p.document = build_policy_document(field(props, "PolicyDocument"), limits);
  p.roles = to_str_list(field(props, "Roles"));
  p.users = to_str_list(field(props, "Users"));
  p.groups = to_str_list(field(props, "Groups"));
}

}  // namespace

void build_role(StackBuildInput in) {
  model::Role r;
  r.id = std::move(in.id);
  r.role_name = to_str(field(in.props, "RoleName"));
  r.trust = build_policy_document(field(in.props, "AssumeRolePolicyDocument"), in.limits);
  const Field policies = field(in.props, "Policies");
  r.policies_loc = policies.loc;
  r.policies = inline_policies(policies, in.limits, r.policies_state);
  r.managed_policy_arns = to_str_list(field(in.props, "ManagedPolicyArns"));
  r.permissions_boundary = to_str(field(in.props, "PermissionsBoundary"));
  in.stack.add(std::move(r));
}

void build_policy(StackBuildInput in) {
  model::Policy p;
  p.id = std::move(in.id);
  p.name = to_str(field(in.props, "PolicyName"));
  fill_policy(p, in.props, in.limits);
  in.stack.add(std::move(p));
}

void build_managed_policy(StackBuildInput in) {
  model::Policy p;
  p.id = std::move(in.id);
  p.managed = true;
  p.name = to_str(field(in.props, "ManagedPolicyName"));
  fill_policy(p, in.props, in.limits);
  in.stack.add(std::move(p));
}

void build_user(StackBuildInput in) {
  model::User u;
  u.id = std::move(in.id);
  u.user_name = to_str(field(in.props, "UserName"));
  model::Presence state = model::Presence::kAbsent;
  u.policies = inline_policies(field(in.props, "Policies"), in.limits, state);
  u.managed_policy_arns = to_str_list(field(in.props, "ManagedPolicyArns"));
  in.stack.add(std::move(u));
}

void build_access_key(StackBuildInput in) {
  model::AccessKey k;
  k.id = std::move(in.id);
  k.user_name = to_str(field(in.props, "UserName"));
  k.status = to_str(field(in.props, "Status"));
  in.stack.add(std::move(k));
}

}  // namespace ecsguard::parse::cfn
