#include "ecsguard/report/layer_names.h"

#include "ecsguard/i18n/messages.gen.h"

namespace ecsguard::report {

std::string layer_name(core::Layer layer, i18n::Lang lang) {
  namespace layer_msg = i18n::msg::table::layer;
  switch (layer) {
    case core::Layer::kIam:
      return i18n::render(layer_msg::Iam::kId, lang);
    case core::Layer::kNetwork:
      return i18n::render(layer_msg::Network::kId, lang);
    case core::Layer::kRegistry:
      return i18n::render(layer_msg::Registry::kId, lang);
    case core::Layer::kImage:
      return i18n::render(layer_msg::Image::kId, lang);
    case core::Layer::kContainer:
      return i18n::render(layer_msg::Container::kId, lang);
    case core::Layer::kLogging:
      return i18n::render(layer_msg::Logging::kId, lang);
    case core::Layer::kRuntime:
      return i18n::render(layer_msg::Runtime::kId, lang);
  }
  return std::string(core::layer_title(layer));
}

}  // namespace ecsguard::report
