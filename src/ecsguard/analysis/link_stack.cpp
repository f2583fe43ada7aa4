// The stack layer's edges: roles and policies, security groups and rules, subnets and routing,
// topics and subscriptions (see link.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "ecsguard/analysis/link.h"
#include "ecsguard/model/partial_str.h"

namespace ecsguard::analysis {

namespace {

bool refs_name(const model::Str& v, std::string_view logical_id) {
  return std::find(v.refs.begin(), v.refs.end(), logical_id) != v.refs.end();
}

// The last path segment of a known or partially known IAM ARN of `kind` ("role", "policy"), or
// the text itself when it is a bare name; nullopt when the name part is not known.
std::optional<std::string> iam_name(const model::Str& v, std::string_view kind) {
  if (v.absent()) return std::nullopt;
  const std::string& text = v.value;
  if (!v.known() && (!model::partial::has_known_text(text) || model::partial::ends_unknown(text))) {
    return std::nullopt;
  }
  const std::string marker = ":" + std::string(kind) + "/";
  const auto at = text.find(marker);
  if (at == std::string::npos) {
    if (!v.known() || text.find(':') != std::string::npos) return std::nullopt;
    return text;  // a bare name (Service.Role, Policy.Roles)
  }
  const std::string tail = text.substr(at + marker.size());
  if (model::partial::has_unknown(tail)) return std::nullopt;
  const auto slash = tail.rfind('/');
  return slash == std::string::npos ? tail : tail.substr(slash + 1);
}

bool names_role(const model::Str& ref, const model::Role& role) {
  if (refs_name(ref, role.id.name)) return true;
  if (!role.role_name.known()) return false;
  const auto name = iam_name(ref, "role");
  return name && *name == role.role_name.value;
}

}  // namespace

void Links::link_stack() {
  for (const auto& p : stack_.policies) {
    if (!p.roles.known()) continue;
    for (const auto& entry : p.roles.value) {
      if (const auto* role = role_named(p.id.scope, entry)) {
        auto& list = role_policies_[role];
        if (std::find(list.begin(), list.end(), &p) == list.end()) list.push_back(&p);
      }
    }
  }
  for (const auto& role : stack_.roles) {
    if (!role.managed_policy_arns.known()) continue;
    for (const auto& arn : role.managed_policy_arns.value) {
      if (const auto* p = managed_policy_named(role.id.scope, arn)) {
        auto& list = role_policies_[&role];
        if (std::find(list.begin(), list.end(), p) == list.end()) list.push_back(p);
      }
    }
  }
  for (const auto& rule : stack_.security_group_rules) {
    if (const auto* sg = security_group_named(rule.id.scope, rule.group_id)) {
      sg_rules_[sg].push_back(&rule);
    }
  }
  for (const auto& route : stack_.routes) {
    if (const auto* t = referenced<model::RouteTable>(route.id.scope, route.route_table)) {
      routes_[t].push_back(&route);
    }
  }
  for (const auto& sub : stack_.sns_subscriptions) {
    if (!sub.topics.known()) continue;
    for (const auto& topic_ref : sub.topics.value) {
      if (const auto* topic = topic_named(sub.id.scope, topic_ref)) {
        subscriptions_[topic].push_back(&sub);
      }
    }
  }
}

const model::Role* Links::role_named(model::ScopeId scope, const model::Str& ref) const {
  if (const auto* r = referenced<model::Role>(scope, ref)) return r;
  if (ref.absent()) return nullptr;
  const model::Role* any_scope = nullptr;
  for (const auto& role : stack_.roles) {
    if (!names_role(ref, role)) continue;
    if (role.id.scope == scope) return &role;
    if (!any_scope) any_scope = &role;
  }
  return any_scope;
}

const model::Role* Links::task_role_of(const model::TaskDefinition& td) const {
  return role_named(td.id.scope, td.task_role_arn);
}

const model::Role* Links::execution_role_of(const model::TaskDefinition& td) const {
  return role_named(td.id.scope, td.execution_role_arn);
}

std::span<const model::Policy* const> Links::policies_of(const model::Role& role) const {
  const auto it = role_policies_.find(&role);
  if (it == role_policies_.end()) return {};
  return it->second;
}

const model::Policy* Links::managed_policy_named(model::ScopeId scope,
                                                 const model::Str& arn) const {
  if (const auto* p = referenced<model::Policy>(scope, arn)) return p;
  const auto name = iam_name(arn, "policy");
  if (!name || (arn.known() && arn.value.starts_with("arn:aws:iam::aws:"))) return nullptr;
  for (const auto& p : stack_.policies) {
    if (p.managed && p.name.known() && p.name.value == *name) return &p;
  }
  return nullptr;
}

const model::SecurityGroup* Links::security_group_named(model::ScopeId scope,
                                                        const model::Str& ref) const {
  return referenced<model::SecurityGroup>(scope, ref);
}

std::span<const model::SecurityGroupRule* const> Links::rules_of(
    const model::SecurityGroup& sg) const {
  const auto it = sg_rules_.find(&sg);
  if (it == sg_rules_.end()) return {};
  return it->second;
}

const model::Subnet* Links::subnet_named(model::ScopeId scope, const model::Str& ref) const {
  return referenced<model::Subnet>(scope, ref);
}

std::vector<const model::RouteTable*> Links::route_tables_of(const model::Subnet& subnet) const {
  std::vector<const model::RouteTable*> out;
  for (const auto& a : stack_.subnet_route_table_associations) {
    if (a.id.scope != subnet.id.scope || !refs_name(a.subnet, subnet.id.name)) continue;
    if (const auto* t = referenced<model::RouteTable>(a.id.scope, a.route_table)) {
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
  }
  return out;
}

std::span<const model::Route* const> Links::routes_of(const model::RouteTable& t) const {
  const auto it = routes_.find(&t);
  if (it == routes_.end()) return {};
  return it->second;
}

const model::InternetGateway* Links::internet_gateway_of(const model::Route& r) const {
  return referenced<model::InternetGateway>(r.id.scope, r.gateway);
}

const model::SnsTopic* Links::topic_named(model::ScopeId scope, const model::Str& ref) const {
  if (const auto* t = referenced<model::SnsTopic>(scope, ref)) return t;
  if (!ref.known()) return nullptr;
  // arn:aws:sns:<region>:<account>:<name>
  const auto colon = ref.value.rfind(':');
  const std::string name = colon == std::string::npos ? ref.value : ref.value.substr(colon + 1);
  for (const auto& t : stack_.sns_topics) {
    if (t.topic_name.known() && t.topic_name.value == name) return &t;
  }
  return nullptr;
}

std::span<const model::SnsSubscription* const> Links::subscriptions_of(
    const model::SnsTopic& topic) const {
  const auto it = subscriptions_.find(&topic);
  if (it == subscriptions_.end()) return {};
  return it->second;
}

}  // namespace ecsguard::analysis
