// `ecsguard guard` against real processes: PID-1 duties, ptrace job control, threads and vfork
// behaving as untraced, fail-closed supervisor death, the no-SYS_PTRACE fallback, and every
// behaviour of RUN-001 ... RUN-011 that can be produced safely (loopback, temporary directories;
// writes to system paths and connections to non-loopback addresses only in enforce mode, where
// the guard denies them before they happen). Every wait is bounded.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "guard_test_util.h"

namespace {

using guard_test::Child;
using guard_test::harness;
using guard_test::helper;
using guard_test::Json;
using guard_test::rule_alerts;
using guard_test::RunResult;
using guard_test::TempDir;

class GuardRun : public ::testing::Test {
 protected:
  struct Outcome {
    RunResult run;
    std::vector<Json> alerts;
    [[nodiscard]] std::vector<Json> of(const std::string& rule) const {
      return rule_alerts(alerts, rule);
    }
  };

  Outcome guard(std::vector<std::string> options, const std::vector<std::string>& command,
                const std::vector<std::string>& env = {}) {
    std::string alerts = dir_.file("alerts-" + std::to_string(++runs_) + ".json");
    std::vector<std::string> argv = {harness(), "--heartbeat", "0", "--alerts-to", alerts};
    argv.insert(argv.end(), options.begin(), options.end());
    argv.emplace_back("--");
    argv.insert(argv.end(), command.begin(), command.end());
    Outcome o;
    o.run = guard_test::run(argv, 60.0, env);
    EXPECT_FALSE(o.run.timed_out) << "guard run timed out";
    o.alerts = guard_test::read_alerts(alerts);
    return o;
  }

  static std::string action(const Json& alert) {
    const Json& f = alert["output_fields"];
    return f.contains("ecsguard.action") ? f["ecsguard.action"].get<std::string>() : "";
  }

