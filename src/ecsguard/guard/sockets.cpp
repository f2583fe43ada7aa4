#include "ecsguard/guard/sockets.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <vector>

#include "ecsguard/guard/procfs.h"

namespace ecsguard::guard {
namespace {

int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }
int pidfd_getfd(int pidfd, int fd) {
  return static_cast<int>(::syscall(SYS_pidfd_getfd, pidfd, fd, 0));
}

std::string_view l4_name(int proto, int type) {
  if (proto == IPPROTO_TCP || (proto == 0 && type == SOCK_STREAM)) return "tcp";
  if (proto == IPPROTO_UDP || (proto == 0 && type == SOCK_DGRAM)) return "udp";
  if (proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) return "icmp";
  if (type == SOCK_RAW) return "raw";
  return "";
}

IpAddr from_sockaddr(const sockaddr_storage& ss, std::uint16_t& port) {
  IpAddr ip;
  if (ss.ss_family == AF_INET) {
    const auto* s = reinterpret_cast<const sockaddr_in*>(&ss);
    ip.family = AF_INET;
    std::memcpy(ip.bytes.data(), &s->sin_addr, 4);
    port = ntohs(s->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto* s = reinterpret_cast<const sockaddr_in6*>(&ss);
    ip.family = AF_INET6;
    std::memcpy(ip.bytes.data(), &s->sin6_addr, 16);
    port = ntohs(s->sin6_port);
  }
  return ip;
}

// /proc/net/{tcp,udp}[6] address "0100007F:1F90" (words in host order).
bool parse_proc_endpoint(std::string_view s, int family, IpAddr& ip, std::uint16_t& port) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view hex = s.substr(0, colon);
  std::size_t words = family == AF_INET ? 1 : 4;
  if (hex.size() != words * 8) return false;
  ip.family = static_cast<std::uint8_t>(family);
  for (std::size_t w = 0; w < words; ++w) {
    std::uint32_t v = 0;
    auto part = hex.substr(w * 8, 8);
    if (std::from_chars(part.data(), part.data() + 8, v, 16).ec != std::errc{}) return false;
    std::memcpy(ip.bytes.data() + w * 4, &v, 4);
  }
  std::string_view p = s.substr(colon + 1);
  unsigned pv = 0;
  if (std::from_chars(p.data(), p.data() + p.size(), pv, 16).ec != std::errc{}) return false;
  port = static_cast<std::uint16_t>(pv);
  return true;
}

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> f;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) f.push_back(line.substr(i, j - i));
    i = j;
  }
  return f;
}

struct ProcNetEntry {
  int family = 0;
  std::string l4;
  IpAddr local, remote;
  std::uint16_t lport = 0, rport = 0;
  int state = 0;
};

// Finds the socket with inode `ino` in /proc/<tid>/net/{tcp,tcp6,udp,udp6,raw,raw6}.
std::optional<ProcNetEntry> find_inode(pid_t tid, std::string_view ino) {
  struct Table {
    const char* leaf;
    int family;
    const char* l4;
  };
  static constexpr Table kTables[] = {{"net/tcp", AF_INET, "tcp"}, {"net/tcp6", AF_INET6, "tcp"},
                                      {"net/udp", AF_INET, "udp"}, {"net/udp6", AF_INET6, "udp"},
                                      {"net/raw", AF_INET, "raw"}, {"net/raw6", AF_INET6, "raw"}};
  for (const auto& t : kTables) {
    auto text = procfs::read_proc_file(tid, t.leaf, 4U << 20);
    if (!text) continue;
    std::string_view all(*text);
    std::size_t pos = all.find('\n');  // header
    while (pos != std::string_view::npos && pos + 1 < all.size()) {
      std::size_t eol = all.find('\n', pos + 1);
      std::string_view line =
          all.substr(pos + 1, (eol == std::string_view::npos ? all.size() : eol) - pos - 1);
      pos = eol;
      auto f = fields_of(line);
      if (f.size() < 10 || f[9] != ino) continue;
      ProcNetEntry e;
      e.family = t.family;
      e.l4 = t.l4;
      if (!parse_proc_endpoint(f[1], t.family, e.local, e.lport) ||
          !parse_proc_endpoint(f[2], t.family, e.remote, e.rport)) {
        continue;
      }
      unsigned st = 0;
      std::from_chars(f[3].data(), f[3].data() + f[3].size(), st, 16);
      e.state = static_cast<int>(st);
      return e;
    }
  }
  return std::nullopt;
}

