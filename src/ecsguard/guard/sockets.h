#pragma once
// IP addresses, networks, socket addresses read from tracee memory, and lazy file-descriptor
// resolution: what fd N of a tracee is (file, socket with its endpoints, pipe, ...). Nothing is
// tracked per fd: the answer is read from the kernel when a rule asks (pidfd_getfd +
// getsockname/getpeername, or /proc/<pid>/fd and /proc/<pid>/net/* when that is not allowed).
#include <sys/types.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecsguard::guard {

struct IpAddr {
  std::uint8_t family = 0;  // AF_INET, AF_INET6, or 0 (none)
  std::array<std::uint8_t, 16> bytes{};

  static std::optional<IpAddr> parse(std::string_view text);
  static IpAddr v4(std::uint32_t host_order);
  [[nodiscard]] std::string str() const;
  [[nodiscard]] bool valid() const noexcept { return family != 0; }
  [[nodiscard]] bool is_unspecified() const noexcept;
  // ::ffff:a.b.c.d is compared as the IPv4 address it carries.
  [[nodiscard]] IpAddr unmapped() const noexcept;
  friend bool operator==(const IpAddr& a, const IpAddr& b) noexcept;
};

struct IpNet {
  IpAddr base;
  unsigned prefix = 0;
  // "10.0.0.0/8", "fd00::/8", or a plain address (host network).
  static std::optional<IpNet> parse(std::string_view text);
  [[nodiscard]] bool contains(const IpAddr& ip) const noexcept;
};

struct SockAddr {
  int family = 0;  // AF_INET, AF_INET6, AF_UNIX, other
  IpAddr ip;
  std::uint16_t port = 0;
  std::string unix_path;
};
std::optional<SockAddr> decode_sockaddr(const void* data, std::size_t len);
// Reads and decodes a sockaddr from tracee memory.
std::optional<SockAddr> read_sockaddr(pid_t pid, std::uint64_t addr, std::uint64_t len);

enum class FdType : std::uint8_t {
  kUnknown,
  kFile,
  kDirectory,
  kIpv4,
  kIpv6,
  kUnix,
  kPipe,
  kEvent,
  kSignalfd,
  kEventpoll,
  kInotify,
  kTimerfd,
  kNetlink,
  kMemfd,
  kOther,
};
char fd_typechar(FdType t) noexcept;               // Falco fd.typechar: f d 4 6 u p e s l i t n m o
std::string_view fd_type_name(FdType t) noexcept;  // Falco fd.type: file, ipv4, unix, pipe, ...

struct FdInfo {
  FdType type = FdType::kUnknown;
  std::string path;  // files: canonical path; unix sockets: bound/peer path; others: link text
  // Sockets (ipv4/ipv6): client and server endpoints in Falco's sense.
  std::string l4proto;  // "tcp", "udp", "raw", "icmp" or ""
  IpAddr cip, sip;
  std::uint16_t cport = 0, sport = 0;
  bool server_role = false;  // the local end is the server side (listening or accepted)
  bool connected = false;
  [[nodiscard]] bool is_ip() const noexcept {
    return type == FdType::kIpv4 || type == FdType::kIpv6;
  }
  // fd.name: path, or "cip:cport->sip:sport" for IP sockets.
  [[nodiscard]] std::string name() const;
  // Local / remote endpoint given the role.
  [[nodiscard]] const IpAddr& lip() const noexcept { return server_role ? sip : cip; }
  [[nodiscard]] const IpAddr& rip() const noexcept { return server_role ? cip : sip; }
  [[nodiscard]] std::uint16_t lport() const noexcept { return server_role ? sport : cport; }
  [[nodiscard]] std::uint16_t rport() const noexcept { return server_role ? cport : sport; }
};

// What fd `fd` of process `tgid` (thread `tid`) refers to; type kUnknown when it does not exist.
FdInfo resolve_fd(pid_t tid, pid_t tgid, int fd);

// Endpoints of a socket for connect/bind events, where the address comes from the syscall and the
// socket's protocol from the fd.
struct SocketKind {
  int family = 0;
  std::string l4proto;
  IpAddr local;
  std::uint16_t local_port = 0;
};
std::optional<SocketKind> socket_kind(pid_t tid, pid_t tgid, int fd);

// True when pidfd_getfd can be used (probed once; Linux >= 5.6 and allowed by the runtime).
bool pidfd_getfd_available();

}  // namespace ecsguard::guard
