#include "ecsguard/guard/fields.h"

#include <fcntl.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <unordered_map>

#include "ecsguard/guard/dns_cache.h"
#include "ecsguard/guard/paths.h"
#include "ecsguard/guard/render.h"

namespace ecsguard::guard {
namespace {

using V = Values;

// ---- helpers --------------------------------------------------------------------------------

const ProcInfo* proc_at(EvalCtx& c, const FieldRef& r, unsigned default_level) {
  unsigned level = r.index >= 0 ? static_cast<unsigned>(r.index) : default_level;
  return c.ancestor(level);
}

std::string cmdline_of(const ProcInfo& p) {
  std::string args = p.args();
  return args.empty() ? p.comm : p.comm + " " + args;
}

// proc.aname-style fields: with an index, one ancestor (0 = the process itself); without, every
// ancestor above the process.
template <class Fn>
void ancestors(EvalCtx& c, const FieldRef& r, V& out, Fn fn) {
  if (r.index >= 0) {
    if (const ProcInfo* p = c.ancestor(static_cast<unsigned>(r.index))) fn(*p, out);
    return;
  }
  for (unsigned n = 1; n < 64; ++n) {
    const ProcInfo* p = c.ancestor(n);
    if (p == nullptr) break;
    fn(*p, out);
  }
}

bool is_open_family(EvtType t) { return evt_desc(t).is_open; }

std::optional<std::uint32_t> euid(EvalCtx& c) {
  if (const auto* st = c.status()) return st->euid;
  return std::nullopt;
}

std::optional<std::uint32_t> egid(EvalCtx& c) {
  if (const auto* st = c.status()) return st->egid;
  return std::nullopt;
}

std::string_view user_name_or_id(EvalCtx& c, std::uint32_t uid) {
  if (auto n = c.services().users.user_name(uid)) return *n;
  return c.keep(std::to_string(uid));
}

void add_ip(V& out, const IpAddr& ip) {
  if (ip.valid()) out.add(ip);
}

// Renders parameter `p` of the current event the way Falco's evt.arg does.
std::optional<std::string_view> render_param(EvalCtx& c, const ParamDesc& p) {
  const Event& ev = c.event();
  std::uint64_t raw = p.arg >= 0 ? ev.args[arg_index(p.arg)] : 0;
  switch (p.kind) {
    case ParamKind::kInt:
    case ParamKind::kFd:
    case ParamKind::kDirfd:
      return c.keep(std::to_string(static_cast<int>(raw)));
    case ParamKind::kUint:
      return c.keep(std::to_string(raw));
    case ParamKind::kPath:
    case ParamKind::kPathNoFollow:
      return c.path(p);
    case ParamKind::kStr:
      return c.raw_string(p.arg);
    case ParamKind::kSockaddr: {
      const SockAddr* a = c.sockaddr();
      if (a == nullptr) return std::nullopt;
      if (a->family == AF_UNIX) return c.keep(a->unix_path);
      if (!a->ip.valid())
        return c.keep(render_socket_domain(static_cast<std::uint64_t>(a->family)));
      return c.keep(a->ip.str() + ":" + std::to_string(a->port));
    }
    case ParamKind::kOpenFlags:
    case ParamKind::kOpenHowFlags:
    case ParamKind::kCreatFlags: {
      auto fl = c.open_flags();
      if (!fl) return std::nullopt;
      return c.keep(render_open_flags(*fl));
    }
    case ParamKind::kMode: {
      auto m = c.open_mode();
      if (!m) return std::nullopt;
      return c.keep(render_mode_octal(*m));
    }
    case ParamKind::kModeFlags:
      return c.keep(render_mode_flags(raw));
    case ParamKind::kPtraceRequest:
      return c.keep(render_ptrace_request(raw));
    case ParamKind::kCloneFlags:
      return c.keep(render_clone_flags(raw));
    case ParamKind::kSocketDomain:
      return c.keep(render_socket_domain(raw));
    case ParamKind::kSocketType:
      return c.keep(render_socket_type(raw));
    case ParamKind::kUid:
      return user_name_or_id(c, static_cast<std::uint32_t>(raw));
    case ParamKind::kGid: {
      if (auto g = c.services().users.group_name(static_cast<std::uint32_t>(raw))) return *g;
      return c.keep(std::to_string(static_cast<std::uint32_t>(raw)));
    }
    case ParamKind::kBpfCmd:
      return c.keep(render_bpf_cmd(raw));
    case ParamKind::kHex:
      return c.keep(render_hex(raw));
  }
  return std::nullopt;
}

const ParamDesc* param_by_ref(EvalCtx& c, const FieldRef& r) {
  const EvtDesc& d = evt_desc(c.event().type);
  if (r.index >= 0) {
    if (r.index >= static_cast<int>(d.params.size())) return nullptr;
    const ParamDesc& p = d.params[static_cast<std::size_t>(r.index)];
    return p.name.empty() ? nullptr : &p;
  }
  return find_param(c.event().type, r.key);
}

// fs.path.source / target: for rename and link the old and new path; for symlink the link text
// and the link path.
const ParamDesc* fs_source_param(EvtType t) {
  switch (t) {
    case EvtType::kRename:
    case EvtType::kRenameat:
    case EvtType::kRenameat2:
    case EvtType::kLink:
    case EvtType::kLinkat:
      return find_param(t, "oldpath");
    case EvtType::kSymlink:
    case EvtType::kSymlinkat:
      return find_param(t, "target");
    default:
      return nullptr;
  }
}
const ParamDesc* fs_target_param(EvtType t) {
  switch (t) {
    case EvtType::kRename:
    case EvtType::kRenameat:
    case EvtType::kRenameat2:
    case EvtType::kLink:
    case EvtType::kLinkat:
      return find_param(t, "newpath");
    case EvtType::kSymlink:
    case EvtType::kSymlinkat:
      return find_param(t, "linkpath");
    default:
      return nullptr;
  }
}
bool has_source_target(EvtType t) { return fs_source_param(t) != nullptr; }

const FdInfo* ip_fd(EvalCtx& c) {
  const FdInfo* f = c.fd();
  return (f != nullptr && f->is_ip()) ? f : nullptr;
}

void dns_names(EvalCtx& c, const IpAddr& ip, V& out) {
  auto& dns = c.services().dns;
  if (!dns || !ip.valid()) return;
  for (const auto& n : dns->names_of(ip)) out.add(c.keep(n));
}

constexpr std::string_view kNoK8s = "Kubernetes probes do not exist in an ECS task";
constexpr std::string_view kNoMounts =
    "the task's mount table is not visible from inside the container";
constexpr std::string_view kNoInode = "inode timestamps of executables are not collected";
constexpr std::string_view kNoIo = "read/write buffers are never traced (hot syscalls)";

// ---- the registry ---------------------------------------------------------------------------

using Def = FieldDef;

Def def(std::string_view name, FieldType type, Extractor fn, FieldArg arg = FieldArg::kNone) {
  Def d;
  d.name = name;
  d.type = type;
  d.fn = fn;
  d.arg = arg;
  return d;
}
Def unsupported(std::string_view name, std::string_view why, FieldArg arg = FieldArg::kNone) {
  Def d;
  d.name = name;
  d.arg = arg;
  d.unsupported = why;
  return d;
}
Def result(Def d) {
  d.result_dependent = true;
  return d;
}
Def abstract_ok(Def d) {
  d.abstract_ok = true;
  return d;
}

using T = FieldType;
using A = FieldArg;

std::vector<Def> make_registry() {
  std::vector<Def> r;
  // evt.*
  r.push_back(abstract_ok(def("evt.type", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(evt_name(c.event().type));
  })));
  r.push_back(def("evt.num", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(static_cast<std::int64_t>(c.event().num));
  }));
  r.push_back(def("evt.time", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(c.keep(render_time(c.event().ts_ns, TimeStyle::kClock)));
  }));
  r.push_back(def("evt.datetime", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(c.keep(render_time(c.event().ts_ns, TimeStyle::kDateTime)));
  }));
  r.push_back(def("evt.rawtime", T::kInt,
                  [](EvalCtx& c, const FieldRef&, V& o) { o.add(c.event().ts_ns); }));
  r.push_back(def("evt.dir", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(c.event().phase == Phase::kEntry ? std::string_view(">") : std::string_view("<"));
  }));
  r.push_back(def("evt.hostname", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(std::string_view(c.services().hostname));
  }));
  r.push_back(def("evt.source", T::kString,
                  [](EvalCtx&, const FieldRef&, V& o) { o.add(std::string_view("syscall")); }));
  r.push_back(result(def("evt.res", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (c.event().phase == Phase::kExec) return o.add(std::string_view("SUCCESS"));
    if (c.event().phase != Phase::kExit) return o.pending();
    o.add(c.keep(render_result(c.event().result)));
  })));
  r.push_back(result(def("evt.rawres", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    const Event& ev = c.event();
    if (ev.phase == Phase::kExec) return o.add(std::int64_t{0});
    if (ev.phase == Phase::kExit) return o.add(ev.result);
    // dup2/dup3 return their newfd: known at entry, no exit stop needed (RUNTIME.md §5.3).
    if (ev.phase == Phase::kEntry && (ev.type == EvtType::kDup2 || ev.type == EvtType::kDup3)) {
      return o.add(static_cast<std::int64_t>(static_cast<int>(ev.args[1])));
    }
    o.pending();
  })));
  r.push_back(result(def("evt.failed", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (c.event().phase == Phase::kExec) return o.set(false);
    if (c.event().phase != Phase::kExit) return o.pending();
    o.set(c.event().result < 0);
  })));
  r.push_back(abstract_ok(def("evt.is_open_read", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (!is_open_family(c.event().type)) return;
    if (c.abstract()) {
      if (!c.event().abstract_open_write) return o.pending();
      if (!*c.event().abstract_open_write) return o.set(true);
      return o.pending();  // O_RDWR opens are both
    }
    auto fl = c.open_flags();
    if (!fl) return;
    o.set((*fl & O_ACCMODE) == O_RDONLY || (*fl & O_ACCMODE) == O_RDWR);
  })));
  r.push_back(abstract_ok(def("evt.is_open_write", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (!is_open_family(c.event().type)) return;
    if (c.abstract()) {
      if (!c.event().abstract_open_write) return o.pending();
      if (!*c.event().abstract_open_write) return o.set(false);
      return o.pending();
    }
    auto fl = c.open_flags();
    if (!fl) return;
    o.set((*fl & O_ACCMODE) == O_WRONLY || (*fl & O_ACCMODE) == O_RDWR);
  })));
  r.push_back(abstract_ok(def("evt.is_open_exec", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (!is_open_family(c.event().type)) return;
    if (c.abstract()) {
      if (c.event().abstract_open_write && !*c.event().abstract_open_write) return o.set(false);
      return o.pending();
    }
    auto fl = c.open_flags();
    auto mode = c.open_mode();
    if (!fl) return;
    o.set((*fl & O_CREAT) != 0 && mode && (*mode & 0111U) != 0);
  })));
  r.push_back(def(
      "evt.arg", T::kString,
      [](EvalCtx& c, const FieldRef& ref, V& o) {
        const ParamDesc* p = param_by_ref(c, ref);
        if (p == nullptr) return;
        if (auto v = render_param(c, *p)) o.add(*v);
      },
      A::kRequiredIndex));
  r.push_back(def("evt.args", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    std::string s;
    for (const auto& p : evt_desc(c.event().type).params) {
      if (p.name.empty()) continue;
      auto v = render_param(c, p);
      if (!s.empty()) s += ' ';
      s.append(p.name).append("=").append(v ? *v : std::string_view("<NA>"));
    }
    o.add(c.keep(std::move(s)));
  }));
  r.push_back(unsupported("evt.buffer", kNoIo));
  r.push_back(unsupported("evt.is_io", kNoIo));
  r.push_back(unsupported("evt.is_io_read", kNoIo));
  r.push_back(unsupported("evt.is_io_write", kNoIo));

  // proc.*
  r.push_back(def("proc.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc()) o.add(std::string_view(p->comm));
  }));
  r.push_back(def("proc.exe", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc()) o.add(p->argv0());
  }));
  r.push_back(def("proc.exepath", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc()) o.add(std::string_view(p->exepath));
  }));
  r.push_back(def("proc.exeline", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const ProcInfo* p = c.proc();
    if (p == nullptr) return;
    std::string args = p->args();
    o.add(c.keep(args.empty() ? std::string(p->argv0()) : std::string(p->argv0()) + " " + args));
  }));
  r.push_back(def("proc.cmdline", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc()) o.add(c.keep(cmdline_of(*p)));
  }));
  r.push_back(def("proc.args", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc()) o.add(c.keep(p->args()));
  }));
  r.push_back(def("proc.cmdnargs", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    const ProcInfo* p = c.proc();
    if (p == nullptr) return;
    o.add(static_cast<std::int64_t>(std::count(p->cmdline.begin(), p->cmdline.end(), '\0')));
  }));
  r.push_back(def("proc.cmdlenargs", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    const ProcInfo* p = c.proc();
    if (p == nullptr) return;
    std::size_t nul = p->cmdline.find('\0');
    std::int64_t n = 0;
    if (nul != std::string::npos) {
      for (std::size_t i = nul + 1; i < p->cmdline.size(); ++i) n += p->cmdline[i] != '\0';
    }
    o.add(n);
  }));
  r.push_back(def("proc.pid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(static_cast<std::int64_t>(c.event().tgid));
  }));
  r.push_back(def("proc.vpid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(static_cast<std::int64_t>(c.event().tgid));
  }));
  auto ppid = [](EvalCtx& c, const FieldRef&, V& o) {
    const ProcInfo* p = c.proc();
    if (p != nullptr && p->ppid != 0) o.add(static_cast<std::int64_t>(p->ppid));
  };
  r.push_back(def("proc.ppid", T::kInt, ppid));
  r.push_back(def("proc.pvpid", T::kInt, ppid));
  r.push_back(def("proc.pname", T::kString, [](EvalCtx& c, const FieldRef& r2, V& o) {
    if (const ProcInfo* p = proc_at(c, r2, 1)) o.add(std::string_view(p->comm));
  }));
  r.push_back(def("proc.pexe", T::kString, [](EvalCtx& c, const FieldRef& r2, V& o) {
    if (const ProcInfo* p = proc_at(c, r2, 1)) o.add(p->argv0());
  }));
  r.push_back(def("proc.pexepath", T::kString, [](EvalCtx& c, const FieldRef& r2, V& o) {
    if (const ProcInfo* p = proc_at(c, r2, 1)) o.add(std::string_view(p->exepath));
  }));
  r.push_back(def("proc.pcmdline", T::kString, [](EvalCtx& c, const FieldRef& r2, V& o) {
    if (const ProcInfo* p = proc_at(c, r2, 1)) o.add(c.keep(cmdline_of(*p)));
  }));
  r.push_back(def(
      "proc.aname", T::kString,
      [](EvalCtx& c, const FieldRef& r2, V& o) {
        ancestors(c, r2, o, [](const ProcInfo& p, V& out) { out.add(std::string_view(p.comm)); });
      },
      A::kOptionalIndex));
  r.push_back(def(
      "proc.apid", T::kInt,
      [](EvalCtx& c, const FieldRef& r2, V& o) {
        ancestors(c, r2, o,
                  [](const ProcInfo& p, V& out) { out.add(static_cast<std::int64_t>(p.pid)); });
      },
      A::kOptionalIndex));
  r.push_back(def(
      "proc.aexe", T::kString,
      [](EvalCtx& c, const FieldRef& r2, V& o) {
        ancestors(c, r2, o, [](const ProcInfo& p, V& out) { out.add(p.argv0()); });
      },
      A::kOptionalIndex));
  r.push_back(def(
      "proc.aexepath", T::kString,
      [](EvalCtx& c, const FieldRef& r2, V& o) {
        ancestors(c, r2, o,
                  [](const ProcInfo& p, V& out) { out.add(std::string_view(p.exepath)); });
      },
      A::kOptionalIndex));
  r.push_back(def(
      "proc.acmdline", T::kString,
      [](EvalCtx& c, const FieldRef& r2, V& o) {
        if (r2.index >= 0) {
          if (const ProcInfo* p = c.ancestor(static_cast<unsigned>(r2.index)))
            o.add(c.keep(cmdline_of(*p)));
          return;
        }
        for (unsigned n = 1; n < 64; ++n) {
          const ProcInfo* p = c.ancestor(n);
          if (p == nullptr) break;
          o.add(c.keep(cmdline_of(*p)));
        }
      },
      A::kOptionalIndex));
  r.push_back(def("proc.cwd", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto cwd = c.cwd();
    if (!cwd) return;
    if (!cwd->empty() && cwd->back() == '/') return o.add(*cwd);
    o.add(c.keep(std::string(*cwd) + "/"));
  }));
  r.push_back(def("proc.tty", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.stat()) o.add(static_cast<std::int64_t>(st->tty_nr));
  }));
  r.push_back(def("proc.sid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.stat()) o.add(static_cast<std::int64_t>(st->session));
  }));
  r.push_back(def("proc.sname", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const auto* st = c.stat();
    if (st == nullptr || st->session <= 0) return;
    if (const ProcInfo* p = c.services().procs.find(st->session))
      return o.add(std::string_view(p->comm));
    if (auto n = procfs::comm(st->session)) o.add(c.keep(std::move(*n)));
  }));
  r.push_back(def("proc.vpgid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.stat()) o.add(static_cast<std::int64_t>(st->pgrp));
  }));
  r.push_back(def("proc.vpgid.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const auto* st = c.stat();
    if (st == nullptr || st->pgrp <= 0) return;
    if (const ProcInfo* p = c.services().procs.find(st->pgrp))
      return o.add(std::string_view(p->comm));
    if (auto n = procfs::comm(st->pgrp)) o.add(c.keep(std::move(*n)));
  }));
  r.push_back(def("proc.vpgid.exe", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const auto* st = c.stat();
    if (st == nullptr || st->pgrp <= 0) return;
    if (const ProcInfo* p = c.services().procs.find(st->pgrp)) o.add(p->argv0());
  }));
  r.push_back(def("proc.is_vpgid_leader", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.stat()) o.set(st->pgrp == c.event().tgid);
  }));
  r.push_back(def("proc.is_sid_leader", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.stat()) o.set(st->session == c.event().tgid);
  }));
  r.push_back(def("proc.duration", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc(); p != nullptr && p->start_ns > 0)
      o.add(now_boot_ns() - p->start_ns);
  }));
  r.push_back(def("proc.ppid.duration", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.ancestor(1); p != nullptr && p->start_ns > 0)
      o.add(now_boot_ns() - p->start_ns);
  }));
  r.push_back(def("proc.is_exe_upper_layer", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc()) o.set(p->exe_written);
  }));
  r.push_back(def("proc.is_exe_from_memfd", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const ProcInfo* p = c.proc()) o.set(p->exe_from_memfd);
  }));
  r.push_back(def(
      "proc.env", T::kString,
      [](EvalCtx& c, const FieldRef& r2, V& o) {
        auto env = c.environ();
        if (!env) return;
        if (r2.key.empty()) {
          std::string s(*env);
          std::replace(s.begin(), s.end(), '\0', ' ');
          return o.add(c.keep(std::move(s)));
        }
        std::size_t i = 0;
        while (i < env->size()) {
          std::size_t j = env->find('\0', i);
          if (j == std::string_view::npos) j = env->size();
          std::string_view kv = env->substr(i, j - i);
          if (kv.size() > r2.key.size() && kv.substr(0, r2.key.size()) == r2.key &&
              kv[r2.key.size()] == '=') {
            return o.add(kv.substr(r2.key.size() + 1));
          }
          i = j + 1;
        }
      },
      A::kOptionalName));
  auto never = [](EvalCtx&, const FieldRef&, V& o) { o.set(false); };
  r.push_back(def("proc.is_container_healthcheck", T::kBool, never));
  r.push_back(def("proc.is_container_liveness_probe", T::kBool, never));
  r.push_back(def("proc.is_container_readiness_probe", T::kBool, never));
  r.push_back(def("proc.stdin.type", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.stdio(0)) o.add(fd_type_name(f->type));
  }));
  r.push_back(def("proc.stdout.type", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.stdio(1)) o.add(fd_type_name(f->type));
  }));
  r.push_back(def("proc.stderr.type", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.stdio(2)) o.add(fd_type_name(f->type));
  }));
  r.push_back(def("proc.stdin.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.stdio(0)) o.add(c.keep(f->name()));
  }));
  r.push_back(def("proc.stdout.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.stdio(1)) o.add(c.keep(f->name()));
  }));
  r.push_back(def("proc.stderr.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.stdio(2)) o.add(c.keep(f->name()));
  }));
  for (auto name :
       {"proc.exe_ino", "proc.exe_ino.ctime", "proc.exe_ino.mtime",
        "proc.exe_ino.ctime_duration_proc_start", "proc.exe_ino.ctime_duration_pidns_start"}) {
    r.push_back(unsupported(name, kNoInode));
  }
  r.push_back(unsupported("proc.is_exe_writable",
                          "needs an access check as the process user; not implemented"));
  r.push_back(unsupported("proc.loginshellid", "login shells are not tracked"));
  r.push_back(
      unsupported("proc.fdopencount", "fd tables are not tracked (fds are resolved lazily)"));

  // thread.*
  r.push_back(def("thread.tid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(static_cast<std::int64_t>(c.event().tid));
  }));
  r.push_back(def("thread.vtid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    o.add(static_cast<std::int64_t>(c.event().tid));
  }));
  r.push_back(def("thread.ismain", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    o.set(c.event().tid == c.event().tgid);
  }));
  r.push_back(def("thread.cap_effective", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.status()) o.add(c.keep(render_caps(st->cap_eff)));
  }));
  r.push_back(def("thread.cap_permitted", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.status()) o.add(c.keep(render_caps(st->cap_prm)));
  }));
  r.push_back(def("thread.cap_inheritable", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const auto* st = c.status()) o.add(c.keep(render_caps(st->cap_inh)));
  }));

  // user.* group.*
  r.push_back(def("user.uid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (auto u = euid(c)) o.add(static_cast<std::int64_t>(*u));
  }));
  r.push_back(def("user.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (auto u = euid(c)) o.add(user_name_or_id(c, *u));
  }));
  r.push_back(def("user.homedir", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (auto u = euid(c)) {
      if (auto h = c.services().users.home(*u)) o.add(*h);
    }
  }));
  r.push_back(def("user.shell", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (auto u = euid(c)) {
      if (auto s = c.services().users.shell(*u)) o.add(*s);
    }
  }));
  r.push_back(def("user.loginuid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (auto l = c.loginuid()) o.add(*l);
  }));
  r.push_back(def("user.loginname", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto l = c.loginuid();
    if (!l || *l < 0) return;
    if (auto n = c.services().users.user_name(static_cast<std::uint32_t>(*l))) o.add(*n);
  }));
  r.push_back(def("group.gid", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (auto g = egid(c)) o.add(static_cast<std::int64_t>(*g));
  }));
  r.push_back(def("group.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto g = egid(c);
    if (!g) return;
    if (auto n = c.services().users.group_name(*g)) return o.add(*n);
    o.add(c.keep(std::to_string(*g)));
  }));

  // fd.*
  r.push_back(result(def("fd.num", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    const Event& ev = c.event();
    const EvtDesc& d = evt_desc(ev.type);
    if (ev.type == EvtType::kDup2 || ev.type == EvtType::kDup3) {
      return o.add(static_cast<std::int64_t>(static_cast<int>(ev.args[1])));
    }
    if (d.result_is_fd) {
      if (ev.phase == Phase::kExit) return o.add(ev.result >= 0 ? ev.result : -1);
      if (ev.phase == Phase::kEntry || ev.phase == Phase::kAbstract) return o.pending();
      return;
    }
    if (d.fd_arg >= 0)
      o.add(static_cast<std::int64_t>(static_cast<int>(ev.args[arg_index(d.fd_arg)])));
  })));
  r.push_back(def("fd.type", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.fd()) o.add(fd_type_name(f->type));
  }));
  r.push_back(def("fd.typechar", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.fd()) o.add(c.keep(std::string(1, fd_typechar(f->type))));
  }));
  r.push_back(def("fd.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.fd()) o.add(f->is_ip() ? c.keep(f->name()) : std::string_view(f->path));
  }));
  r.push_back(def("fd.nameraw", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const EvtDesc& d = evt_desc(c.event().type);
    if (d.is_open && d.path_param >= 0) {
      if (auto raw = c.raw_string(d.params[arg_index(d.path_param)].arg)) return o.add(*raw);
    }
    if (const FdInfo* f = c.fd()) o.add(f->is_ip() ? c.keep(f->name()) : std::string_view(f->path));
  }));
  r.push_back(def("fd.directory", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const FdInfo* f = c.fd();
    if (f == nullptr || (f->type != FdType::kFile && f->type != FdType::kDirectory)) return;
    if (f->type == FdType::kDirectory) return o.add(std::string_view(f->path));
    o.add(path_dirname(f->path));
  }));
  r.push_back(def("fd.filename", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const FdInfo* f = c.fd();
    if (f == nullptr || f->type != FdType::kFile) return;
    o.add(path_basename(f->path));
  }));
  // Either end; an unbound client end (0.0.0.0 at a connect's entry) is not an address yet.
  auto ips = [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) {
      if (!f->cip.is_unspecified()) add_ip(o, f->cip);
      add_ip(o, f->sip);
    }
  };
  r.push_back(def("fd.ip", T::kIp, ips));
  r.push_back(def("fd.net", T::kIp, ips));
  r.push_back(def("fd.cip", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->cip);
  }));
  r.push_back(def("fd.cnet", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->cip);
  }));
  r.push_back(def("fd.sip", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->sip);
  }));
  r.push_back(def("fd.snet", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->sip);
  }));
  r.push_back(def("fd.lip", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->lip());
  }));
  r.push_back(def("fd.lnet", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->lip());
  }));
  r.push_back(def("fd.rip", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->rip());
  }));
  r.push_back(def("fd.rnet", T::kIp, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) add_ip(o, f->rip());
  }));
  r.push_back(def("fd.port", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) {
      o.add(static_cast<std::int64_t>(f->cport));
      o.add(static_cast<std::int64_t>(f->sport));
    }
  }));
  r.push_back(def("fd.cport", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) o.add(static_cast<std::int64_t>(f->cport));
  }));
  r.push_back(def("fd.sport", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) o.add(static_cast<std::int64_t>(f->sport));
  }));
  r.push_back(def("fd.lport", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) o.add(static_cast<std::int64_t>(f->lport()));
  }));
  r.push_back(def("fd.rport", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) o.add(static_cast<std::int64_t>(f->rport()));
  }));
  r.push_back(def("fd.l4proto", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c); f != nullptr && !f->l4proto.empty())
      o.add(std::string_view(f->l4proto));
  }));
  r.push_back(def("fd.sockfamily", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const FdInfo* f = c.fd();
    if (f == nullptr) return;
    if (f->is_ip()) return o.add(std::string_view("ip"));
    if (f->type == FdType::kUnix) o.add(std::string_view("unix"));
  }));
  r.push_back(def("fd.connected", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = c.fd()) o.set(f->connected);
  }));
  r.push_back(def("fd.name_changed", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (c.fd() != nullptr) o.set(false);
  }));
  r.push_back(def("fd.is_server", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) o.set(f->server_role);
  }));
  r.push_back(def("fd.sip.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) dns_names(c, f->sip, o);
  }));
  r.push_back(def("fd.cip.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) dns_names(c, f->cip, o);
  }));
  r.push_back(def("fd.lip.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) dns_names(c, f->lip(), o);
  }));
  r.push_back(def("fd.rip.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (const FdInfo* f = ip_fd(c)) dns_names(c, f->rip(), o);
  }));
  r.push_back(unsupported("fd.types", "fd tables are not tracked (fds are resolved lazily)",
                          A::kOptionalIndex));
  r.push_back(unsupported("fd.dev", "device numbers are not collected"));
  r.push_back(unsupported("fd.ino", "inode numbers are not collected"));

  // fs.path.*
  r.push_back(def("fs.path.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    if (has_source_target(c.event().type)) return;
    if (auto p = c.main_path()) o.add(*p);
  }));
  r.push_back(def("fs.path.nameraw", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const EvtDesc& d = evt_desc(c.event().type);
    if (has_source_target(c.event().type) || d.path_param < 0) return;
    if (auto raw = c.raw_string(d.params[arg_index(d.path_param)].arg)) o.add(*raw);
  }));
  r.push_back(def("fs.path.source", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const ParamDesc* p = fs_source_param(c.event().type);
    if (p == nullptr) return;
    auto v = p->kind == ParamKind::kStr ? c.raw_string(p->arg) : c.path(*p);
    if (v) o.add(*v);
  }));
  r.push_back(def("fs.path.sourceraw", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const ParamDesc* p = fs_source_param(c.event().type);
    if (p == nullptr) return;
    if (auto v = c.raw_string(p->arg)) o.add(*v);
  }));
  r.push_back(def("fs.path.target", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const ParamDesc* p = fs_target_param(c.event().type);
    if (p == nullptr) return;
    if (auto v = c.path(*p)) o.add(*v);
  }));
  r.push_back(def("fs.path.targetraw", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const ParamDesc* p = fs_target_param(c.event().type);
    if (p == nullptr) return;
    if (auto v = c.raw_string(p->arg)) o.add(*v);
  }));

  // app.*: the application guard started (an ecsguard extension, RUN-001).
  r.push_back(def("app.started", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    o.set(c.services().app.started(now_boot_ns()));
  }));
  r.push_back(def("app.exepath", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    const AppState& a = c.services().app;
    if (a.listen_boot_ns != 0 && !a.exepath.empty()) o.add(std::string_view(a.exepath));
  }));
  r.push_back(def("app.is_own_exe", T::kBool, [](EvalCtx& c, const FieldRef&, V& o) {
    const AppState& a = c.services().app;
    const ProcInfo* p = c.proc();
    o.set(p != nullptr && a.listen_boot_ns != 0 && !a.exepath.empty() && p->exepath == a.exepath);
  }));

  // container.*
  r.push_back(def("container.id", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto ci = c.services().container();
    if (!ci->id.empty()) o.add(c.keep(ci->id));
  }));
  r.push_back(def("container.name", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto ci = c.services().container();
    if (!ci->name.empty()) o.add(c.keep(ci->name));
  }));
  r.push_back(def("container.image", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto ci = c.services().container();
    if (!ci->image.empty()) o.add(c.keep(ci->image));
  }));
  r.push_back(def("container.image.repository", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto ci = c.services().container();
    if (!ci->repository.empty()) o.add(c.keep(ci->repository));
  }));
  r.push_back(def("container.image.tag", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto ci = c.services().container();
    if (!ci->tag.empty()) o.add(c.keep(ci->tag));
  }));
  r.push_back(def("container.image.digest", T::kString, [](EvalCtx& c, const FieldRef&, V& o) {
    auto ci = c.services().container();
    if (!ci->digest.empty()) o.add(c.keep(ci->digest));
  }));
  r.push_back(def("container.start_ts", T::kInt, [](EvalCtx& c, const FieldRef&, V& o) {
    auto ci = c.services().container();
    if (ci->start_ts > 0) o.add(ci->start_ts);
  }));
  r.push_back(def("container.type", T::kString,
                  [](EvalCtx&, const FieldRef&, V& o) { o.add(std::string_view("ecs")); }));
  // Fargate never runs privileged containers nor shares host namespaces.
  r.push_back(def("container.privileged", T::kBool, never));
  r.push_back(def("container.host_pid", T::kBool, never));
  r.push_back(def("container.host_network", T::kBool, never));
  r.push_back(def("container.host_ipc", T::kBool, never));
  for (auto name :
       {"container.mounts", "container.mount", "container.mount.source", "container.mount.dest",
        "container.mount.mode", "container.mount.rdwr", "container.mount.propagation"}) {
    r.push_back(unsupported(name, kNoMounts, A::kOptionalName));
  }
  r.push_back(def(
      "k8s.*", T::kString, [](EvalCtx&, const FieldRef&, V&) {}, A::kOptionalName));
  r.push_back(
      unsupported("container.healthcheck", "health checks run outside the supervised tree"));
  r.push_back(unsupported("container.liveness_probe", kNoK8s));
  r.push_back(unsupported("container.readiness_probe", kNoK8s));
  return r;
}

