#include "ecsguard/engine/runner.h"

#include <algorithm>
#include <exception>
#include <string>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::engine {

namespace {

struct Guarded {
  RunResult& result;
  const core::FileTable& files;
  const CheckDef& def;

  template <class Fn>
  void call(const model::ResourceId* subject, Fn&& fn) {
    try {
      fn();
    } catch (const std::exception& e) {
      fault(subject, e.what());
    } catch (...) {
      fault(subject, "unknown exception");
    }
  }

  void fault(const model::ResourceId* subject, const std::string& what) {
    Diagnostic d;
    d.code = core::Errc::kInternal;
    if (subject) {
      d.file = files.path(subject->loc.file);
      d.line = subject->loc.line;
      d.column = subject->loc.column;
    }
    d.message = std::string("internal error in check ") + std::string(def.id) +
                (subject ? " on " + subject->name : std::string()) + ": " + what;
    result.diagnostics.push_back(std::move(d));
  }
};

template <class T, class Fn>
void for_each_subject(const std::vector<T>& subjects, CheckContext& ctx, Guarded& g, Fn fn) {
  if (!fn) return;
  for (const auto& s : subjects) {
    ctx.set_subject(s.id);
    g.call(&s.id, [&] { fn(s, ctx); });
  }
}

}  // namespace

RunResult run_checks(const model::Stack& stack, const core::FileTable& files,
                     const CheckOptions& options, std::span<const CheckDef* const> checks) {
  RunResult result;
  CheckContext ctx(stack, files, options, result.findings);
  for (const CheckDef* def : checks) {
    const CatalogEntry* entry = find_catalog_entry(def->id);
    Guarded g{result, files, *def};
    if (!entry) {
      g.fault(nullptr, "check id is not in the catalog");
      continue;
    }
    ctx.begin_check(*def, *entry);
    for_each_subject(stack.task_definitions, ctx, g, def->on_task_definition);
    if (def->on_container) {
      for (const auto& td : stack.task_definitions) {
        if (td.containers_state == model::Presence::kUnknown) {
          // The container list itself cannot be known (e.g. an Fn::If on an unknown condition):
          // every container check is undeterminable for this task definition, never a pass.
          ctx.set_subject(td.id);
          ctx.unknown({}, "ContainerDefinitions",
                      td.containers_reason.empty()
                          ? std::string("the container definitions cannot be resolved statically")
                          : td.containers_reason);
        }
        for (const auto& c : td.containers) {
          ctx.set_subject(td.id, &c);
          g.call(&td.id, [&] { def->on_container(td, c, ctx); });
        }
      }
    }
    for_each_subject(stack.services, ctx, g, def->on_service);
    for_each_subject(stack.task_sets, ctx, g, def->on_task_set);
    for_each_subject(stack.clusters, ctx, g, def->on_cluster);
    for_each_subject(stack.repositories, ctx, g, def->on_repository);
    for_each_subject(stack.log_groups, ctx, g, def->on_log_group);
    if (def->on_stack) g.call(nullptr, [&] { def->on_stack(stack, ctx); });
  }
  auto& f = result.findings;
  std::sort(f.begin(), f.end(), finding_less);
  f.erase(std::unique(f.begin(), f.end(),
                      [](const Finding& a, const Finding& b) {
                        return a.fingerprint == b.fingerprint && a.loc == b.loc &&
                               a.message == b.message;
                      }),
          f.end());
  return result;
}

}  // namespace ecsguard::engine
