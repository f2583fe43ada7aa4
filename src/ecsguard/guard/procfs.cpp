#include "ecsguard/guard/procfs.h"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace ecsguard::guard::procfs {
namespace {

std::atomic<bool> g_vm_readv_works{true};

void trim_trailing(std::string& s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\0')) s.pop_back();
}

template <class T>
bool parse_num(std::string_view s, T& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p != s.data();
}

// The value after "Key:\t" in /proc/<pid>/status.
std::string_view status_field(std::string_view text, std::string_view key) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
      std::string_view v = line.substr(key.size() + 1);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      return v;
    }
    pos = eol + 1;
  }
  return {};
}

std::uint64_t parse_hex(std::string_view s) {
  std::uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v, 16);
  return v;
}

}  // namespace

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t proc_path(char (&buf)[64], pid_t pid, std::string_view leaf) noexcept {
  int n = std::snprintf(buf, sizeof buf, "/proc/%d/%.*s", static_cast<int>(pid),
                        static_cast<int>(leaf.size()), leaf.data());
  return n < 0 ? 0 : static_cast<std::size_t>(n);
}

namespace {

std::optional<std::string> read_fd(const char* path, std::size_t max, bool short_read_is_eof) {
  UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return std::nullopt;
  std::string out;
  char buf[4096];
  while (out.size() < max) {
    std::size_t want = std::min(sizeof buf, max - out.size());
    ssize_t k = ::read(fd.get(), buf, want);
    if (k < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    if (k == 0) break;
    out.append(buf, static_cast<std::size_t>(k));
    // /proc/<pid>/* files hand out everything that fits in one read: a short read is the end,
    // which saves a read per file on the exec path.
    if (short_read_is_eof && static_cast<std::size_t>(k) < want) break;
  }
  return out;
}

}  // namespace

std::optional<std::string> read_file(const char* path, std::size_t max) {
  return read_fd(path, max, false);
}

std::optional<std::string> read_link(const char* path) {
  char buf[kMaxPath];
  ssize_t k = ::readlink(path, buf, sizeof buf);
  if (k < 0 || static_cast<std::size_t>(k) >= sizeof buf) return std::nullopt;
  return std::string(buf, static_cast<std::size_t>(k));
}

std::optional<std::string> read_proc_file(pid_t pid, std::string_view leaf, std::size_t max) {
  char p[64];
  proc_path(p, pid, leaf);
  return read_fd(p, max, true);
}

std::optional<std::string> read_proc_link(pid_t pid, std::string_view leaf) {
  char p[64];
  proc_path(p, pid, leaf);
  return read_link(p);
}

std::optional<std::string> comm(pid_t pid) {
  auto s = read_proc_file(pid, "comm", 64);
  if (!s) return std::nullopt;
  trim_trailing(*s);
  return s;
}

std::optional<std::string> cmdline(pid_t pid) {
  auto s = read_proc_file(pid, "cmdline", std::size_t{32} * 1024);
  if (!s) return std::nullopt;
  trim_trailing(*s);
  return s;
}

std::optional<Stat> stat(pid_t pid) {
  auto s = read_proc_file(pid, "stat", 4096);
  if (!s) return std::nullopt;
  // comm may contain spaces and parentheses: fields start after the last ')'.
  std::size_t rp = s->rfind(')');
  if (rp == std::string::npos || rp + 2 >= s->size()) return std::nullopt;
  std::string_view rest(*s);
  rest.remove_prefix(rp + 2);
  Stat st;
  std::string_view fields[20];
  std::size_t n = 0;
  while (!rest.empty() && n < 20) {
    std::size_t sp = rest.find(' ');
    fields[n++] = rest.substr(0, sp);
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  // fields[0]=state [1]=ppid [2]=pgrp [3]=session [4]=tty_nr ... [19]=starttime
  if (n < 20) return std::nullopt;
  st.state = fields[0].empty() ? '?' : fields[0][0];
  parse_num(fields[1], st.ppid);
  parse_num(fields[2], st.pgrp);
  parse_num(fields[3], st.session);
  parse_num(fields[4], st.tty_nr);
  parse_num(fields[19], st.start_ticks);
  return st;
}

std::optional<Status> status(pid_t pid) {
  auto s = read_proc_file(pid, "status", 8192);
  if (!s) return std::nullopt;
  std::string_view t(*s);
  Status st;
  parse_num(status_field(t, "Tgid"), st.tgid);
  parse_num(status_field(t, "PPid"), st.ppid);
  parse_num(status_field(t, "TracerPid"), st.tracer);
  auto ids = [](std::string_view v, std::uint32_t& real, std::uint32_t& eff) {
    std::size_t tab = v.find_first_of(" \t");
    parse_num(v.substr(0, tab), real);
    if (tab != std::string_view::npos) {
      std::string_view r = v.substr(tab + 1);
      while (!r.empty() && (r.front() == ' ' || r.front() == '\t')) r.remove_prefix(1);
      parse_num(r.substr(0, r.find_first_of(" \t")), eff);
    }
  };
  ids(status_field(t, "Uid"), st.ruid, st.euid);
  ids(status_field(t, "Gid"), st.rgid, st.egid);
  st.cap_inh = parse_hex(status_field(t, "CapInh"));
  st.cap_prm = parse_hex(status_field(t, "CapPrm"));
  st.cap_eff = parse_hex(status_field(t, "CapEff"));
  st.cap_bnd = parse_hex(status_field(t, "CapBnd"));
  return st;
}

bool read_memory(pid_t pid, std::uint64_t addr, void* buf, std::size_t len) noexcept {
  if (len == 0) return true;
  if (addr == 0) return false;
  if (g_vm_readv_works.load(std::memory_order_relaxed)) {
    iovec local{buf, len};
    iovec remote{reinterpret_cast<void*>(addr), len};  // NOLINT(performance-no-int-to-ptr)
    ssize_t k = ::process_vm_readv(pid, &local, 1, &remote, 1, 0);
    if (k == static_cast<ssize_t>(len)) return true;
    if (k >= 0 || errno == EFAULT || errno == ESRCH) return false;
    if (errno == EPERM || errno == ENOSYS) g_vm_readv_works.store(false);
  }
  char p[64];
  proc_path(p, pid, "mem");
  UniqueFd fd(::open(p, O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return false;
  ssize_t k = ::pread(fd.get(), buf, len, static_cast<off_t>(addr));
  return k == static_cast<ssize_t>(len);
}

std::optional<std::string> read_cstring(pid_t pid, std::uint64_t addr, std::size_t max) {
  if (addr == 0) return std::nullopt;
  std::string out;
  char buf[512];
  bool any = false;
  while (out.size() < max) {
    // Never cross a page boundary in one read: the next page may be unmapped.
    std::size_t to_page_end = 4096 - (addr & 4095U);
    std::size_t chunk = std::min({sizeof buf, to_page_end, max - out.size()});
    if (!read_memory(pid, addr, buf, chunk)) {
      if (!any) return std::nullopt;
      break;
    }
    any = true;
    std::size_t n = ::strnlen(buf, chunk);
    out.append(buf, n);
    if (n < chunk) return out;
    addr += chunk;
  }
  return out;
}

std::optional<std::int64_t> start_boottime_ns(pid_t pid) {
  auto st = stat(pid);
  if (!st) return std::nullopt;
  static const long kTicks = ::sysconf(_SC_CLK_TCK);
  if (kTicks <= 0) return std::nullopt;
  return static_cast<std::int64_t>(st->start_ticks) * (1'000'000'000LL / kTicks);
}

}  // namespace ecsguard::guard::procfs
