#pragma once
// Builds small tar archives in memory for the image reader tests (libarchive's writer).
#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <utility>
#include <vector>

namespace ecsguard::parse::image::testing {

struct TarEntry {
  TarEntry(std::string p, std::string d = "", unsigned t = AE_IFREG, unsigned m = 0644,
           std::string l = "", bool hard = false)
      : path(std::move(p)),
        data(std::move(d)),
        type(t),
        mode(m),
        link(std::move(l)),
        hardlink(hard) {}
  std::string path;
  std::string data;
  unsigned type = AE_IFREG;  // AE_IFREG, AE_IFDIR, AE_IFLNK
  unsigned mode = 0644;
  std::string link;       // symlink target
  bool hardlink = false;  // `link` is a hard link target
};

enum class Compression { kNone, kGzip, kZstd };

inline la_ssize_t append_cb(archive* /*a*/, void* out, const void* buf, size_t n) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buf), n);
  return static_cast<la_ssize_t>(n);
}

inline std::string make_tar(const std::vector<TarEntry>& entries,
                            Compression c = Compression::kNone) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  if (c == Compression::kGzip) archive_write_add_filter_gzip(a);
  if (c == Compression::kZstd) archive_write_add_filter_zstd(a);
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(a, &out, nullptr, append_cb, nullptr);
  for (const auto& t : entries) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, t.path.c_str());
    archive_entry_set_filetype(e, t.type);
    archive_entry_set_perm(e, t.mode);
    if (t.hardlink) {
      archive_entry_set_hardlink(e, t.link.c_str());
    } else if (t.type == AE_IFLNK) {
      archive_entry_set_symlink(e, t.link.c_str());
    }
    archive_entry_set_size(
        e, t.type == AE_IFREG && !t.hardlink ? static_cast<la_int64_t>(t.data.size()) : 0);
    archive_write_header(a, e);
    if (t.type == AE_IFREG && !t.hardlink && !t.data.empty()) {
      archive_write_data(a, t.data.data(), t.data.size());
    }
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

}  // namespace ecsguard::parse::image::testing
