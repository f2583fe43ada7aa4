#include "ecsguard/parse/cfn/template_builder.h"

#include "ecsguard/core/file_io.h"
#include "ecsguard/core/path.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <system_error>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/parse/cfn/build_stack.h"
#include "ecsguard/parse/cfn/documents.h"
#include "ecsguard/parse/cfn/language_extensions.h"
#include "ecsguard/parse/ecs_model/validate.h"
#include "ecsguard/parse/taskdef/fields.h"
#include "ecsguard/parse/taskdef/task_definition_builder.h"
#include "ecsguard/parse/yaml_loader.h"

namespace ecsguard::parse::cfn {

namespace {

namespace fs = std::filesystem;

using fields::Field;
using fields::field;
using fields::to_flex_bool;
using fields::to_int;
using fields::to_str;
using fields::to_str_list;

enum class Kind : unsigned char {
  kTaskDefinition,
  kService,
  kTaskSet,
  kCluster,
  kCapacityProviderAssociations,
  kRepository,
  kRegistryScanning,
  kLogGroup,
  kSecret,
  kRotationSchedule,
  kSsmParameter,
  kEfsFileSystem,
  kEfsAccessPoint,
  kLoadBalancer,
  kListener,
  kListenerRule,
  kNestedStack,
  kInstanceLauncher,  // EC2 instances with UserData: which ECS cluster they join
};

struct TypeEntry {
  std::string_view type;
  Kind kind;
};

constexpr TypeEntry kTypes[] = {
    {"AWS::ECS::TaskDefinition", Kind::kTaskDefinition},
    {"AWS::ECS::Service", Kind::kService},
    {"AWS::ECS::TaskSet", Kind::kTaskSet},
    {"AWS::ECS::Cluster", Kind::kCluster},
    {"AWS::ECS::ClusterCapacityProviderAssociations", Kind::kCapacityProviderAssociations},
    {"AWS::ECR::Repository", Kind::kRepository},
    {"AWS::ECR::RegistryScanningConfiguration", Kind::kRegistryScanning},
    {"AWS::Logs::LogGroup", Kind::kLogGroup},
    {"AWS::SecretsManager::Secret", Kind::kSecret},
    {"AWS::SecretsManager::RotationSchedule", Kind::kRotationSchedule},
    {"AWS::SSM::Parameter", Kind::kSsmParameter},
    {"AWS::EFS::FileSystem", Kind::kEfsFileSystem},
    {"AWS::EFS::AccessPoint", Kind::kEfsAccessPoint},
    {"AWS::ElasticLoadBalancingV2::LoadBalancer", Kind::kLoadBalancer},
    {"AWS::ElasticLoadBalancingV2::Listener", Kind::kListener},
    {"AWS::ElasticLoadBalancingV2::ListenerRule", Kind::kListenerRule},
    {"AWS::CloudFormation::Stack", Kind::kNestedStack},
    {"AWS::AutoScaling::LaunchConfiguration", Kind::kInstanceLauncher},
    {"AWS::EC2::LaunchTemplate", Kind::kInstanceLauncher},
    {"AWS::EC2::Instance", Kind::kInstanceLauncher},
};

bool kind_of(std::string_view type, Kind& kind) {
  for (const auto& e : kTypes) {
    if (e.type == type) {
      kind = e.kind;
      return true;
    }
  }
  return false;
}

// One template being built (the top-level one or a nested stack).
struct Template {
  const Node* root = nullptr;
  core::FileId file = 0;
  std::string fs_path;       // filesystem path ("" when unknown)
  std::string display_path;  // as in the file table
  std::string stack_prefix;
  ParameterValues parameters;
  unsigned nesting = 0;            // 0 = top level
  std::vector<std::string> chain;  // canonical paths of the enclosing templates
};

struct Build {
  const BuildInput& in;
  Fragment& out;
  std::uint32_t nested_loaded = 0;
  // Instance launchers of the template being built: (logical id, ids their UserData references).
  std::vector<std::pair<std::string, std::vector<std::string>>> launchers;