  TempDir dir_;
  int runs_ = 0;
};

// ---- supervisor duties ----------------------------------------------------------------------

TEST_F(GuardRun, ExitStatusAndSignalsArePassedThrough) {
  EXPECT_EQ(guard({}, {helper(), "exit", "3"}).run.status, 3);
  EXPECT_EQ(guard({}, {helper(), "exit", "0"}).run.status, 0);
  EXPECT_EQ(guard({}, {helper(), "kill-self", "15"}).run.status, 143);
  EXPECT_EQ(guard({}, {helper(), "kill-self", "9"}).run.status, 137);
  auto missing = guard({}, {"/nonexistent/app"});
  EXPECT_EQ(missing.run.status, 127);
  EXPECT_NE(missing.run.err.find("command not found"), std::string::npos);
}

TEST_F(GuardRun, StartRecordIsSmallAndSaysWhatIsTraced) {
  // As root and as an unprivileged user alike (run_unprivileged.sh): full ptrace supervision,
  // no capability warning, one small Informational record without kernel details.
  auto o = guard({}, {"/bin/true"});
  EXPECT_EQ(o.run.status, 0);
  EXPECT_EQ(o.run.err, "") << "no warning on stderr";
  auto started = o.of("ecsguard started");
  ASSERT_EQ(started.size(), 1U);
  EXPECT_EQ(started[0]["priority"], "Informational");
  const Json& f = started[0]["output_fields"];
  EXPECT_EQ(f["ecsguard.mode"], "monitor");
  EXPECT_EQ(f["ecsguard.supervision"], "ptrace") << "euid " << ::geteuid();
  EXPECT_GT(f["ecsguard.rules_enabled"].get<int>(), 20);
  std::string traced = f["ecsguard.traced"];
  EXPECT_NE(traced.find("openat(write)"), std::string::npos) << traced;
  EXPECT_NE(traced.find("dup2(fd<=2)"), std::string::npos) << traced;
  EXPECT_NE(traced.find("listen"), std::string::npos) << "the app's start-up ends at listen()";
  EXPECT_EQ(traced.find("read,"), std::string::npos);
  EXPECT_FALSE(f.contains("kernel.release"));
  EXPECT_FALSE(f.contains("kernel.cap_sys_ptrace"));
  EXPECT_LT(started[0].dump().size(), 1100U) << started[0].dump();
  auto no_alerts = o.alerts.size() - 2;  // the start and the final stats record
  EXPECT_EQ(no_alerts, 0U);
}

TEST_F(GuardRun, StartRecordHasKernelDetailsWithVerbose) {
  auto o = guard({"-v"}, {"/bin/true"});
  auto started = o.of("ecsguard started");
  ASSERT_EQ(started.size(), 1U);
  const Json& f = started[0]["output_fields"];
  EXPECT_FALSE(f["kernel.release"].get<std::string>().empty());
  EXPECT_EQ(f["kernel.cap_sys_ptrace"], ::geteuid() == 0);
  EXPECT_EQ(f["ecsguard.read_opens_traced"], false);
  EXPECT_NE(o.run.err.find("supervision=ptrace"), std::string::npos) << o.run.err;
}

TEST_F(GuardRun, SigtermIsForwardedToTheApplication) {
  std::string alerts = dir_.file("fwd.json");
  Child g({harness(), "--heartbeat", "0", "--alerts-to", alerts, "--", helper(), "sleep", "30"});
  ASSERT_TRUE(g.wait_output("ready"));
  ASSERT_EQ(::kill(g.pid(), SIGTERM), 0);
  EXPECT_EQ(g.wait_exit(10.0), 143) << "the app got SIGTERM and its status is passed through";
  EXPECT_EQ(g.out().find("slept"), std::string::npos);
}

TEST_F(GuardRun, SupervisorDeathKillsTheApplication) {
  std::string alerts = dir_.file("death.json");
  Child g({harness(), "--heartbeat", "0", "--alerts-to", alerts, "--", helper(), "sleep", "30"});
  ASSERT_TRUE(g.wait_output("ready"));
  auto kids = guard_test::children_of(g.pid());
  ASSERT_EQ(kids.size(), 1U);
  pid_t app = kids.front();
  ASSERT_EQ(::kill(g.pid(), SIGKILL), 0);
  EXPECT_EQ(g.wait_exit(10.0), 137);
  EXPECT_TRUE(guard_test::wait_gone(app, 10.0)) << "PTRACE_O_EXITKILL: fail closed";
}

TEST_F(GuardRun, OrphansAreReaped) {
  std::string alerts = dir_.file("orphans.json");
  Child g({harness(), "--heartbeat", "0", "--alerts-to", alerts, "--", helper(), "orphans"});
  ASSERT_TRUE(g.wait_output("orphan-created"));
  // The orphan exits 0.2 s after its parent and is reparented to the supervisor, which must reap
  // it: within a bounded time no child of the supervisor may be left a zombie.
  auto zombies = [&] {
    int n = 0;
    for (pid_t c : guard_test::children_of(g.pid())) n += guard_test::proc_state(c) == 'Z' ? 1 : 0;
    return n;
  };
  ::usleep(400 * 1000);
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (zombies() > 0 && std::chrono::steady_clock::now() < until) ::usleep(50 * 1000);
  EXPECT_EQ(zombies(), 0) << "an orphan was left unreaped";
  EXPECT_EQ(g.wait_exit(15.0), 0);
}

TEST_F(GuardRun, RunsAsPid1OfAPidNamespace) {
  if (::access("/usr/bin/unshare", X_OK) != 0) GTEST_SKIP() << "util-linux unshare not installed";
  if (::geteuid() != 0) GTEST_SKIP() << "a new PID namespace needs root (CAP_SYS_ADMIN)";
  std::string alerts = dir_.file("pid1.json");
  auto r = guard_test::run(
      {"/usr/bin/unshare", "--pid", "--fork", "--mount-proc", harness(), "-v", "--heartbeat", "0",
       "--alerts-to", alerts, "--", "/bin/sh", "-c", "(sleep 0.2 &); sleep 0.5; exit 7"},
      30.0);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 7) << r.err;
  auto started = rule_alerts(guard_test::read_alerts(alerts), "ecsguard started");
  ASSERT_EQ(started.size(), 1U);
  EXPECT_EQ(started[0]["output_fields"]["ecsguard.pid1"], true);
}

TEST_F(GuardRun, ThreadsVforkJobControlAndExecFromAThreadBehaveAsUntraced) {
  TempDir work;
  auto untraced = guard_test::run({helper(), "mt", work.path()}, 60.0);
  auto traced = guard({}, {helper(), "mt", work.path()});
  EXPECT_EQ(traced.run.status, untraced.status);
  EXPECT_EQ(traced.run.out, untraced.out);
  EXPECT_NE(traced.run.out.find("child-stopped=1 sig=19"), std::string::npos) << traced.run.out;
  EXPECT_NE(traced.run.out.find("child-continued=1"), std::string::npos);
  EXPECT_NE(traced.run.out.find("exec-from-thread-ok"), std::string::npos);
}

TEST_F(GuardRun, VforkHeavyProgramBehavesAsUntraced) {
  auto untraced = guard_test::run({helper(), "vfork", "2000"}, 60.0);
  auto traced = guard({}, {helper(), "vfork", "2000"});
  EXPECT_EQ(untraced.out, "vfork-ok=2000\n");
  EXPECT_EQ(traced.run.out, untraced.out);
  EXPECT_EQ(traced.run.status, 0);
}

// ---- faults: none loses the application's exit status or hangs the task -------------------------

TEST_F(GuardRun, ApplicationCrashStatusIsPassedThrough) {
  auto o = guard({}, {helper(), "segv"});
  EXPECT_EQ(o.run.status, 128 + SIGSEGV);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// stdout lines that are JSON records (the fallback stream of undeliverable alerts).
std::vector<Json> json_lines(const std::string& out) {
  std::vector<Json> v;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '{') v.push_back(Json::parse(line, nullptr, false));
  }
  return v;
}

