// IMG-010 No SSH server and port 22 not exposed (Checkov CKV_DOCKER_1, Trivy AVD-DS-0004).
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

bool port_22(std::string_view spec) {
  spec = spec.substr(0, spec.find('/'));
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return spec == "22";
  // A range that covers 22 ("20-25").
  const std::string lo(spec.substr(0, dash)), hi(spec.substr(dash + 1));
  if (lo.empty() || hi.empty() || lo.find_first_not_of("0123456789") != std::string::npos ||
      hi.find_first_not_of("0123456789") != std::string::npos || lo.size() > 5 || hi.size() > 5) {
    return false;
  }
  return std::stoul(lo) <= 22 && std::stoul(hi) >= 22;
}

bool ssh_daemon_package(std::string_view w) {
  for (const std::string_view p : {"openssh-server", "dropbear", "openssh"}) {
    if (w == p || w.starts_with(std::string(p) + "=")) return true;
  }
  return false;
}

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  const std::vector<bool> shipped = shipped_stages(df);
  for (std::size_t s = 0; s < df.stages.size(); ++s) {
    const auto& st = df.stages[s];
    for (std::size_t i = 0; i < st.instructions.size(); ++i) {
      const auto& ins = st.instructions[i];
      if (ins.op == "EXPOSE" && shipped[s]) {
        for (const auto& p : ins.args) {
          if (port_22(p))
            ctx.fail(ins.loc, instruction_path(df, s, i), msg::img010::Expose{.port = p});
        }
      }
      if (ins.op != "RUN" || !shipped[s]) continue;
      for (const auto& c : commands(run_text(ins))) {
        const Words a = arguments(c.words);
        const std::string_view sub = subcommand(a);
        if (sub != "install" && sub != "add") continue;
        for (const auto& w : a) {
          if (ssh_daemon_package(w)) {
            ctx.fail(ins.loc, instruction_path(df, s, i), msg::img010::InstallDaemon{.package = w});
          }
        }
      }
    }
  }
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  for (const auto& p : img.exposed_ports) {
    if (port_22(p)) ctx.fail(img.id.loc, "Config.ExposedPorts", msg::img010::Expose{.port = p});
  }
  for (const std::string_view d : {"usr/sbin/sshd", "usr/sbin/dropbear"}) {
    if (img.file(d) != nullptr) {
      ctx.fail(img.id.loc, "Files[/" + std::string(d) + "]",
               msg::img010::ImageDaemon{.path = "/" + std::string(d)});
    }
  }
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef ssh_server;
const engine::CheckDef ssh_server{
    .id = "IMG-010",
    .rationale = i18n::Id::kImg010Rationale,
    .remediation = {.dockerfile =
                        "# No sshd, no EXPOSE 22: use ECS Exec (aws ecs execute-command)\n"
                        "EXPOSE 8080"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