  void error(core::Errc code, std::string message, core::Loc where) {
    out.errors.push_back(core::make_error(code, std::move(message), where));
  }
};

std::vector<model::CapacityProviderItem> capacity_providers(const Field& list,
                                                            model::Presence& state) {
  return fields::entries<model::CapacityProviderItem>(
      list, state,
      [](const Field& e) {
        model::CapacityProviderItem item;
        item.provider = to_str(field(e, "CapacityProvider"));
        item.loc = e.loc;
        return item;
      },
      [](model::CapacityProviderItem& item, model::Str text) { item.provider = std::move(text); });
}

model::NetworkConfiguration network_configuration(const Field& nc) {
  model::NetworkConfiguration n;
  n.state = fields::presence(nc);
  n.loc = nc.loc;
  // AwsvpcConfiguration (Service) / AwsVpcConfiguration (TaskSet): the same key ignoring case.
  const Field vpc = field(nc, "AwsvpcConfiguration");
  n.assign_public_ip = fields::to_toggle(field(vpc, "AssignPublicIp"), "ENABLED", "DISABLED");
  n.subnets = to_str_list(field(vpc, "Subnets"));
  n.security_groups = to_str_list(field(vpc, "SecurityGroups"));
  return n;
}

model::Service service(const Field& p) {
  model::Service s;
  s.service_name = to_str(field(p, "ServiceName"));
  s.cluster = to_str(field(p, "Cluster"));
  s.task_definition = to_str(field(p, "TaskDefinition"));
  s.launch_type = to_str(field(p, "LaunchType"));
  s.capacity_provider_strategy =
      capacity_providers(field(p, "CapacityProviderStrategy"), s.capacity_provider_strategy_state);
  s.platform_version = to_str(field(p, "PlatformVersion"));
  s.enable_execute_command = to_flex_bool(field(p, "EnableExecuteCommand"));
  s.network = network_configuration(field(p, "NetworkConfiguration"));
  s.role = to_str(field(p, "Role"));
  std::vector<Field> lbs;
  model::Presence lb_state = model::Presence::kAbsent;
  std::string reason;
  fields::list_elements(field(p, "LoadBalancers"), lbs, lb_state, reason);
  for (const auto& e : lbs) {
    model::LoadBalancerRef lb;
    lb.container_name = to_str(field(e, "ContainerName"));
    lb.container_port = to_int(field(e, "ContainerPort"));
    lb.target_group = to_str(field(e, "TargetGroupArn"));
    lb.loc = e.loc;
    s.load_balancers.push_back(std::move(lb));
  }
  return s;
}

model::TaskSet task_set(const Field& p) {
  model::TaskSet t;
  t.service = to_str(field(p, "Service"));
  t.cluster = to_str(field(p, "Cluster"));
  t.task_definition = to_str(field(p, "TaskDefinition"));
  t.launch_type = to_str(field(p, "LaunchType"));
  model::Presence state = model::Presence::kAbsent;
  t.capacity_provider_strategy = capacity_providers(field(p, "CapacityProviderStrategy"), state);
  t.platform_version = to_str(field(p, "PlatformVersion"));
  t.network = network_configuration(field(p, "NetworkConfiguration"));
  return t;
}

model::Cluster cluster(const Field& p) {
  model::Cluster c;
  c.cluster_name = to_str(field(p, "ClusterName"));
  const Field settings = field(p, "ClusterSettings");
  c.settings_loc = settings.loc;
  std::vector<Field> items;
  model::Presence state = model::Presence::kAbsent;
  std::string reason;
  fields::list_elements(settings, items, state, reason);
  model::Str insights;
  if (state == model::Presence::kUnknown) {
    insights = model::Str::unknown_because(reason, settings.loc);
    insights.refs = settings.refs;
  }
  for (const auto& e : items) {
    const model::Str name = to_str(field(e, "Name"));
    if (name.known() && name.value == "containerInsights") {
      insights = to_str(field(e, "Value"));
    } else if (!name.known() && insights.absent()) {
      // A setting whose name is unknown may be containerInsights.
      insights = model::Str::unknown_because(
          name.unknown() ? name.reason : "cluster setting without a name", e.loc);
    }
  }
  c.container_insights =
      model::to_toggle(std::move(insights), {"enabled", "enhanced"}, {"disabled"}, true);
  model::Presence strategy_state = model::Presence::kAbsent;
  c.default_capacity_provider_strategy =
      capacity_providers(field(p, "DefaultCapacityProviderStrategy"), strategy_state);
  const Field configuration = field(p, "Configuration");
  c.fargate_ephemeral_storage_kms_key = to_str(field(
      field(configuration, "ManagedStorageConfiguration"), "FargateEphemeralStorageKmsKeyId"));
  c.exec_logging = to_str(field(field(configuration, "ExecuteCommandConfiguration"), "Logging"));
  return c;
}

model::ClusterCapacityProviderAssociation capacity_association(const Field& p) {
  model::ClusterCapacityProviderAssociation a;
  a.cluster = to_str(field(p, "Cluster"));
  model::Presence state = model::Presence::kAbsent;
  a.default_capacity_provider_strategy =
      capacity_providers(field(p, "DefaultCapacityProviderStrategy"), state);
  return a;
}

model::Repository repository(const Field& p, const core::Limits& limits) {
  model::Repository r;
  r.repository_name = to_str(field(p, "RepositoryName"));
  r.scan_on_push = to_flex_bool(field(field(p, "ImageScanningConfiguration"), "ScanOnPush"));
  r.image_tag_mutability = to_str(field(p, "ImageTagMutability"));
  model::Presence state = model::Presence::kAbsent;
  r.mutability_exclusions = fields::entries<model::TagMutabilityExclusion>(
      field(p, "ImageTagMutabilityExclusionFilters"), state,
      [](const Field& e) {
        model::TagMutabilityExclusion x;
        x.filter = to_str(field(e, "ImageTagMutabilityExclusionFilterValue"));
        x.filter_type = to_str(field(e, "ImageTagMutabilityExclusionFilterType"));
        x.loc = e.loc;
        return x;
      },
      [](model::TagMutabilityExclusion& x, model::Str text) {
        x.filter_type = text;
        x.filter = std::move(text);
      });
  r.lifecycle_policy = build_lifecycle_policy(field(p, "LifecyclePolicy"), limits);
  r.repository_policy = build_policy_document(field(p, "RepositoryPolicyText"), limits);
  const Field enc = field(p, "EncryptionConfiguration");
  r.encryption_type = to_str(field(enc, "EncryptionType"));
  r.kms_key = to_str(field(enc, "KmsKey"));
  return r;
}

model::RegistryScanningConfiguration registry_scanning(const Field& p) {
  model::RegistryScanningConfiguration c;
  c.scan_type = to_str(field(p, "ScanType"));
  model::Presence state = model::Presence::kAbsent;
  c.rules = fields::entries<model::RegistryScanningRule>(
      field(p, "Rules"), state,
      [](const Field& e) {
        model::RegistryScanningRule rule;
        rule.loc = e.loc;
        rule.scan_frequency = to_str(field(e, "ScanFrequency"));
        model::Presence filters_state = model::Presence::kAbsent;
        rule.filters = fields::entries<model::RegistryScanningRule::Filter>(
            field(e, "RepositoryFilters"), filters_state,
            [](const Field& f) {
              model::RegistryScanningRule::Filter filter;
              filter.filter = to_str(field(f, "Filter"));
              filter.filter_type = to_str(field(f, "FilterType"));
              return filter;
            },
            [](model::RegistryScanningRule::Filter& filter, model::Str text) {
              filter.filter_type = text;
              filter.filter = std::move(text);
            });
        return rule;
      },
      [](model::RegistryScanningRule& rule, model::Str text) {
        rule.scan_frequency = std::move(text);
      });
  return c;
}

// Target groups a listener's DefaultActions / a rule's Actions forward to (TargetGroupArn and
// ForwardConfig.TargetGroups[].TargetGroupArn).
std::vector<model::Str> forward_target_groups(const Field& actions) {
  std::vector<model::Str> out;
  std::vector<Field> items;
  model::Presence state = model::Presence::kAbsent;
  std::string reason;
  fields::list_elements(actions, items, state, reason);
  if (state == model::Presence::kUnknown) out.push_back(to_str(actions));
  for (const auto& a : items) {
    const model::Str direct = to_str(field(a, "TargetGroupArn"));
    if (!direct.absent()) out.push_back(direct);
    std::vector<Field> groups;
    model::Presence gstate = model::Presence::kAbsent;
    const Field tgs = field(field(a, "ForwardConfig"), "TargetGroups");
    fields::list_elements(tgs, groups, gstate, reason);
    if (gstate == model::Presence::kUnknown) out.push_back(to_str(tgs));
    for (const auto& g : groups) {
      model::Str arn = to_str(field(g, "TargetGroupArn"));
      if (!arn.absent()) out.push_back(std::move(arn));
    }
  }
  return out;
}

// ---- nested stacks -------------------------------------------------------------------------

bool is_url(std::string_view s) {
  return s.find("://") != std::string_view::npos || core::starts_with_i(s, "s3:") ||
         core::starts_with_i(s, "http:") || core::starts_with_i(s, "https:");
}

// Removes refs (logical ids of the parent scope mean nothing in the child).
void clear_refs(Node& n, unsigned depth = 0) {
  n.refs.clear();
  if (depth > 1024) return;
  for (auto& item : n.items) clear_refs(item, depth + 1);
  for (auto& m : n.members) clear_refs(m.value, depth + 1);
}

void build_one(Build& b, const Template& t);

bool is_cycle(Build& b, const Template& parent, const std::string& id, const std::string& target,
              core::Loc where) {
  for (const auto& seen : parent.chain) {
    if (seen != target) continue;
    std::string message = "nested stack " + id + ": cycle ";
    for (const auto& c : parent.chain) {
      message += c;
      message += " -> ";
    }
    message += target;
    b.error(core::Errc::kInvalid, std::move(message), where);
    return true;
  }
  return false;
}

void nested_stack(Build& b, const Template& parent, const Member& resource, const Field& props) {
  const std::string& id = resource.key.text;
  const Field url_field = field(props, "TemplateURL");
  const model::Str url = to_str(url_field);
  const core::Loc where = url_field.loc.valid() ? url_field.loc : resource.key.loc;
  if (!url.known()) {
    if (url.unknown()) {
      b.error(core::Errc::kSkipped,
              "nested stack " + id + ": TemplateURL cannot be determined statically (" +
                  url.reason + "); scan its template directly",
              where);
    }
    return;
  }
  if (is_url(url.value)) {
    b.error(core::Errc::kSkipped,
            "nested stack " + id + ": TemplateURL '" + url.value +
                "' is a URL; ecsguard never fetches, scan that template directly",
            where);
    return;
  }
  if (b.in.loader == nullptr || parent.fs_path.empty()) {
    b.error(core::Errc::kSkipped,
            "nested stack " + id + ": local template '" + url.value +
                "' not loaded (the parent template has no filesystem path)",
            where);
    return;
  }
  if (parent.nesting + 1 > b.in.limits.max_nested_stack_depth) {
    b.error(core::Errc::kLimit,
            "nested stack " + id + ": nesting deeper than " +
                std::to_string(b.in.limits.max_nested_stack_depth) + " (max_nested_stack_depth)",
            where);
    return;
  }
  if (b.nested_loaded >= b.in.limits.max_nested_stacks) {
    b.error(core::Errc::kLimit,
            "nested stack " + id + ": more than " + std::to_string(b.in.limits.max_nested_stacks) +
                " nested templates under one template (max_nested_stacks)",
            where);
    return;
  }
  // The chain holds canonical paths; a cycle is refused before the file is read again.
  if (const std::string target = b.in.loader->resolve(parent.fs_path, url.value);
      !target.empty() && is_cycle(b, parent, id, target, where)) {
    return;
  }
  auto loaded = b.in.loader->load(parent.fs_path, parent.display_path, url.value);
  if (!loaded.ok()) {
    b.error(loaded.error().code,
            "nested stack " + id + ": template '" + url.value + "' " + loaded.error().message,
            where);
    return;
  }
  LoadedFile file = std::move(loaded).value();
  ++b.nested_loaded;
  b.out.nested_paths.push_back(file.fs_path);
  auto doc = load_document(file.text, file.file, b.in.limits);
  if (!doc.ok()) {
    b.out.errors.push_back(std::move(doc).error());
    return;
  }
  Template child;
  child.root = &doc.value();
  child.file = file.file;
  child.fs_path = file.fs_path;
  child.display_path = std::move(file.display);
  const std::string parent_name = parent.stack_prefix.empty()
                                      ? fs::path(parent.display_path).stem().string()
                                      : parent.stack_prefix;
  child.stack_prefix = parent_name + "/" + id;
  child.nesting = parent.nesting + 1;
  child.chain = parent.chain;
  child.chain.push_back(child.fs_path);
  const Field params = field(props, "Parameters");
  if (params.node && params.node->is_map()) {
    for (const auto& m : params.node->members) {
      Node v = m.value;
      clear_refs(v);
      child.parameters.emplace_back(m.key.text, std::move(v));
    }
  } else if (fields::presence(params) == model::Presence::kUnknown) {
    b.error(core::Errc::kSkipped,
            "nested stack " + id +
                ": Parameters cannot be determined; the nested template's "
                "defaults are used",
            params.loc);
  }
  if (!child.root->is_map()) {
    b.error(core::Errc::kInvalid, "nested stack template is not a map", child.root->loc);
    return;
  }
  build_one(b, child);
}

// The logical ids a resolved value references, anywhere inside it.
void collect_refs(const Node& n, std::vector<std::string>& out, unsigned depth = 0) {
  out.insert(out.end(), n.refs.begin(), n.refs.end());
  if (depth > 1024) return;
  for (const auto& item : n.items) collect_refs(item, out, depth + 1);
  for (const auto& m : n.members) collect_refs(m.value, out, depth + 1);
}

// The ids the resource's cfn-init configuration (Metadata AWS::CloudFormation::Init, run by the
// UserData: `echo ECS_CLUSTER=${Cluster}` in its commands) references. Unresolvable: none.
void init_refs(Resolver& resolver, const Node& resource, std::vector<std::string>& out) {
  const Node* meta = resource.find("Metadata");
  const Node* init = meta ? meta->find("AWS::CloudFormation::Init") : nullptr;
  if (init == nullptr) return;
  auto resolved = resolver.resolve(*init);
  if (resolved.ok() && resolved.value()) collect_refs(*resolved.value(), out);
}

// Clusters of `scope` that instance launchers' UserData names get them as EC2 capacity.
void link_ec2_capacity(Build& b, model::ScopeId scope) {
  for (auto& c : b.out.stack.clusters) {
    if (c.id.scope != scope) continue;
    for (const auto& [launcher, refs] : b.launchers) {
      if (std::find(refs.begin(), refs.end(), c.id.name) != refs.end()) {
        c.ec2_capacity.push_back(launcher);
      }
    }
  }
}

// ---- one template --------------------------------------------------------------------------

void build_resource(Build& b, const Template& t, Resolver& resolver, model::ScopeId scope,
                    bool& cdk, const Member& res) {
  const std::string& id = res.key.text;
  if (id.starts_with("Fn::ForEach::")) {  // expanded before the build when the transform is set
    b.error(core::Errc::kInvalid,
            id + " needs Transform: AWS::LanguageExtensions; the resources it would generate are "
                 "not scanned",
            res.key.loc);
    return;
  }
  if (!res.value.is_map()) {
    b.error(core::Errc::kInvalid, "resource " + id + " is not a map", res.key.loc);
    return;
  }
  const Node* type_node = res.value.find("Type");
  if (type_node == nullptr || !type_node->is_string()) {
    b.error(core::Errc::kInvalid, "resource " + id + " has no Type", res.key.loc);
    return;
  }
  std::string cdk_path;
  if (const Node* meta = res.value.find("Metadata"); meta && meta->is_map()) {
    if (const Node* p = meta->find("aws:cdk:path"); p && p->is_string()) {
      cdk_path = p->text;
      cdk = true;
    }
  }
  Kind kind{};
  const StackResourceBuilder stack_builder = stack_resource_builder(type_node->text);
  if (stack_builder == nullptr && !kind_of(type_node->text, kind)) return;

  if (const Node* cond = res.value.find("Condition")) {
    if (!cond->is_string()) {
      b.error(core::Errc::kInvalid, "resource " + id + ": Condition is not a name", cond->loc);
      return;
    }
    auto c = resolver.condition(cond->text, cond->loc);
    if (!c.ok()) {
      core::Error e = std::move(c).error();
      e.message = "resource " + id + ": " + e.message;
      b.out.errors.push_back(std::move(e));
      return;
    }
    if (c->value == core::Tri::kNo) return;  // not created
  }

  const Member* props_member = res.value.find_member("Properties");
  Node empty;
  empty.kind = NodeKind::kMap;
  empty.loc = res.key.loc;
  std::optional<Node> props;
  if (props_member == nullptr || props_member->value.is_null()) {
    props = std::move(empty);
  } else if (!props_member->value.is_map()) {
    b.error(core::Errc::kInvalid, "resource " + id + ": Properties is not a map",
            props_member->key.loc);
    return;
  } else {
    auto resolved = resolver.resolve(props_member->value);
    if (!resolved.ok()) {
      core::Error e = std::move(resolved).error();
      e.message = "resource " + id + ": " + e.message;
      b.out.errors.push_back(std::move(e));
      return;
    }
    props = std::move(resolved).value();
    if (!props || !props->is_map()) props = std::move(empty);
  }
  const Field p = fields::element(*props);

  model::ResourceId rid;
  rid.type = type_node->text;
  rid.name = id;
  rid.cdk_path = std::move(cdk_path);
  rid.scope = scope;
  rid.origin = model::Origin::kCloudFormation;
  rid.loc = res.key.loc;

  model::Stack& stack = b.out.stack;
  if (stack_builder != nullptr) {  // the stack layer's kinds (parse/cfn/build_stack.h)
    stack_builder({.props = p, .id = std::move(rid), .stack = stack, .limits = b.in.limits});
    return;
  }
  switch (kind) {
    case Kind::kTaskDefinition: {
      model::TaskDefinition td;
      td.id = std::move(rid);
      taskdef::fill_task_definition(*props, td);
      ecs_model::validate_task_definition(*props, ecs_model::Spelling::kCloudFormation,
                                          td.api_violations);
      stack.add(std::move(td));
      break;
    }
    case Kind::kService: {
      model::Service s = service(p);
      s.id = std::move(rid);
      stack.add(std::move(s));
      break;
    }
    case Kind::kTaskSet: {
      model::TaskSet ts = task_set(p);
      ts.id = std::move(rid);
      stack.add(std::move(ts));
      break;
    }
    case Kind::kCluster: {
      model::Cluster c = cluster(p);
      c.id = std::move(rid);
      stack.add(std::move(c));
      break;
    }
    case Kind::kCapacityProviderAssociations: {
      model::ClusterCapacityProviderAssociation a = capacity_association(p);
      a.id = std::move(rid);
      stack.add(std::move(a));
      break;
    }
    case Kind::kRepository: {
      model::Repository r = repository(p, b.in.limits);
      r.id = std::move(rid);
      stack.add(std::move(r));
      break;
    }
    case Kind::kRegistryScanning: {
      model::RegistryScanningConfiguration c = registry_scanning(p);
      c.id = std::move(rid);
      stack.add(std::move(c));
      break;
    }
    case Kind::kLogGroup: {
      model::LogGroup g;
      g.id = std::move(rid);
      g.log_group_name = to_str(field(p, "LogGroupName"));
      g.retention_in_days = to_int(field(p, "RetentionInDays"));
      g.kms_key_id = to_str(field(p, "KmsKeyId"));
      stack.add(std::move(g));
      break;
    }
    case Kind::kSecret: {
      model::Secret s;
      s.id = std::move(rid);
      s.name = to_str(field(p, "Name"));
      s.kms_key_id = to_str(field(p, "KmsKeyId"));
      stack.add(std::move(s));
      break;
    }
    case Kind::kRotationSchedule: {
      model::RotationSchedule r;
      r.id = std::move(rid);
      r.secret_id = to_str(field(p, "SecretId"));
      const Field rules = field(p, "RotationRules");
      r.rules_state = fields::presence(rules);
      r.automatically_after_days = to_int(field(rules, "AutomaticallyAfterDays"));
      r.schedule_expression = to_str(field(rules, "ScheduleExpression"));
      stack.add(std::move(r));
      break;
    }
    case Kind::kSsmParameter: {
      model::SsmParameter s;
      s.id = std::move(rid);
      s.name = to_str(field(p, "Name"));
      s.type = to_str(field(p, "Type"));
      stack.add(std::move(s));
      break;
    }
    case Kind::kEfsFileSystem: {
      model::EfsFileSystem f;
      f.id = std::move(rid);
      f.encrypted = to_flex_bool(field(p, "Encrypted"));
      f.kms_key_id = to_str(field(p, "KmsKeyId"));
      stack.add(std::move(f));
      break;
    }
    case Kind::kEfsAccessPoint: {
      model::EfsAccessPoint a;
      a.id = std::move(rid);
      a.file_system_id = to_str(field(p, "FileSystemId"));
      a.root_directory_state = fields::presence(field(p, "RootDirectory"));
      a.posix_user_state = fields::presence(field(p, "PosixUser"));
      stack.add(std::move(a));
      break;
    }
    case Kind::kLoadBalancer: {
      model::LoadBalancer lb;
      lb.id = std::move(rid);
      lb.scheme = to_str(field(p, "Scheme"));
      lb.type = to_str(field(p, "Type"));
      stack.add(std::move(lb));
      break;
    }
    case Kind::kListener: {
      model::Listener l;
      l.id = std::move(rid);
      l.load_balancer = to_str(field(p, "LoadBalancerArn"));
      l.target_groups = forward_target_groups(field(p, "DefaultActions"));
      stack.add(std::move(l));
      break;
    }
    case Kind::kListenerRule: {
      model::Listener l;
      l.id = std::move(rid);
      l.listener = to_str(field(p, "ListenerArn"));
      l.target_groups = forward_target_groups(field(p, "Actions"));
      stack.add(std::move(l));
      break;
    }
    case Kind::kNestedStack:
      nested_stack(b, t, res, p);
      break;
    case Kind::kInstanceLauncher: {
      const Field data = field(p, "LaunchTemplateData");
      const Field user_data = field(data.node ? data : p, "UserData");
      std::vector<std::string> refs;
      if (user_data.node) collect_refs(*user_data.node, refs);
      init_refs(resolver, res.value, refs);
      if (!refs.empty()) b.launchers.emplace_back(id, std::move(refs));
      break;
    }
  }
}

void build_one(Build& b, const Template& t) {
  const std::size_t scope_index = b.out.stack.scopes.size();
  {
    model::Scope scope;
    scope.id = t.file;
    scope.file = t.file;
    scope.origin = model::Origin::kCloudFormation;
    scope.stack_prefix = t.stack_prefix;
    b.out.stack.scopes.push_back(std::move(scope));
  }
  std::optional<Node> expanded;  // the template with Fn::ForEach expanded
  if (uses_language_extensions(*t.root)) {
    auto e = expand_language_extensions(*t.root, b.in.limits, t.parameters);
    if (!e.ok()) {
      b.out.errors.push_back(std::move(e).error());
      return;
    }
    expanded = std::move(e).value();
  }
  const Node& root = expanded ? *expanded : *t.root;
  const Member* resources = root.find_member("Resources");
  if (resources == nullptr || resources->value.is_null()) return;
  if (!resources->value.is_map()) {
    b.error(core::Errc::kInvalid, "Resources is not a map", resources->key.loc);
    return;
  }
  Resolver resolver(root, b.in.limits, t.parameters);
  const auto& members = resources->value.members;
  if (members.size() > b.in.limits.max_resources) {
    b.error(core::Errc::kLimit,
            "template has " + std::to_string(members.size()) + " resources; only the first " +
                std::to_string(b.in.limits.max_resources) + " are modelled (max_resources)",
            resources->key.loc);
  }
  const std::size_t n = std::min<std::size_t>(members.size(), b.in.limits.max_resources);
  bool cdk = false;
  auto outer_launchers = std::exchange(b.launchers, {});
  for (std::size_t i = 0; i < n; ++i) build_resource(b, t, resolver, t.file, cdk, members[i]);
  link_ec2_capacity(b, t.file);
  b.launchers = std::move(outer_launchers);
  // By index: nested stacks append scopes while this template is built.
  b.out.stack.scopes[scope_index].cdk = cdk;
}

}  // namespace

void build_template(const BuildInput& in, Fragment& out) {
  Build b{in, out, 0, {}};
  Template t;
  t.root = in.root;
  t.file = in.file;
  t.fs_path = in.fs_path;
  if (in.files != nullptr) t.display_path = in.files->path(in.file);
  if (t.display_path.empty()) t.display_path = in.fs_path;
  if (!in.fs_path.empty()) {
    std::error_code ec;
    const auto canonical = fs::canonical(fs::path(in.fs_path), ec);
    if (!ec) t.chain.push_back(canonical.generic_string());
  }
  build_one(b, t);
}

}  // namespace ecsguard::parse::cfn
