#include "ecsguard/engine/context.h"

#include "ecsguard/engine/catalog.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/model/field_path.h"
#include "ecsguard/model/resource_kind.h"

namespace ecsguard::engine {

void CheckContext::begin_check(const CheckDef& def, const CatalogEntry* entry) noexcept {
  def_ = &def;
  entry_ = entry;
  resource_ = nullptr;
  container_ = nullptr;
}

void CheckContext::set_subject(const model::ResourceId& resource,
                               const model::Container* container) {
  resource_ = &resource;
  container_ = container;
}

void CheckContext::fault(const model::ResourceId* subject, const std::string& what) noexcept {
  try {
    Diagnostic d;
    d.code = core::Errc::kInternal;
    if (subject) {
      d.file = files_.path(subject->loc.file);
      d.line = subject->loc.line;
      d.column = subject->loc.column;
    }
    const std::string_view check = def_ ? def_->id : "?";
    d.message = subject ? i18n::render(
                              i18n::msg::engine::InternalErrorInCheckOn{
                                  .check = check, .resource = subject->name, .what = what},
                              options_.lang)
                        : i18n::render(
                              i18n::msg::engine::InternalErrorInCheck{.check = check, .what = what},
                              options_.lang);
    diagnostics_.push_back(std::move(d));
  } catch (...) {  // NOLINT(bugprone-empty-catch): out of memory while reporting a fault
  }
}

void CheckContext::fail(core::Loc at, std::string property, const i18n::Message& message,
                        std::optional<core::Severity> severity) {
  report(core::Status::kFail, at, std::move(property), i18n::render(message, options_.lang),
         severity);
}

void CheckContext::warn(core::Loc at, std::string property, const i18n::Message& message,
                        std::optional<core::Severity> severity) {
  report(core::Status::kWarn, at, std::move(property), i18n::render(message, options_.lang),
         severity);
}

void CheckContext::unknown(core::Loc at, std::string property, const i18n::Message& reason) {
  unknown(at, std::move(property), i18n::render(reason, options_.lang));
}

void CheckContext::unknown(core::Loc at, std::string property, std::string reason) {
  report(core::Status::kUnknown, at, std::move(property),
         i18n::render(i18n::msg::engine::Undetermined{.reason = std::move(reason)}, options_.lang),
         std::nullopt);
}

void CheckContext::report(core::Status status, core::Loc at, std::string property,
                          std::string message, std::optional<core::Severity> severity) {
  Finding f;
  f.entry = entry_;
  f.check = def_;
  f.status = status;
  f.severity = severity.value_or(entry_ ? entry_->severity : core::Severity::kInfo);
  if (resource_) {
    f.resource_kind = resource_->kind;
    f.origin = resource_->origin;
    f.resource_type = model::display_type(*resource_);
    f.resource_name = resource_->name;
    f.cdk_path = resource_->cdk_path;
  }
  if (container_ && container_->name.known()) f.container = container_->name.value;
  if (!at.valid() && container_) at = container_->loc;
  if (!at.valid() && resource_) at = resource_->loc;
  f.loc = at;
  f.file = files_.path(at.file);
  f.property = model::render_field_path(property, f.origin);
  f.field_id = std::move(property);
  f.message = std::move(message);
  // A resource of no modelled kind keeps the type its input spelled as its kind's name.
  const std::string_view kind = f.resource_kind == model::ResourceKind::kUnknown
                                    ? std::string_view(f.resource_type)
                                    : model::cloudformation_type(f.resource_kind);
  f.fingerprint = fingerprint({.check = f.id(),
                               .file_identity = files_.identity(at.file),
                               .resource_kind = kind,
                               .resource_address = f.resource_name,
                               .container = f.container,
                               .field_id = f.field_id});
  out_.push_back(std::move(f));
}

}  // namespace ecsguard::engine
