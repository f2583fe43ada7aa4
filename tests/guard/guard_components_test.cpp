// Guard building blocks against the real kernel: the seccomp program (installed in a child with no
// tracer, where a "stop" shows up as ENOSYS), canonical paths, socket resolution, the alert
// pipeline and its HTTP sink, ECS task metadata, and profiles.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <thread>

#include "ecsguard/guard/alerts.h"
#include "ecsguard/guard/ecs_metadata.h"
#include "ecsguard/guard/messages.h"
#include "ecsguard/guard/paths.h"
#include "ecsguard/guard/profile.h"
#include "ecsguard/guard/render.h"
#include "ecsguard/guard/rules.h"
#include "ecsguard/guard/seccomp_filter.h"
#include "ecsguard/guard/seccomp_plan.h"
#include "ecsguard/guard/sockets.h"
#include "guard_test_util.h"

namespace ecsguard::guard {
namespace {

using guard_test::Json;
using guard_test::LoopbackHttp;
using guard_test::TempDir;

// Runs `probe` in a child under `spec` (stop action TRACE) with no tracer attached: a syscall the
// filter stops fails with ENOSYS, everything else behaves normally. Returns the probe's result.
int in_filtered_child(const FilterSpec& spec, int (*probe)()) {
  auto prog = build_filter(spec);
  pid_t pid = ::fork();
  if (pid == 0) {
    sock_fprog fp{static_cast<unsigned short>(prog.size()), prog.data()};
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) != 0) {
      ::_exit(200);
    }
    ::_exit(probe());
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

// 0 = call went through, 1 = stopped (ENOSYS), 2 = other failure.
int classify(long rc) {
  if (rc >= 0) return 0;
  return errno == ENOSYS ? 1 : 2;
}

FilterSpec default_like_spec() {
  FilterSpec s;
  s.tests = {{SYS_openat, SyscallTest::Kind::kFlagsAny, 2, open_write_flags()},
             {SYS_open, SyscallTest::Kind::kFlagsAny, 1, open_write_flags()},
             {SYS_dup2, SyscallTest::Kind::kArgAtMost, 1, 2},
             {SYS_connect, SyscallTest::Kind::kAlways, 0, 0}};
  return s;
}

TEST(GuardFilter, ReadOpensPassWriteOpensStop) {
  auto spec = default_like_spec();
  EXPECT_EQ(
      in_filtered_child(spec, [] { return classify(::openat(AT_FDCWD, "/dev/null", O_RDONLY)); }),
      0);
  EXPECT_EQ(
      in_filtered_child(spec, [] { return classify(::openat(AT_FDCWD, "/dev/null", O_WRONLY)); }),
      1);
  EXPECT_EQ(
      in_filtered_child(
          spec, [] { return classify(::syscall(SYS_open, "/dev/null", O_RDONLY | O_CLOEXEC)); }),
      0);
  EXPECT_EQ(
      in_filtered_child(spec, [] { return classify(::syscall(SYS_open, "/dev/null", O_RDWR)); }),
      1);
  EXPECT_EQ(
      in_filtered_child(
          spec, [] { return classify(::openat(AT_FDCWD, "/dev/null", O_RDONLY | O_APPEND)); }),
      1);
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::getpid()); }), 0);
}

TEST(GuardFilter, Dup2StopsOnlyOntoStdio) {
  auto spec = default_like_spec();
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(SYS_dup2, 0, 7)); }), 0);
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(SYS_dup2, 0, 2)); }), 1);
  // The kernel uses the low 32 bits of an int argument; so does the filter.
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(SYS_dup2, 0, 0x100000001L)); }),
            1);
}

TEST(GuardFilter, ForeignAbiGateAndSkipConvention) {
  auto spec = default_like_spec();
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(0x40000000L | SYS_getpid)); }),
            1)
      << "x32 numbers are stopped";
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(-1L)); }), 1)
      << "ENOSYS from the kernel";
  spec.stop_foreign_abi = false;
  // x32 allowed through the filter: this kernel then answers by itself (ENOSYS without x32
  // support, or the call) — the point is that the filter's answer is ALLOW, i.e. no stop.
  auto prog = build_filter(spec);
  EXPECT_EQ(prog[2].k, static_cast<std::uint32_t>(SECCOMP_RET_ALLOW));
  EXPECT_EQ(prog[7].k, static_cast<std::uint32_t>(SECCOMP_RET_ALLOW));
}

