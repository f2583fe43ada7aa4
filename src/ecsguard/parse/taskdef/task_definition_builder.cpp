#include "ecsguard/parse/taskdef/task_definition_builder.h"

#include <string>
#include <vector>

namespace ecsguard::parse::taskdef {

namespace {

using fields::Field;
using fields::field;
using fields::member_field;
using fields::to_flex_bool;
using fields::to_int;
using fields::to_str;
using fields::to_str_list;

// Elements of a list property; `state` is set to the list's presence.
std::vector<Field> elements(const Field& list, model::Presence& state) {
  std::vector<Field> out;
  std::string reason;
  fields::list_elements(list, out, state, reason);
  return out;
}

std::vector<model::KeyValue> name_values(const Field& list, model::Presence& state) {
  std::vector<model::KeyValue> out;
  for (const auto& e : elements(list, state)) {
    model::KeyValue kv;
    kv.name = to_str(field(e, "Name"));
    kv.value = to_str(field(e, "Value"));
    kv.loc = e.loc;
    out.push_back(std::move(kv));
  }
  return out;
}

std::vector<model::SecretRef> secret_refs(const Field& list) {
  model::Presence state = model::Presence::kAbsent;
  return fields::entries<model::SecretRef>(
      list, state,
      [](const Field& e) {
        model::SecretRef s;
        s.name = to_str(field(e, "Name"));
        s.value_from = to_str(field(e, "ValueFrom"));
        s.loc = e.loc;
        return s;
      },
      [](model::SecretRef& s, model::Str text) {
        s.value_from = text;
        s.name = std::move(text);
      });
}

model::LogConfiguration log_configuration(const Field& f) {
  model::LogConfiguration lc;
  lc.state = fields::presence(f);
  lc.loc = f.loc;
  if (lc.state != model::Presence::kKnown) return lc;
  if (!f.node->is_map()) {
    lc.state = model::Presence::kUnknown;
    return lc;
  }
  lc.driver = to_str(field(f, "LogDriver"));
  const Field options = field(f, "Options");
  const model::Presence options_state = fields::presence(options);
  if (options_state == model::Presence::kUnknown || (options.node && !options.node->is_map())) {
    lc.state = model::Presence::kUnknown;  // the options cannot be read one by one
  } else if (options.node) {
    for (const auto& m : options.node->members) {
      model::KeyValue kv;
      kv.name = model::Str::of(m.key.text, m.key.loc);
      kv.value = to_str(member_field(m));
      kv.loc = m.key.loc;
      lc.options.push_back(std::move(kv));
    }
  }
  lc.secret_options = secret_refs(field(f, "SecretOptions"));
  return lc;
}

std::vector<model::Container::PortMapping> port_mappings(const Field& list) {
  std::vector<model::Container::PortMapping> out;
  model::Presence state = model::Presence::kAbsent;
  for (const auto& e : elements(list, state)) {
    model::Container::PortMapping pm;
    pm.container_port = to_int(field(e, "ContainerPort"));
    pm.host_port = to_int(field(e, "HostPort"));
    pm.protocol = to_str(field(e, "Protocol"));
    pm.loc = e.loc;
    out.push_back(std::move(pm));
  }
  return out;
}

std::vector<model::MountPoint> mount_points(const Field& list, model::Presence& state) {
  std::vector<model::MountPoint> out;
  for (const auto& e : elements(list, state)) {
    model::MountPoint mp;
    mp.source_volume = to_str(field(e, "SourceVolume"));
    mp.container_path = to_str(field(e, "ContainerPath"));
    mp.read_only = to_flex_bool(field(e, "ReadOnly"));
    mp.loc = e.loc;
    out.push_back(std::move(mp));
  }
  return out;
}

model::Volume volume(const Field& e) {
  model::Volume v;
  v.loc = e.loc;
  v.name = to_str(field(e, "Name"));
  const Field host = field(e, "Host");
  v.host_state = fields::presence(host);
  v.host_source_path = to_str(field(host, "SourcePath"));
  v.docker_volume_configuration = !field(e, "DockerVolumeConfiguration").absent();
  // EFSVolumeConfiguration (CloudFormation) / efsVolumeConfiguration (JSON): same key ignoring
  // case. FilesystemId (CloudFormation) / fileSystemId (JSON): likewise.
  const Field efs = field(e, "EFSVolumeConfiguration");
  v.efs_state = fields::presence(efs);
  v.efs.loc = efs.loc;
  v.efs.file_system_id = to_str(field(efs, "FilesystemId"));
  v.efs.transit_encryption = to_toggle(field(efs, "TransitEncryption"), "ENABLED", "DISABLED");
  v.efs.root_directory = to_str(field(efs, "RootDirectory"));
  const Field auth = field(efs, "AuthorizationConfig");
  v.efs.iam = to_toggle(field(auth, "IAM"), "ENABLED", "DISABLED");
  v.efs.access_point_id = to_str(field(auth, "AccessPointId"));
  return v;
}

}  // namespace

model::Container build_container(const Node& definition) {
  model::Container c;
  c.loc = definition.loc;
  const Field d = fields::element(definition);
  c.name = to_str(field(d, "Name"));
  c.image = to_str(field(d, "Image"));
  if (!c.image.absent() && model::is_deploy_placeholder(c.image.value)) {
    // Not an image yet: every image check reports unknown with this reason.
    model::Str placeholder = model::Str::unknown_because(
        "'" + c.image.value + "' is a placeholder, replaced at deploy time", c.image.loc);
    placeholder.refs = c.image.refs;
    c.image = std::move(placeholder);
  }
  if (!c.image.absent()) c.image_ref = model::parse_image_ref(c.image.value);
  c.user = to_str(field(d, "User"));
  c.essential = to_flex_bool(field(d, "Essential"));
  c.privileged = to_flex_bool(field(d, "Privileged"));
  c.readonly_root_filesystem = to_flex_bool(field(d, "ReadonlyRootFilesystem"));
  c.cpu = to_int(field(d, "Cpu"));
  c.memory = to_int(field(d, "Memory"));
  c.memory_reservation = to_int(field(d, "MemoryReservation"));
  c.environment = name_values(field(d, "Environment"), c.environment_state);
  {
    model::Presence state = model::Presence::kAbsent;
    const Field files = field(d, "EnvironmentFiles");
    const std::vector<Field> items = elements(files, state);
    if (state == model::Presence::kKnown) {
      c.environment_files.state = model::Presence::kKnown;
      c.environment_files.loc = files.loc;
      for (const auto& e : items) c.environment_files.value.push_back(to_str(field(e, "Value")));
    } else if (state == model::Presence::kUnknown) {
      c.environment_files = to_str_list(files);
    }
  }
  {
    const Field labels = field(d, "DockerLabels");
    const model::Presence state = fields::presence(labels);
    if (state == model::Presence::kKnown && labels.node->is_map()) {
      for (const auto& m : labels.node->members) {
        model::KeyValue kv;
        kv.name = model::Str::of(m.key.text, m.key.loc);
        kv.value = to_str(member_field(m));
        kv.loc = m.key.loc;
        c.docker_labels.push_back(std::move(kv));
      }
    } else if (state != model::Presence::kAbsent) {
      model::KeyValue kv;  // labels that cannot be read one by one
      kv.name = to_str(labels);
      if (kv.name.known()) kv.name = model::Str::unknown_because("expected a map", labels.loc);
      kv.value = kv.name;
      kv.loc = labels.loc;
      c.docker_labels.push_back(std::move(kv));
    }
  }
  c.secrets = secret_refs(field(d, "Secrets"));
  c.mount_points = mount_points(field(d, "MountPoints"), c.mount_points_state);
  c.log_configuration = log_configuration(field(d, "LogConfiguration"));

  const Field hc = field(d, "HealthCheck");
  c.health_check.state = fields::presence(hc);
  c.health_check.loc = hc.loc;
  c.health_check.command = to_str_list(field(hc, "Command"));

  const Field lp = field(d, "LinuxParameters");
  c.linux_parameters_state = fields::presence(lp);
  const Field caps = field(lp, "Capabilities");
  c.capabilities_add = to_str_list(field(caps, "Add"));
  c.capabilities_drop = to_str_list(field(caps, "Drop"));
  c.init_process_enabled = fields::to_bool(field(lp, "InitProcessEnabled"));

  c.docker_security_options = to_str_list(field(d, "DockerSecurityOptions"));
  const Field rc = field(d, "RepositoryCredentials");
  c.repository_credentials_loc = rc.loc;
  c.repository_credentials = to_str(field(rc, "CredentialsParameter"));
  c.entry_point = to_str_list(field(d, "EntryPoint"));
  c.command = to_str_list(field(d, "Command"));
  c.port_mappings = port_mappings(field(d, "PortMappings"));
  return c;
}

void fill_containers(const Field& definitions, model::TaskDefinition& td) {
  std::vector<Field> items;
  std::string reason;
  fields::list_elements(definitions, items, td.containers_state, reason);
  td.containers_reason = reason;
  std::size_t index = 0;
  for (const auto& e : items) {
    ++index;
    if (e.node && e.node->is_map()) {
      td.containers.push_back(build_container(*e.node));
      continue;
    }
    // An element that is not a container definition we can read (Fn::If on an unknown condition).
    td.containers_state = model::Presence::kUnknown;
    const std::string why = e.node && (e.node->is_unknown() || e.node->partial)
                                ? fields::unknown_reason(*e.node)
                                : "not a container definition object";
    if (!td.containers_reason.empty()) td.containers_reason += "; ";
    td.containers_reason += "container definition #" + std::to_string(index) + ": " + why;
  }
}

void fill_task_definition(const Node& body, model::TaskDefinition& td) {
  const Field b = fields::element(body);
  td.family = to_str(field(b, "Family"));
  td.network_mode = to_str(field(b, "NetworkMode"));
  td.requires_compatibilities = to_str_list(field(b, "RequiresCompatibilities"));
  td.pid_mode = to_str(field(b, "PidMode"));
  td.ipc_mode = to_str(field(b, "IpcMode"));
  td.cpu = to_str(field(b, "Cpu"));
  td.memory = to_str(field(b, "Memory"));
  td.task_role_arn = to_str(field(b, "TaskRoleArn"));
  td.execution_role_arn = to_str(field(b, "ExecutionRoleArn"));
  const Field platform = field(b, "RuntimePlatform");
  td.operating_system_family = to_str(field(platform, "OperatingSystemFamily"));
  td.cpu_architecture = to_str(field(platform, "CpuArchitecture"));
  model::Presence volumes_state = model::Presence::kAbsent;
  for (const auto& e : elements(field(b, "Volumes"), volumes_state)) {
    td.volumes.push_back(volume(e));
  }
  fill_containers(field(b, "ContainerDefinitions"), td);
}

}  // namespace ecsguard::parse::taskdef
