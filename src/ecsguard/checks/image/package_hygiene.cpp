// IMG-012 Package-manager hygiene: no caches left, --no-install-recommends, update not alone, no
// dist-upgrade, non-interactive installs (hadolint DL3009/DL3014/DL3015/DL3019/DL3027/DL3030/
// DL3032/DL3034-DL3036/DL3038/DL3040/DL3042/DL3060).
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

struct Run {
  const model::Dockerfile& df;
  std::size_t stage, index;
  const model::DockerInstruction& ins;
  bool shipped;
  engine::CheckContext& ctx;

  void warn(const i18n::Message& m) const {
    ctx.warn(ins.loc, instruction_path(df, stage, index), m);
  }
  void fail(const i18n::Message& m) const {
    ctx.fail(ins.loc, instruction_path(df, stage, index), m);
  }
};

bool any_command(const std::vector<Command>& cmds, std::string_view prog, std::string_view sub) {
  for (const auto& c : cmds) {
    if (program(c.words) == prog && subcommand(arguments(c.words)) == sub) return true;
  }
  return false;
}

bool text_has(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

// apt-get / apt: update alone, dist-upgrade, -y, --no-install-recommends, lists removed.
void apt(const Run& r, const std::vector<Command>& cmds, const std::string& text) {
  bool update = false, install = false;
  for (const auto& c : cmds) {
    const std::string_view p = program(c.words);
    if (p != "apt-get" && p != "apt") continue;
    const Words a = arguments(c.words);
    const std::string_view sub = subcommand(a);
    if (p == "apt" && (sub == "install" || sub == "upgrade" || sub == "update")) {
      r.warn(msg::img012::AptTool{});
    }
    if (sub == "update") update = true;
    if (sub == "dist-upgrade" || sub == "full-upgrade") r.fail(msg::img012::DistUpgrade{});
    if (sub != "install") continue;
    install = true;
    if (!has_short_flag(a, 'y') && !has_word(a, "--yes") && !has_word(a, "--assume-yes") &&
        !has_prefix_word(a, "-qq") && !has_word(a, "-q=2")) {
      r.warn(msg::img012::NotNonInteractive{.tool = std::string(p)});
    }
    if (!has_word(a, "--no-install-recommends") &&
        !text_has(text, "APT::Install-Recommends=false") &&
        !text_has(text, "APT::Install-Recommends \"false\"")) {
      r.warn(msg::img012::Recommends{});
    }
  }
  if (update && !install) r.fail(msg::img012::UpdateAlone{.tool = "apt-get"});
  if (install && r.shipped && !text_has(text, "/var/lib/apt/lists")) {
    r.warn(msg::img012::AptLists{});
  }
}

void apk(const Run& r, const std::vector<Command>& cmds, const std::string& text) {
  bool update = false, add = false;
  for (const auto& c : cmds) {
    if (program(c.words) != "apk") continue;
    const Words a = arguments(c.words);
    const std::string_view sub = subcommand(a);
    if (sub == "update") update = true;
    if (sub != "add") continue;
    add = true;
    if (!has_word(a, "--no-cache") && r.shipped && !text_has(text, "/var/cache/apk")) {
      r.warn(msg::img012::ApkCache{});
    }
  }
  if (update && !add) r.fail(msg::img012::UpdateAlone{.tool = "apk"});
}

// yum, dnf, microdnf, tdnf, zypper: -y and a clean in the same RUN.
void rpm_tools(const Run& r, const std::vector<Command>& cmds, const std::string& text) {
  for (const auto& c : cmds) {
    const std::string_view p = program(c.words);
    const bool zypper = p == "zypper";
    if (p != "yum" && p != "dnf" && p != "microdnf" && p != "tdnf" && !zypper) continue;
    const Words a = arguments(c.words);
    const std::string_view sub = subcommand(a);
    if (zypper && (sub == "dist-upgrade" || sub == "dup")) r.fail(msg::img012::DistUpgrade{});
    const bool install = sub == "install" || sub == "in" || (zypper && sub == "in");
    if (!install) continue;
    const bool yes = zypper ? has_word(a, "-n") || has_word(a, "--non-interactive") ||
                                  has_word(a, "-y") || has_word(a, "--no-confirm")
                            : has_short_flag(a, 'y') || has_word(a, "--assumeyes");
    if (!yes && p != "microdnf") r.warn(msg::img012::NotNonInteractive{.tool = std::string(p)});
    const bool cleaned = any_command(cmds, p, "clean") || (zypper && any_command(cmds, p, "cc")) ||
                         text_has(text, "/var/cache/" + std::string(p == "microdnf" ? "dnf" : p));
    if (!cleaned && r.shipped) r.warn(msg::img012::NoClean{.tool = std::string(p)});
  }
}

void pip_yarn(const Run& r, const std::vector<Command>& cmds, const model::Dockerfile& df) {
  bool env_no_cache = false;
  for (const auto& s : df.stages) {
    for (const auto& i : s.instructions) {
      for (const auto& p : i.pairs) env_no_cache = env_no_cache || p.key == "PIP_NO_CACHE_DIR";
    }
  }
  bool yarn_install = false, yarn_clean = false;
  for (const auto& c : cmds) {
    const Words a = arguments(c.words);
    if (is_pip(c)) {
      const bool install = has_word(a, "install");
      if (install && !has_word(a, "--no-cache-dir") && !env_no_cache && r.shipped) {
        r.warn(msg::img012::PipCache{});
      }
    }
    if (program(c.words) == "yarn") {
      const std::string_view sub = subcommand(a);
      yarn_install = yarn_install || sub == "install" || sub == "add" || sub.empty();
      yarn_clean = yarn_clean || (sub == "cache" && has_word(a, "clean"));
    }
  }
  if (yarn_install && !yarn_clean && r.shipped) r.warn(msg::img012::YarnCache{});
}

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  const std::vector<bool> shipped = shipped_stages(df);
  each_instruction(df, "RUN",
                   [&](std::size_t s, std::size_t i, const model::DockerInstruction& ins) {
                     const std::string text = run_text(ins);
                     const auto cmds = commands(text);
                     const Run r{df, s, i, ins, shipped[s], ctx};
                     apt(r, cmds, text);
                     apk(r, cmds, text);
                     rpm_tools(r, cmds, text);
                     pip_yarn(r, cmds, df);
                   });
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef package_hygiene;
const engine::CheckDef package_hygiene{
    .id = "IMG-012",
    .rationale = i18n::Id::kImg012Rationale,
    .remediation =
        {
            .dockerfile =
                "RUN apt-get update \\\n"
                " && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n"
                " && rm -rf /var/lib/apt/lists/*",
        },
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