bool is_listening_port(pid_t tid, int family, std::uint16_t port) {
  const char* leaf = family == AF_INET6 ? "net/tcp6" : "net/tcp";
  auto text = procfs::read_proc_file(tid, leaf, 4U << 20);
  if (!text) return false;
  std::string_view all(*text);
  std::size_t pos = all.find('\n');
  while (pos != std::string_view::npos && pos + 1 < all.size()) {
    std::size_t eol = all.find('\n', pos + 1);
    std::string_view line =
        all.substr(pos + 1, (eol == std::string_view::npos ? all.size() : eol) - pos - 1);
    pos = eol;
    auto f = fields_of(line);
    if (f.size() < 4 || f[3] != "0A") continue;  // TCP_LISTEN
    IpAddr ip;
    std::uint16_t p = 0;
    if (parse_proc_endpoint(f[1], family, ip, p) && p == port) return true;
  }
  return false;
}

void fill_ip_socket(FdInfo& info, int family, std::string_view l4, const IpAddr& local,
                    std::uint16_t lport, const IpAddr& remote, std::uint16_t rport, bool server) {
  info.type = family == AF_INET6 ? FdType::kIpv6 : FdType::kIpv4;
  info.l4proto = std::string(l4);
  info.server_role = server;
  info.connected = remote.valid() && !remote.is_unspecified() && rport != 0;
  if (server) {
    info.sip = local;
    info.sport = lport;
    info.cip = remote;
    info.cport = rport;
  } else {
    info.cip = local;
    info.cport = lport;
    info.sip = remote;
    info.sport = rport;
  }
}

// pidfd_getfd path: exact family/protocol/endpoints from the socket itself.
bool resolve_socket_pidfd(pid_t tid, pid_t tgid, int fd, FdInfo& info) {
  if (!pidfd_getfd_available()) return false;
  procfs::UniqueFd pidfd(pidfd_open(tgid));
  if (pidfd.get() < 0) return false;
  procfs::UniqueFd sock(pidfd_getfd(pidfd.get(), fd));
  if (sock.get() < 0) return false;
  int domain = 0, type = 0, proto = 0, accepting = 0;
  socklen_t len = sizeof(int);
  ::getsockopt(sock.get(), SOL_SOCKET, SO_DOMAIN, &domain, &len);
  len = sizeof(int);
  ::getsockopt(sock.get(), SOL_SOCKET, SO_TYPE, &type, &len);
  len = sizeof(int);
  ::getsockopt(sock.get(), SOL_SOCKET, SO_PROTOCOL, &proto, &len);
  len = sizeof(int);
  ::getsockopt(sock.get(), SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len);
  sockaddr_storage local{}, peer{};
  socklen_t llen = sizeof local, plen = sizeof peer;
  bool have_local = ::getsockname(sock.get(), reinterpret_cast<sockaddr*>(&local), &llen) == 0;
  bool have_peer = ::getpeername(sock.get(), reinterpret_cast<sockaddr*>(&peer), &plen) == 0;
  if (domain == AF_INET || domain == AF_INET6) {
    std::uint16_t lport = 0, rport = 0;
    IpAddr lip = have_local ? from_sockaddr(local, lport) : IpAddr{};
    IpAddr rip = have_peer ? from_sockaddr(peer, rport) : IpAddr{};
    bool server = accepting != 0;
    if (!server && have_peer && type == SOCK_STREAM) {
      server = is_listening_port(tid, domain, lport);  // an accepted connection
    } else if (!server && !have_peer && lport != 0) {
      server = true;  // bound, unconnected (UDP server)
    }
    fill_ip_socket(info, domain, l4_name(proto, type), lip, lport, rip, rport, server);
    return true;
  }
  if (domain == AF_UNIX) {
    info.type = FdType::kUnix;
    const auto* l = reinterpret_cast<const sockaddr_un*>(&local);
    const auto* p = reinterpret_cast<const sockaddr_un*>(&peer);
    if (have_local && llen > sizeof(sa_family_t) && l->sun_path[0] != '\0') {
      info.path = std::string(l->sun_path, ::strnlen(l->sun_path, sizeof l->sun_path));
    } else if (have_peer && plen > sizeof(sa_family_t) && p->sun_path[0] != '\0') {
      info.path = std::string(p->sun_path, ::strnlen(p->sun_path, sizeof p->sun_path));
    }
    info.connected = have_peer;
    return true;
  }
  info.type = domain == AF_NETLINK ? FdType::kNetlink : FdType::kOther;
  return true;
}

