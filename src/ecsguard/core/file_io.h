#pragma once
// Bounded, non-blocking reads of input files: never follows a final symlink, never opens a FIFO or
// device for reading (O_NONBLOCK + fstat), never reads past the size limit even when the file
// grows.
#include <sys/types.h>

#include <string>

#include "ecsguard/core/error.h"

namespace ecsguard::core {

// kSkipped: not a regular file (any more) or a symlink; kLimit: over max_bytes; kIo: open/read
// error.
Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes);

// What a non-regular file is, for messages: "a FIFO", "a socket", "a character device",
// "a block device", "a directory" or "a special file".
const char* special_file_kind(mode_t mode) noexcept;

// The text of an errno value ("No such file or directory").
std::string errno_text(int err);

}  // namespace ecsguard::core
