#include "ecsguard/parse/dockerfile/frontend.h"

#include <string>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "ecsguard/parse/dockerfile/resolve.h"
#include "ecsguard/parse/sniff.h"

namespace ecsguard::parse::dockerfile {

namespace {

std::string_view base_name(std::string_view path) noexcept {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

model::Str str_of(const ResolvedValue& v) {
  if (v.value.known) return model::Str::of(v.value.text, v.loc);
  std::string why = "depends on build argument";
  for (const auto& name : v.value.unknown_vars) why += " " + name;
  auto out = model::Str::unknown_because(std::move(why), v.loc);
  out.value = v.value.text;
  return out;
}

model::DockerInstruction to_model(const Instruction& ins) {
  model::DockerInstruction out;
  out.op = std::string(to_string(ins.kind));
  out.loc = ins.loc;
  out.original = ins.original;
  out.args = ins.args;
  out.exec_form = ins.json;
  for (const auto& f : ins.flags) out.flags.push_back({f.name, f.has_value ? f.value : ""});
  for (const auto& p : ins.pairs) out.pairs.push_back({p.key, p.value, p.has_value, ins.loc});
  for (const auto& h : ins.heredocs) {
    if (!out.heredoc.empty()) out.heredoc += '\n';
    out.heredoc += h.content;
  }
  if (!ins.trigger.empty()) out.trigger_op = std::string(to_string(ins.trigger.front().kind));
  return out;
}

model::DockerStage to_model(const Dockerfile& df, const Stage& stage, const ResolvedStage& rs) {
  model::DockerStage out;
  out.name = rs.name;
  out.base = str_of(rs.base);
  out.parent = rs.parent;
  out.scratch = rs.scratch;
  if (rs.user) out.user = str_of(*rs.user);
  out.instructions.push_back(to_model(df.instructions[stage.from]));
  for (const std::size_t i : stage.body) out.instructions.push_back(to_model(df.instructions[i]));
  return out;
}

// A file with instructions but no FROM (a snippet; BuildKit refuses it, the parser says so): its
// instructions as one stage whose base is unknown and whose first instruction is not a FROM, so
// the checks of what the instructions do still run.
std::vector<model::DockerStage> snippet_stage(const Dockerfile& df) {
  model::DockerStage st;
  st.base = model::Str::unknown_because("the file has no FROM");
  for (const auto& ins : df.instructions) {
    if (ins.kind == Kind::kArg || ins.kind == Kind::kUnknown) continue;
    st.instructions.push_back(to_model(ins));
    if (ins.kind == Kind::kUser && !ins.args.empty())
      st.user = model::Str::of(ins.args[0], ins.loc);
  }
  if (st.instructions.empty()) return {};
  return {std::move(st)};
}

core::Error error_of(const Diagnostic& d) {
  return {d.level == DiagLevel::kError ? core::Errc::kSyntax : core::Errc::kSkipped, d.text(),
          d.where};
}

// Patterns of a .dockerignore: one a line, comments and blank lines dropped.
std::vector<std::string> ignore_patterns(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& line : core::split(text, '\n')) {
    const std::string_view p = core::trim(line);
    if (p.empty() || p.front() == '#') continue;
    out.emplace_back(p);
  }
  return out;
}

model::Value<std::vector<std::string>> dockerignore(const FrontendInput& in) {
  if (in.loader == nullptr || in.source.fs_path.empty()) {
    return model::Value<std::vector<std::string>>::unknown_because("the build context is not read");
  }
  const std::string own = std::string(base_name(in.source.fs_path)) + ".dockerignore";
  for (const std::string_view name : {std::string_view(own), std::string_view(".dockerignore")}) {
    auto file = in.loader->load(in.source.fs_path, in.source.display, name);
    if (file) return model::Value<std::vector<std::string>>::of(ignore_patterns(file->text));
    if (file.error().code != core::Errc::kIo) {
      return model::Value<std::vector<std::string>>::unknown_because(file.error().message);
    }
  }
  return {};
}

}  // namespace

Confidence sniff(std::string_view path, std::string_view /*bytes*/) noexcept {
  const std::string_view name = base_name(path);
  if (sniff::has_suffix(name, {".dockerignore"})) return Confidence::kNo;
  if (core::iequals(name, "Dockerfile") || core::iequals(name, "Containerfile") ||
      sniff::has_suffix(name, {".dockerfile", ".containerfile"}) ||
      core::starts_with_i(name, "Dockerfile.") || core::starts_with_i(name, "Containerfile.")) {
    return Confidence::kLikely;
  }
  return Confidence::kNo;
}

Fragment build(const FrontendInput& in) {
  Fragment out;
  if (sniff(in.source.display, {}) == Confidence::kNo &&
      sniff(in.source.fs_path, {}) == Confidence::kNo) {
    return out;  // only files named like a Dockerfile
  }
  auto parsed = parse(in.source.text, in.source.file);
  if (!parsed) {
    out.unreadable = parsed.error();
    return out;
  }
  out.recognised = true;
  const Dockerfile& df = *parsed;
  for (const auto& d : df.diagnostics) out.errors.push_back(error_of(d));
  const Resolved resolved = resolve(df);
  for (const auto& d : resolved.diagnostics) out.errors.push_back(error_of(d));

  model::Scope scope;
  scope.id = in.source.file;
  scope.file = in.source.file;
  scope.origin = model::Origin::kDockerfile;
  out.stack.scopes.push_back(scope);

  model::Dockerfile m;
  m.id.type = "Dockerfile";
  m.id.name = std::string(base_name(in.source.display));  // like a task definition file stem
  m.id.scope = in.source.file;
  m.id.origin = model::Origin::kDockerfile;
  m.id.loc = {in.source.file, 1, 1};
  for (std::size_t i = 0; i < df.stages.size() && i < resolved.stages.size(); ++i) {
    m.stages.push_back(to_model(df, df.stages[i], resolved.stages[i]));
  }
  if (m.stages.empty()) m.stages = snippet_stage(df);
  if (!m.stages.empty()) m.stages.back().final = true;
  m.dockerignore = dockerignore(in);
  out.stack.add(std::move(m));
  return out;
}

}  // namespace ecsguard::parse::dockerfile
