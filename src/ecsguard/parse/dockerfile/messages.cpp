#include "ecsguard/parse/dockerfile/messages.h"

#include "ecsguard/parse/dockerfile/dockerfile.h"

namespace ecsguard::parse::dockerfile {

core::Error limit_error(std::string_view id, core::Loc at, const detail::MessageArgs& args) {
  return core::make_error(core::Errc::kLimit,
                          detail::render_message(kMessages, id, detail::Lang::kEn, args), at);
}

std::string Diagnostic::text(detail::Lang lang) const {
  return detail::render_message(kMessages, id, lang, args);
}

}  // namespace ecsguard::parse::dockerfile
