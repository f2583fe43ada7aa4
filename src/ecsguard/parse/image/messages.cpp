#include "ecsguard/parse/image/messages.h"

#include "ecsguard/parse/image/image.h"

namespace ecsguard::parse::image {

const detail::MessageText& message(std::string_view id) noexcept {
  for (const auto& m : kMessages) {
    if (m.id == id) return m;
  }
  static const detail::MessageText kMissing{"image.missing", "{id}", "{id}"};
  return kMissing;
}

core::Error image_error(core::Errc code, std::string_view id, const detail::MessageArgs& args) {
  return core::make_error(code, detail::render_message(message(id), detail::Lang::kEn, args));
}

std::string ImageDiagnostic::text(detail::Lang lang) const {
  return detail::render_message(message(id), lang, args);
}

}  // namespace ecsguard::parse::image
