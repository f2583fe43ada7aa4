#pragma once
// The only way a check reports. The context knows the check being run and its current subject
// (resource, container), adds id/severity/resource/location/fingerprint, and falls back to the
// subject's location when the judged property is absent (the finding then points at the resource
// where the property is missing).
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ecsguard/analysis/analysis.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/config.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/i18n/message.h"

namespace ecsguard::engine {

class CheckContext {
 public:
  CheckContext(const model::Stack& stack, const core::FileTable& files, const CheckOptions& options,
               std::vector<Finding>& out, std::vector<Diagnostic>& diagnostics)
      : stack_(stack),
        files_(files),
        options_(options),
        out_(out),
        diagnostics_(diagnostics),
        analysis_(stack) {}

  [[nodiscard]] const model::Stack& stack() const noexcept { return stack_; }
  [[nodiscard]] const CheckOptions& options() const noexcept { return options_; }
  // Shared questions about the linked model (launch compatibility, exposure, edges), answered
  // once per scan for every check.
  [[nodiscard]] analysis::Analysis& analysis() noexcept { return analysis_; }
  [[nodiscard]] const analysis::Links& links() const noexcept { return analysis_.links(); }

  // Messages are catalogue entries (i18n/messages/*.toml), rendered in options().lang.
  // Judged property at fault (or missing): FAIL with the check's severity unless overridden.
  void fail(core::Loc at, std::string property, const i18n::Message& message,
            std::optional<core::Severity> severity = std::nullopt);
  // WARN: worth a look, not a definite misconfiguration.
  void warn(core::Loc at, std::string property, const i18n::Message& message,
            std::optional<core::Severity> severity = std::nullopt);
  // Could not be determined statically (a value is Unknown): never a pass, never a fail.
  void unknown(core::Loc at, std::string property, const i18n::Message& reason);
  // The same with a reason the model gives (Value::reason, written by the builders).
  void unknown(core::Loc at, std::string property, std::string reason);

  // Runner (and StackFn checks): who the next reports are about.
  void begin_check(const CheckDef& def, const CatalogEntry* entry) noexcept;
  void set_subject(const model::ResourceId& resource, const model::Container* container = nullptr);

  // A fault boundary: runs `fn`; an exception becomes an internal-error Diagnostic tagged with
  // the check and `subject` (may be nullptr), and the scan goes on.
  template <class Fn>
  void guarded(const model::ResourceId* subject, Fn&& fn) noexcept {
    try {
      std::forward<Fn>(fn)();
    } catch (const std::exception& e) {
      fault(subject, e.what());
    } catch (...) {
      fault(subject, "unknown exception");
    }
  }
  // Records an internal error of the current check (also used by the runner).
  void fault(const model::ResourceId* subject, const std::string& what) noexcept;

 private:
  void report(core::Status status, core::Loc at, std::string property, std::string message,
              std::optional<core::Severity> severity);

  const model::Stack& stack_;
  const core::FileTable& files_;
  const CheckOptions& options_;
  std::vector<Finding>& out_;
  std::vector<Diagnostic>& diagnostics_;
  analysis::Analysis analysis_;
  const CheckDef* def_ = nullptr;
  const CatalogEntry* entry_ = nullptr;
  const model::ResourceId* resource_ = nullptr;
  const model::Container* container_ = nullptr;
};

// ---- how checks declare their subjects (CheckDef::run) ----------------------------------------

template <class T, void (*Fn)(const T&, CheckContext&)>
void run_per(const model::Stack& stack, CheckContext& ctx) {
  for (const T& r : stack.all<T>()) {
    ctx.set_subject(r.id);
    ctx.guarded(&r.id, [&] { Fn(r, ctx); });
  }
}

// Every container of every task definition. A task definition whose container list cannot be
// known (an Fn::If on an unknown condition) is reported unknown for the check, never a pass.
template <void (*Fn)(const model::TaskDefinition&, const model::Container&, CheckContext&)>
void run_per_container(const model::Stack& stack, CheckContext& ctx) {
  for (const auto& td : stack.all<model::TaskDefinition>()) {
    if (td.containers_state == model::Presence::kUnknown) {
      ctx.set_subject(td.id);
      ctx.unknown({}, "ContainerDefinitions",
                  td.containers_reason.empty()
                      ? std::string("the container definitions cannot be resolved statically")
                      : td.containers_reason);
    }
    for (const auto& c : td.containers) {
      ctx.set_subject(td.id, &c);
      ctx.guarded(&td.id, [&] { Fn(td, c, ctx); });
    }
  }
}

template <void (*Fn)(const model::Stack&, CheckContext&)>
void run_whole_stack(const model::Stack& stack, CheckContext& ctx) {
  ctx.guarded(nullptr, [&] { Fn(stack, ctx); });
}

// `.run = per<model::Service, &check>`: check(service, ctx) for each service.
template <class T, void (*Fn)(const T&, CheckContext&)>
// NOLINTNEXTLINE(readability-identifier-naming): read as a declaration, `.run = per<T, &f>`
inline constexpr RunFn per = &run_per<T, Fn>;
// `.run = per_container<&check>`: check(task_definition, container, ctx) for each container.
template <void (*Fn)(const model::TaskDefinition&, const model::Container&, CheckContext&)>
// NOLINTNEXTLINE(readability-identifier-naming): read as a declaration
inline constexpr RunFn per_container = &run_per_container<Fn>;
// `.run = whole_stack<&check>`: check(stack, ctx) once; it picks subjects (ctx.set_subject).
template <void (*Fn)(const model::Stack&, CheckContext&)>
// NOLINTNEXTLINE(readability-identifier-naming): read as a declaration
inline constexpr RunFn whole_stack = &run_whole_stack<Fn>;

}  // namespace ecsguard::engine