TEST_F(GuardRun, AlertSinkDownDoesNotChangeTheOutcomeNorLoseTheAlert) {
  TempDir t;
  auto t0 = std::chrono::steady_clock::now();
  // Port 1 on loopback: nothing listens, every POST is refused (retried with backoff).
  auto r = guard_test::run({harness(), "-v", "--heartbeat", "0", "--alerts-to",
                            "http://user:secret@127.0.0.1:1/hook?token=x", "--", "/bin/sh", "-c",
                            t.link("apt", "/bin/true") + "; exit 6"},
                           30.0);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 6);
  EXPECT_LT(seconds_since(t0), 10.0);
  EXPECT_NE(r.err.find("alerts=1 "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dropped=1 undelivered=1"), std::string::npos) << r.err;
  // The alert is on stdout (awslogs) with the sink it missed, and the final stats record too.
  auto lines = json_lines(r.out);
  auto a = rule_alerts(lines, "Launch Package Management Process in Container");
  ASSERT_EQ(a.size(), 1U) << r.out;
  EXPECT_EQ(a[0]["output_fields"]["ecsguard.undelivered_to"], "http://127.0.0.1:1/hook");
  EXPECT_FALSE(a[0]["output_fields"]["ecsguard.undelivered_reason"].get<std::string>().empty());
  auto last = rule_alerts(lines, "ecsguard stopped");
  ASSERT_EQ(last.size(), 1U) << r.out;
  EXPECT_EQ(last[0]["output_fields"]["ecsguard.dropped_total"], 1);
  EXPECT_EQ(last[0]["output_fields"]["ecsguard.undelivered_total"], 1);
  EXPECT_EQ(r.out.find("secret"), std::string::npos) << "credentials never reach the logs";
}

TEST_F(GuardRun, HungAlertSinkNeitherBlocksTheAppNorTheExit) {
  guard_test::LoopbackHttp hung({}, "{}", true);
  TempDir t;
  std::string apt = t.link("apt", "/bin/true");
  auto t0 = std::chrono::steady_clock::now();
  // 200 alerts into a one-slot queue of a sink that never answers: the app runs at full speed,
  // the overflow is counted, and the guard exits within its drain deadline.
  auto r = guard_test::run(
      {harness(), "-v", "--heartbeat", "0", "--queue-size", "1", "--alerts-to", hung.url(), "--",
       "/bin/sh", "-c", "i=0; while [ $i -lt 200 ]; do " + apt + "; i=$((i+1)); done; exit 9"},
      60.0);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 9);
  EXPECT_LT(seconds_since(t0), 20.0);
  auto pos = r.err.find("dropped=");
  ASSERT_NE(pos, std::string::npos) << r.err;
  EXPECT_GT(std::atoi(r.err.c_str() + pos + 8), 100) << r.err;
  // What the hung sink held at the exit deadline went to stdout; the final record says it all.
  auto lines = json_lines(r.out);
  EXPECT_GE(rule_alerts(lines, "Launch Package Management Process in Container").size(), 1U);
  auto last = rule_alerts(lines, "ecsguard stopped");
  ASSERT_EQ(last.size(), 1U) << r.out;
  EXPECT_GT(last[0]["output_fields"]["ecsguard.dropped_total"].get<int>(), 100);
}

// ---- without SYS_PTRACE ------------------------------------------------------------------------

// In sanitizer builds LeakSanitizer stops the harness's threads with ptrace at exit, which these
// tests forbid on purpose (that is what they simulate).
const char* const kNoLeakCheckUnderNoPtrace = "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1";

TEST_F(GuardRun, WithoutPtraceMonitorFallsBackToUserNotification) {
  TempDir t;
  std::string apt = t.link("apt-get", "/bin/true");
  std::string alerts = dir_.file("unotify.json");
  auto r = guard_test::run({helper(), "noptrace", harness(), "--heartbeat", "0", "--alerts-to",
                            alerts, "--", "/bin/sh", "-c", apt + " --version; exit 5"},
                           30.0, {kNoLeakCheckUnderNoPtrace});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 5);
  EXPECT_NE(r.err.find("SYS_PTRACE"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("user notification"), std::string::npos);
  auto a = guard_test::read_alerts(alerts);
  EXPECT_EQ(rule_alerts(a, "ecsguard degraded").size(), 1U);
  EXPECT_EQ(rule_alerts(a, "Launch Package Management Process in Container").size(), 1U);
}

