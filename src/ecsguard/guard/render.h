#pragma once
// Falco-style renderings of syscall arguments (flags as "O_WRONLY|O_CREAT", requests as
// "PTRACE_ATTACH", errno names), so that conditions such as `evt.arg.flags contains O_TRUNC`
// compare against the same text Falco produces.
#include <cstdint>
#include <string>

namespace ecsguard::guard {

std::string render_open_flags(std::uint64_t flags);
std::string render_mode_octal(std::uint64_t mode);
std::string render_mode_flags(std::uint64_t mode);
std::string render_ptrace_request(std::uint64_t request);
std::string render_clone_flags(std::uint64_t flags);
std::string render_socket_domain(std::uint64_t domain);
std::string render_socket_type(std::uint64_t type);
std::string render_bpf_cmd(std::uint64_t cmd);
std::string render_hex(std::uint64_t v);
// "SUCCESS" for >= 0, the errno name ("ENOENT") for negative results.
std::string render_result(std::int64_t res);
// Capability mask as "CAP_CHOWN CAP_DAC_OVERRIDE ..." (Falco's thread.cap_* format).
std::string render_caps(std::uint64_t mask);

// Nanoseconds since the epoch, UTC: "12:34:56.123456789" (kClock, Falco's evt.time),
// "2026-01-02 12:34:56.123456789" (kDateTime), "2026-01-02T12:34:56.123456789Z" (kIso).
enum class TimeStyle : std::uint8_t { kClock, kDateTime, kIso };
std::string render_time(std::int64_t ns, TimeStyle style);

}  // namespace ecsguard::guard
