// IMG-005 No credential files copied into the image; the build context excludes them
// (.dockerignore) (Trivy AVD-DS-0031, dockle CIS-DI-0010/DKL-LI-0003).
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

// Credential file name patterns (glob over the last path component, or a path suffix).
constexpr std::string_view kNames[] = {"id_rsa*",
                                       "id_ed25519*",
                                       "id_ecdsa*",
                                       "id_dsa*",
                                       "*.pem",
                                       "*.key",
                                       "*.p12",
                                       "*.pfx",
                                       ".env",
                                       ".env.*",
                                       ".npmrc",
                                       ".pypirc",
                                       ".netrc",
                                       ".git-credentials",
                                       "kubeconfig",
                                       "*.tfstate",
                                       "*.tfstate.backup"};
constexpr std::string_view kPaths[] = {".aws/credentials", ".docker/config.json", ".git", ".ssh"};

std::string_view last_component(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  const auto slash = p.rfind('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

bool credential(std::string_view path) {
  const std::string_view name = last_component(path);
  for (const auto n : kNames) {
    if (glob_match(n, name)) return true;
  }
  for (const auto p : kPaths) {
    if (path == p || path.ends_with("/" + std::string(p)) ||
        path.find("/" + std::string(p) + "/") != std::string_view::npos ||
        path.starts_with(std::string(p) + "/")) {
      return true;
    }
  }
  return false;
}

bool ignored(const model::Dockerfile& df, std::string_view src) {
  if (!df.dockerignore.known()) return false;
  bool out = false;
  for (const auto& raw : df.dockerignore.value) {
    const bool negate = raw.starts_with("!");
    std::string_view p = negate ? std::string_view(raw).substr(1) : std::string_view(raw);
    if (p.starts_with("/")) p.remove_prefix(1);
    if (glob_match(p, src) || glob_match("**/" + std::string(p), src) ||
        glob_match(p, last_component(src))) {
      out = !negate;
    }
  }
  return out;
}

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  for (std::size_t s = 0; s < df.stages.size(); ++s) {
    const auto& st = df.stages[s];
    for (std::size_t i = 0; i < st.instructions.size(); ++i) {
      const auto& ins = st.instructions[i];
      if ((ins.op != "COPY" && ins.op != "ADD") || ins.flag("from") != nullptr ||
          ins.args.size() < 2 || !ins.heredoc.empty()) {
        continue;
      }
      const std::string prop = instruction_path(df, s, i);
      for (std::size_t k = 0; k + 1 < ins.args.size(); ++k) {
        std::string_view src = ins.args[k];
        if (src.starts_with("./")) src.remove_prefix(2);
        if (credential(src) && !ignored(df, src)) {
          ctx.fail(ins.loc, prop,
                   msg::img005::CopiesCredential{.op = ins.op, .source = std::string(src)});
        } else if ((src == "." || src.empty()) && df.dockerignore.absent()) {
          ctx.warn(ins.loc, prop, msg::img005::NoDockerignore{.op = ins.op});
        }
      }
    }
  }
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  for (const auto& f : img.files) {
    if (f.type == model::ImageFileType::kRegular && credential(f.path)) {
      ctx.fail(img.id.loc, "Files[/" + f.path + "]", msg::img005::ImageFile{.path = "/" + f.path});
    }
  }
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef credential_files;
const engine::CheckDef credential_files{
    .id = "IMG-005",
    .rationale = i18n::Id::kImg005Rationale,
    .remediation = {.dockerfile = "# .dockerignore\n"
                                  ".git\n.env*\n*.pem\n*.key\n.aws/\n.npmrc\n*.tfstate*"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