TEST_F(GuardRun, WithoutPtraceEnforceFailsClosedAndSaysWhatToAdd) {
  std::string alerts = dir_.file("closed.json");
  auto r = guard_test::run({helper(), "noptrace", harness(), "--mode", "enforce", "--heartbeat",
                            "0", "--alerts-to", alerts, "--", helper(), "exit", "0"},
                           30.0, {kNoLeakCheckUnderNoPtrace});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 125);
  if (::geteuid() == 0) {
    EXPECT_NE(r.err.find("\"linuxParameters\": {\"capabilities\": {\"add\": [\"SYS_PTRACE\"]}}"),
              std::string::npos)
        << r.err;
  } else {  // a non-root supervisor needs no capability: the cause is Yama or seccomp
    EXPECT_NE(r.err.find("kernel.yama.ptrace_scope"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("\"add\": [\"SYS_PTRACE\"]"), std::string::npos) << r.err;
  }
  EXPECT_NE(r.err.find("fails closed"), std::string::npos);
}

// ---- RUN-001 ... RUN-011 ------------------------------------------------------------------------

TEST_F(GuardRun, Run001ShellFromAnApplicationServer) {
  TempDir t;
  std::string nginx = t.link("nginx", "/bin/sh");
  auto o = guard({}, {nginx, "-c", "sh -c true; true"});
  EXPECT_EQ(o.run.status, 0);
  auto a = o.of("Shell spawned by an application server");
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(a[0]["output_fields"]["proc.pname"], "nginx");
  EXPECT_EQ(a[0]["priority"], "Critical");
}

// The app is known: any app (here Python and Node.js HTTP servers on 127.0.0.1) that spawns a
// shell after its start-up (its first listen()) raises one CRITICAL alert, whatever its binary;
// its shell entrypoint, which runs before, raises none.
const char* const kPythonServer = R"(import http.server, subprocess
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/spawn":
            subprocess.run(["sh", "-c", "id"], stdout=subprocess.DEVNULL)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok\n")
        if self.path == "/quit":
            self.server.done = True
    def log_message(self, *args):
        pass
srv = http.server.HTTPServer(("127.0.0.1", 0), H)
srv.done = False
print("port=%d" % srv.server_address[1], flush=True)
while not srv.done:
    srv.handle_request()
)";

const char* const kNodeServer = R"(const http = require('http');
const cp = require('child_process');
const srv = http.createServer((req, res) => {
  if (req.url === '/spawn') cp.execFileSync('sh', ['-c', 'id'], {stdio: 'ignore'});
  res.end('ok\n');
  if (req.url === '/quit') srv.close();
});
srv.listen(0, '127.0.0.1', () => console.log('port=' + srv.address().port));
)";

class AppServer : public GuardRun {
 protected:
  // Runs `command` under the guard, sends GET `paths` and /quit, returns the alerts.
  Outcome serve(const std::vector<std::string>& command, const std::vector<std::string>& paths) {
    std::string alerts = dir_.file("app-" + std::to_string(++runs_) + ".json");
    std::vector<std::string> argv = {harness(), "--heartbeat", "0", "--alerts-to", alerts, "--"};
    argv.insert(argv.end(), command.begin(), command.end());
    Child g(argv);
    Outcome o;
    EXPECT_TRUE(g.wait_output("port=", 30.0)) << "the server did not start";
    auto pos = g.out().find("port=");
    int port = pos == std::string::npos ? 0 : std::atoi(g.out().c_str() + pos + 5);
    if (port > 0) {
      for (const auto& p : paths)
        EXPECT_NE(guard_test::http_get(port, p).find("ok"), std::string::npos) << p;
      guard_test::http_get(port, "/quit");
    }
    o.run.status = g.wait_exit(30.0);
    o.alerts = guard_test::read_alerts(alerts);
    return o;
  }

  static std::vector<Json> criticals(const Outcome& o) {
    std::vector<Json> out;
    for (const auto& a : o.alerts) {
      if (a["priority"] == "Critical") out.push_back(a);
    }
    return out;
  }

  std::string script(const std::string& name, const char* text) { return dir_.write(name, text); }
};

const char* const kAppRule = "Shell or tool spawned by the application after start-up";

std::string python() {
  return guard_test::first_executable({"/usr/bin/python3", "/usr/local/bin/python3"});
}
std::string node() {
  return guard_test::first_executable({"/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"});
}

TEST_F(AppServer, Run001PythonServerSpawningAShellAfterStartUp) {
  std::string py = python();
  if (py.empty()) GTEST_SKIP() << "python3 is not installed at /usr/bin or /usr/local/bin";
  auto o = serve({py, script("server.py", kPythonServer)}, {"/plain", "/spawn"});
  EXPECT_EQ(o.run.status, 0);
  auto c = criticals(o);
  ASSERT_EQ(c.size(), 1U) << o.alerts.size() << " alerts";
  EXPECT_EQ(c[0]["rule"], kAppRule);
  const Json& f = c[0]["output_fields"];
  EXPECT_EQ(f["proc.name"], "sh");
  EXPECT_NE(f["app.exepath"].get<std::string>().find("python"), std::string::npos) << f.dump();
  EXPECT_NE(f["proc.pname"].get<std::string>().find("python"), std::string::npos) << f.dump();
}

