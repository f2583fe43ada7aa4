#include "ecsguard/core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <system_error>

#include "ecsguard/core/text_encoding.h"

namespace ecsguard::core {

const char* special_file_kind(mode_t mode) noexcept {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISDIR(mode)) return "a directory";
  return "a special file";
}

std::string errno_text(int err) { return std::generic_category().message(err); }

namespace {

Error too_large(std::uintmax_t size, std::size_t max_bytes) {
  return make_error(Errc::kLimit, "file is " + std::to_string(size) + " bytes, over the limit of " +
                                      std::to_string(max_bytes) +
                                      " (max_file_bytes, --max-file-size)");
}

// Reads `fd` to its end, never keeping more than max_bytes + 1 bytes (a file that grows, a pipe
// that never ends): kLimit past max_bytes, kIo on a read error.
Result<std::string> read_bounded(int fd, std::size_t expected, std::size_t max_bytes) {
  std::string text;
  text.resize(std::min(expected, max_bytes + 1));
  std::size_t used = 0;
  for (;;) {
    if (used == text.size()) {
      if (used > max_bytes) return too_large(used, max_bytes);
      // The file grew since fstat (or reports no size): grow, but never past the limit + 1.
      text.resize(std::min(std::max<std::size_t>(used * 2, used + 4096), max_bytes + 1));
    }
    const ssize_t n = ::read(fd, text.data() + used, text.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      return make_error(Errc::kIo, "cannot read: " + errno_text(errno));
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  if (used > max_bytes) return too_large(used, max_bytes);
  text.resize(used);
  return text;
}

}  // namespace

Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ELOOP) {
      return make_error(Errc::kSkipped, "became a symlink after discovery; not read");
    }
    return make_error(Errc::kIo, "cannot open: " + errno_text(err));
  }
  class Closer {
   public:
    explicit Closer(int fd) : fd_(fd) {}
    Closer(const Closer&) = delete;
    Closer& operator=(const Closer&) = delete;
    ~Closer() { ::close(fd_); }

   private:
    int fd_;
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return make_error(Errc::kIo, "cannot stat: " + errno_text(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return make_error(Errc::kSkipped, std::string("is ") + special_file_kind(st.st_mode) +
                                          " (no longer a regular file); not read");
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return too_large(st.st_size, max_bytes);
  auto bytes = read_bounded(fd, static_cast<std::size_t>(st.st_size), max_bytes);
  if (!bytes) return std::move(bytes).error();
  return decode_to_utf8(std::move(bytes).value());
}

Result<std::string> read_stream_text(int fd, std::size_t max_bytes) {
  auto bytes = read_bounded(fd, 0, max_bytes);
  if (!bytes) return std::move(bytes).error();
  return decode_to_utf8(std::move(bytes).value());
}

}  // namespace ecsguard::core