TEST(GuardFilter, LargeSetsUseLongJumpsAndStayCorrect) {
  FilterSpec spec;
  for (int nr = 0; nr < 450; ++nr) {
    if (nr == SYS_getpid || nr == SYS_exit_group || nr == SYS_exit || nr == SYS_write) continue;
    spec.tests.push_back({nr, SyscallTest::Kind::kFlagsAny, 0, 0xffffffffU});
  }
  auto prog = build_filter(spec);
  EXPECT_GT(prog.size(), 512U);
  EXPECT_NE(disassemble(prog).find("ja +"), std::string::npos);
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::getpid()); }), 0);
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(SYS_getppid)); }), 0)
      << "arg 0 is zero: the flags test does not stop it";
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(SYS_close, 12345)); }), 1);
  EXPECT_EQ(in_filtered_child(spec, [] { return classify(::syscall(SYS_dup, 1)); }), 1);
}

TEST(GuardFilter, DuplicateTestsMergeConservatively) {
  FilterSpec spec;
  spec.tests = {{SYS_openat, SyscallTest::Kind::kFlagsAny, 2, O_WRONLY},
                {SYS_openat, SyscallTest::Kind::kAlways, 0, 0}};
  EXPECT_EQ(
      in_filtered_child(spec, [] { return classify(::openat(AT_FDCWD, "/dev/null", O_RDONLY)); }),
      1);
}

// ---- paths ---------------------------------------------------------------------------------

TEST(GuardPaths, LexicalNormalisation) {
  EXPECT_EQ(normalize_path("/a//b/./c/../d/"), "/a/b/d");
  EXPECT_EQ(normalize_path("/../../etc"), "/etc");
  EXPECT_EQ(normalize_path("a/../../b"), "../b");
  EXPECT_EQ(normalize_path("/"), "/");
  EXPECT_EQ(path_dirname("/etc/passwd"), "/etc");
  EXPECT_EQ(path_dirname("/passwd"), "/");
  EXPECT_EQ(path_basename("/etc/passwd"), "passwd");
}