TEST_F(AppServer, Run001PythonServerThroughAShellEntrypointIsSilent) {
  std::string py = python();
  if (py.empty()) GTEST_SKIP() << "python3 is not installed at /usr/bin or /usr/local/bin";
  std::string srv = script("server.py", kPythonServer);
  auto o =
      serve({"/bin/sh", "-c", "cd /; test -r " + srv + " && exec " + py + " " + srv}, {"/plain"});
  EXPECT_EQ(o.run.status, 0);
  EXPECT_TRUE(criticals(o).empty()) << criticals(o).front().dump();
  EXPECT_TRUE(o.of(kAppRule).empty());
  // The same entrypoint: a shell spawned once the server listens is still reported, once.
  auto spawned = serve({"/bin/sh", "-c", "exec " + py + " " + srv}, {"/spawn"});
  ASSERT_EQ(criticals(spawned).size(), 1U);
  EXPECT_EQ(criticals(spawned)[0]["rule"], kAppRule);
}

TEST_F(AppServer, Run001NodeServerSpawningAShellAfterStartUp) {
  std::string js = node();
  if (js.empty()) GTEST_SKIP() << "node is not installed at /usr/bin or /usr/local/bin";
  auto o = serve({js, script("server.js", kNodeServer)}, {"/plain", "/spawn"});
  EXPECT_EQ(o.run.status, 0);
  auto c = criticals(o);
  ASSERT_EQ(c.size(), 1U) << o.alerts.size() << " alerts";
  EXPECT_EQ(c[0]["rule"], kAppRule);
  EXPECT_EQ(c[0]["output_fields"]["proc.name"], "sh");
}

TEST_F(AppServer, Run001NodeServerThroughAShellEntrypointIsSilent) {
  std::string js = node();
  if (js.empty()) GTEST_SKIP() << "node is not installed at /usr/bin or /usr/local/bin";
  std::string srv = script("server.js", kNodeServer);
  auto o = serve({"/bin/sh", "-c", "cd /; exec " + js + " " + srv}, {"/plain"});
  EXPECT_EQ(o.run.status, 0);
  EXPECT_TRUE(criticals(o).empty()) << criticals(o).front().dump();
}

TEST_F(GuardRun, Run001StartupWindowEndsStartUpOfAnAppThatNeverListens) {
  // No listen(): after a 1 s window the app's start-up is over; with the window off it never is.
  std::vector<std::string> app = {"/bin/sh", "-c", "sh -c true; sleep 1.5; sh -c true"};
  auto windowed = guard({"--startup-window", "1"}, app);
  auto a = windowed.of(kAppRule);
  ASSERT_EQ(a.size(), 1U) << "only the shell spawned after the window";
  EXPECT_EQ(a[0]["output_fields"]["proc.cmdline"], "sh -c true");
  EXPECT_TRUE(guard({"--startup-window", "0"}, app).of(kAppRule).empty());
}

TEST_F(GuardRun, Run001ProcessOutsideTheTaskProfile) {
  std::string profile = dir_.write("p.json", R"({"ecsguard_profile": 1, "container": "web",
      "executables": ["/bin/sh"], "listening_ports": null})");
  auto o = guard({"--profile", profile}, {"/bin/sh", "-c", "/bin/true; true"});
  auto a = o.of("Process not in task profile");
  ASSERT_EQ(a.size(), 1U) << o.run.err;
  EXPECT_EQ(a[0]["output_fields"]["proc.name"], "true");
}

TEST_F(GuardRun, Run002ShellWithATerminal) {
  auto o = guard({}, {helper(), "pty-shell"});
  EXPECT_NE(o.run.out.find("pty-shell-status=0"), std::string::npos);
  auto a = o.of("Terminal shell in container");
  ASSERT_EQ(a.size(), 1U);
  EXPECT_NE(a[0]["output_fields"]["proc.tty"], 0);
}

TEST_F(GuardRun, Run003PackageManagerNetworkToolAndFileCopy) {
  TempDir t;
  auto o =
      guard({}, {"/bin/sh", "-c",
                 t.link("apt-get", "/bin/true") + " install x; " + t.link("nmap", "/bin/true") +
                     " -sS 127.0.0.1; " + t.link("scp", "/bin/true") + " a b; true"});
  EXPECT_EQ(o.of("Launch Package Management Process in Container").size(), 1U);
  EXPECT_EQ(o.of("Launch Suspicious Network Tool in Container").size(), 1U);
  EXPECT_EQ(o.of("Launch Remote File Copy Tools in Container").size(), 1U);
}

