// Fuzz target: the Falco condition language. Invariants: parsing never crashes or recurses
// without bound; a parsed condition renders back to text that parses again with the same
// rendering (the AST round trip); compiling and evaluating it on a synthetic event is safe.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ecsguard/guard/condition.h"
#include "ecsguard/guard/expr.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard::guard;  // NOLINT(google-build-using-namespace)
  std::string text(reinterpret_cast<const char*>(data), size);
  auto ast = parse_condition(text);
  if (!ast) return 0;
  std::string rendered = to_string(*ast);
  auto again = parse_condition(rendered);
  if (!again || to_string(*again) != rendered) std::abort();
  Definitions defs;
  defs.lists["shells"] = {"sh", "bash", "\"zsh\""};
  defs.lists["nested"] = {"shells", "nc"};
  defs.macros["spawned_process"] = "evt.type in (execve, execveat)";
  defs.macros["loop"] = "loop";
  Compiler compiler(defs);
  auto expr = compiler.compile(*ast);
  if (!expr) return 0;
  Services svc;
  ProcInfo& root = svc.procs.add_root(10, 1);
  root.comm = "sh";
  for (EvtType t : {EvtType::kExecve, EvtType::kOpenat, EvtType::kConnect}) {
    Event ev;
    ev.type = t;
    ev.phase = is_exec(t) ? Phase::kExec : Phase::kEntry;
    ev.tid = ev.tgid = 10;
    ev.live = false;
    ev.strings[1] = "/tmp/x";
    EvalCtx ctx(ev, svc);
    (void)(*expr)->eval(ctx);
    (void)(*expr)->evttypes();
    (void)(*expr)->implies_rawres_at_most(2);
  }
  return 0;
}
