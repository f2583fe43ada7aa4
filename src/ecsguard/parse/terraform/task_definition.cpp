// aws_ecs_task_definition arguments -> the property shape of the shared task definition builder
// (its lookups ignore ASCII case, so only underscores and a few structural differences matter).
#include <string>
#include <string_view>
#include <utility>

#include "ecsguard/parse/terraform/resources.h"

namespace ecsguard::parse::terraform {

namespace {

// network_mode -> NetworkMode (the builder ignores case: FileSystemId matches FilesystemId).
std::string pascal(std::string_view snake) {
  std::string out;
  out.reserve(snake.size());
  bool upper = true;
  for (const char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper = false;
  }
  return out;
}

// A nested block written once (runtime_platform { ... }) is a list of one map in the node tree;
// the builder reads a map.
bool single_block(std::string_view name) {
  return name == "runtime_platform" || name == "efs_volume_configuration" ||
         name == "authorization_config" || name == "docker_volume_configuration" ||
         name == "ephemeral_storage" || name == "proxy_configuration" ||
         name == "fsx_windows_file_server_volume_configuration";
}

Node shaped(const Node& n, unsigned depth);

Node shaped_map(const Node& map, unsigned depth) {
  Node out;
  out.kind = NodeKind::kMap;
  out.loc = map.loc;
  for (const auto& m : map.members) {
    const std::string& key = m.key.text;
    Member copy;
    copy.key = Node::make_string(pascal(key), m.key.loc);
    if (key == "host_path") {  // volume { host_path = "/x" }: Host.SourcePath
      copy.key.text = "Host";
      Node host;
      host.kind = NodeKind::kMap;
      host.loc = m.key.loc;
      host.members.push_back(Member{Node::make_string("SourcePath", m.key.loc), m.value});
      copy.value = std::move(host);
    } else if (key == "volume") {
      copy.key.text = "Volumes";
      copy.value = shaped(m.value, depth + 1);
    } else if (single_block(key) && m.value.is_seq()) {
      if (m.value.items.empty()) continue;
      copy.value = shaped(m.value.items.front(), depth + 1);
    } else {
      copy.value = shaped(m.value, depth + 1);
    }
    out.members.push_back(std::move(copy));
  }
  return out;
}

Node shaped(const Node& n, unsigned depth) {
  if (depth > 64) return n;
  if (n.is_map()) return shaped_map(n, depth);
  if (n.is_seq()) {
    Node out = n;
    out.items.clear();
    for (const auto& item : n.items) out.items.push_back(shaped(item, depth + 1));
    return out;
  }
  return n;
}

}  // namespace

Node task_definition_shape(const Node& terraform, Node container_definitions) {
  Node out;
  out.kind = NodeKind::kMap;
  out.loc = terraform.loc;
  for (const auto& m : terraform.members) {
    if (m.key.text == "container_definitions") {
      out.members.push_back(Member{Node::make_string("ContainerDefinitions", m.key.loc),
                                   std::exchange(container_definitions, Node{})});
      continue;
    }
    Node one;
    one.kind = NodeKind::kMap;
    one.members.push_back(m);
    Node s = shaped_map(one, 0);
    for (auto& sm : s.members) out.members.push_back(std::move(sm));
  }
  return out;
}

}  // namespace ecsguard::parse::terraform
