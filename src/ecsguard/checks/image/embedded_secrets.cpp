// IMG-004 No secrets in ENV/ARG/LABEL, RUN command lines or the image config (hadolint DL3064,
// Trivy AVD-DS-0031, dockle CIS-DI-0010), on the shared detector (secrets/secrets.h). A finding
// shows only the redacted preview the detector gives, never the secret.
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/secrets/secrets.h"

namespace ecsguard::checks::image {

namespace {

std::string what(const secrets::Match& m, const engine::CheckContext& ctx) {
  const auto lang = ctx.options().lang == i18n::Lang::kJa ? secrets::Lang::kJa : secrets::Lang::kEn;
  return std::string(secrets::describe(m.kind, lang));
}

void pairs(const model::Dockerfile& df, std::size_t s, std::size_t i,
           const model::DockerInstruction& ins, engine::CheckContext& ctx) {
  const auto& det = secrets::default_detector();
  for (const auto& p : ins.pairs) {
    const std::string prop = instruction_path(df, s, i) + "[" + p.key + "]";
    if (!p.has_value) {
      if (ins.op == "ARG" && secrets::secret_name(p.key)) {
        ctx.warn(ins.loc, prop, msg::img004::SecretArg{.name = p.key});
      }
      continue;
    }
    const auto found = det.scan_pair(p.key, unquote(p.value));
    if (found.matches.empty()) continue;
    const auto& m = found.matches.front();
    ctx.fail(ins.loc, prop,
             msg::img004::Variable{
                 .op = ins.op, .name = p.key, .what = what(m, ctx), .preview = m.preview});
  }
}

void run_line(const model::Dockerfile& df, std::size_t s, std::size_t i,
              const model::DockerInstruction& ins, engine::CheckContext& ctx) {
  const auto found = secrets::default_detector().scan_text(run_text(ins));
  for (const auto& m : found.matches) {
    if (m.confidence == secrets::Confidence::kLow) continue;
    ctx.fail(ins.loc, instruction_path(df, s, i),
             msg::img004::Command{.what = what(m, ctx), .preview = m.preview});
    return;
  }
}

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  for (std::size_t s = 0; s < df.stages.size(); ++s) {
    const auto& st = df.stages[s];
    for (std::size_t i = 0; i < st.instructions.size(); ++i) {
      const auto& ins = st.instructions[i];
      if (ins.op == "ENV" || ins.op == "ARG" || ins.op == "LABEL") pairs(df, s, i, ins, ctx);
      if (ins.op == "RUN") run_line(df, s, i, ins, ctx);
    }
  }
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  const auto& det = secrets::default_detector();
  const auto config = [&](std::string_view field, const auto& list) {
    for (const auto& [name, value] : list) {
      const auto found = det.scan_pair(name, value);
      if (found.matches.empty()) continue;
      const auto& m = found.matches.front();
      ctx.fail(img.id.loc, "Config." + std::string(field) + "[" + name + "]",
               msg::img004::ImageConfig{.field = std::string(field),
                                        .name = name,
                                        .what = what(m, ctx),
                                        .preview = m.preview});
    }
  };
  config("Env", img.env);
  config("Labels", img.labels);
  for (std::size_t h = 0; h < img.history.size(); ++h) {
    for (const auto& m : det.scan_text(img.history[h]).matches) {
      if (m.confidence == secrets::Confidence::kLow) continue;
      ctx.fail(img.id.loc, "History[" + std::to_string(h) + "]",
               msg::img004::History{.step = h + 1, .what = what(m, ctx), .preview = m.preview});
      break;
    }
  }
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef embedded_secrets;
const engine::CheckDef embedded_secrets{
    .id = "IMG-004",
    .rationale = i18n::Id::kImg004Rationale,
    .remediation = {.dockerfile =
                        "# syntax=docker/dockerfile:1\n"
                        "RUN --mount=type=secret,id=npm_token \\\n"
                        "    NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n"
                        "# runtime secrets: ECS task definition `secrets` (Secrets Manager / SSM)"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
