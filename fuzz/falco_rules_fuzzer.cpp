// Fuzz target: Falco rule files through the guard's loader and compiler, then every compiled rule
// evaluated on synthetic events (no live process is touched: Event::live = false).
// Invariants: no crash, no hang (depth, alias and size limits hold), and every disabled rule says
// why.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ecsguard/guard/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard::guard;  // NOLINT(google-build-using-namespace)
  std::string text(reinterpret_cast<const char*>(data), size);
  auto rules = load_rules({{"fuzz.yaml", text}});
  for (const auto& info : rules->infos) {
    if (!info.enabled && info.reason.empty()) std::abort();
  }
  Services svc;
  ProcInfo& root = svc.procs.add_root(10, 1);
  root.comm = "nginx";
  root.cmdline = std::string("nginx\0-g\0daemon off;", 20);
  ProcInfo* child = svc.procs.add_process(11, 10, 2);
  child->comm = "sh";
  child->cmdline = std::string("sh\0-c\0id", 8);
  for (const auto& r : rules->rules) {
    for (EvtType t : {EvtType::kExecve, EvtType::kOpenat, EvtType::kConnect, EvtType::kDup2}) {
      for (Phase ph : {Phase::kEntry, Phase::kExit, Phase::kAbstract}) {
        Event ev;
        ev.type = t;
        ev.phase = is_exec(t) ? Phase::kExec : ph;
        ev.num = 1;
        ev.tid = ev.tgid = 11;
        ev.live = false;
        ev.args = {static_cast<std::uint64_t>(-100), 0, 01101, 0755, 0, 0};
        ev.strings[1] = "/etc/../etc/shadow";
        ev.result = -2;
        EvalCtx ctx(ev, svc);
        (void)r.condition->eval(ctx);
        Alert a;
        r.output.render(ctx, a);
      }
    }
  }
  return 0;
}
