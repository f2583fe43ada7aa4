// IMG-018 The image does not declare VOLUMEs on sensitive directories (Trivy AVD-DS-0030,
// dockle DKL-DI-0002).
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

bool sensitive(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  constexpr std::string_view kPaths[] = {
      "/", "/proc", "/sys", "/dev", "/etc", "/var/run/docker.sock", "/run/docker.sock"};
  for (const auto p : kPaths) {
    if (path == p) return true;
  }
  return path.starts_with("/proc/") || path.starts_with("/sys/") || path.starts_with("/dev/");
}

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  each_instruction(df, "VOLUME", [&](std::size_t s, std::size_t i, const auto& ins) {
    for (const auto& a : ins.args) {
      const std::string p = unquote(a);
      if (sensitive(p))
        ctx.fail(ins.loc, instruction_path(df, s, i), msg::img018::Volume{.path = p});
    }
  });
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  for (const auto& v : img.volumes) {
    if (sensitive(v))
      ctx.fail(img.id.loc, "Config.Volumes[" + v + "]", msg::img018::Volume{.path = v});
  }
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef sensitive_volumes;
const engine::CheckDef sensitive_volumes{
    .id = "IMG-018",
    .rationale = i18n::Id::kImg018Rationale,
    .remediation = {.dockerfile = "VOLUME [\"/data\"]   # application data only"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