TEST_F(GuardRun, Run004DropAndExecuteFilelessAndDevShm) {
  TempDir t;
  auto drop = guard({}, {helper(), "drop-exec", t.file("dropped")});
  EXPECT_NE(drop.run.out.find("drop-exec-status=0"), std::string::npos);
  auto d = drop.of("Drop and execute new binary in container");
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(d[0]["output_fields"]["proc.exepath"],
            std::filesystem::canonical(t.file("dropped")).string());
  EXPECT_EQ(drop.of("Executable file created or made executable").size(), 1U);

  auto memfd = guard({}, {helper(), "memfd-exec"});
  EXPECT_NE(memfd.run.out.find("memfd-exec-status=0"), std::string::npos);
  EXPECT_EQ(memfd.of("Fileless execution via memfd_create").size(), 1U);

  std::string shm = "/dev/shm/ecsguard-guard-test-" + std::to_string(::getpid());
  auto s = guard({}, {helper(), "drop-exec", shm});
  std::filesystem::remove(shm);
  EXPECT_EQ(s.of("Execution from /dev/shm").size(), 1U);
}

TEST_F(GuardRun, Run005PtraceNamespacesAndGates) {
  auto pt = guard({}, {helper(), "ptrace-attach"});
  EXPECT_NE(pt.run.out.find("ptrace-attach=EPERM"), std::string::npos) << "one tracer per tracee";
  EXPECT_EQ(pt.of("PTRACE attached to process").size(), 1U);

  auto ns = guard({"--mode", "enforce"}, {helper(), "unshare"});
  EXPECT_NE(ns.run.out.find("unshare=EPERM"), std::string::npos);
  auto n = ns.of("Namespace change in container");
  ASSERT_EQ(n.size(), 1U);
  EXPECT_EQ(action(n[0]), "denied");

  auto uring = guard({}, {helper(), "io_uring"});
  EXPECT_NE(uring.run.out.find("io_uring_setup=EPERM"), std::string::npos)
      << "gate: denied even in monitor mode";
  EXPECT_EQ(uring.of("io_uring denied").size(), 1U);

  auto x32 = guard({}, {helper(), "x32"});
  EXPECT_NE(x32.run.out.find("x32=EPERM"), std::string::npos);
  EXPECT_EQ(x32.of("Non-native syscall ABI (i386/x32) denied").size(), 1U);
}

// The i386 entry point exists only where the kernel has IA32 emulation enabled
// (CONFIG_IA32_EMULATION, not turned off by ia32_emulation=0 or
// CONFIG_IA32_EMULATION_DEFAULT_DISABLED). Without it, `int $0x80` raises SIGSEGV before seccomp
// sees the call: nothing for guard to deny, so the case is skipped with the reason after probing
// the kernel untraced.
TEST_F(GuardRun, Run005I386EntryPointIsDenied) {
  auto probe = guard_test::run({helper(), "int80"});
  if (probe.status == 128 + SIGSEGV) {
    GTEST_SKIP() << "this kernel has no IA32 emulation: int $0x80 is SIGSEGV before seccomp";
  }
  ASSERT_EQ(probe.status, 0) << probe.err;
  ASSERT_NE(probe.out.find("int80=OK"), std::string::npos) << probe.out;

  auto int80 = guard({}, {helper(), "int80"});
  EXPECT_NE(int80.run.out.find("int80=EPERM"), std::string::npos) << int80.run.out;
  auto i386 = int80.of("Non-native syscall ABI (i386/x32) denied");
  ASSERT_EQ(i386.size(), 1U);
  EXPECT_NE(i386[0]["output"].get<std::string>().find("int $0x80"), std::string::npos);
}

TEST_F(GuardRun, Run006WritesToBinariesAndConfigurationAreDeniedInEnforceMode) {
  std::string etc = "/etc/ecsguard-guard-test-" + std::to_string(::getpid());
  std::string bin = "/usr/local/bin/ecsguard-guard-test-" + std::to_string(::getpid());
  auto o = guard({"--mode", "enforce"},
                 {"/bin/sh", "-c", helper() + " write " + etc + "; " + helper() + " write " + bin});
  EXPECT_NE(o.run.out.find("write=EPERM\nwrite=EPERM"), std::string::npos) << o.run.out;
  EXPECT_FALSE(std::filesystem::exists(etc));
  EXPECT_FALSE(std::filesystem::exists(bin));
  auto e = o.of("Write below etc");
  ASSERT_EQ(e.size(), 1U);
  EXPECT_EQ(e[0]["output_fields"]["fd.name"], etc);
  EXPECT_EQ(action(e[0]), "denied");
  EXPECT_EQ(o.of("Write below binary dir").size(), 1U);

  TempDir t;
  auto suid = guard({}, {helper(), "chmod-suid", t.file("suid")});
  EXPECT_NE(suid.run.out.find("chmod=OK"), std::string::npos);
  EXPECT_EQ(suid.of("Set Setuid or Setgid bit").size(), 1U);
}

