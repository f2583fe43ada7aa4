#include "ecsguard/parse/sniff.h"

#include "ecsguard/core/strings.h"

namespace ecsguard::parse::sniff {

bool has_suffix(std::string_view path, std::initializer_list<std::string_view> suffixes) noexcept {
  for (const std::string_view s : suffixes) {
    if (path.size() >= s.size() && core::iequals(path.substr(path.size() - s.size()), s)) {
      return true;
    }
  }
  return false;
}

bool contains_any(std::string_view bytes,
                  std::initializer_list<std::string_view> markers) noexcept {
  for (const std::string_view m : markers) {
    if (bytes.find(m) != std::string_view::npos) return true;
  }
  return false;
}

bool structured_name(std::string_view path) noexcept {
  return has_suffix(path, {".json", ".yaml", ".yml"});
}

}  // namespace ecsguard::parse::sniff