TEST(GuardPaths, ResolvesDirfdCwdSymlinksAndProcSelf) {
  TempDir d;
  std::filesystem::create_directories(d.file("real/sub"));
  std::filesystem::create_directory_symlink(d.file("real"), d.file("link"));
  std::filesystem::create_symlink("sub/../sub", d.file("real/rel"));
  pid_t self = ::getpid();
  std::string real = std::filesystem::canonical(d.file("real")).string();
  EXPECT_EQ(PathResolver::resolve(self, self, kAtFdCwd, d.file("link/sub/x"), true),
            real + "/sub/x");
  EXPECT_EQ(PathResolver::resolve(self, self, kAtFdCwd, d.file("link/rel"), true), real + "/sub");
  EXPECT_EQ(PathResolver::resolve(self, self, kAtFdCwd, d.file("link/rel"), false), real + "/rel")
      << "unlink/rename do not follow the last component";
  // Same answers when the tracee shares our root and /proc/<tid>/root is skipped.
  EXPECT_TRUE(PathResolver::shares_our_root(self));
  EXPECT_EQ(PathResolver::resolve(self, self, kAtFdCwd, d.file("link/rel"), true, true),
            real + "/sub");
  EXPECT_EQ(PathResolver::resolve(self, self, kAtFdCwd, d.file("link/rel"), false, true),
            real + "/rel");
  int dirfd = ::open(d.file("real").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  EXPECT_EQ(PathResolver::resolve(self, self, dirfd, "sub/../sub/file", true), real + "/sub/file");
  std::string fd_path = "/proc/self/fd/" + std::to_string(dirfd);
  EXPECT_EQ(PathResolver::resolve(self, self, kAtFdCwd, fd_path + "/sub", true), real + "/sub");
  ::close(dirfd);
  auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(d.file("real"));
  EXPECT_EQ(PathResolver::resolve(self, self, kAtFdCwd, "./sub/../new", true), real + "/new");
  std::filesystem::current_path(cwd);
}

// ---- sockets -------------------------------------------------------------------------------

TEST(GuardSockets, AddressesNetsAndFdResolution) {
  auto ip = IpAddr::parse("10.1.2.3");
  ASSERT_TRUE(ip);
  EXPECT_TRUE(IpNet::parse("10.0.0.0/8")->contains(*ip));
  EXPECT_FALSE(IpNet::parse("10.0.0.0/16")->contains(*ip));
  EXPECT_TRUE(IpNet::parse("::ffff:10.0.0.0/104").has_value() || true);
  EXPECT_TRUE(IpNet::parse("fd00::/8")->contains(*IpAddr::parse("fd00::1")));
  EXPECT_FALSE(IpNet::parse("300.0.0.0/8").has_value());
  EXPECT_FALSE(IpNet::parse("10.0.0.0/33").has_value());
  EXPECT_EQ(*IpAddr::parse("::ffff:10.1.2.3"), *ip);

  int l = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(l, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(::listen(l, 1), 0);
  socklen_t len = sizeof a;
  ::getsockname(l, reinterpret_cast<sockaddr*>(&a), &len);
  int c = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_EQ(::connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  pid_t self = ::getpid();
  FdInfo lf = resolve_fd(self, self, l);
  EXPECT_EQ(lf.type, FdType::kIpv4);
  EXPECT_TRUE(lf.server_role);
  EXPECT_EQ(lf.sport, ntohs(a.sin_port));
  EXPECT_EQ(lf.l4proto, "tcp");
  FdInfo cf = resolve_fd(self, self, c);
  EXPECT_FALSE(cf.server_role);
  EXPECT_TRUE(cf.connected);
  EXPECT_EQ(cf.sport, ntohs(a.sin_port));
  EXPECT_EQ(cf.sip.str(), "127.0.0.1");
  EXPECT_EQ(cf.name().find("127.0.0.1:"), 0U);
  int pf[2];
  ASSERT_EQ(::pipe2(pf, O_CLOEXEC), 0);
  EXPECT_EQ(resolve_fd(self, self, pf[0]).type, FdType::kPipe);
  EXPECT_EQ(resolve_fd(self, self, 9999).type, FdType::kUnknown);
  for (int fd : {l, c, pf[0], pf[1]}) ::close(fd);
}

TEST(GuardRender, FalcoRenderings) {
  EXPECT_EQ(render_open_flags(O_WRONLY | O_CREAT | O_TRUNC), "O_WRONLY|O_CREAT|O_TRUNC");
  EXPECT_EQ(render_open_flags(O_RDONLY | O_CLOEXEC), "O_RDONLY|O_CLOEXEC");
  EXPECT_EQ(render_mode_flags(04755),
            "S_IXOTH|S_IROTH|S_IXGRP|S_IRGRP|S_IXUSR|S_IWUSR|S_IRUSR|S_ISUID");
  EXPECT_EQ(render_ptrace_request(16), "PTRACE_ATTACH");
  EXPECT_EQ(render_result(-2), "ENOENT");
  EXPECT_EQ(render_result(3), "SUCCESS");
  EXPECT_EQ(render_caps((1ULL << 19) | 1ULL), "CAP_CHOWN CAP_SYS_PTRACE");
  EXPECT_EQ(render_socket_domain(17), "AF_PACKET");
}

// ---- alerts ----------------------------------------------------------------------------------

Alert sample_alert(int i) {
  Alert a;
  a.rule = "Test rule";
  a.priority = Priority::kWarning;
  a.ts_ns = 1'700'000'000'123'456'789LL;
  a.output = "thing happened | n=" + std::to_string(i);
  a.fields = {{"proc.name", std::string("sh")},
              {"proc.pid", std::int64_t{42}},
              {"proc.aname[2]", FieldValue{}}};
  a.tags = {"RUN-001"};
  return a;
}

TEST(GuardAlerts, FalcoJsonShapeWithEcsMetadata) {
  ContainerInfo c;
  c.id = "0123456789ab";
  c.name = "web";
  c.task_arn = "arn:aws:ecs:us-east-1:123456789012:task/c/abc";
  c.digest = "sha256:feed";
  Alert a = sample_alert(1);
  a.action = "denied";
  Json j = Json::parse(alert_json(a, c, "ip-10-0-0-1"));
  for (const char* k :
       {"hostname", "output", "output_fields", "priority", "rule", "source", "tags", "time"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_EQ(j["priority"], "Warning");
  EXPECT_EQ(j["source"], "syscall");
  EXPECT_EQ(j["time"], "2023-11-14T22:13:20.123456789Z");
  EXPECT_EQ(j["output"], "22:13:20.123456789: Warning thing happened | n=1");
  const Json& f = j["output_fields"];
  EXPECT_EQ(f["evt.time"], 1'700'000'000'123'456'789LL);
  EXPECT_EQ(f["proc.pid"], 42);
  EXPECT_TRUE(f["proc.aname[2]"].is_null());
  EXPECT_EQ(f["container.name"], "web");
  EXPECT_EQ(f["ecs.task_arn"], c.task_arn);
  EXPECT_EQ(f["container.image.digest"], "sha256:feed");
  EXPECT_EQ(f["ecsguard.action"], "denied");
  ContainerInfo none;
  Json bare = Json::parse(alert_json(sample_alert(2), none, "h"));
  EXPECT_FALSE(bare["output_fields"].contains("ecs.task_arn")) << "omitted when not known";
}

TEST(GuardAlerts, BoundedQueueCountsAndReportsDrops) {
  TempDir d;
  Services svc;
  Stats stats;
  PipelineOptions po;
  po.queue_capacity = 3;
  po.metadata_wait = std::chrono::milliseconds(0);
  AlertPipeline p({{SinkConfig::Kind::kFile, d.file("alerts.json")}}, po, svc, stats);
  for (int i = 0; i < 10; ++i) p.push(sample_alert(i));  // writers not started: the queue fills
  EXPECT_EQ(p.dropped(), 7U);
  ASSERT_TRUE(p.start().ok());
  p.metadata_ready();
  p.stop(std::chrono::milliseconds(2000));
  auto alerts = guard_test::read_alerts(d.file("alerts.json"));
  ASSERT_EQ(alerts.size(), 5U);
  EXPECT_EQ(guard_test::rule_alerts(alerts, "Test rule").size(), 3U);
  auto drops = guard_test::rule_alerts(alerts, "ecsguard alerts dropped");
  ASSERT_EQ(drops.size(), 1U);
  EXPECT_EQ(drops[0]["output_fields"]["ecsguard.dropped_total"], 7);
  auto last = guard_test::rule_alerts(alerts, "ecsguard stopped");
  ASSERT_EQ(last.size(), 1U);
  EXPECT_EQ(last[0]["output_fields"]["ecsguard.delivered"], 3);
  EXPECT_EQ(last[0]["output_fields"]["ecsguard.dropped_total"], 7);
  EXPECT_EQ(last[0]["priority"], "Warning");
}

TEST(GuardAlerts, UndeliverableAlertsGoToTheFallbackStreamAndAreCounted) {
  TempDir d;
  int fallback = ::open(d.file("fallback.json").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(fallback, 0);
  Services svc;
  Stats stats;
  PipelineOptions po;
  po.metadata_wait = std::chrono::milliseconds(0);
  po.http_backoff = std::chrono::milliseconds(10);
  po.heartbeat = std::chrono::seconds(1);
  po.fallback_fd = fallback;
  // Port 1 on loopback refuses; the file sink next to it gets everything.
  AlertPipeline p({{SinkConfig::Kind::kHttp, "http://127.0.0.1:1/x"},
                   {SinkConfig::Kind::kFile, d.file("file.json")}},
                  po, svc, stats);
  ASSERT_TRUE(p.start().ok());
  p.metadata_ready();
  p.push(sample_alert(1));
  p.push(sample_alert(2));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // one heartbeat
  p.stop(std::chrono::milliseconds(2000));
  ::close(fallback);
  EXPECT_EQ(p.dropped(), 2U);
  EXPECT_EQ(p.undelivered(), 2U);
  EXPECT_GE(p.http_failures(), 2U + 3U) << "2 alerts, a drop record, heartbeats, the final record";
  auto fb = guard_test::read_alerts(d.file("fallback.json"));
  auto lost = guard_test::rule_alerts(fb, "Test rule");
  ASSERT_EQ(lost.size(), 2U);
  EXPECT_EQ(lost[0]["output_fields"]["ecsguard.undelivered_to"], "http://127.0.0.1:1/x");
  EXPECT_GE(guard_test::rule_alerts(fb, "ecsguard heartbeat").size(), 1U);
  auto last = guard_test::rule_alerts(fb, "ecsguard stopped");
  ASSERT_EQ(last.size(), 1U);
  EXPECT_EQ(last[0]["output_fields"]["ecsguard.undelivered_total"], 2);
  auto file = guard_test::read_alerts(d.file("file.json"));
  EXPECT_EQ(guard_test::rule_alerts(file, "Test rule").size(), 2U);
  auto file_last = guard_test::rule_alerts(file, "ecsguard stopped");
  ASSERT_EQ(file_last.size(), 1U);
  EXPECT_EQ(file_last[0]["output_fields"]["ecsguard.delivered"], 2);
  EXPECT_EQ(file_last[0]["output_fields"]["ecsguard.dropped_total"], 0);
}

TEST(GuardSeccompPlan, StopsOnlyOnWhatTheRulesNeed) {
  TraceNeeds needs;
  needs.events.set(evt_index(EvtType::kOpenat));
  needs.events.set(evt_index(EvtType::kDup2));
  EXPECT_EQ(traced_names(filter_from(needs)), "dup2(fd<=2),openat(write)");
  needs.app_start = true;  // app.* in a rule: the app's start-up ends at listen()
  needs.open_reads = true;
  needs.dup_any_fd = true;
  EXPECT_EQ(traced_names(filter_from(needs)), "dup2,listen,openat");
  TraceNeeds drift;
  drift.drift = true;
  std::string d = traced_names(filter_from(drift));
  EXPECT_NE(d.find("rename"), std::string::npos) << d;
  EXPECT_NE(d.find("creat"), std::string::npos) << d;
  EXPECT_EQ(traced_names(filter_from(TraceNeeds{})), "");
}

// The guard's texts are catalogue entries (guard.*; the i18n tests check both languages and their
// arguments); the guard renders them in the one language set for the process.
TEST(GuardMessages, RenderedInTheLanguageSetForTheProcess) {
  namespace record = i18n::msg::guard::record;
  const auto heartbeat = [] {
    return msg::text(record::Heartbeat{.sink = "stdout",
                                       .events = 9,
                                       .alerts = 3,
                                       .delivered = 2,
                                       .dropped = 1,
                                       .undelivered = 0});
  };
  const i18n::Lang before = msg::language();
  msg::set_language(i18n::Lang::kEn);
  EXPECT_EQ(heartbeat(),
            "ecsguard is running | sink=stdout events=9 alerts=3 delivered=2 dropped=1 "
            "undelivered=0");
  // Literal braces in a message (JSON snippets) are kept as written.
  EXPECT_NE(msg::text(i18n::msg::guard::ptrace::AddCapability{})
                .find("\"linuxParameters\": {\"capabilities\": {\"add\": [\"SYS_PTRACE\"]}}"),
            std::string::npos);
  msg::set_language(i18n::Lang::kJa);
  EXPECT_EQ(heartbeat(),
            "ecsguard は稼働中です | sink=stdout events=9 alerts=3 delivered=2 dropped=1 "
            "undelivered=0");
  EXPECT_NE(msg::text(record::Dropped{.sink = "stdout", .dropped = 1, .total = 4})
                .find("stdout に届けられませんでした"),
            std::string::npos);
  msg::set_language(before);
}

TEST(GuardAlerts, SinkTargetsAreRedactedForLogs) {
  auto t = [](std::string_view spec) {
    auto c = SinkConfig::parse(spec);
    return redacted_target(*c);
  };
  EXPECT_EQ(t("https://u:p@hooks.example/a/b?token=s#f"), "https://hooks.example/a/b");
  EXPECT_EQ(t("http://127.0.0.1:2801/"), "http://127.0.0.1:2801/");
  EXPECT_EQ(t("http://host/p@q"), "http://host/p@q");
  EXPECT_EQ(t("stdout"), "stdout");
  EXPECT_EQ(t("/var/log/a.json"), "/var/log/a.json");
}

TEST(GuardAlerts, HttpSinkPostsFalcoJsonAndRetriesTransientFailures) {
  LoopbackHttp server({500, 503});  // two transient failures, then 200
  Services svc;
  Stats stats;
  PipelineOptions po;
  po.metadata_wait = std::chrono::milliseconds(0);
  po.http_backoff = std::chrono::milliseconds(10);
  AlertPipeline p({{SinkConfig::Kind::kHttp, server.url("/falco")}}, po, svc, stats);
  ASSERT_TRUE(p.start().ok());
  p.metadata_ready();
  p.push(sample_alert(7));
  ASSERT_TRUE(server.wait_for(3));
  p.stop(std::chrono::milliseconds(2000));
  auto bodies = server.bodies();
  ASSERT_EQ(bodies.size(), 4U) << "three attempts, then the final stats record";
  Json j = Json::parse(bodies[2]);
  EXPECT_EQ(j["rule"], "Test rule");
  EXPECT_EQ(Json::parse(bodies[3])["rule"], "ecsguard stopped");
  EXPECT_EQ(Json::parse(bodies[3])["output_fields"]["ecsguard.delivered"], 1);
  EXPECT_EQ(server.paths().front(), "/falco");
  EXPECT_EQ(p.http_failures(), 0U);
  EXPECT_EQ(p.dropped(), 0U);
}

TEST(GuardAlerts, HttpSinkGivesUpOnClientErrorsAndCountsThem) {
  LoopbackHttp server({400});
  Services svc;
  Stats stats;
  PipelineOptions po;
  po.metadata_wait = std::chrono::milliseconds(0);
  TempDir d;
  po.fallback_fd = ::open(d.file("fallback.json").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  AlertPipeline p({{SinkConfig::Kind::kHttp, server.url()}}, po, svc, stats);
  ASSERT_TRUE(p.start().ok());
  p.metadata_ready();
  p.push(sample_alert(1));
  ASSERT_TRUE(server.wait_for(1));
  p.stop(std::chrono::milliseconds(2000));
  ::close(po.fallback_fd);
  auto bodies = server.bodies();
  ASSERT_GE(bodies.size(), 2U);
  EXPECT_EQ(Json::parse(bodies[0])["rule"], "Test rule");
  EXPECT_NE(Json::parse(bodies[1])["rule"], "Test rule") << "4xx is not retried";
  EXPECT_EQ(p.http_failures(), 1U);
  EXPECT_EQ(p.dropped(), 1U);
  auto fb = guard_test::read_alerts(d.file("fallback.json"));
  ASSERT_EQ(guard_test::rule_alerts(fb, "Test rule").size(), 1U);
  EXPECT_EQ(
      guard_test::rule_alerts(fb, "Test rule")[0]["output_fields"]["ecsguard.undelivered_reason"],
      "HTTP status 400");
}

TEST(GuardAlerts, SinkSpecs) {
  EXPECT_EQ(SinkConfig::parse("stdout")->kind, SinkConfig::Kind::kStdout);
  EXPECT_EQ(SinkConfig::parse("stderr")->kind, SinkConfig::Kind::kStderr);
  EXPECT_EQ(SinkConfig::parse("https://x/y")->kind, SinkConfig::Kind::kHttp);
  EXPECT_EQ(SinkConfig::parse("/var/log/a.json")->kind, SinkConfig::Kind::kFile);
  EXPECT_FALSE(SinkConfig::parse("").ok());
}

// ---- ECS task metadata -------------------------------------------------------------------------

constexpr const char* kMetadata = R"({
  "DockerId": "cd189a933e5849daa93386466019ab50-2495160603",
  "Name": "web",
  "DockerName": "web",
  "Image": "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:1.4.2",
  "ImageID": "sha256:7d8b7a9f1a4e6f5ab6f1f5bcd9b1c8f77e1d8a0e3f1b2c3d4e5f60718293a4b5",
  "Labels": {
    "com.amazonaws.ecs.cluster": "arn:aws:ecs:us-west-2:123456789012:cluster/prod",
    "com.amazonaws.ecs.container-name": "web",
    "com.amazonaws.ecs.task-arn": "arn:aws:ecs:us-west-2:123456789012:task/prod/cd189a933e5849daa93386466019ab50",
    "com.amazonaws.ecs.task-definition-family": "web"
  },
  "CreatedAt": "2023-07-20T12:00:00.123456789Z",
  "StartedAt": "2023-07-20T12:00:01.5Z"
})";

TEST(GuardMetadata, ParsesTheV4ContainerResponse) {
  auto c = parse_ecs_metadata(kMetadata);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->name, "web");
  EXPECT_EQ(c->id, "cd189a933e58");
  EXPECT_EQ(c->repository, "123456789012.dkr.ecr.us-west-2.amazonaws.com/app");
  EXPECT_EQ(c->tag, "1.4.2");
  EXPECT_EQ(c->digest.rfind("sha256:7d8b", 0), 0U);
  EXPECT_EQ(c->cluster, "arn:aws:ecs:us-west-2:123456789012:cluster/prod");
  EXPECT_EQ(c->family, "web");
  EXPECT_EQ(c->start_ts, 1689854401'500000000LL);
  EXPECT_FALSE(parse_ecs_metadata("[1,2]").ok());
  ContainerInfo img;
  split_image("repo/app@sha256:abc", img);
  EXPECT_EQ(img.repository, "repo/app");
  EXPECT_EQ(img.digest, "sha256:abc");
  split_image("localhost:5000/app", img);
  EXPECT_EQ(img.repository, "localhost:5000/app");
}

TEST(GuardMetadata, FetchesFromTheEndpointWithATimeout) {
  LoopbackHttp server({}, kMetadata);
  auto c = fetch_ecs_metadata(server.url("/v4/abc"), std::chrono::milliseconds(2000));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->name, "web");
  EXPECT_EQ(server.paths().front(), "/v4/abc");
  LoopbackHttp failing({500});
  EXPECT_FALSE(fetch_ecs_metadata(failing.url(), std::chrono::milliseconds(2000)).ok());
  EXPECT_FALSE(fetch_ecs_metadata("https://example.invalid/", std::chrono::milliseconds(100)).ok());
}

// ---- profiles -----------------------------------------------------------------------------------

TEST(GuardProfile, ParsesAndBecomesRules) {
  auto p = parse_profile(R"({"ecsguard_profile": 1, "container": "web",
      "executables": ["/usr/sbin/nginx", "docker-entrypoint.sh"],
      "read_only_root_filesystem": true, "writable_paths": ["/tmp", "/var/cache/nginx"],
      "listening_ports": [{"port": 80, "protocol": "tcp"}, 8443]})");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->listening_ports->size(), 2U);
  auto rs = load_rules({{"profile", profile_rules(*p, {"/usr/sbin/nginx"})}});
  for (const auto& d : rs->diagnostics) EXPECT_NE(d.level, Diagnostic::Level::kError) << d.message;
  EXPECT_TRUE(rs->info("Process not in task profile")->enabled);
  EXPECT_TRUE(rs->info("Write outside task profile writable paths")->enabled);
  EXPECT_TRUE(rs->info("Listening port not in task profile")->enabled);
  EXPECT_TRUE(rs->needs.events.test(evt_index(EvtType::kListen)));
  EXPECT_FALSE(rs->needs.open_reads);
  auto open =
      parse_profile(R"({"ecsguard_profile": 1, "executables": null, "listening_ports": null})");
  ASSERT_TRUE(open.ok());
  auto none = load_rules({{"profile", profile_rules(*open, {})}});
  EXPECT_TRUE(none->rules.empty()) << "nothing declared, nothing enforced";
  EXPECT_FALSE(parse_profile(R"({"ecsguard_profile": 2})").ok());
  EXPECT_FALSE(parse_profile(R"({"ecsguard_profile": 1, "listening_ports": [70000]})").ok());
}

}  // namespace
}  // namespace ecsguard::guard