TEST_F(GuardRun, Run006WriteOutsideTheProfileWritablePaths) {
  TempDir allowed, other;
  std::string profile = dir_.write("p.json", R"({"ecsguard_profile": 1, "container": "web",
      "read_only_root_filesystem": true, "writable_paths": [")" +
                                                 allowed.path() + R"("]})");
  auto o =
      guard({"--profile", profile}, {"/bin/sh", "-c",
                                     helper() + " write " + allowed.file("ok") + "; " + helper() +
                                         " write " + other.file("bad") + "; echo x > /dev/null"});
  // The helper creates the file and removes it again: both happen outside the writable paths.
  auto a = o.of("Write outside task profile writable paths");
  ASSERT_EQ(a.size(), 2U) << o.run.err;
  std::string bad = std::filesystem::canonical(other.path()).string() + "/bad";
  EXPECT_EQ(a[0]["output_fields"]["fd.name"], bad);
  EXPECT_EQ(a[0]["output_fields"]["evt.type"], "openat");
  EXPECT_EQ(a[1]["output_fields"]["fs.path.name"], bad);
  EXPECT_EQ(a[1]["output_fields"]["evt.type"], "unlink");
}

TEST_F(GuardRun, Run007ListenersOutsideTheProfileAndBindShells) {
  std::string profile = dir_.write("p.json", R"({"ecsguard_profile": 1, "container": "web",
      "listening_ports": [{"port": 18093, "protocol": "tcp"}]})");
  auto o = guard({"--profile", profile},
                 {"/bin/sh", "-c", helper() + " listen 18093; " + helper() + " listen 18094"});
  auto a = o.of("Listening port not in task profile");
  ASSERT_EQ(a.size(), 1U) << o.run.out << o.run.err;
  EXPECT_EQ(a[0]["output_fields"]["fd.sport"], 18094);

  TempDir t;
  auto nc = guard({}, {t.link("nc", helper()), "listen", "0"});
  EXPECT_EQ(nc.of("Listening socket opened by a shell or network tool").size(), 1U);
}

TEST_F(GuardRun, Run008OutboundFromAToolIsDeniedBeforeAnyPacketLeaves) {
  TempDir t;
  std::string curl = t.link("curl", helper());
  // 192.0.2.0/24 is TEST-NET-1 (RFC 5737); enforce mode denies at connect's entry.
  auto o = guard({"--mode", "enforce"}, {curl, "connect", "192.0.2.10", "3333"});
  EXPECT_NE(o.run.out.find("connect=EPERM"), std::string::npos) << o.run.out;
  auto a = o.of("Outbound connection from a shell or network tool");
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(a[0]["output_fields"]["fd.sip"], "192.0.2.10");
  EXPECT_EQ(action(a[0]), "denied");
  EXPECT_EQ(o.of("Outbound connection to common miner pool port").size(), 1U)
      << "RUN-010 on the same event";
  auto local = guard({}, {curl, "connect", "127.0.0.1", "9"});
  EXPECT_TRUE(local.of("Outbound connection from a shell or network tool").empty())
      << "loopback is local";
}

TEST_F(GuardRun, Run009ReverseShellPatterns) {
  auto rev = guard({}, {helper(), "revshell"});
  EXPECT_NE(rev.run.out.find("dup2=OK"), std::string::npos);
  auto a = rev.of("Redirect STDOUT/STDIN to Network Connection in Container");
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(a[0]["output_fields"]["fd.type"], "ipv4");
  TempDir t;
  auto nc = guard({}, {t.link("nc", "/bin/true"), "-e", "/bin/sh", "127.0.0.1", "9"});
  EXPECT_EQ(nc.of("Netcat Remote Code Execution in Container").size(), 1U);
  auto quiet = guard({}, {"/bin/sh", "-c", "echo x > /dev/null; true 2>/dev/null"});
  EXPECT_TRUE(quiet.of("Redirect STDOUT/STDIN to Network Connection in Container").empty())
      << "file redirections are not network sockets";
}

