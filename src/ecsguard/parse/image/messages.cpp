#include "ecsguard/parse/image/messages.h"

#include "ecsguard/parse/image/image.h"

namespace ecsguard::parse::image {

core::Error image_error(core::Errc code, std::string_view id, const detail::MessageArgs& args) {
  return core::make_error(code, detail::render_message(kMessages, id, detail::Lang::kEn, args));
}

std::string ImageDiagnostic::text(detail::Lang lang) const {
  return detail::render_message(kMessages, id, lang, args);
}

}  // namespace ecsguard::parse::image
