// IMG-008 No remote scripts piped into a shell without integrity verification; pipes under
// `set -o pipefail` (hadolint DL4006).
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

bool fetcher(std::string_view p) { return p == "curl" || p == "wget"; }

bool interpreter(std::string_view p) {
  constexpr std::string_view kShells[] = {"sh",     "bash",    "zsh",  "dash", "ash", "ksh",
                                          "python", "python3", "perl", "ruby", "node"};
  for (const auto s : kShells) {
    if (p == s) return true;
  }
  return false;
}

bool verifies(const std::vector<Command>& cmds) {
  for (const auto& c : cmds) {
    const std::string_view p = program(c.words);
    const Words a = arguments(c.words);
    if ((p.ends_with("sum") && (has_word(a, "-c") || has_word(a, "--check"))) ||
        (p == "gpg" && (has_word(a, "--verify") || has_prefix_word(a, "--verify"))) ||
        p == "cosign" || p == "minisign") {
      return true;
    }
  }
  return false;
}

// `set -o pipefail` in the RUN, or a SHELL with -o pipefail before it in the stage.
bool pipefail(const model::DockerStage& st, std::size_t upto, const std::string& text) {
  if (text.find("pipefail") != std::string::npos) return true;
  for (std::size_t i = 0; i < upto; ++i) {
    const auto& ins = st.instructions[i];
    if (ins.op != "SHELL") continue;
    for (std::size_t k = 0; k + 1 < ins.args.size(); ++k) {
      if (ins.args[k] == "-o" && ins.args[k + 1] == "pipefail") return true;
    }
    if (!ins.args.empty() && (ins.args[0].find("pwsh") != std::string::npos ||
                              ins.args[0].find("powershell") != std::string::npos ||
                              ins.args[0].find("cmd") != std::string::npos)) {
      return true;  // not a POSIX shell
    }
  }
  return false;
}

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  each_instruction(df, "RUN", [&](std::size_t s, std::size_t i, const auto& ins) {
    if (ins.exec_form) return;  // no shell: no pipe
    const std::string text = run_text(ins);
    const auto cmds = commands(text);
    const std::string prop = instruction_path(df, s, i);
    bool piped = false;
    for (std::size_t k = 0; k < cmds.size(); ++k) {
      if (!cmds[k].piped) continue;
      piped = true;
      if (k + 1 < cmds.size() && fetcher(program(cmds[k].words)) &&
          interpreter(program(cmds[k + 1].words)) && !verifies(cmds)) {
        ctx.fail(ins.loc, prop,
                 msg::img008::PipedScript{.fetcher = std::string(program(cmds[k].words)),
                                          .shell = std::string(program(cmds[k + 1].words))});
        return;
      }
    }
    if (piped && !pipefail(df.stages[s], i, text))
      ctx.warn(ins.loc, prop, msg::img008::NoPipefail{});
  });
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef remote_script_pipe;
const engine::CheckDef remote_script_pipe{
    .id = "IMG-008",
    .rationale = i18n::Id::kImg008Rationale,
    .remediation = {.dockerfile = "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                                  "RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh "
                                  "\\\n"
                                  " && echo \"<sha256>  /tmp/install.sh\" | sha256sum -c - \\\n"
                                  " && sh /tmp/install.sh"},
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