TEST_F(GuardRun, Run010CryptominersAreKilledInEnforceMode) {
  TempDir t;
  std::string xmrig = t.link("xmrig", "/bin/true");
  // The pool URL comes from the environment: the shell's own command line must not contain it.
  std::string alerts = dir_.file("miner.json");
  auto r = guard_test::run(
      {harness(), "--heartbeat", "0", "--mode", "enforce", "--alerts-to", alerts, "--", "/bin/sh",
       "-c", xmrig + "; echo miner=$?; /bin/true -o \"$POOL\"; echo stratum=$?"},
      30.0, {"POOL=stratum+tcp://pool.example:3333"});
  EXPECT_NE(r.out.find("miner=137"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stratum=137"), std::string::npos);
  auto all = guard_test::read_alerts(alerts);
  auto a = rule_alerts(all, "Known Cryptominer Process Executed");
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(action(a[0]), "killed");
  EXPECT_EQ(rule_alerts(all, "Detect crypto miners using the Stratum protocol").size(), 1U);
}

TEST_F(GuardRun, Run011CredentialAccess) {
  TempDir t;
  auto imds =
      guard({"--mode", "enforce"}, {"/bin/sh", "-c",
                                    helper() + " connect 169.254.169.254 80; " +
                                        t.link("curl", helper()) + " connect 169.254.170.2 80; " +
                                        t.link("find", "/bin/true") + " / -name .aws/credentials"});
  EXPECT_NE(imds.run.out.find("connect=EPERM\nconnect=EPERM"), std::string::npos) << imds.run.out;
  EXPECT_EQ(imds.of("Contact EC2 Instance Metadata Service From Container").size(), 1U);
  EXPECT_EQ(imds.of("Contact ECS task credentials endpoint from unexpected process").size(), 1U);
  EXPECT_EQ(imds.of("Find AWS Credentials").size(), 1U);

  // Read detection is opt-in (every open then stops): enable the shipped rule in a local file.
  std::string local =
      dir_.write("local.yaml", "- rule: Read sensitive file untrusted\n  enabled: true\n");
  auto rd = guard({"-v", "--rules", local}, {helper(), "read", "/etc/shadow"});
  if (::geteuid() == 0) {
    EXPECT_NE(rd.run.out.find("read=OK"), std::string::npos);
  }
  auto r = rd.of("Read sensitive file untrusted");
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(r[0]["output_fields"]["fd.name"], "/etc/shadow");
  EXPECT_EQ(rd.of("ecsguard started")[0]["output_fields"]["ecsguard.read_opens_traced"], true);
}

// ---- upstream Falco rules, sinks, metadata
// -------------------------------------------------------

TEST_F(GuardRun, UpstreamFalcoRulesFireIncludingResultSemantics) {
  const char* corpus = std::getenv("ECSGUARD_CORPUS");
  std::string rules = corpus == nullptr ? "" : std::string(corpus) + "/falco/falco_rules.yaml";
  if (rules.empty() || !std::filesystem::exists(rules)) GTEST_SKIP() << "ECSGUARD_CORPUS not set";
  TempDir t;
  std::string syslog = t.write("syslog", "old\n");
  // Clear Log Activities uses open_write (fd.num>=0): it is decided at the exit stop.
  auto o = guard({"--no-default-rules", "--rules", rules},
                 {"/bin/sh", "-c",
                  ": > " + syslog + "; " + t.link("nc", "/bin/true") + " -e /bin/sh 127.0.0.1 9; " +
                      helper() + " revshell"});
  EXPECT_EQ(o.run.status, 0);
  auto clear = o.of("Clear Log Activities");
  ASSERT_EQ(clear.size(), 1U) << o.run.err;
  EXPECT_EQ(clear[0]["priority"], "Warning");
  EXPECT_EQ(o.of("Netcat Remote Code Execution in Container").size(), 1U);
  EXPECT_EQ(o.of("Redirect STDOUT/STDIN to Network Connection in Container").size(), 1U);
}

TEST_F(GuardRun, AlertsGoToAnHttpSinkWithEcsTaskMetadata) {
  guard_test::LoopbackHttp metadata({}, R"({"DockerId": "0123456789abcdef0123", "Name": "web",
      "Image": "registry.example/app:7", "ImageID": "sha256:abc123",
      "Labels": {"com.amazonaws.ecs.task-arn": "arn:aws:ecs:eu-west-1:111122223333:task/c/t1",
                 "com.amazonaws.ecs.cluster": "c"}})");
  guard_test::LoopbackHttp sink;
  TempDir t;
  auto r = guard_test::run({harness(), "--heartbeat", "0", "--alerts-to", sink.url("/"), "--",
                            t.link("apt", "/bin/true")},
                           30.0, {"ECS_CONTAINER_METADATA_URI_V4=" + metadata.url("/v4/x")});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 0);
  ASSERT_TRUE(sink.wait_for(2));
  Json alert;
  for (const auto& b : sink.bodies()) {
    Json j = Json::parse(b);
    if (j["rule"] == "Launch Package Management Process in Container") alert = j;
  }
  ASSERT_FALSE(alert.is_null());
  const Json& f = alert["output_fields"];
  EXPECT_EQ(f["container.name"], "web");
  EXPECT_EQ(f["ecs.task_arn"], "arn:aws:ecs:eu-west-1:111122223333:task/c/t1");
  EXPECT_EQ(f["container.image.digest"], "sha256:abc123");
  EXPECT_EQ(f["container.id"], "0123456789ab");
  EXPECT_EQ(metadata.paths().front(), "/v4/x");
}

TEST_F(GuardRun, RuleErrorsRefuseToStartAndListRulesExplains) {
  std::string bad = dir_.write(
      "bad.yaml",
      "- rule: Broken\n  desc: d\n  condition: proc.name = (\n  output: o\n  priority: warning\n");
  auto o = guard({"--rules", bad}, {"/bin/true"});
  EXPECT_EQ(o.run.status, 125);
  EXPECT_NE(o.run.err.find("Broken"), std::string::npos) << o.run.err;
  auto list = guard_test::run({harness(), "--list-rules"}, 30.0);
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("disabled  Warning  Read sensitive file untrusted"), std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("stops on: exec (PTRACE_EVENT_EXEC)"), std::string::npos);
}

}  // namespace
