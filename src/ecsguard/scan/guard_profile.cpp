#include "ecsguard/scan/guard_profile.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "ecsguard/core/json_writer.h"

namespace ecsguard::scan {
namespace {

void write_list(core::JsonWriter& w, std::string_view key, const std::vector<std::string>& items) {
  w.key(key).begin_array_inline();
  for (const auto& item : items) w.value(item);
  w.end_array();
}

std::string basename_of(const std::string& p) {
  std::size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

bool is_shell(const std::string& p) {
  static const std::set<std::string> kShells = {"sh",  "bash", "dash",   "ash",
                                                "zsh", "ksh",  "busybox"};
  return kShells.count(basename_of(p)) != 0;
}

// The argv the container starts: entryPoint + command (each element known), nullopt when any
// part cannot be known statically or when the image's own ENTRYPOINT/CMD applies.
std::optional<std::vector<std::string>> start_argv(const model::Container& c,
                                                   std::vector<std::string>& notes) {
  std::vector<std::string> argv;
  for (const auto* list : {&c.entry_point, &c.command}) {
    if (list->unknown()) {
      notes.emplace_back("entryPoint/command could not be determined statically: " + list->reason);
      return std::nullopt;
    }
    if (!list->known()) continue;
    for (const auto& s : list->value) {
      if (!s.known()) {
        notes.emplace_back("an entryPoint/command element could not be determined statically");
        return std::nullopt;
      }
      argv.push_back(s.value);
    }
  }
  if (argv.empty()) {
    notes.emplace_back(
        "neither entryPoint nor command is set: the image's ENTRYPOINT/CMD applies and "
        "is not part of the stack, so no process allowlist is emitted");
    return std::nullopt;
  }
  if (!c.entry_point.known() || c.entry_point.value.empty()) {
    if (!argv.front().empty() && argv.front()[0] == '-') {
      notes.emplace_back(
          "command holds only arguments of the image's ENTRYPOINT, which is not part of "
          "the stack: no process allowlist is emitted");
      return std::nullopt;
    }
    notes.emplace_back(
        "entryPoint is not set: an ENTRYPOINT of the image (e.g. a docker-entrypoint.sh) "
        "also runs; add its executables to ecsguard_profile_process_names");
  }
  return argv;
}

// Executables implied by the start argv: argv[0] (path and name); for `ecsguard guard ... -- CMD`
// the supervised command; for `sh -c "script"` the shell and the script's first command.
std::vector<std::string> executables(std::vector<std::string> argv) {
  std::vector<std::string> out;
  if (!argv.empty() && basename_of(argv[0]) == "ecsguard" && argv.size() > 1 &&
      argv[1] == "guard") {
    auto dashdash = std::find(argv.begin(), argv.end(), "--");
    out.push_back(argv[0]);
    argv.assign(dashdash == argv.end() ? argv.end() : dashdash + 1, argv.end());
  }
  if (argv.empty()) return out;
  out.push_back(argv[0]);
  if (is_shell(argv[0]) && argv.size() > 2 && argv[1] == "-c") {
    std::string script = argv[2];
    std::size_t i = 0;
    // Skip leading `exec` and VAR=value assignments.
    while (i < script.size()) {
      while (i < script.size() && script[i] == ' ') ++i;
      std::size_t j = script.find_first_of(" ;&|", i);
      std::string word = script.substr(i, j == std::string::npos ? std::string::npos : j - i);
      if (word == "exec" ||
          (word.find('=') != std::string::npos && word.find('/') == std::string::npos)) {
        i = j == std::string::npos ? script.size() : j;
        continue;
      }
      if (!word.empty()) out.emplace_back(word);
      break;
    }
  }
  return out;
}

std::string sanitize(std::string s) {
  for (char& c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) c = '_';
  }
  return s.empty() ? std::string("unnamed") : s;
}

std::string td_name(const model::TaskDefinition& td) {
  if (td.family.known() && !td.family.value.empty()) return td.family.value;
  return td.id.name;
}

// Paths a read-only container may write (its writable mounts); nullopt when one cannot be known.
std::optional<std::vector<std::string>> writable_paths(const model::Container& c,
                                                       std::vector<std::string>& notes) {
  std::vector<std::string> writable;
  for (const auto& mp : c.mount_points) {
    auto read_only = mp.read_only.or_default(false);  // nullopt: written but unknown
    if (read_only && *read_only) continue;
    if (!read_only || !mp.container_path.known()) {
      notes.emplace_back(
          "a mount point could not be determined statically: no write allowlist emitted");
      return std::nullopt;
    }
    writable.push_back(mp.container_path.value);
  }
  return writable;
}

// (port, protocol) of every port mapping; nullopt when one cannot be known.
std::optional<std::vector<std::pair<std::int64_t, std::string>>> listening_ports(
    const model::Container& c, std::vector<std::string>& notes) {
  std::vector<std::pair<std::int64_t, std::string>> ports;
  for (const auto& pm : c.port_mappings) {
    if (!pm.container_port.known()) {
      notes.emplace_back(
          "a portMapping could not be determined statically: no listener allowlist emitted");
      return std::nullopt;
    }
    ports.emplace_back(pm.container_port.value,
                       pm.protocol.known() ? pm.protocol.value : std::string("tcp"));
  }
  return ports;
}

}  // namespace

std::string guard_profile_json(const model::TaskDefinition& td, const model::Container& c) {
  std::vector<std::string> notes;
  std::string out;
  core::JsonWriter w(out);
  w.begin_object();
  w.member("ecsguard_profile", 1);
  w.member("task_definition", td_name(td));
  w.member("container", c.name.known() ? c.name.value : "");
  w.member("image", c.image.known() ? c.image.value : "");
  if (auto argv = start_argv(c, notes)) {
    write_list(w, "start_command", *argv);
    write_list(w, "executables", executables(*argv));
  } else {
    w.key("executables").null();
  }
  const bool ro = c.readonly_root_filesystem.known() && c.readonly_root_filesystem.value;
  w.member("read_only_root_filesystem", ro);
  if (c.readonly_root_filesystem.unknown()) {
    notes.emplace_back(
        "readonlyRootFilesystem could not be determined: no write allowlist emitted");
  }
  const auto writable = ro ? writable_paths(c, notes) : std::nullopt;
  if (writable) {
    write_list(w, "writable_paths", *writable);
  } else {
    w.key("writable_paths").null();
  }
  w.key("listening_ports");
  if (auto ports = listening_ports(c, notes)) {
    w.begin_array_inline();
    for (const auto& [port, protocol] : *ports) {
      w.begin_object_inline().member("port", port).member("protocol", protocol).end_object();
    }
    w.end_array();
  } else {
    w.null();
  }
  write_list(w, "notes", notes);
  w.end_object();
  return out;
}

core::Result<std::size_t> write_guard_profiles(const model::Stack& stack, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return core::make_error(core::Errc::kIo, "cannot create " + dir + ": " + ec.message());
  std::set<std::string> used;
  std::set<std::string> contents;
  std::size_t written = 0;
  for (const auto& td : stack.task_definitions) {
    for (const auto& c : td.containers) {
      std::string text = guard_profile_json(td, c);
      if (!contents.insert(text).second) continue;  // the same container from another input file
      std::string base =
          sanitize(td_name(td)) + "." + sanitize(c.name.known() ? c.name.value : "container");
      std::string name = base;
      for (int n = 2; used.count(name) != 0; ++n) name = base + "-" + std::to_string(n);
      used.insert(name);
      fs::path path = fs::path(dir) / (name + ".guard-profile.json");
      std::ofstream f(path, std::ios::binary | std::ios::trunc);
      f << text;
      if (!f) return core::make_error(core::Errc::kIo, "cannot write " + path.string());
      ++written;
    }
  }
  return written;
}

}  // namespace ecsguard::scan
