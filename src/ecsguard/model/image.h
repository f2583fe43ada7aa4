#pragma once
// The image layer of the model: Dockerfiles (stages and their instructions, located) and container
// image archives (config, merged filesystem metadata, kept package databases). Built by the
// frontends parse/dockerfile/frontend.h and parse/image/frontend.h; read by checks/image/ and
// CTR-004.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/model/resource.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

// ---- Dockerfile -------------------------------------------------------------------------------

struct DockerFlag {
  std::string name;   // without "--"
  std::string value;  // "" when written without a value
};

struct DockerPair {  // ENV / LABEL / ARG, raw text as written (quotes kept)
  std::string key;
  std::string value;
  bool has_value = true;  // false only for `ARG NAME`
  core::Loc loc;
};

struct DockerInstruction {
  std::string op;  // upper case: "RUN", "COPY", ... ("" for an unknown instruction)
  core::Loc loc;
  std::string original;           // the logical line (continuations joined)
  std::vector<std::string> args;  // exec-form strings, the shell-form text, or words
  bool exec_form = false;
  std::vector<DockerFlag> flags;
  std::vector<DockerPair> pairs;  // ENV, LABEL, ARG
  std::string heredoc;            // heredoc bodies, joined (a RUN <<EOF script)
  std::string trigger_op;         // ONBUILD: the deferred instruction's op

  [[nodiscard]] const DockerFlag* flag(std::string_view name) const noexcept {
    for (const auto& f : flags) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
  // What a RUN/CMD/ENTRYPOINT executes as one text: the arguments joined by ' ', then the
  // heredoc bodies.
  [[nodiscard]] std::string command() const {
    std::string out;
    for (const auto& a : args) {
      if (!out.empty()) out += ' ';
      out += a;
    }
    if (!heredoc.empty()) out += "\n" + heredoc;
    return out;
  }
};

struct DockerStage {
  std::string name;  // `AS` name (lower case), "" when unnamed
  // FROM's image after expansion of the global ARGs; unknown when an ARG has no default.
  Str base;
  std::optional<std::size_t> parent;  // FROM names an earlier stage (index into stages)
  bool scratch = false;               // FROM scratch (also through parent stages)
  bool final = false;                 // the last stage: what `docker build` ships
  // The effective last USER (this stage or its parents, ARGs expanded); absent: none written, so
  // the base image's user applies.
  Str user;
  std::vector<DockerInstruction> instructions;  // the FROM first
};

struct Dockerfile {
  static constexpr ResourceKind kKind = ResourceKind::kDockerfile;
  ResourceId id;  // name: the file name ("Dockerfile", "api.Dockerfile")
  std::vector<DockerStage> stages;
  // .dockerignore next to the Dockerfile: absent when there is none, else its patterns.
  Value<std::vector<std::string>> dockerignore;

  [[nodiscard]] const DockerStage* final_stage() const noexcept {
    return stages.empty() ? nullptr : &stages.back();
  }
};

// ---- Image archive ----------------------------------------------------------------------------

enum class ImageFileType : unsigned char { kRegular, kDirectory, kSymlink, kHardlink, kOther };

struct ImageFile {
  std::string path;  // normalised, no leading '/'
  ImageFileType type = ImageFileType::kRegular;
  std::uint32_t mode = 0;  // permission bits with setuid/setgid/sticky
  std::uint32_t uid = 0, gid = 0;
  std::uint64_t size = 0;
  std::uint32_t layer = 0;  // 1-based layer that wrote it
};

struct ContainerImage {
  static constexpr ResourceKind kKind = ResourceKind::kImage;
  ResourceId id;  // name: the archive's file name
  // Config: user "" when not set (root).
  std::string user;
  std::vector<std::pair<std::string, std::string>> env;  // NAME, value
  std::vector<std::string> exposed_ports;                // "22/tcp"
  std::vector<std::string> volumes;                      // "/data"
  std::vector<std::string> entrypoint, cmd, healthcheck;
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<std::string> history;  // history[].created_by
  std::vector<std::string> layers;   // digests / names
  std::vector<ImageFile> files;      // the merged filesystem, sorted by path
  // Kept small files (passwd, group, os-release, dpkg status, apk installed) by path; the
  // installed packages are read from them where they are needed (vuln/packages.h).
  std::vector<std::pair<std::string, std::string>> contents;

  [[nodiscard]] const ImageFile* file(std::string_view path) const noexcept;
  [[nodiscard]] const std::string* content(std::string_view path) const noexcept;
};

inline const ImageFile* ContainerImage::file(std::string_view path) const noexcept {
  for (const auto& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

inline const std::string* ContainerImage::content(std::string_view path) const noexcept {
  for (const auto& [p, text] : contents) {
    if (p == path) return &text;
  }
  return nullptr;
}

}  // namespace ecsguard::model
