// IMG-009 No sudo in the image build or final image (hadolint DL3004, Checkov CKV2_DOCKER_1,
// Trivy AVD-DS-0010). Dockerfile: a RUN that calls sudo or installs it in a shipped stage;
// image archive: /usr/bin/sudo present.
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

bool installs(const Words& w, std::string_view pkg) {
  const std::string_view p = program(w);
  const Words a = arguments(w);
  const std::string_view sub = subcommand(a);
  const bool install = ((p == "apt-get" || p == "apt" || p == "yum" || p == "dnf" ||
                         p == "microdnf" || p == "zypper" || p == "tdnf") &&
                        sub == "install") ||
                       (p == "apk" && sub == "add");
  if (!install) return false;
  for (const auto& x : a) {
    if (x == pkg || x.starts_with(std::string(pkg) + "=") || x.starts_with(std::string(pkg) + "-"))
      return true;
  }
  return false;
}

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  const std::vector<bool> shipped = shipped_stages(df);
  each_instruction(df, "RUN", [&](std::size_t s, std::size_t i, const auto& ins) {
    for (const auto& c : commands(run_text(ins))) {
      const std::size_t p = program_index(c.words);
      const bool calls = std::any_of(
          c.words.begin(),
          c.words.begin() + static_cast<std::ptrdiff_t>(std::min(p + 1, c.words.size())),
          [](const std::string& w) { return w == "sudo"; });
      if (calls) {
        ctx.fail(ins.loc, instruction_path(df, s, i), msg::img009::RunSudo{});
        return;
      }
      if (shipped[s] && installs(c.words, "sudo")) {
        ctx.fail(ins.loc, instruction_path(df, s, i), msg::img009::InstallSudo{});
        return;
      }
    }
  });
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  for (const std::string_view p : {"usr/bin/sudo", "bin/sudo"}) {
    if (const auto* f = img.file(p); f != nullptr) {
      ctx.warn(img.id.loc, "Files[/" + std::string(p) + "]",
               msg::img009::ImageSudo{.path = "/" + std::string(p)});
      return;
    }
  }
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef sudo_usage;
const engine::CheckDef sudo_usage{
    .id = "IMG-009",
    .rationale = i18n::Id::kImg009Rationale,
    .remediation = {.dockerfile =
                        "# Run installs as root before switching user; no sudo:\n"
                        "RUN apt-get update && apt-get install -y --no-install-recommends "
                        "curl=7.88.1-10+deb12u5\n"
                        "USER 10001"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
