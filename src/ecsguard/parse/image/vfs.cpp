#include "ecsguard/parse/image/vfs.h"

#include <utility>

namespace ecsguard::parse::image {

std::optional<std::string> normalize(std::string_view path, bool* absolute) {
  if (absolute != nullptr) *absolute = path.starts_with('/');
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    const std::size_t j = std::min(path.find('/', i), path.size());
    const std::string_view part = path.substr(i, j - i);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out.push_back('/');
    out.append(p);
  }
  return out;
}

namespace {

// Iterator range of the strict descendants of `dir` ("" = the root: everything else).
template <class Map>
auto children(Map& m, const std::string& dir) {
  if (dir.empty()) return std::make_pair(m.begin(), m.end());
  const std::string prefix = dir + "/";
  auto first = m.lower_bound(prefix);
  auto last = first;
  while (last != m.end() && last->first.starts_with(prefix)) ++last;
  return std::make_pair(first, last);
}

}  // namespace

void Vfs::put(const std::string& path, VfsEntry e, std::uint32_t layer) {
  e.layer = layer;
  const auto it = entries_.find(path);
  if (it != entries_.end() && it->second.type == FileType::kDirectory &&
      e.type != FileType::kDirectory) {
    remove(path);
  }
  entries_[path] = std::move(e);
}

bool Vfs::remove(const std::string& path) {
  bool found = entries_.erase(path) > 0;
  auto [first, last] = children(entries_, path);
  if (first != last) found = true;
  entries_.erase(first, last);
  return found;
}

void Vfs::clear_below(const std::string& dir, std::uint32_t layer) {
  auto [first, last] = children(entries_, dir);
  for (auto it = first; it != last;) {
    it = it->second.layer < layer ? entries_.erase(it) : std::next(it);
  }
}

const VfsEntry* Vfs::find(std::string_view path) const {
  const auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace ecsguard::parse::image
