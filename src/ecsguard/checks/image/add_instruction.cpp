// IMG-006 COPY instead of ADD; remote ADD only with --checksum (hadolint DL3020/DL3010, Checkov
// CKV_DOCKER_4, Trivy AVD-DS-0005).
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

bool remote(std::string_view src) {
  return core::starts_with_i(src, "http://") || core::starts_with_i(src, "https://") ||
         core::starts_with_i(src, "git@") || src.ends_with(".git");
}

bool local_archive(std::string_view src) {
  for (const std::string_view ext : {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
                                     ".txz", ".tar.zst", ".gz", ".bz2", ".xz", ".zst"}) {
    if (src.size() > ext.size() && core::iequals(src.substr(src.size() - ext.size()), ext)) {
      return true;
    }
  }
  return false;
}

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  each_instruction(df, "ADD", [&](std::size_t s, std::size_t i, const auto& ins) {
    if (ins.args.size() < 2 || !ins.heredoc.empty()) return;
    const std::string prop = instruction_path(df, s, i);
    for (std::size_t k = 0; k + 1 < ins.args.size(); ++k) {
      const std::string& src = ins.args[k];
      if (remote(src)) {
        if (ins.flag("checksum") == nullptr) {
          ctx.fail(ins.loc, prop, msg::img006::RemoteNoChecksum{.source = src});
        }
      } else if (local_archive(src)) {
        ctx.warn(ins.loc, prop, msg::img006::LocalArchive{.source = src});
      } else {
        ctx.fail(ins.loc, prop, msg::img006::UseCopy{.source = src});
      }
    }
  });
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef add_instruction;
const engine::CheckDef add_instruction{
    .id = "IMG-006",
    .rationale = i18n::Id::kImg006Rationale,
    .remediation = {.dockerfile = "COPY app/ /app/\n"
                                  "ADD --checksum=sha256:<hex> https://example.com/tool.tar.gz "
                                  "/tmp/"},
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
