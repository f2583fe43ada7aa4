#include "ecsguard/parse/terraform/resources.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ecsguard/parse/cfn/documents.h"
#include "ecsguard/parse/taskdef/fields.h"
#include "ecsguard/parse/taskdef/task_definition_builder.h"

namespace ecsguard::parse::terraform {

namespace {

using fields::Field;
using fields::field;
using fields::to_flex_bool;
using fields::to_int;
using fields::to_str;
using fields::to_str_list;

// The blocks `type` of a body node (a list of maps) as fields, each located at its block.
std::vector<Field> blocks(const Field& parent, std::string_view type, model::Presence& state) {
  std::vector<Field> out;
  std::string reason;
  fields::list_elements(field(parent, type), out, state, reason);
  return out;
}

// The first block `type` (a block Terraform allows once), absent when not written.
Field block(const Field& parent, std::string_view type) {
  Field f = field(parent, type);
  if (f.unknown || f.node == nullptr) return f;
  if (f.node->is_unknown()) {
    Field u;
    u.unknown = true;
    u.loc = f.loc;
    u.reason = f.node->text;
    u.refs = f.node->refs;
    return u;
  }
  if (!f.node->is_seq() || f.node->items.empty()) return Field{};
  Field first = fields::element(f.node->items.front());
  first.loc = f.node->items.front().loc;
  return first;
}

std::vector<model::CapacityProviderItem> strategy(const Field& p, std::string_view type,
                                                  model::Presence& state) {
  std::vector<model::CapacityProviderItem> out;
  for (const Field& e : blocks(p, type, state)) {
    model::CapacityProviderItem item;
    item.provider = to_str(field(e, "capacity_provider"));
    item.loc = e.loc;
    out.push_back(std::move(item));
  }
  if (state == model::Presence::kUnknown) {
    model::CapacityProviderItem item;
    item.provider = to_str(field(p, type));
    item.loc = item.provider.loc;
    out.push_back(std::move(item));
  }
  return out;
}

model::NetworkConfiguration network(const Field& p) {
  model::NetworkConfiguration n;
  const Field nc = block(p, "network_configuration");
  n.state = fields::presence(nc);
  n.loc = nc.loc;
  n.assign_public_ip = fields::to_toggle(field(nc, "assign_public_ip"), "true", "false");
  n.subnets = to_str_list(field(nc, "subnets"));
  n.security_groups = to_str_list(field(nc, "security_groups"));
  return n;
}

model::Service service(const Field& p) {
  model::Service s;
  s.service_name = to_str(field(p, "name"));
  s.cluster = to_str(field(p, "cluster"));
  s.task_definition = to_str(field(p, "task_definition"));
  s.launch_type = to_str(field(p, "launch_type"));
  s.capacity_provider_strategy =
      strategy(p, "capacity_provider_strategy", s.capacity_provider_strategy_state);
  s.platform_version = to_str(field(p, "platform_version"));
  s.enable_execute_command = to_flex_bool(field(p, "enable_execute_command"));
  s.network = network(p);
  model::Presence state = model::Presence::kAbsent;
  for (const Field& e : blocks(p, "load_balancer", state)) {
    model::LoadBalancerRef lb;
    lb.container_name = to_str(field(e, "container_name"));
    lb.container_port = to_int(field(e, "container_port"));
    lb.target_group = to_str(field(e, "target_group_arn"));
    lb.loc = e.loc;
    s.load_balancers.push_back(std::move(lb));
  }
  return s;
}

model::TaskSet task_set(const Field& p) {
  model::TaskSet t;
  t.service = to_str(field(p, "service"));
  t.cluster = to_str(field(p, "cluster"));
  t.task_definition = to_str(field(p, "task_definition"));
  t.launch_type = to_str(field(p, "launch_type"));
  model::Presence state = model::Presence::kAbsent;
  t.capacity_provider_strategy = strategy(p, "capacity_provider_strategy", state);
  t.platform_version = to_str(field(p, "platform_version"));
  t.network = network(p);
  return t;
}

model::Cluster cluster(const Field& p) {
  model::Cluster c;
  c.cluster_name = to_str(field(p, "name"));
  model::Presence state = model::Presence::kAbsent;
  const Field settings = field(p, "setting");
  c.settings_loc = settings.loc;
  model::Str insights;
  for (const Field& e : blocks(p, "setting", state)) {
    const model::Str name = to_str(field(e, "name"));
    if (name.known() && name.value == "containerInsights") {
      insights = to_str(field(e, "value"));
    } else if (!name.known() && insights.absent()) {
      insights = model::Str::unknown_because(
          name.unknown() ? name.reason : "cluster setting without a name", e.loc);
    }
  }
  if (state == model::Presence::kUnknown) insights = to_str(settings);
  c.container_insights =
      model::to_toggle(std::move(insights), {"enabled", "enhanced"}, {"disabled"}, true);
  const Field configuration = block(p, "configuration");
  c.fargate_ephemeral_storage_kms_key =
      to_str(field(block(configuration, "managed_storage_configuration"),
                   "fargate_ephemeral_storage_kms_key_id"));
  c.exec_logging = to_str(field(block(configuration, "execute_command_configuration"), "logging"));
  return c;
}

model::ClusterCapacityProviderAssociation capacity_providers(const Field& p) {
  model::ClusterCapacityProviderAssociation a;
  a.cluster = to_str(field(p, "cluster_name"));
  model::Presence state = model::Presence::kAbsent;
  a.default_capacity_provider_strategy = strategy(p, "default_capacity_provider_strategy", state);
  return a;
}

// Resources of the module that attach something to `address` (aws_ecr_lifecycle_policy and
// aws_ecr_repository_policy name their repository): the first instance that references it, or
// names it by its known repository name.
const hcl::Block* attachment(BuildContext& b, std::string_view type, const std::string& address,
                             const model::Str& name, core::FileId& file) {
  for (const auto& f : b.module.files) {
    for (const auto& blk : f->ast.body.blocks) {
      if (blk.type != "resource" || blk.labels.size() != 2 || blk.labels[0] != type) continue;
      const hcl::Attribute* repo = find_attribute(blk.body, "repository");
      if (repo == nullptr) continue;
      std::vector<std::string> refs;
      RefIndex::collect(repo->value, refs);
      bool match = std::find(refs.begin(), refs.end(), address) != refs.end();
      if (!match && name.known()) {
        const eval::Value v = b.ev.eval(repo->value);
        match = v.kind == eval::ValueKind::kString && v.text == name.value;
      }
      if (match) {
        file = f->ast.file;
        return &blk;
      }
    }
  }
  return nullptr;
}

// The policy document of an attachment resource (its `policy` argument) as a field.
Node attached_policy(BuildContext& b, std::string_view type, const std::string& address,
                     const model::Str& name) {
  core::FileId file = 0;
  const hcl::Block* blk = attachment(b, type, address, name, file);
  if (blk == nullptr) return Node{};
  const ResourceInstance r{blk, file, {}, {}};
  return json_attribute(b, r, "policy");
}

std::string base_address(const std::string& address) {
  const auto bracket = address.find('[');
  return bracket == std::string::npos ? address : address.substr(0, bracket);
}

model::Repository repository(BuildContext& b, const ResourceInstance& r, const Field& p) {
  model::Repository repo;
  repo.repository_name = to_str(field(p, "name"));
  repo.scan_on_push = to_flex_bool(field(block(p, "image_scanning_configuration"), "scan_on_push"));
  repo.image_tag_mutability = to_str(field(p, "image_tag_mutability"));
  model::Presence state = model::Presence::kAbsent;
  for (const Field& e : blocks(p, "image_tag_mutability_exclusion_filter", state)) {
    model::TagMutabilityExclusion x;
    x.filter = to_str(field(e, "filter"));
    x.filter_type = to_str(field(e, "filter_type"));
    x.loc = e.loc;
    repo.mutability_exclusions.push_back(std::move(x));
  }
  const Field enc = block(p, "encryption_configuration");
  repo.encryption_type = to_str(field(enc, "encryption_type"));
  repo.kms_key = to_str(field(enc, "kms_key"));
  const std::string address = base_address(r.address);
  const Node lifecycle =
      attached_policy(b, "aws_ecr_lifecycle_policy", address, repo.repository_name);
  if (!lifecycle.is_null()) {
    // The shared reader takes CloudFormation's LifecyclePolicy { LifecyclePolicyText }.
    Node wrapper;
    wrapper.kind = NodeKind::kMap;
    wrapper.loc = lifecycle.loc;
    wrapper.members.push_back(
        Member{Node::make_string("LifecyclePolicyText", lifecycle.loc), lifecycle});
    repo.lifecycle_policy = cfn::build_lifecycle_policy(fields::element(wrapper), b.in.limits);
  }
  const Node policy =
      attached_policy(b, "aws_ecr_repository_policy", address, repo.repository_name);
  if (!policy.is_null()) {
    repo.repository_policy = cfn::build_policy_document(fields::element(policy), b.in.limits);
  }
  return repo;
}

model::RegistryScanningConfiguration registry_scanning(const Field& p) {
  model::RegistryScanningConfiguration c;
  c.scan_type = to_str(field(p, "scan_type"));
  model::Presence state = model::Presence::kAbsent;
  for (const Field& e : blocks(p, "rule", state)) {
    model::RegistryScanningRule rule;
    rule.loc = e.loc;
    rule.scan_frequency = to_str(field(e, "scan_frequency"));
    model::Presence filter_state = model::Presence::kAbsent;
    for (const Field& f : blocks(e, "repository_filter", filter_state)) {
      rule.filters.push_back({to_str(field(f, "filter")), to_str(field(f, "filter_type"))});
    }
    c.rules.push_back(std::move(rule));
  }
  return c;
}

// Target groups of `action` blocks: target_group_arn and forward { target_group { arn } }.
std::vector<model::Str> forward_target_groups(const Field& p, std::string_view type) {
  std::vector<model::Str> out;
  model::Presence state = model::Presence::kAbsent;
  const std::vector<Field> actions = blocks(p, type, state);
  if (state == model::Presence::kUnknown) out.push_back(to_str(field(p, type)));
  for (const Field& a : actions) {
    model::Str direct = to_str(field(a, "target_group_arn"));
    if (!direct.absent()) out.push_back(std::move(direct));
    model::Presence group_state = model::Presence::kAbsent;
    for (const Field& g : blocks(block(a, "forward"), "target_group", group_state)) {
      model::Str arn = to_str(field(g, "arn"));
      if (!arn.absent()) out.push_back(std::move(arn));
    }
  }
  return out;
}

model::LoadBalancer load_balancer(const Field& p) {
  model::LoadBalancer lb;
  // Terraform: internal = true -> "internal"; false or not written -> internet-facing (absent).
  const model::Bool internal = fields::to_bool(field(p, "internal"));
  if (internal.unknown()) {
    lb.scheme = model::Str::unknown_because(internal.reason, internal.loc);
    lb.scheme.refs = internal.refs;
  } else if (internal.known()) {
    lb.scheme = model::Str::of(internal.value ? "internal" : "internet-facing", internal.loc);
  }
  lb.type = to_str(field(p, "load_balancer_type"));
  return lb;
}

enum class Kind : unsigned char {
  kTaskDefinition,
  kService,
  kTaskSet,
  kCluster,
  kCapacityProviders,
  kRepository,
  kRegistryScanning,
  kLogGroup,
  kSecret,
  kRotation,
  kSsmParameter,
  kEfsFileSystem,
  kEfsAccessPoint,
  kLoadBalancer,
  kListener,
  kListenerRule,
};

struct TypeEntry {
  std::string_view terraform;
  std::string_view display;
  Kind kind;
};

constexpr TypeEntry kTypes[] = {
    {"aws_ecs_task_definition", "AWS::ECS::TaskDefinition", Kind::kTaskDefinition},
    {"aws_ecs_service", "AWS::ECS::Service", Kind::kService},
    {"aws_ecs_task_set", "AWS::ECS::TaskSet", Kind::kTaskSet},
    {"aws_ecs_cluster", "AWS::ECS::Cluster", Kind::kCluster},
    {"aws_ecs_cluster_capacity_providers", "AWS::ECS::ClusterCapacityProviderAssociations",
     Kind::kCapacityProviders},
    {"aws_ecr_repository", "AWS::ECR::Repository", Kind::kRepository},
    {"aws_ecr_registry_scanning_configuration", "AWS::ECR::RegistryScanningConfiguration",
     Kind::kRegistryScanning},
    {"aws_cloudwatch_log_group", "AWS::Logs::LogGroup", Kind::kLogGroup},
    {"aws_secretsmanager_secret", "AWS::SecretsManager::Secret", Kind::kSecret},
    {"aws_secretsmanager_secret_rotation", "AWS::SecretsManager::RotationSchedule",
     Kind::kRotation},
    {"aws_ssm_parameter", "AWS::SSM::Parameter", Kind::kSsmParameter},
    {"aws_efs_file_system", "AWS::EFS::FileSystem", Kind::kEfsFileSystem},
    {"aws_efs_access_point", "AWS::EFS::AccessPoint", Kind::kEfsAccessPoint},
    {"aws_lb", "AWS::ElasticLoadBalancingV2::LoadBalancer", Kind::kLoadBalancer},
    {"aws_alb", "AWS::ElasticLoadBalancingV2::LoadBalancer", Kind::kLoadBalancer},
    {"aws_lb_listener", "AWS::ElasticLoadBalancingV2::Listener", Kind::kListener},
    {"aws_alb_listener", "AWS::ElasticLoadBalancingV2::Listener", Kind::kListener},
    {"aws_lb_listener_rule", "AWS::ElasticLoadBalancingV2::ListenerRule", Kind::kListenerRule},
    {"aws_alb_listener_rule", "AWS::ElasticLoadBalancingV2::ListenerRule", Kind::kListenerRule},
};

const TypeEntry* entry_of(std::string_view type) noexcept {
  for (const auto& e : kTypes) {
    if (e.terraform == type) return &e;
  }
  return nullptr;
}

template <class T>
void add(BuildContext& b, T resource, model::ResourceId&& id) {
  resource.id = std::move(id);
  b.out.stack.add(std::move(resource));
}

void build_instance(BuildContext& b, const TypeEntry& type, const ResourceInstance& r) {
  const Node body = instance_node(b, r);
  const Field p = fields::element(body);
  model::ResourceId id;
  id.type = std::string(type.display);
  id.name = r.address;
  id.scope = b.scope;
  id.origin = model::Origin::kTerraform;
  id.loc = r.block->loc;
  switch (type.kind) {
    case Kind::kTaskDefinition: {
      model::TaskDefinition td;
      const Node shape = task_definition_shape(body, json_attribute(b, r, "container_definitions"));
      taskdef::fill_task_definition(shape, td);
      add(b, std::move(td), std::move(id));
      break;
    }
    case Kind::kService:
      add(b, service(p), std::move(id));
      break;
    case Kind::kTaskSet:
      add(b, task_set(p), std::move(id));
      break;
    case Kind::kCluster:
      add(b, cluster(p), std::move(id));
      break;
    case Kind::kCapacityProviders:
      add(b, capacity_providers(p), std::move(id));
      break;
    case Kind::kRepository:
      add(b, repository(b, r, p), std::move(id));
      break;
    case Kind::kRegistryScanning:
      add(b, registry_scanning(p), std::move(id));
      break;
    case Kind::kLogGroup: {
      model::LogGroup g;
      g.log_group_name = to_str(field(p, "name"));
      g.retention_in_days = to_int(field(p, "retention_in_days"));
      g.kms_key_id = to_str(field(p, "kms_key_id"));
      add(b, std::move(g), std::move(id));
      break;
    }
    case Kind::kSecret: {
      model::Secret s;
      s.name = to_str(field(p, "name"));
      s.kms_key_id = to_str(field(p, "kms_key_id"));
      add(b, std::move(s), std::move(id));
      break;
    }
    case Kind::kRotation: {
      model::RotationSchedule rs;
      rs.secret_id = to_str(field(p, "secret_id"));
      const Field rules = block(p, "rotation_rules");
      rs.rules_state = fields::presence(rules);
      rs.automatically_after_days = to_int(field(rules, "automatically_after_days"));
      rs.schedule_expression = to_str(field(rules, "schedule_expression"));
      add(b, std::move(rs), std::move(id));
      break;
    }
    case Kind::kSsmParameter: {
      model::SsmParameter s;
      s.name = to_str(field(p, "name"));
      s.type = to_str(field(p, "type"));
      add(b, std::move(s), std::move(id));
      break;
    }
    case Kind::kEfsFileSystem: {
      model::EfsFileSystem f;
      f.encrypted = to_flex_bool(field(p, "encrypted"));
      f.kms_key_id = to_str(field(p, "kms_key_id"));
      add(b, std::move(f), std::move(id));
      break;
    }
    case Kind::kEfsAccessPoint: {
      model::EfsAccessPoint a;
      a.file_system_id = to_str(field(p, "file_system_id"));
      a.root_directory_state = fields::presence(block(p, "root_directory"));
      a.posix_user_state = fields::presence(block(p, "posix_user"));
      add(b, std::move(a), std::move(id));
      break;
    }
    case Kind::kLoadBalancer:
      add(b, load_balancer(p), std::move(id));
      break;
    case Kind::kListener: {
      model::Listener l;
      l.load_balancer = to_str(field(p, "load_balancer_arn"));
      l.target_groups = forward_target_groups(p, "default_action");
      add(b, std::move(l), std::move(id));
      break;
    }
    case Kind::kListenerRule: {
      model::Listener l;
      l.listener = to_str(field(p, "listener_arn"));
      l.target_groups = forward_target_groups(p, "action");
      add(b, std::move(l), std::move(id));
      break;
    }
  }
}

}  // namespace

std::string_view display_type(std::string_view terraform_type) noexcept {
  const TypeEntry* e = entry_of(terraform_type);
  return e == nullptr ? std::string_view() : e->display;
}

void build_resource(BuildContext& b, const hcl::Block& block, core::FileId file) {
  const TypeEntry* type = entry_of(block.labels[0]);
  if (type == nullptr) return;
  for (const ResourceInstance& r : instances(b, block, file)) build_instance(b, *type, r);
}

}  // namespace ecsguard::parse::terraform
