#include "ecsguard/parse/dockerfile/messages.h"

#include "ecsguard/parse/dockerfile/dockerfile.h"

namespace ecsguard::parse::dockerfile {

const detail::MessageText& message(std::string_view id) noexcept {
  for (const auto& m : kMessages) {
    if (m.id == id) return m;
  }
  static const detail::MessageText kMissing{"dockerfile.missing", "{id}", "{id}"};
  return kMissing;
}

core::Error limit_error(std::string_view id, core::Loc at, const detail::MessageArgs& args) {
  return core::make_error(core::Errc::kLimit,
                          detail::render_message(message(id), detail::Lang::kEn, args), at);
}

std::string Diagnostic::text(detail::Lang lang) const {
  const detail::MessageText& m = message(id);
  if (m.id == "dockerfile.missing") return std::string(id);
  return detail::render_message(m, lang, args);
}

}  // namespace ecsguard::parse::dockerfile
