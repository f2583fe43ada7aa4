#include "ecsguard/guard/profile.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "ecsguard/guard/paths.h"

namespace ecsguard::guard {
namespace {

using Json = nlohmann::json;

// A YAML double-quoted scalar that the rule loader reads back as a literal list item.
std::string yaml_item(const std::string& s) {
  std::string inner = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') inner += '\\';
    inner += c;
  }
  inner += '"';
  // The list item itself is quoted once more for YAML so the condition lexer sees "...".
  std::string out = "'";
  for (char c : inner) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string yaml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += yaml_item(items[i]);
  }
  return out + "]";
}

}  // namespace

core::Result<GuardProfile> parse_profile(std::string_view json_text) {
  Json j = Json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return core::make_error(core::Errc::kSyntax, "guard profile is not a JSON object");
  }
  if (!j.contains("ecsguard_profile") || !j["ecsguard_profile"].is_number_integer() ||
      j["ecsguard_profile"].get<int>() != 1) {
    return core::make_error(core::Errc::kInvalid, "not an ecsguard guard profile (version 1)");
  }
  GuardProfile p;
  auto str = [&](const char* k) {
    return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
  };
  p.task_definition = str("task_definition");
  p.container = str("container");
  p.image = str("image");
  auto strings = [&](const char* k) -> core::Result<std::optional<std::vector<std::string>>> {
    if (!j.contains(k) || j[k].is_null()) return std::optional<std::vector<std::string>>{};
    if (!j[k].is_array())
      return core::make_error(core::Errc::kInvalid, std::string(k) + " must be a list");
    std::vector<std::string> out;
    for (const auto& v : j[k]) {
      if (!v.is_string())
        return core::make_error(core::Errc::kInvalid, std::string(k) + " items must be strings");
      out.push_back(v.get<std::string>());
    }
    return std::optional<std::vector<std::string>>(std::move(out));
  };
  auto exes = strings("executables");
  if (!exes) return exes.error();
  p.executables = std::move(*exes);
  auto writable = strings("writable_paths");
  if (!writable) return writable.error();
  p.writable_paths = std::move(*writable);
  p.read_only_root_filesystem = j.contains("read_only_root_filesystem") &&
                                j["read_only_root_filesystem"].is_boolean() &&
                                j["read_only_root_filesystem"].get<bool>();
  if (j.contains("listening_ports") && !j["listening_ports"].is_null()) {
    if (!j["listening_ports"].is_array()) {
      return core::make_error(core::Errc::kInvalid, "listening_ports must be a list");
    }
    std::vector<GuardProfile::Port> ports;
    for (const auto& v : j["listening_ports"]) {
      GuardProfile::Port port;
      if (v.is_number_integer()) {
        port.port = v.get<int>();
      } else if (v.is_object() && v.contains("port") && v["port"].is_number_integer()) {
        port.port = v["port"].get<int>();
        if (v.contains("protocol") && v["protocol"].is_string())
          port.protocol = v["protocol"].get<std::string>();
      } else {
        return core::make_error(core::Errc::kInvalid, "listening_ports items must be ports");
      }
      if (port.port < 0 || port.port > 65535) {
        return core::make_error(core::Errc::kInvalid, "port out of range");
      }
      ports.push_back(port);
    }
    p.listening_ports = std::move(ports);
  }
  return p;
}

