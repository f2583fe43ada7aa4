#pragma once
// The only way a check reports. The context knows the check being run and its current subject
// (resource, container), adds id/severity/resource/location/fingerprint, and falls back to the
// subject's location when the judged property is absent (the finding then points at the resource
// where the property is missing).
#include <optional>
#include <string>
#include <vector>

#include "ecsguard/core/file_table.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/config.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/i18n/message.h"

namespace ecsguard::engine {

class CheckContext {
 public:
  CheckContext(const model::Stack& stack, const core::FileTable& files, const CheckOptions& options,
               std::vector<Finding>& out)
      : stack_(stack), files_(files), options_(options), out_(out) {}

  [[nodiscard]] const model::Stack& stack() const noexcept { return stack_; }
  [[nodiscard]] const CheckOptions& options() const noexcept { return options_; }

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
  void begin_check(const CheckDef& def, const CatalogEntry& entry) noexcept;
  void set_subject(const model::ResourceId& resource, const model::Container* container = nullptr);

 private:
  void report(core::Status status, core::Loc at, std::string property, std::string message,
              std::optional<core::Severity> severity);

  const model::Stack& stack_;
  const core::FileTable& files_;
  const CheckOptions& options_;
  std::vector<Finding>& out_;
  const CheckDef* def_ = nullptr;
  const CatalogEntry* entry_ = nullptr;
  const model::ResourceId* resource_ = nullptr;
  const model::Container* container_ = nullptr;
};

}  // namespace ecsguard::engine