const std::vector<Def>& registry() {
  static const std::vector<Def> kRegistry = make_registry();
  return kRegistry;
}

const Def* find_def(std::string_view name) {
  static const std::unordered_map<std::string_view, const Def*> kIndex = [] {
    std::unordered_map<std::string_view, const Def*> m;
    for (const auto& d : registry()) m.emplace(d.name, &d);
    return m;
  }();
  auto it = kIndex.find(name);
  return it == kIndex.end() ? nullptr : it->second;
}

bool parse_index(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size() && out >= 0;
}

}  // namespace

core::Result<FieldRef> resolve_field(std::string_view name, bool has_arg, std::string_view arg) {
  FieldRef ref;
  ref.name = std::string(name);
  if (has_arg) ref.name += "[" + std::string(arg) + "]";
  auto unsupported_err = [&](const std::string& why) {
    return core::make_error(core::Errc::kUnsupported, "field " + ref.name + ": " + why);
  };
  // evt.arg.NAME / evt.rawarg.NAME: one field per parameter name.
  for (std::string_view prefix : {std::string_view("evt.arg."), std::string_view("evt.rawarg.")}) {
    if (name.substr(0, prefix.size()) == prefix && name.size() > prefix.size()) {
      if (has_arg) return unsupported_err("takes no argument");
      ref.def = find_def("evt.arg");
      ref.key = std::string(name.substr(prefix.size()));
      ref.raw_arg = prefix == "evt.rawarg.";
      return ref;
    }
  }
  if (name.substr(0, 4) == "k8s." || name.substr(0, 8) == "k8smeta.") {
    // No Kubernetes in an ECS task: these fields exist and are always <NA>, as they are for Falco
    // on a host without Kubernetes (k8s.ns.name = x is false, not k8s.ns.name = x is true).
    ref.def = find_def("k8s.*");
    if (has_arg) ref.key = std::string(arg);
    return ref;
  }
  const Def* d = find_def(name);
  if (d == nullptr) {
    return core::make_error(core::Errc::kUnsupported, "field " + ref.name + ": unknown field");
  }
  if (!d->unsupported.empty()) return unsupported_err(std::string(d->unsupported));
  ref.def = d;
  switch (d->arg) {
    case FieldArg::kNone:
      if (has_arg) return unsupported_err("takes no argument");
      break;
    case FieldArg::kOptionalIndex:
    case FieldArg::kRequiredIndex:
      if (!has_arg) {
        if (d->arg == FieldArg::kRequiredIndex) return unsupported_err("needs an index");
        break;
      }
      if (!parse_index(arg, ref.index)) return unsupported_err("index must be a number");
      break;
    case FieldArg::kOptionalName:
      if (has_arg) ref.key = std::string(arg);
      break;
  }
  return ref;
}

