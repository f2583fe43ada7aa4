#include "ecsguard/parse/dockerfile/resolve.h"

#include <string>
#include <string_view>
#include <utility>

#include "ecsguard/core/strings.h"

namespace ecsguard::parse::dockerfile {

namespace {

constexpr std::string_view kPlatformArgs[] = {"TARGETPLATFORM", "TARGETOS",      "TARGETARCH",
                                              "TARGETVARIANT",  "BUILDPLATFORM", "BUILDOS",
                                              "BUILDARCH",      "BUILDVARIANT"};

bool is_platform_arg(std::string_view n) {
  for (auto p : kPlatformArgs) {
    if (p == n) return true;
  }
  return false;
}

void set_var(std::vector<Var>& vars, Var v) {
  for (auto& e : vars) {
    if (e.name == v.name) {
      e = std::move(v);
      return;
    }
  }
  vars.push_back(std::move(v));
}

class Resolver {
 public:
  Resolver(const Dockerfile& df, const Limits& limits, const std::vector<Var>& build_args)
      : df_(df), limits_(limits), build_args_(build_args) {}

  Resolved run() {
    for (const auto& p : kPlatformArgs) out_.global_args.push_back({std::string(p), "", false});
    for (std::size_t i : df_.meta_args)
      declare_args(df_.instructions[i], i, out_.global_args, global_scope());
    for (std::size_t s = 0; s < df_.stages.size(); ++s) out_.stages.push_back(stage(s));
    if (!out_.stages.empty()) out_.final_stage = out_.stages.size() - 1;
    return std::move(out_);
  }

 private:
  Scope global_scope() const { return Scope{nullptr, &out_.global_args, Missing::kEmpty}; }

  ResolvedValue value(std::string_view word, const Scope& scope, std::size_t ins) {
    ResolvedValue v;
    v.instruction = ins;
    v.loc = df_.instructions[ins].loc;
    ExpandError err;
    if (!expand_word(word, scope, df_.escape, limits_, v.value, err)) {
      out_.diagnostics.push_back({DiagLevel::kError, err.id, v.loc, std::move(err.args)});
      v.value = Expanded{std::string(word), false, {}};
    }
    return v;
  }

  // ARG NAME[=default] ...: the build arg, else the default, else (in a stage) the global one.
  void declare_args(const Instruction& ins, std::size_t idx, std::vector<Var>& args,
                    const Scope& scope) {
    for (const auto& kv : ins.pairs) {
      Var v{kv.key, "", false};
      if (const Var* b = find_var(build_args_, kv.key)) {
        v = *b;
      } else if (kv.has_value) {
        const ResolvedValue d = value(kv.value, scope, idx);
        v.value = d.value.text;
        v.known = d.value.known;
      } else if (&args != &out_.global_args) {
        if (const Var* g = find_var(out_.global_args, kv.key)) v = *g;
      }
      v.name = kv.key;
      if (is_platform_arg(kv.key) && !kv.has_value) v.known = false;
      set_var(args, std::move(v));
    }
  }

  void from_parent(ResolvedStage& st, const ResolvedStage& p) {
    st.parent = p.index;
    st.scratch = p.scratch;
    st.user = p.user;
    st.workdir = p.workdir;
    st.env = p.env;
    st.expose = p.expose;
    st.cmd = p.cmd;
    st.entrypoint = p.entrypoint;
    st.healthcheck = p.healthcheck;
    st.shell = p.shell;
  }

  ResolvedStage stage(std::size_t s) {
    const Stage& src = df_.stages[s];
    const Instruction& from = df_.instructions[src.from];
    ResolvedStage st;
    st.index = s;
    st.name = src.name;
    st.base = value(src.base, global_scope(), src.from);
    if (const Flag* p = from.flag("platform"))
      st.platform = value(p->value, global_scope(), src.from);
    const std::string base = core::to_lower(st.base.value.text);
    for (std::size_t k = 0; k < s; ++k) {
      if (!out_.stages[k].name.empty() && out_.stages[k].name == base) {
        from_parent(st, out_.stages[k]);
        break;
      }
    }
    if (!st.parent) st.scratch = st.base.value.known && st.base.value.text == "scratch";
    for (std::size_t i : src.body) apply(st, df_.instructions[i], i);
    return st;
  }

  void apply(ResolvedStage& st, const Instruction& ins, std::size_t i) {
    const Scope scope{&st.env, &st.args, st.scratch ? Missing::kEmpty : Missing::kUnknown};
    switch (ins.kind) {
      case Kind::kArg:
        declare_args(ins, i, st.args, scope);
        break;
      case Kind::kEnv:
        for (const auto& kv : ins.pairs) {
          // Each pair sees the ones before it on the same line (BuildKit expands in order).
          const Scope now{&st.env, &st.args, scope.missing};
          const ResolvedValue k = value(kv.key, now, i);
          const ResolvedValue v = value(kv.value, now, i);
          set_var(st.env, Var{k.value.text, v.value.text, v.value.known});
        }
        break;
      case Kind::kUser:
        if (!ins.args.empty()) st.user = value(ins.args.front(), scope, i);
        break;
      case Kind::kWorkdir:
        if (!ins.args.empty()) workdir(st, value(ins.args.front(), scope, i));
        break;
      case Kind::kExpose:
        for (const auto& a : ins.args) st.expose.push_back(value(a, scope, i));
        break;
      case Kind::kCmd:
        st.cmd = i;
        break;
      case Kind::kEntrypoint:
        st.entrypoint = i;
        st.cmd.reset();  // ENTRYPOINT resets the CMD inherited so far
        break;
      case Kind::kHealthcheck:
        st.healthcheck = i;
        break;
      case Kind::kShell:
        st.shell = i;
        break;
      default:
        break;
    }
  }

  // A relative WORKDIR is relative to the previous one.
  static void workdir(ResolvedStage& st, ResolvedValue w) {
    if (!w.value.text.starts_with('/') && st.workdir) {
      std::string prev = st.workdir->value.text;
      if (!prev.ends_with('/')) prev.push_back('/');
      w.value.text = prev + w.value.text;
      w.value.known = w.value.known && st.workdir->value.known;
    }
    st.workdir = std::move(w);
  }

  const Dockerfile& df_;
  const Limits& limits_;
  const std::vector<Var>& build_args_;
  Resolved out_;
};

}  // namespace

const ResolvedStage& Resolved::root_of(std::size_t i) const {
  const ResolvedStage* st = &stages.at(i);
  while (st->parent) st = &stages.at(*st->parent);
  return *st;
}

Resolved resolve(const Dockerfile& df, const Limits& limits, const std::vector<Var>& build_args) {
  return Resolver(df, limits, build_args).run();
}

}  // namespace ecsguard::parse::dockerfile
