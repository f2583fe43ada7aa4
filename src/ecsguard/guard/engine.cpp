#include "ecsguard/guard/engine.h"

#include <fcntl.h>

#include <algorithm>

namespace ecsguard::guard {

bool RateLimiter::take(std::int64_t now_ns) {
  if (last_ns_ != 0 && now_ns > last_ns_) {
    tokens_ = std::min(burst_, tokens_ + rate_ * static_cast<double>(now_ns - last_ns_) / 1e9);
  }
  last_ns_ = now_ns;
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

Engine::Engine(const RuleSet& rules, Services& svc, AlertSink& sink, Stats& stats, Mode mode)
    : rules_(rules),
      svc_(svc),
      sink_(sink),
      stats_(stats),
      mode_(mode),
      gate_output_(OutputTemplate::compile(
          "evt_type=%evt.type args=%evt.args user=%user.name user_uid=%user.uid "
          "process=%proc.name proc_exepath=%proc.exepath parent=%proc.pname "
          "command=%proc.cmdline",
          nullptr)),
      foreign_output_(OutputTemplate::compile(
          "user=%user.name user_uid=%user.uid process=%proc.name proc_exepath=%proc.exepath "
          "parent=%proc.pname command=%proc.cmdline",
          nullptr)) {}

void Engine::emit(EvalCtx& ctx, const CompiledRule& rule, std::string_view action) {
  Event& ev = ctx.event();
  if (!limiter_.take(ev.ts_ns)) {
    stats_.rate_limited.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  Alert a;
  a.rule = rule.name;
  a.priority = rule.priority;
  a.ts_ns = ev.ts_ns;
  a.tags = rule.tags;
  a.action = std::string(action);
  rule.output.render(ctx, a);
  stats_.alerts.fetch_add(1, std::memory_order_relaxed);
  sink_.push(std::move(a));
}

std::string_view Engine::enforce(const CompiledRule& rule, Phase phase, Decision& d) {
  if (mode_ != Mode::kEnforce || rule.action == EnforceAction::kNone) return "";
  const bool kill = rule.action == EnforceAction::kKill || phase != Phase::kEntry;
  if (kill) {
    d.kill = true;
    return "killed";
  }
  d.deny = true;
  return "denied";
}

// Drift bookkeeping (proc.is_exe_upper_layer): every path the task creates or opens for write,
// renames or links into place. Attempt semantics: recorded at entry, whatever the result.
void Engine::track_writes(EvalCtx& ctx) {
  const Event& ev = ctx.event();
  const EvtDesc& d = evt_desc(ev.type);
  if (d.is_open) {
    auto fl = ctx.open_flags();
    auto wr = static_cast<std::uint64_t>(O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND);
    if (fl && (*fl & wr) != 0) {
      if (auto p = ctx.main_path()) svc_.written.add(*p);
    }
    return;
  }
  switch (ev.type) {
    case EvtType::kRename:
    case EvtType::kRenameat:
    case EvtType::kRenameat2: {
      auto from = ctx.path(*find_param(ev.type, "oldpath"));
      auto to = ctx.path(*find_param(ev.type, "newpath"));
      if (from && to) svc_.written.rename(*from, *to);
      break;
    }
    case EvtType::kLink:
    case EvtType::kLinkat: {
      auto from = ctx.path(*find_param(ev.type, "oldpath"));
      auto to = ctx.path(*find_param(ev.type, "newpath"));
      if (from && to && svc_.written.contains(*from)) svc_.written.add(*to);
      break;
    }
    default:
      break;
  }
}

Decision Engine::on_entry(Event& ev) {
  stats_.events.fetch_add(1, std::memory_order_relaxed);
  Decision d;
  EvalCtx ctx(ev, svc_);
  if (svc_.drift_tracking) track_writes(ctx);
  if (ev.type == EvtType::kListen && svc_.app.tracking) {
    const ProcInfo* p = ctx.proc();
    svc_.app.on_listen(now_boot_ns(), p != nullptr ? std::string_view(p->exepath) : "");
  }
  for (const CompiledRule* r : rules_.by_type[evt_index(ev.type)]) {
    Tri t = r->condition->eval(ctx);
    if (t == Tri::kTrue) {
      emit(ctx, *r, enforce(*r, Phase::kEntry, d));
    } else if (t == Tri::kUnknown) {
      d.need_exit = true;
      d.pending.push_back(static_cast<std::uint32_t>(r->index));
    }
  }
  if (d.deny || d.kill) {
    d.need_exit = false;  // the call will not complete: nothing to look at on the way out
    d.pending.clear();
  }
  return d;
}

Decision Engine::on_exit(Event& ev, const std::vector<std::uint32_t>& pending) {
  stats_.exit_stops.fetch_add(1, std::memory_order_relaxed);
  Decision d;
  EvalCtx ctx(ev, svc_);
  for (std::uint32_t i : pending) {
    if (i >= rules_.rules.size()) continue;
    const CompiledRule& r = rules_.rules[i];
    if (r.condition->eval(ctx) == Tri::kTrue) emit(ctx, r, enforce(r, Phase::kExit, d));
  }
  return d;
}

Decision Engine::on_exec(Event& ev) {
  stats_.events.fetch_add(1, std::memory_order_relaxed);
  stats_.exec_events.fetch_add(1, std::memory_order_relaxed);
  Decision d;
  EvalCtx ctx(ev, svc_);
  for (const CompiledRule* r : rules_.by_type[evt_index(ev.type)]) {
    if (r->condition->eval(ctx) == Tri::kTrue) emit(ctx, *r, enforce(*r, Phase::kExec, d));
  }
  return d;
}

void Engine::gate_alert(Event& ev, std::string_view rule, Priority prio, std::string_view what,
                        std::string_view action) {
  if (!limiter_.take(ev.ts_ns)) {
    stats_.rate_limited.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  EvalCtx ctx(ev, svc_);
  Alert a;
  a.rule = std::string(rule);
  a.priority = prio;
  a.ts_ns = ev.ts_ns;
  a.tags = {"ecsguard", "gate"};
  a.action = std::string(action);
  // A foreign-ABI call has no event type in the native table: describe the process only.
  (ev.foreign_abi ? foreign_output_ : gate_output_).render(ctx, a);
  a.output = std::string(what) + " | " + a.output;
  a.fields.emplace_back("evt.rawnum", static_cast<std::int64_t>(ev.raw_nr));
  stats_.alerts.fetch_add(1, std::memory_order_relaxed);
  sink_.push(std::move(a));
}

void Engine::info(std::string_view rule, Priority prio, std::string output,
                  std::vector<std::pair<std::string, FieldValue>> fields) {
  Alert a;
  a.rule = std::string(rule);
  a.priority = prio;
  a.ts_ns = now_wall_ns();
  a.tags = {"ecsguard"};
  a.output = std::move(output);
  a.fields = std::move(fields);
  a.record = true;
  sink_.push(std::move(a));
}

}  // namespace ecsguard::guard