void resolve_socket_procnet(pid_t tid, std::string_view link, FdInfo& info) {
  // link is "socket:[12345]"
  std::size_t a = link.find('['), b = link.find(']');
  if (a == std::string_view::npos || b == std::string_view::npos || b <= a + 1) {
    info.type = FdType::kOther;
    return;
  }
  auto e = find_inode(tid, link.substr(a + 1, b - a - 1));
  if (!e) {
    info.type = FdType::kUnix;  // not an IP socket of this namespace: most likely AF_UNIX
    return;
  }
  bool server = e->state == 0x0A ||
                (e->l4 == "tcp" && is_listening_port(tid, e->family, e->lport)) ||
                (e->l4 != "tcp" && e->rport == 0 && e->lport != 0);
  fill_ip_socket(info, e->family, e->l4, e->local, e->lport, e->remote, e->rport, server);
}

}  // namespace

std::optional<IpAddr> IpAddr::parse(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  char buf[INET6_ADDRSTRLEN];
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  IpAddr ip;
  if (::inet_pton(AF_INET, buf, ip.bytes.data()) == 1) {
    ip.family = AF_INET;
    return ip;
  }
  if (::inet_pton(AF_INET6, buf, ip.bytes.data()) == 1) {
    ip.family = AF_INET6;
    return ip;
  }
  return std::nullopt;
}

IpAddr IpAddr::v4(std::uint32_t host_order) {
  IpAddr ip;
  ip.family = AF_INET;
  std::uint32_t n = htonl(host_order);
  std::memcpy(ip.bytes.data(), &n, 4);
  return ip;
}

std::string IpAddr::str() const {
  char buf[INET6_ADDRSTRLEN] = "";
  if (family == AF_INET || family == AF_INET6) ::inet_ntop(family, bytes.data(), buf, sizeof buf);
  return buf;
}

bool IpAddr::is_unspecified() const noexcept {
  std::size_t n = family == AF_INET ? 4 : 16;
  for (std::size_t i = 0; i < n; ++i) {
    if (bytes[i] != 0) return false;
  }
  return true;
}

IpAddr IpAddr::unmapped() const noexcept {
  static constexpr std::uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (family != AF_INET6 || std::memcmp(bytes.data(), kPrefix, 12) != 0) return *this;
  IpAddr v4;
  v4.family = AF_INET;
  std::memcpy(v4.bytes.data(), bytes.data() + 12, 4);
  return v4;
}

bool operator==(const IpAddr& a, const IpAddr& b) noexcept {
  IpAddr x = a.unmapped(), y = b.unmapped();
  if (x.family != y.family) return false;
  return std::memcmp(x.bytes.data(), y.bytes.data(), x.family == AF_INET ? 4 : 16) == 0;
}

