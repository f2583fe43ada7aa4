#include "ecsguard/engine/runner.h"

#include <algorithm>
#include <exception>
#include <string>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::engine {

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
    if (def->run == nullptr) {
      ctx.fault(nullptr, "check declares no subjects (CheckDef::run)");
      continue;
    }
    def->run(stack, ctx);
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
