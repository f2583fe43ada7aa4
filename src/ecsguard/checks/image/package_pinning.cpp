// IMG-013 OS and language package versions pinned (hadolint DL3008/DL3013/DL3016/DL3018/DL3028/
// DL3033/DL3037/DL3041/DL3062): WARN for each package installed without a version.
#include <re2/re2.h>

#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

// Options that take a value in the next word, per tool (the value is not a package).
bool takes_value(std::string_view tool, std::string_view opt) {
  constexpr std::string_view kApk[] = {"-t", "--virtual", "-X", "--repository", "--root", "-p"};
  constexpr std::string_view kPip[] = {"-r",
                                       "--requirement",
                                       "-c",
                                       "--constraint",
                                       "-e",
                                       "--editable",
                                       "-i",
                                       "--index-url",
                                       "--extra-index-url",
                                       "-f",
                                       "--find-links",
                                       "-t",
                                       "--target",
                                       "--prefix",
                                       "--root",
                                       "--trusted-host",
                                       "--platform",
                                       "--python-version",
                                       "--src",
                                       "--cache-dir",
                                       "--cert",
                                       "--proxy",
                                       "--timeout",
                                       "--retries",
                                       "--no-binary",
                                       "--only-binary",
                                       "--upgrade-strategy",
                                       "--log",
                                       "--exists-action",
                                       "--abi",
                                       "--implementation"};
  constexpr std::string_view kRpm[] = {
      "--repo", "--enablerepo", "--disablerepo", "--releasever", "--installroot",
      "-c",     "--config",     "--setopt",      "-r",           "--repository"};
  constexpr std::string_view kGem[] = {"-v", "--version", "-i", "--install-dir",
                                       "-n", "--bindir",  "-s", "--source"};
  constexpr std::string_view kApt[] = {"-o", "-t", "--target-release", "-c", "--config-file"};
  const auto in = [&](std::span<const std::string_view> list) {
    return std::find(list.begin(), list.end(), opt) != list.end();
  };
  if (tool == "apk") return in(kApk);
  if (tool == "pip") return in(kPip);
  if (tool == "gem") return in(kGem);
  if (tool == "apt-get" || tool == "apt") return in(kApt);
  if (tool == "npm" || tool == "go") return opt == "--prefix" || opt == "--registry";
  return in(kRpm);
}

// A package argument that names its version (or is a file/URL/path, pinned by its content).
bool pinned(std::string_view tool, std::string_view pkg) {
  if (pkg.find('/') != std::string_view::npos && tool != "npm" && tool != "go") return true;
  if (pkg.find("://") != std::string_view::npos || pkg.starts_with(".") ||
      pkg.find('$') != std::string_view::npos) {
    return true;
  }
  if (tool == "apt-get" || tool == "apt" || tool == "apk") {
    return pkg.find('=') != std::string_view::npos || pkg.ends_with(".deb") ||
           pkg.ends_with(".apk") || (tool == "apk" && pkg.find('~') != std::string_view::npos);
  }
  if (tool == "pip") {
    return pkg.find_first_of("=<>~!@") != std::string_view::npos || pkg.ends_with(".whl") ||
           pkg.ends_with(".tar.gz") || pkg.ends_with(".zip");
  }
  if (tool == "npm") {
    const auto at = pkg.find('@', pkg.starts_with("@") ? 1 : 0);
    return at != std::string_view::npos || pkg.starts_with("git") || pkg.ends_with(".tgz");
  }
  if (tool == "gem") return pkg.find(':') != std::string_view::npos;
  if (tool == "go") return pkg.find('@') != std::string_view::npos;
  if (tool == "zypper") {
    return pkg.find_first_of("=<>") != std::string_view::npos || pkg.ends_with(".rpm");
  }
  // yum / dnf / microdnf / tdnf: name-version[-release], or an .rpm file.
  static const RE2 kVersioned(R"(.+-\d[\w.+~:-]*|.+\.rpm)");
  return RE2::FullMatch(re2::StringPiece(pkg.data(), pkg.size()), kVersioned);
}

// The tool ("apt-get", "pip", ...) and whether the command installs named packages.
std::string_view installer(const Command& c, const Words& a) {
  const std::string_view p = program(c.words);
  const std::string_view sub = subcommand(a);
  if ((p == "apt-get" || p == "apt") && sub == "install") return p;
  if (p == "apk" && sub == "add") return p;
  if ((p == "yum" || p == "dnf" || p == "microdnf" || p == "tdnf") && sub == "install") return p;
  if (p == "zypper" && (sub == "install" || sub == "in")) return p;
  if (is_pip(c) && has_word(a, "install")) return "pip";
  if (p == "npm" && (sub == "install" || sub == "i" || sub == "add")) return "npm";
  if (p == "gem" && sub == "install") return "gem";
  if (p == "go" && sub == "install") return "go";
  return {};
}

void check_command(const Command& c, const model::Dockerfile& df, std::size_t s, std::size_t i,
                   const model::DockerInstruction& ins, engine::CheckContext& ctx) {
  Words a = arguments(c.words);
  if (a.size() >= 2 && program(c.words).starts_with("python") && a[0] == "-m") {
    a.erase(a.begin(), a.begin() + 2);  // "-m pip": the rest reads as pip's arguments
  }
  const std::string_view tool = installer(c, a);
  if (tool.empty()) return;
  const bool gem_version = tool == "gem" && (has_word(a, "-v") || has_word(a, "--version"));
  if (gem_version) return;
  bool past_sub = false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const std::string& w = a[k];
    if (w.starts_with("-")) {
      if (takes_value(tool, w)) ++k;
      continue;
    }
    if (!past_sub) {  // the sub-command ("install", "add")
      past_sub = true;
      continue;
    }
    if (pinned(tool, w)) continue;
    ctx.warn(ins.loc, instruction_path(df, s, i),
             msg::img013::Unpinned{.tool = std::string(tool), .package = w});
  }
}

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  each_instruction(df, "RUN",
                   [&](std::size_t s, std::size_t i, const model::DockerInstruction& ins) {
                     for (const auto& c : commands(run_text(ins)))
                       check_command(c, df, s, i, ins, ctx);
                   });
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef package_pinning;
const engine::CheckDef package_pinning{
    .id = "IMG-013",
    .rationale = i18n::Id::kImg013Rationale,
    .remediation = {.dockerfile = "RUN apt-get install -y --no-install-recommends "
                                  "curl=7.88.1-10+deb12u5\n"
                                  "RUN pip install --no-cache-dir requests==2.32.3\n"
                                  "RUN npm ci   # versions from package-lock.json"},
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
