#pragma once
// Bounded, non-blocking reads of input files: never follows a final symlink, never opens a FIFO or
// device for reading (O_NONBLOCK + fstat), never reads past the size limit even when the file
// grows.
#include <sys/types.h>

#include <string>

#include "ecsguard/core/error.h"

namespace ecsguard::core {

// The one reader of scanned input. Returns the text as UTF-8 (core/text_encoding.h: UTF-16/32
// with a byte order mark are converted). kSkipped: not a regular file (any more) or a symlink;
// kLimit: over max_bytes (counted before decoding); kIo: open/read error; kSyntax: UTF-16/32 text
// that cannot be decoded.
Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes);

// The same for a stream already open (standard input for `scan -`): read to its end, never more
// than max_bytes + 1 bytes kept, then decoded like a file.
Result<std::string> read_stream_text(int fd, std::size_t max_bytes);

// What a non-regular file is, for messages: "a FIFO", "a socket", "a character device",
// "a block device", "a directory" or "a special file".
const char* special_file_kind(mode_t mode) noexcept;

// The text of an errno value ("No such file or directory").
std::string errno_text(int err);

}  // namespace ecsguard::core
