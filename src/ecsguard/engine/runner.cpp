#include "ecsguard/engine/runner.h"

#include <algorithm>
#include <exception>
#include <string>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::engine {

namespace {

// The checks not yet declared with CheckDef::run: one member per subject kind.
template <class T, class Fn>
void for_each_subject(const std::vector<T>& subjects, CheckContext& ctx, Fn fn) {
  if (!fn) return;
  for (const auto& s : subjects) {
    ctx.set_subject(s.id);
    ctx.guarded(&s.id, [&] { fn(s, ctx); });
  }
}

void run_legacy(const CheckDef& def, const model::Stack& stack, CheckContext& ctx) {
  for_each_subject(stack.task_definitions, ctx, def.on_task_definition);
  if (def.on_container) {
    for (const auto& td : stack.task_definitions) {
      if (td.containers_state == model::Presence::kUnknown) {
        ctx.set_subject(td.id);
        ctx.unknown({}, "ContainerDefinitions",
                    td.containers_reason.empty()
                        ? std::string("the container definitions cannot be resolved statically")
                        : td.containers_reason);
      }
      for (const auto& c : td.containers) {
        ctx.set_subject(td.id, &c);
        ctx.guarded(&td.id, [&] { def.on_container(td, c, ctx); });
      }
    }
  }
  for_each_subject(stack.services, ctx, def.on_service);
  for_each_subject(stack.task_sets, ctx, def.on_task_set);
  for_each_subject(stack.clusters, ctx, def.on_cluster);
  for_each_subject(stack.repositories, ctx, def.on_repository);
  for_each_subject(stack.log_groups, ctx, def.on_log_group);
  if (def.on_stack) ctx.guarded(nullptr, [&] { def.on_stack(stack, ctx); });
}

}  // namespace

RunResult run_checks(const model::Stack& stack, const core::FileTable& files,
                     const CheckOptions& options, std::span<const CheckDef* const> checks) {
  RunResult result;
  CheckContext ctx(stack, files, options, result.findings, result.diagnostics);
  for (const CheckDef* def : checks) {
    const CatalogEntry* entry = find_catalog_entry(def->id);
    ctx.begin_check(*def, entry);
    if (!entry) {
      ctx.fault(nullptr, "check id is not in the catalog");
      continue;
    }
    if (def->run) {
      def->run(stack, ctx);
    } else {
      run_legacy(*def, stack, ctx);
    }
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