std::optional<IpNet> IpNet::parse(std::string_view text) {
  std::size_t slash = text.find('/');
  auto ip = IpAddr::parse(text.substr(0, slash));
  if (!ip) return std::nullopt;
  IpNet net;
  net.base = ip->unmapped();
  unsigned max = net.base.family == AF_INET ? 32 : 128;
  net.prefix = max;
  if (slash != std::string_view::npos) {
    std::string_view p = text.substr(slash + 1);
    unsigned v = 0;
    auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
    if (ec != std::errc{} || ptr != p.data() + p.size() || v > max) return std::nullopt;
    net.prefix = v;
  }
  return net;
}

bool IpNet::contains(const IpAddr& ip_in) const noexcept {
  IpAddr ip = ip_in.unmapped();
  if (ip.family != base.family) return false;
  unsigned full = prefix / 8, rem = prefix % 8;
  if (std::memcmp(ip.bytes.data(), base.bytes.data(), full) != 0) return false;
  if (rem == 0) return true;
  auto mask = static_cast<std::uint8_t>(0xffU << (8 - rem));
  return (ip.bytes[full] & mask) == (base.bytes[full] & mask);
}

std::optional<SockAddr> decode_sockaddr(const void* data, std::size_t len) {
  if (len < sizeof(sa_family_t)) return std::nullopt;
  sockaddr_storage ss{};
  std::memcpy(&ss, data, std::min(len, sizeof ss));
  SockAddr out;
  out.family = ss.ss_family;
  const bool ip4 = ss.ss_family == AF_INET && len >= sizeof(sockaddr_in);
  const bool ip6 = ss.ss_family == AF_INET6 && len >= sizeof(sockaddr_in6);
  if (ip4 || ip6) {
    out.ip = from_sockaddr(ss, out.port);
  } else if (ss.ss_family == AF_UNIX) {
    const auto* un = reinterpret_cast<const sockaddr_un*>(&ss);
    std::size_t max = std::min(len, sizeof(sockaddr_un)) - sizeof(sa_family_t);
    if (max > 0 && un->sun_path[0] == '\0') {
      out.unix_path = "@" + std::string(un->sun_path + 1, ::strnlen(un->sun_path + 1, max - 1));
    } else {
      out.unix_path = std::string(un->sun_path, ::strnlen(un->sun_path, max));
    }
  }
  return out;
}

std::optional<SockAddr> read_sockaddr(pid_t pid, std::uint64_t addr, std::uint64_t len) {
  if (addr == 0 || len == 0) return std::nullopt;
  sockaddr_storage ss{};
  std::size_t n = std::min<std::size_t>(len, sizeof ss);
  if (!procfs::read_memory(pid, addr, &ss, n)) return std::nullopt;
  return decode_sockaddr(&ss, n);
}

char fd_typechar(FdType t) noexcept {
  switch (t) {
    case FdType::kFile:
      return 'f';
    case FdType::kDirectory:
      return 'd';
    case FdType::kIpv4:
      return '4';
    case FdType::kIpv6:
      return '6';
    case FdType::kUnix:
      return 'u';
    case FdType::kPipe:
      return 'p';
    case FdType::kEvent:
      return 'e';
    case FdType::kSignalfd:
      return 's';
    case FdType::kEventpoll:
      return 'l';
    case FdType::kInotify:
      return 'i';
    case FdType::kTimerfd:
      return 't';
    case FdType::kNetlink:
      return 'n';
    case FdType::kMemfd:
      return 'm';
    case FdType::kOther:
      return 'o';
    case FdType::kUnknown:
      return '?';
  }
  return '?';
}

std::string_view fd_type_name(FdType t) noexcept {
  switch (t) {
    case FdType::kFile:
      return "file";
    case FdType::kDirectory:
      return "directory";
    case FdType::kIpv4:
      return "ipv4";
    case FdType::kIpv6:
      return "ipv6";
    case FdType::kUnix:
      return "unix";
    case FdType::kPipe:
      return "pipe";
    case FdType::kEvent:
      return "event";
    case FdType::kSignalfd:
      return "signalfd";
    case FdType::kEventpoll:
      return "eventpoll";
    case FdType::kInotify:
      return "inotify";
    case FdType::kTimerfd:
      return "timerfd";
    case FdType::kNetlink:
      return "netlink";
    case FdType::kMemfd:
      return "memfd";
    case FdType::kOther:
      return "other";
    case FdType::kUnknown:
      return "";
  }
  return "";
}

