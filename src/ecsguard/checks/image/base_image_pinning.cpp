// IMG-002 Base images pinned: an explicit tag, never latest, a digest preferred (hadolint
// DL3006/DL3007, Checkov CKV_DOCKER_7, Trivy AVD-DS-0001). Every FROM that names an image (not
// scratch, not an earlier stage), after ARG expansion.
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  for (std::size_t s = 0; s < df.stages.size(); ++s) {
    const auto& st = df.stages[s];
    if (st.parent || st.instructions.empty() || st.instructions.front().op != "FROM") continue;
    const auto& base = st.base;
    const std::string text = base.known() ? base.value : printable(base.value);
    if (base.known() && core::iequals(text, "scratch")) continue;
    if (base.known() && core::trim(text).empty()) continue;  // FROM ${UNSET}: BuildKit refuses it
    const core::Loc at = st.instructions.front().loc;
    const std::string prop = instruction_path(df, s, 0);
    const ImageRef ref = model::parse_image_ref(text);
    if (!ref.digest.empty()) continue;
    if (!base.known() && (!ref.tag_known || !ref.digest_known)) {
      ctx.unknown(at, prop, base.reason);
      continue;
    }
    if (!ref.has_tag) {
      ctx.fail(at, prop, msg::img002::NoTag{.image = text});
    } else if (ref.tag == "latest") {
      ctx.fail(at, prop, msg::img002::Latest{.image = text});
    } else {
      ctx.warn(at, prop, msg::img002::NoDigest{.image = text}, core::Severity::kLow);
    }
  }
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef base_image_pinning;
const engine::CheckDef base_image_pinning{
    .id = "IMG-002",
    .rationale = i18n::Id::kImg002Rationale,
    .remediation = {.dockerfile = "FROM public.ecr.aws/docker/library/node:20.15-bookworm-slim"
                                  "@sha256:<digest>"},
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
