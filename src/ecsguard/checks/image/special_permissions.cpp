// IMG-014 No setuid/setgid binaries in the final image; application files not writable by the
// runtime user (dockle CIS-DI-0008, KICS Chown Flag Exists).
#include <re2/re2.h>

#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

// chmod u+s, g+s, +s, or an octal mode with the 4000/2000 bits.
bool sets_special_bits(const Command& c) {
  if (program(c.words) != "chmod") return false;
  static const RE2 kSymbolic(R"([ugoa]*[+=][rwxXt]*s[rwxXst]*)");
  static const RE2 kOctal(R"(0?[2-7][0-7]{3})");
  for (const auto& w : arguments(c.words)) {
    if (w.starts_with("-")) continue;
    for (const auto part : core::split(w, ',')) {
      const re2::StringPiece p(part.data(), part.size());
      if (RE2::FullMatch(p, kSymbolic)) return true;
      if (RE2::FullMatch(p, kOctal)) {
        const char lead = part.size() == 5 ? part[1] : part[0];
        if (lead == '2' || lead == '3' || lead == '4' || lead == '5' || lead == '6' ||
            lead == '7') {
          return true;
        }
      }
    }
    return false;  // only the first non-option word is the mode
  }
  return false;
}

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  const std::vector<bool> shipped = shipped_stages(df);
  for (std::size_t s = 0; s < df.stages.size(); ++s) {
    if (!shipped[s]) continue;
    const auto& st = df.stages[s];
    for (std::size_t i = 0; i < st.instructions.size(); ++i) {
      const auto& ins = st.instructions[i];
      if (ins.op == "RUN") {
        for (const auto& c : commands(run_text(ins))) {
          if (sets_special_bits(c)) {
            ctx.fail(ins.loc, instruction_path(df, s, i), msg::img014::Chmod{});
            break;
          }
        }
      } else if ((ins.op == "COPY" || ins.op == "ADD") && ins.flag("chown") != nullptr &&
                 st.user.known() && !st.user.value.empty()) {
        const std::string owner = ins.flag("chown")->value;
        const std::string user = st.user.value.substr(0, st.user.value.find(':'));
        if (owner.substr(0, owner.find(':')) == user) {
          ctx.warn(ins.loc, instruction_path(df, s, i), msg::img014::ChownRuntime{.user = owner});
        }
      }
    }
  }
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  for (const auto& f : img.files) {
    if (f.type != model::ImageFileType::kRegular || (f.mode & 06000U) == 0) continue;
    ctx.fail(img.id.loc, "Files[/" + f.path + "]",
             msg::img014::ImageSpecial{.path = "/" + f.path,
                                       .bit = (f.mode & 04000U) != 0 ? "setuid" : "setgid"});
  }
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef special_permissions;
const engine::CheckDef special_permissions{
    .id = "IMG-014",
    .rationale = i18n::Id::kImg014Rationale,
    .remediation = {.dockerfile = "# Drop the s-bits of everything in the final stage:\n"
                                  "RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || "
                                  "true\n"
                                  "COPY --chown=root:root app/ /app/"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