std::string FdInfo::name() const {
  if (!is_ip()) return path;
  return cip.str() + ":" + std::to_string(cport) + "->" + sip.str() + ":" + std::to_string(sport);
}

bool pidfd_getfd_available() {
  static const bool kAvailable = [] {
    procfs::UniqueFd self(pidfd_open(::getpid()));
    if (self.get() < 0) return false;
    procfs::UniqueFd dup(pidfd_getfd(self.get(), self.get()));
    return dup.get() >= 0;
  }();
  return kAvailable;
}

FdInfo resolve_fd(pid_t tid, pid_t tgid, int fd) {
  FdInfo info;
  if (fd < 0) return info;
  std::string leaf = "fd/" + std::to_string(fd);
  auto link = procfs::read_proc_link(tid, leaf);
  if (!link) return info;
  std::string_view l(*link);
  if (!l.empty() && l[0] == '/') {
    if (l.rfind("/memfd:", 0) == 0) {
      info.type = FdType::kMemfd;
      info.path = *link;
      return info;
    }
    char p[64];
    procfs::proc_path(p, tid, leaf);
    struct stat st {};
    info.type = (::stat(p, &st) == 0 && S_ISDIR(st.st_mode)) ? FdType::kDirectory : FdType::kFile;
    info.path = *link;
    return info;
  }
  if (l.rfind("socket:", 0) == 0) {
    if (!resolve_socket_pidfd(tid, tgid, fd, info)) resolve_socket_procnet(tid, l, info);
    return info;
  }
  info.path = *link;
  if (l.rfind("pipe:", 0) == 0) {
    info.type = FdType::kPipe;
  } else if (l == "anon_inode:[eventfd]") {
    info.type = FdType::kEvent;
  } else if (l == "anon_inode:[signalfd]") {
    info.type = FdType::kSignalfd;
  } else if (l == "anon_inode:[eventpoll]") {
    info.type = FdType::kEventpoll;
  } else if (l == "anon_inode:inotify") {
    info.type = FdType::kInotify;
  } else if (l == "anon_inode:[timerfd]") {
    info.type = FdType::kTimerfd;
  } else {
    info.type = FdType::kOther;
  }
  return info;
}

std::optional<SocketKind> socket_kind(pid_t tid, pid_t tgid, int fd) {
  SocketKind k;
  if (pidfd_getfd_available()) {
    procfs::UniqueFd pidfd(pidfd_open(tgid));
    if (pidfd.get() >= 0) {
      procfs::UniqueFd sock(pidfd_getfd(pidfd.get(), fd));
      if (sock.get() >= 0) {
        int domain = 0, type = 0, proto = 0;
        socklen_t len = sizeof(int);
        if (::getsockopt(sock.get(), SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0)
          return std::nullopt;
        len = sizeof(int);
        ::getsockopt(sock.get(), SOL_SOCKET, SO_TYPE, &type, &len);
        len = sizeof(int);
        ::getsockopt(sock.get(), SOL_SOCKET, SO_PROTOCOL, &proto, &len);
        k.family = domain;
        k.l4proto = std::string(l4_name(proto, type));
        sockaddr_storage local{};
        socklen_t llen = sizeof local;
        if (::getsockname(sock.get(), reinterpret_cast<sockaddr*>(&local), &llen) == 0) {
          k.local = from_sockaddr(local, k.local_port);
        }
        return k;
      }
    }
  }
  FdInfo info = resolve_fd(tid, tgid, fd);
  if (info.type == FdType::kUnknown) return std::nullopt;
  k.family = info.type == FdType::kIpv6 ? AF_INET6 : info.type == FdType::kIpv4 ? AF_INET : AF_UNIX;
  k.l4proto = info.l4proto;
  k.local = info.lip();
  k.local_port = info.lport();
  return k;
}

}  // namespace ecsguard::guard
