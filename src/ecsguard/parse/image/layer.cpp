#include "ecsguard/parse/image/layer.h"

#include <archive.h>
#include <archive_entry.h>

#include <array>
#include <string>
#include <utility>

#include "ecsguard/parse/image/messages.h"

namespace ecsguard::parse::image {

namespace {

constexpr std::string_view kKept[] = {
    "etc/os-release",      "usr/lib/os-release",   "etc/alpine-release",
    "etc/debian_version",  "etc/passwd",           "etc/group",
    "var/lib/dpkg/status", "lib/apk/db/installed", "etc/shadow",
};

class LayerReader {
 public:
  LayerReader(archive* a, LayerRun& run) : a_(a), run_(run) {}

  core::Result<bool> run() {
    archive_entry* e = nullptr;
    while (true) {
      const int r = archive_read_next_header(a_, &e);
      if (r == ARCHIVE_EOF) return true;
      if (r < ARCHIVE_WARN) return archive_failure();
      if (++run_.entries > run_.limits.max_entries) {
        return image_error(core::Errc::kLimit, "image.limit-entries",
                           {{"limit", std::to_string(run_.limits.max_entries)}});
      }
      auto done = entry(e);
      if (!done.ok()) return done;
    }
  }

 private:
  core::Error archive_failure() const {
    const char* msg = archive_error_string(a_);
    return image_error(core::Errc::kIo, "image.archive-error",
                       {{"what", "layer " + std::to_string(run_.layer)},
                        {"reason", msg != nullptr ? msg : "unknown error"}});
  }
  void note(std::string_view id, detail::MessageArgs args) {
    args.emplace_back("layer", std::to_string(run_.layer));
    run_.image.diagnostics.push_back({id, run_.layer, std::move(args)});
  }

  // Data of the current entry: kept (up to `keep` bytes) or drained, in chunks, within limits.
  core::Result<bool> data(std::string* keep) {
    std::array<char, std::size_t{64} << 10> buf{};
    while (true) {
      const la_ssize_t n = archive_read_data(a_, buf.data(), buf.size());
      if (n == 0) return true;
      if (n < 0) return archive_failure();
      if (keep != nullptr) keep->append(buf.data(), static_cast<std::size_t>(n));
      const auto out = static_cast<std::uint64_t>(archive_filter_bytes(a_, 0));
      const auto in = static_cast<std::uint64_t>(archive_filter_bytes(a_, -1));
      const std::string layer = std::to_string(run_.layer);
      if (out > run_.limits.max_layer_bytes) {
        return image_error(
            core::Errc::kLimit, "image.limit-layer-bytes",
            {{"layer", layer}, {"limit", std::to_string(run_.limits.max_layer_bytes)}});
      }
      if (out > run_.limits.ratio_floor &&
          out / std::max<std::uint64_t>(in, 1) > run_.limits.max_ratio) {
        return image_error(core::Errc::kLimit, "image.limit-ratio",
                           {{"layer", layer}, {"limit", std::to_string(run_.limits.max_ratio)}});
      }
    }
  }

  core::Result<bool> whiteout(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    if (base == ".wh..wh..opq") {
      run_.image.fs.clear_below(dir, run_.layer);
    } else {
      const std::string target = (dir.empty() ? "" : dir + "/") + base.substr(4);
      if (!run_.image.fs.remove(target)) {
        note("image.whiteout-missing", {{"path", path}, {"target", target}});
      }
    }
    return data(nullptr);
  }

  core::Result<bool> entry(archive_entry* e) {
    const char* raw = archive_entry_pathname(e);
    if (raw == nullptr) return data(nullptr);
    bool absolute = false;
    const auto path = normalize(raw, &absolute);
    if (!path) {
      note("image.path-traversal", {{"path", raw}});
      return data(nullptr);
    }
    if (absolute) {
      note("image.absolute-path", {{"path", raw}});
      return data(nullptr);
    }
    if (path->empty()) return data(nullptr);
    const std::size_t slash = path->rfind('/');
    if (path->compare(slash == std::string::npos ? 0 : slash + 1, 4, ".wh.") == 0) {
      return whiteout(*path);
    }
    VfsEntry v;
    v.mode = static_cast<std::uint32_t>(archive_entry_perm(e));
    v.uid = static_cast<std::uint32_t>(archive_entry_uid(e));
    v.gid = static_cast<std::uint32_t>(archive_entry_gid(e));
    const la_int64_t size = archive_entry_size(e);
    v.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
    if (v.size > run_.limits.max_entry_bytes) {
      return image_error(core::Errc::kLimit, "image.limit-entry-bytes",
                         {{"layer", std::to_string(run_.layer)},
                          {"path", *path},
                          {"limit", std::to_string(run_.limits.max_entry_bytes)}});
    }
    if (!typed(e, *path, v)) return data(nullptr);
    std::string content;
    const bool keep = v.type == FileType::kRegular && kept_path(*path) &&
                      v.size <= run_.limits.max_kept_file_bytes;
    if (keep && run_.image.fs.kept_bytes() + v.size > run_.limits.max_kept_bytes) {
      note("image.kept-limit",
           {{"path", *path}, {"limit", std::to_string(run_.limits.max_kept_bytes)}});
    }
    const bool kept = keep && run_.image.fs.kept_bytes() + v.size <= run_.limits.max_kept_bytes;
    auto read = data(kept ? &content : nullptr);
    if (!read.ok()) return read;
    if (kept) {
      run_.image.fs.add_kept(content.size());
      v.content = std::move(content);
    }
    run_.image.fs.put(*path, std::move(v), run_.layer);
    return true;
  }

  // Type, links; false: skip the entry (a hard link to nothing in the image).
  bool typed(archive_entry* e, const std::string& path, VfsEntry& v) {
    if (const char* hard = archive_entry_hardlink(e)) {
      const auto target = normalize(hard);
      if (!target || run_.image.fs.find(*target) == nullptr) {
        note("image.hardlink-outside", {{"path", path}, {"target", hard}});
        return false;
      }
      v.type = FileType::kHardlink;
      v.link = *target;
      return true;
    }
    switch (archive_entry_filetype(e)) {
      case AE_IFREG:
        v.type = FileType::kRegular;
        break;
      case AE_IFDIR:
        v.type = FileType::kDirectory;
        break;
      case AE_IFLNK: {
        v.type = FileType::kSymlink;
        const char* t = archive_entry_symlink(e);
        v.link = t != nullptr ? t : "";
        const std::size_t slash = path.rfind('/');
        const std::string from = slash == std::string::npos ? "" : path.substr(0, slash + 1);
        if (!v.link.starts_with('/') && !normalize(from + v.link)) {
          note("image.symlink-outside", {{"path", path}, {"target", v.link}});
        }
        break;
      }
      default:
        v.type = FileType::kOther;
        break;
    }
    return true;
  }

  archive* a_;
  LayerRun& run_;
};

}  // namespace

bool kept_path(std::string_view path) noexcept {
  for (auto k : kKept) {
    if (path == k) return true;
  }
  return path.starts_with("var/lib/dpkg/status.d/");  // distroless images
}

core::Result<bool> apply_layer(archive* a, LayerRun& run) { return LayerReader(a, run).run(); }

}  // namespace ecsguard::parse::image