void extract(EvalCtx& ctx, const FieldRef& ref, Values& out) {
  out.reset();
  const FieldDef* d = ref.def;
  if (d == nullptr || d->fn == nullptr) return;
  if (ctx.abstract() && !d->abstract_ok) {
    out.pending();
    return;
  }
  if (ref.raw_arg) {
    const ParamDesc* p = find_param(ctx.event().type, ref.key);
    if (p == nullptr) return;
    if (p->kind == ParamKind::kStr || p->kind == ParamKind::kPath ||
        p->kind == ParamKind::kPathNoFollow) {
      if (auto s = ctx.raw_string(p->arg)) out.add(*s);
      return;
    }
    if (p->arg >= 0) out.add(ctx.keep(std::to_string(ctx.event().args[arg_index(p->arg)])));
    return;
  }
  d->fn(ctx, ref, out);
}

std::string field_text(EvalCtx& ctx, const FieldRef& ref) {
  Values v;
  extract(ctx, ref, v);
  if (v.state != Values::State::kOk) return "<NA>";
  switch (ref.def->type) {
    case FieldType::kString:
      return v.strs.empty() ? "<NA>" : std::string(v.strs.front());
    case FieldType::kInt:
      return v.ints.empty() ? "<NA>" : std::to_string(v.ints.front());
    case FieldType::kBool:
      return v.boolean ? "true" : "false";
    case FieldType::kIp:
      return v.ips.empty() ? "<NA>" : v.ips.front().str();
  }
  return "<NA>";
}

std::vector<std::string_view> supported_field_names() {
  std::vector<std::string_view> out;
  for (const auto& d : registry()) {
    if (d.unsupported.empty()) out.push_back(d.name);
  }
  out.emplace_back("evt.arg.<name>");
  out.emplace_back("evt.rawarg.<name>");
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ecsguard::guard