std::string profile_rules(const GuardProfile& p,
                          const std::vector<std::string>& extra_executables) {
  std::string who = p.container.empty() ? "this container" : "container " + p.container;
  std::string out = "# generated from the guard profile of " + who + "\n";
  if (p.executables) {
    std::vector<std::string> paths, names;
    auto add = [&](const std::string& e) {
      if (e.empty()) return;
      if (e.find('/') != std::string::npos) {
        if (std::find(paths.begin(), paths.end(), e) == paths.end()) paths.push_back(e);
      }
      std::string name =
          std::string(path_basename(e).substr(0, 15));  // comm is truncated to 15 characters
      if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(name);
    };
    for (const auto& e : *p.executables) add(e);
    for (const auto& e : extra_executables) add(e);
    out += "- list: ecsguard_profile_executables\n  items: " + yaml_list(paths) + "\n\n";
    out += "- list: ecsguard_profile_process_names\n  items: " + yaml_list(names) + "\n\n";
    out += "- macro: ecsguard_profile_known_processes\n  condition: (evt.num=0)\n\n";
    out +=
        "- rule: Process not in task profile\n"
        "  desc: >\n"
        "    An executable that the task definition does not start ran in the container "
        "(RUN-001).\n"
        "    Expected: the container's entryPoint/command. Tune with the list\n"
        "    ecsguard_profile_process_names or the macro ecsguard_profile_known_processes.\n"
        "  condition: >\n"
        "    evt.type in (execve, execveat)\n"
        "    and not proc.exepath in (ecsguard_profile_executables)\n"
        "    and not proc.name in (ecsguard_profile_process_names)\n"
        "    and not ecsguard_profile_known_processes\n"
        "  output: Process not declared for " +
        who +
        " was executed | process=%proc.name proc_exepath=%proc.exepath parent=%proc.pname "
        "command=%proc.cmdline user=%user.name container=%container.name\n"
        "  priority: ERROR\n"
        "  tags: [ecsguard, RUN-001, profile, process]\n\n";
  }
  if (p.read_only_root_filesystem && p.writable_paths) {
    out += "- list: ecsguard_profile_writable_paths\n  items: " + yaml_list(*p.writable_paths) +
           "\n\n";
    out += "- list: ecsguard_profile_pseudo_paths\n  items: [/dev, /proc, /sys]\n\n";
    out +=
        "- rule: Write outside task profile writable paths\n"
        "  desc: >\n"
        "    The root filesystem of " +
        who +
        " is read-only; this write targets a path that is\n"
        "    not a writable mount point of the task definition (RUN-006): an exploitation\n"
        "    attempt or a missing mount (it fails with EROFS).\n"
        "  condition: >\n"
        "    ((evt.type in (open, openat, openat2, creat) and evt.is_open_write=true\n"
        "      and not fd.name pmatch (ecsguard_profile_writable_paths)\n"
        "      and not fd.name pmatch (ecsguard_profile_pseudo_paths))\n"
        "     or (evt.type in (mkdir, mkdirat, unlink, unlinkat, rmdir)\n"
        "      and not fs.path.name pmatch (ecsguard_profile_writable_paths)\n"
        "      and not fs.path.name pmatch (ecsguard_profile_pseudo_paths))\n"
        "     or (evt.type in (rename, renameat, renameat2, link, linkat, symlink, symlinkat)\n"
        "      and not fs.path.target pmatch (ecsguard_profile_writable_paths)\n"
        "      and not fs.path.target pmatch (ecsguard_profile_pseudo_paths)))\n"
        "  output: Write outside the writable mount points of " +
        who +
        " | file=%fd.name path=%fs.path.name target=%fs.path.target evt_type=%evt.type "
        "process=%proc.name proc_exepath=%proc.exepath parent=%proc.pname command=%proc.cmdline\n"
        "  priority: ERROR\n"
        "  tags: [ecsguard, RUN-006, profile, filesystem]\n\n";
  }
  if (p.listening_ports) {
    std::vector<std::string> ports;
    for (const auto& port : *p.listening_ports) ports.push_back(std::to_string(port.port));
    out += "- list: ecsguard_profile_listen_ports\n  items: " + yaml_list(ports) + "\n\n";
    out +=
        "- rule: Listening port not in task profile\n"
        "  desc: >\n"
        "    A process listens on a port that is not a portMapping of " +
        who +
        " (RUN-007).\n"
        "  condition: >\n"
        "    (evt.type = listen or (evt.type = bind and fd.l4proto = udp))\n"
        "    and fd.sockfamily = ip\n"
        "    and fd.sport != 0\n"
        "    and not fd.sport in (ecsguard_profile_listen_ports)\n"
        "  output: Unexpected listening port in " +
        who +
        " | port=%fd.sport proto=%fd.l4proto address=%fd.sip process=%proc.name "
        "proc_exepath=%proc.exepath parent=%proc.pname command=%proc.cmdline\n"
        "  priority: WARNING\n"
        "  tags: [ecsguard, RUN-007, profile, network]\n\n";
  }
  return out;
}

}  // namespace ecsguard::guard
