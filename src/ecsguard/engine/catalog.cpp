#include "ecsguard/engine/catalog.h"

#include <algorithm>

namespace ecsguard::engine {

namespace {
#include "ecsguard/engine/catalog_data.inc"
}  // namespace

std::span<const CatalogEntry> catalog() noexcept { return kCatalog; }

const CatalogEntry* find_catalog_entry(std::string_view id) noexcept {
  const auto* it =
      std::lower_bound(std::begin(kCatalog), std::end(kCatalog), id,
                       [](const CatalogEntry& e, std::string_view v) { return e.id < v; });
  if (it != std::end(kCatalog) && it->id == id) return it;
  return nullptr;
}

std::string_view nist_section_number(std::string_view nist) noexcept {
  const auto sp = nist.find(' ');
  return sp == std::string_view::npos ? nist : nist.substr(0, sp);
}

namespace {
RuntimeDescriber g_runtime_describer = nullptr;  // set once by main() before any thread
}  // namespace

void set_runtime_describer(RuntimeDescriber fn) noexcept { g_runtime_describer = fn; }

std::string runtime_implementation(std::string_view id, i18n::Lang lang) {
  return g_runtime_describer != nullptr ? g_runtime_describer(id, lang) : std::string();
}

}  // namespace ecsguard::engine
