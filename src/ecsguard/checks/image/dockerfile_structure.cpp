// IMG-020 Dockerfile structural correctness that affects runtime behaviour: one ENTRYPOINT/CMD
// per stage, exec form, valid stage references, absolute WORKDIR, ports in range, COPY with
// several sources into a directory (hadolint DL3000/DL3003/DL3011/DL3021-DL3025/DL4000/DL4003/
// DL4004; Checkov CKV_DOCKER_6/10/11).
#include <charconv>
#include <set>
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

struct At {
  const model::Dockerfile& df;
  std::size_t stage, index;
  const model::DockerInstruction& ins;
  engine::CheckContext& ctx;
  void fail(const i18n::Message& m) const {
    ctx.fail(ins.loc, instruction_path(df, stage, index), m);
  }
  void warn(const i18n::Message& m) const {
    ctx.warn(ins.loc, instruction_path(df, stage, index), m);
  }
};

// "8080", "8080/tcp", "8000-8010/udp": every number within 0-65535. Variables are not judged.
bool ports_valid(std::string_view spec) {
  if (spec.find('$') != std::string_view::npos) return true;
  spec = spec.substr(0, spec.find('/'));
  const auto dash = spec.find('-');
  for (std::string_view part :
       {spec.substr(0, dash),
        dash == std::string_view::npos ? std::string_view() : spec.substr(dash + 1)}) {
    if (part.empty() && dash == std::string_view::npos) continue;
    unsigned long v = 0;
    const auto* end = part.data() + part.size();
    const auto r = std::from_chars(part.data(), end, v);
    if (part.empty() || r.ec != std::errc() || r.ptr != end || v > 65535) return false;
  }
  return true;
}

bool has_wildcard(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

// COPY/ADD: several sources (a wildcard counts as several) need a destination directory.
void copy_destination(const At& at) {
  const auto& a = at.ins.args;
  if (a.size() < 2 || !at.ins.heredoc.empty()) return;
  const std::string& dest = a.back();
  const std::size_t sources = a.size() - 1;
  if (sources < 2 && !has_wildcard(a.front())) return;
  if (dest.ends_with("/") || dest == "." || dest == "./" || dest.find('$') != std::string::npos ||
      dest.starts_with("\"") || dest.starts_with("'")) {
    return;
  }
  at.fail(msg::img020::CopyDestination{.op = at.ins.op, .destination = dest});
}

void copy_from(const At& at, const std::set<std::string>& earlier) {
  const auto* from = at.ins.flag("from");
  if (from == nullptr) return;
  const std::string own = at.df.stages[at.stage].name;
  if (!own.empty() && core::iequals(from->value, own)) {
    at.fail(msg::img020::CopyFromSelf{.stage = own});
  }
  (void)earlier;
}

void relative_workdir(const At& at) {
  if (at.ins.args.empty()) return;
  const std::string& dir = at.ins.args.front();
  if (dir.starts_with("/") || dir.starts_with("$") || dir.starts_with("\"/") ||
      (dir.size() > 2 && dir[1] == ':')) {  // C:\ (Windows images)
    constexpr std::string_view kSystem[] = {"/",    "/bin",  "/sbin", "/usr", "/usr/bin", "/etc",
                                            "/lib", "/proc", "/sys",  "/dev", "/boot"};
    for (auto s : kSystem) {
      if (dir == s) at.warn(msg::img020::SystemWorkdir{.dir = dir});
    }
    return;
  }
  at.warn(msg::img020::RelativeWorkdir{.dir = dir});
}

void run_cd(const At& at) {
  for (const auto& c : commands(run_text(at.ins))) {
    if (program(c.words) == "cd") {
      at.warn(msg::img020::RunCd{});
      return;
    }
  }
}

void stage(const model::Dockerfile& df, std::size_t s, std::set<std::string>& names,
           engine::CheckContext& ctx) {
  const auto& st = df.stages[s];
  std::size_t entrypoints = 0, cmds = 0;
  for (std::size_t i = 0; i < st.instructions.size(); ++i) {
    const auto& ins = st.instructions[i];
    const At at{df, s, i, ins, ctx};
    if (ins.op == "ENTRYPOINT" || ins.op == "CMD") {
      std::size_t& n = ins.op == "CMD" ? cmds : entrypoints;
      if (++n == 2) {
        if (ins.op == "CMD") {
          at.warn(msg::img020::MultipleCmd{});
        } else {
          at.fail(msg::img020::MultipleEntrypoint{});
        }
      }
      if (!ins.exec_form) at.warn(msg::img020::ShellForm{.op = ins.op});
    } else if (ins.op == "COPY" || ins.op == "ADD") {
      copy_destination(at);
      if (ins.op == "COPY") copy_from(at, names);
    } else if (ins.op == "WORKDIR") {
      relative_workdir(at);
    } else if (ins.op == "RUN") {
      run_cd(at);
    } else if (ins.op == "MAINTAINER") {
      at.warn(msg::img020::Maintainer{});
    } else if (ins.op == "EXPOSE") {
      for (const auto& p : ins.args) {
        if (!ports_valid(p)) at.fail(msg::img020::PortRange{.port = p});
      }
    }
  }
  if (!st.name.empty() && !names.insert(st.name).second) {
    ctx.fail(st.instructions.front().loc, instruction_path(df, s, 0),
             msg::img020::DuplicateStage{.stage = st.name});
  }
}

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  std::set<std::string> names;
  for (std::size_t s = 0; s < df.stages.size(); ++s) stage(df, s, names, ctx);
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef dockerfile_structure;
const engine::CheckDef dockerfile_structure{
    .id = "IMG-020",
    .rationale = i18n::Id::kImg020Rationale,
    .remediation = {.dockerfile = "WORKDIR /app\n"
                                  "COPY package.json package-lock.json ./\n"
                                  "ENTRYPOINT [\"node\", \"server.js\"]"},
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
