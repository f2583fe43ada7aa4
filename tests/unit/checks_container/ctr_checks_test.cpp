// Unit tests of the container-layer checks (CTR-*) on hand-built models: the catalog's pass/fail
// logic, its defaults for absent properties and three-valued handling of Unknown values. The
// data-driven fixtures under tests/checks/container/ exercise the same checks end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/config.h"
#include "ecsguard/engine/runner.h"
#include "ecsguard/model/stack.h"
#include "model_builders.h"
#include "support/finding_line.h"

namespace ecsguard::checks::container {
extern const engine::CheckDef read_only_root;           // CTR-001
extern const engine::CheckDef writable_paths;           // CTR-002
extern const engine::CheckDef privileged;               // CTR-003
extern const engine::CheckDef non_root_user;            // CTR-004
extern const engine::CheckDef host_namespaces;          // CTR-005
extern const engine::CheckDef capabilities;             // CTR-006
extern const engine::CheckDef env_secrets;              // CTR-007
extern const engine::CheckDef secrets_source;           // CTR-008
extern const engine::CheckDef secret_rotation;          // CTR-009
extern const engine::CheckDef platform_version;         // CTR-010
extern const engine::CheckDef efs_volumes;              // CTR-011
extern const engine::CheckDef ephemeral_storage_cmk;    // CTR-012
extern const engine::CheckDef cpu_memory_limits;        // CTR-013
extern const engine::CheckDef health_check;             // CTR-014
extern const engine::CheckDef ecs_exec;                 // CTR-015
extern const engine::CheckDef host_paths;               // CTR-016
extern const engine::CheckDef docker_security_options;  // CTR-017
}  // namespace ecsguard::checks::container

namespace ecsguard::testing {
namespace {

namespace ctr = checks::container;
using model::Presence;

// ---- model builders -----------------------------------------------------------------------

model::KeyValue env(std::string name, model::Str value, unsigned line = 0) {
  model::KeyValue kv;
  kv.name = str(std::move(name), line);
  kv.value = std::move(value);
  kv.loc = at(line);
  return kv;
}
model::MountPoint mount(std::string path, unsigned line = 0) {
  model::MountPoint mp;
  mp.source_volume = str("vol", line);
  mp.container_path = str(std::move(path), line);
  mp.loc = at(line);
  return mp;
}

class World {
 public:
  World() {
    file_ = files_.add("template.yaml");
    stack_.scopes.push_back(model::Scope{});
  }

  model::TaskDefinition& td(std::string name = "TaskDef", unsigned line = 10) {
    model::TaskDefinition t;
    t.id = rid("AWS::ECS::TaskDefinition", std::move(name), line);
    stack_.task_definitions.push_back(std::move(t));
    return stack_.task_definitions.back();
  }
  static model::Container& container(model::TaskDefinition& t, std::string name,
                                     unsigned line = 20) {
    model::Container c;
    c.name = str(std::move(name), line);
    set_image(c, str("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2.3", line + 1));
    c.loc = at(line);
    t.containers_state = Presence::kKnown;
    t.containers.push_back(std::move(c));
    return t.containers.back();
  }
  model::Service& service(std::string name, std::string task_def = "TaskDef", unsigned line = 50) {
    model::Service s;
    s.id = rid("AWS::ECS::Service", std::move(name), line);
    s.task_definition = ref(std::move(task_def), line + 1);
    stack_.services.push_back(std::move(s));
    return stack_.services.back();
  }
  model::TaskSet& task_set(std::string name, unsigned line = 70) {
    model::TaskSet s;
    s.id = rid("AWS::ECS::TaskSet", std::move(name), line);
    stack_.task_sets.push_back(std::move(s));
    return stack_.task_sets.back();
  }
  model::Cluster& cluster(std::string name, unsigned line = 80) {
    model::Cluster c;
    c.id = rid("AWS::ECS::Cluster", std::move(name), line);
    stack_.clusters.push_back(std::move(c));
    return stack_.clusters.back();
  }
  model::Secret& secret(std::string name, unsigned line = 90) {
    model::Secret s;
    s.id = rid("AWS::SecretsManager::Secret", std::move(name), line);
    stack_.secrets.push_back(std::move(s));
    return stack_.secrets.back();
  }
  model::RotationSchedule& rotation(std::string name, std::string secret_id, unsigned line = 95) {
    model::RotationSchedule r;
    r.id = rid("AWS::SecretsManager::RotationSchedule", std::move(name), line);
    r.secret_id = ref(std::move(secret_id), line + 1);
    r.rules_state = Presence::kKnown;
    stack_.rotation_schedules.push_back(std::move(r));
    return stack_.rotation_schedules.back();
  }
  model::SsmParameter& parameter(std::string name, unsigned line = 100) {
    model::SsmParameter p;
    p.id = rid("AWS::SSM::Parameter", std::move(name), line);
    stack_.ssm_parameters.push_back(std::move(p));
    return stack_.ssm_parameters.back();
  }
  model::EfsFileSystem& file_system(std::string name, unsigned line = 110) {
    model::EfsFileSystem f;
    f.id = rid("AWS::EFS::FileSystem", std::move(name), line);
    stack_.efs_file_systems.push_back(std::move(f));
    return stack_.efs_file_systems.back();
  }
  model::EfsAccessPoint& access_point(std::string name, unsigned line = 120) {
    model::EfsAccessPoint a;
    a.id = rid("AWS::EFS::AccessPoint", std::move(name), line);
    stack_.efs_access_points.push_back(std::move(a));
    return stack_.efs_access_points.back();
  }

  // "<status> <resource>[/<container>] <line> <property>" of each finding.
  std::multiset<std::string> run(const engine::CheckDef& def) {
    const auto res = engine::run_checks(stack_, files_, options, std::vector{&def});
    EXPECT_TRUE(res.diagnostics.empty()) << res.diagnostics.front().message;
    std::multiset<std::string> out;
    for (const auto& f : res.findings) {
      out.insert(ecsguard::test::finding_line(f, /*with_property=*/true));
      EXPECT_FALSE(f.message.empty());
      EXPECT_EQ(f.id(), def.id);
    }
    return out;
  }
  // Messages of the findings (to assert wording and that secrets are never quoted).
  std::vector<std::string> messages(const engine::CheckDef& def) {
    std::vector<std::string> out;
    for (const auto& f : engine::run_checks(stack_, files_, options, std::vector{&def}).findings) {
      out.push_back(f.message);
    }
    return out;
  }
  std::vector<engine::Finding> findings(const engine::CheckDef& def) {
    return engine::run_checks(stack_, files_, options, std::vector{&def}).findings;
  }

  engine::CheckOptions options;

 private:
  model::ResourceId rid(std::string type, std::string name, unsigned line) {
    model::ResourceId id;
    id.type = std::move(type);
    id.name = std::move(name);
    id.loc = core::Loc{file_, line, 3};
    return id;
  }

  core::FileTable files_;
  core::FileId file_ = 0;
  model::Stack stack_;
};

// Findings as an exact multiset (the engine orders by line, then by property).
using Lines = std::multiset<std::string>;

// ---- CTR-001 ------------------------------------------------------------------------------

TEST(Ctr001, AbsentFalseTrueStringAndUnknown) {
  World w;
  auto& t = w.td();
  // Task definition JSON: the builder marks a string boolean as a smell (CloudFormation does not).
  World::container(t, "absent", 20);
  World::container(t, "false", 30).readonly_root_filesystem = flag(false, 31);
  World::container(t, "true", 40).readonly_root_filesystem = flag(true, 41);
  auto& str_true = World::container(t, "string", 50).readonly_root_filesystem;
  str_true = flag(true, 51, true);
  str_true.string_for_boolean = true;
  World::container(t, "strfalse", 60).readonly_root_filesystem = flag(false, 61, true);
  World::container(t, "unknown", 70).readonly_root_filesystem = unknown_flag(71);
  EXPECT_EQ(w.run(ctr::read_only_root),
            (Lines{"fail TaskDef/absent 20 ContainerDefinitions[absent].ReadonlyRootFilesystem",
                   "fail TaskDef/false 31 ContainerDefinitions[false].ReadonlyRootFilesystem",
                   "warn TaskDef/string 51 ContainerDefinitions[string].ReadonlyRootFilesystem",
                   "fail TaskDef/strfalse 61 ContainerDefinitions[strfalse].ReadonlyRootFilesystem",
                   "unknown TaskDef/unknown 71 "
                   "ContainerDefinitions[unknown].ReadonlyRootFilesystem"}));
}

TEST(Ctr001, CloudFormationStringBooleansAreNormal) {
  World w;
  auto& t = w.td();  // CloudFormation: parameters are strings, "true" is converted
  World::container(t, "string", 50).readonly_root_filesystem = flag(true, 51, true);
  EXPECT_EQ(w.run(ctr::read_only_root), Lines{});
}

TEST(Ctr001, UnnamedContainersGetDistinctPaths) {
  World w;
  auto& t = w.td();
  World::container(t, "a", 20).name = unknown("parameter Name has no default", 20);
  World::container(t, "b", 30).name = unknown("parameter Name has no default", 30);
  EXPECT_EQ(w.run(ctr::read_only_root),
            (Lines{"fail TaskDef 20 ContainerDefinitions[#1].ReadonlyRootFilesystem",
                   "fail TaskDef 30 ContainerDefinitions[#2].ReadonlyRootFilesystem"}));
}

TEST(Ctr001, WindowsIsNotApplicableAndUnknownOsIsUnknown) {
  World w;
  auto& win = w.td("Win");
  win.operating_system_family = str("WINDOWS_SERVER_2022_CORE", 11);
  World::container(win, "app");
  auto& lin = w.td("Lin", 100);
  lin.operating_system_family = str("LINUX", 101);
  World::container(lin, "app", 110);
  auto& unk = w.td("Unk", 200);
  unk.operating_system_family = unknown("parameter Os has no default", 201);
  World::container(unk, "app", 210);
  World::container(unk, "ro", 220).readonly_root_filesystem = flag(true, 221);
  EXPECT_EQ(w.run(ctr::read_only_root),
            (Lines{"fail Lin/app 110 ContainerDefinitions[app].ReadonlyRootFilesystem",
                   "unknown Unk/app 201 ContainerDefinitions[app].ReadonlyRootFilesystem"}));
}

// ---- CTR-002 ------------------------------------------------------------------------------

TEST(Ctr002, TmpMustBeCoveredByAWritableMount) {
  World w;
  auto& t = w.td();
  World::container(t, "rw", 20);  // not read-only: not judged
  auto& none = World::container(t, "none", 30);
  none.readonly_root_filesystem = flag(true, 31);
  auto& tmp = World::container(t, "tmp", 40);
  tmp.readonly_root_filesystem = flag(true, 41);
  tmp.mount_points = {mount("/tmp/", 42)};
  auto& ro = World::container(t, "ro", 50);
  ro.readonly_root_filesystem = flag(true, 51);
  ro.mount_points = {mount("/tmp", 52)};
  ro.mount_points[0].read_only = flag(true, 53);
  auto& parent = World::container(t, "parent", 60);
  parent.readonly_root_filesystem = flag(true, 61);
  parent.mount_points = {mount("/", 62)};
  auto& maybe = World::container(t, "maybe", 70);
  maybe.readonly_root_filesystem = flag(true, 71);
  maybe.mount_points = {mount("/tmp", 72)};
  maybe.mount_points[0].read_only = unknown_flag(73);
  auto& sub = World::container(t, "sub", 80);  // /tmp/cache does not cover /tmp
  sub.readonly_root_filesystem = flag(true, 81);
  sub.mount_points = {mount("/tmp/cache", 82)};
  EXPECT_EQ(w.run(ctr::writable_paths),
            (Lines{"fail TaskDef/none 30 ContainerDefinitions[none].MountPoints[/tmp]",
                   "fail TaskDef/ro 50 ContainerDefinitions[ro].MountPoints[/tmp]",
                   "warn TaskDef/parent 62 ContainerDefinitions[parent].MountPoints[/]",
                   "unknown TaskDef/maybe 70 ContainerDefinitions[maybe].MountPoints[/tmp]",
                   "fail TaskDef/sub 80 ContainerDefinitions[sub].MountPoints[/tmp]"}));
}

TEST(Ctr002, ConfiguredPathsAndPerImageOverrides) {
  World w;
  w.options.writable_paths = {"/tmp", "/var/cache/nginx"};
  w.options.writable_path_overrides = {{"*/distroless-app:*", {"/home/app"}}};
  auto& t = w.td();
  auto& web = World::container(t, "web", 20);
  web.readonly_root_filesystem = flag(true, 21);
  web.mount_points = {mount("/tmp", 22)};
  auto& app = World::container(t, "app", 30);
  app.readonly_root_filesystem = flag(true, 31);
  set_image(app, str("123456789012.dkr.ecr.us-east-1.amazonaws.com/distroless-app:2", 32));
  EXPECT_EQ(w.run(ctr::writable_paths),
            (Lines{"fail TaskDef/web 20 ContainerDefinitions[web].MountPoints[/var/cache/nginx]",
                   "fail TaskDef/app 30 ContainerDefinitions[app].MountPoints[/home/app]"}));
}

// An image that is not (fully) known may or may not match a per-image override: a path only some
// candidate lists require is unknown; one they all require is still a FAIL.
TEST(Ctr002, OverridesWithAnUnknownImage) {
  World w;
  w.options.writable_paths = {"/tmp", "/var/cache/nginx"};
  w.options.writable_path_overrides = {{"public.ecr.aws/distroless/*", {"/tmp", "/home/app"}}};
  auto& t = w.td();
  auto& c = World::container(t, "app", 30);
  c.readonly_root_filesystem = flag(true, 31);
  set_image(c, unknown("parameter Image has no default", 32));
  EXPECT_EQ(w.run(ctr::writable_paths),
            (Lines{"fail TaskDef/app 30 ContainerDefinitions[app].MountPoints[/tmp]",
                   "unknown TaskDef/app 30 ContainerDefinitions[app].MountPoints[/var/cache/nginx]",
                   "unknown TaskDef/app 30 ContainerDefinitions[app].MountPoints[/home/app]"}));
  // A partly known image whose known text rules the override out: only the defaults.
  auto partial = unknown("partially known", 32);
  partial.value = std::string("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:") + '\x1A';
  set_image(t.containers[0], partial);
  EXPECT_EQ(w.run(ctr::writable_paths),
            (Lines{"fail TaskDef/app 30 ContainerDefinitions[app].MountPoints[/tmp]",
                   "fail TaskDef/app 30 ContainerDefinitions[app].MountPoints[/var/cache/nginx]"}));
}

TEST(Ctr002, EcsExecNeedsTheAgentPathsAndIsThenOnlyAWarning) {
  World w;
  auto& t = w.td();
  auto& bare = World::container(t, "bare", 20);
  bare.readonly_root_filesystem = flag(true, 21);
  bare.mount_points = {mount("/tmp", 22)};
  auto& covered = World::container(t, "covered", 30);
  covered.readonly_root_filesystem = flag(true, 31);
  covered.mount_points = {mount("/tmp", 32), mount("/var/lib/amazon", 33),
                          mount("/var/log/amazon/ssm", 34)};
  auto& half = World::container(t, "half", 40);
  half.readonly_root_filesystem = flag(true, 41);
  half.mount_points = {mount("/tmp", 42), mount("/var/lib/amazon/ssm", 43)};
  w.service("Svc").enable_execute_command = flag(true, 55);
  EXPECT_EQ(w.run(ctr::writable_paths),
            (Lines{"fail TaskDef/bare 20 ContainerDefinitions[bare].MountPoints[ecs-exec]",
                   "warn TaskDef/covered 30 ContainerDefinitions[covered].MountPoints[ecs-exec]",
                   "fail TaskDef/half 40 ContainerDefinitions[half].MountPoints[ecs-exec]"}));
  const auto msgs = w.messages(ctr::writable_paths);
  EXPECT_NE(msgs[2].find("/var/log/amazon/ssm"), std::string::npos) << msgs[2];
  EXPECT_EQ(msgs[2].find("/var/lib/amazon/ssm"), std::string::npos) << msgs[2];
}

TEST(Ctr002, ExecOffOrUnknownAndReadOnlyUnknown) {
  World w;
  auto& t = w.td();
  auto& c = World::container(t, "app", 20);
  c.readonly_root_filesystem = flag(true, 21);
  c.mount_points = {mount("/tmp", 22)};
  auto& u = World::container(t, "maybe", 30);
  u.readonly_root_filesystem = unknown_flag(31);
  w.service("Off").enable_execute_command = flag(false, 55);
  EXPECT_EQ(w.run(ctr::writable_paths),
            (Lines{"unknown TaskDef/maybe 31 ContainerDefinitions[maybe].ReadonlyRootFilesystem"}));
  w.service("Unk", "TaskDef", 60).enable_execute_command = unknown_flag(65);
  EXPECT_EQ(w.run(ctr::writable_paths),
            (Lines{"unknown TaskDef/app 20 ContainerDefinitions[app].MountPoints[ecs-exec]",
                   "unknown TaskDef/maybe 31 ContainerDefinitions[maybe].ReadonlyRootFilesystem"}));
}

// ---- CTR-003 (exemplar) -------------------------------------------------------------------

TEST(Ctr003, PrivilegedTrueFailsAbsentPassesUnknownIsUnknown) {
  World w;
  auto& t = w.td();
  World::container(t, "absent", 20);
  World::container(t, "off", 30).privileged = flag(false, 31);
  World::container(t, "on", 40).privileged = flag(true, 41);
  World::container(t, "str", 50).privileged = flag(true, 51, true);
  World::container(t, "unk", 60).privileged = unknown_flag(61);
  EXPECT_EQ(w.run(ctr::privileged),
            (Lines{"fail TaskDef/on 41 ContainerDefinitions[on].Privileged",
                   "fail TaskDef/str 51 ContainerDefinitions[str].Privileged",
                   "unknown TaskDef/unk 61 ContainerDefinitions[unk].Privileged"}));
}

// ---- CTR-004 ------------------------------------------------------------------------------

TEST(Ctr004, LinuxRootForms) {
  World w;
  auto& t = w.td();
  World::container(t, "absent", 20);
  World::container(t, "root", 30).user = str("root", 31);
  World::container(t, "zero", 40).user = str("0", 41);
  World::container(t, "rootgrp", 50).user = str("root:root", 51);
  World::container(t, "zerogrp", 60).user = str("0:1000", 61);
  World::container(t, "uid", 70).user = str("1000:1000", 71);
  World::container(t, "name", 80).user = str("nginx", 81);
  World::container(t, "grproot", 90).user = str("1000:0", 91);  // root group, non-root user
  World::container(t, "unk", 100).user = unknown("parameter User has no default", 101);
  World::container(t, "empty", 110).user = str("", 111);
  EXPECT_EQ(w.run(ctr::non_root_user),
            (Lines{"fail TaskDef/absent 20 ContainerDefinitions[absent].User",
                   "fail TaskDef/root 31 ContainerDefinitions[root].User",
                   "fail TaskDef/zero 41 ContainerDefinitions[zero].User",
                   "fail TaskDef/rootgrp 51 ContainerDefinitions[rootgrp].User",
                   "fail TaskDef/zerogrp 61 ContainerDefinitions[zerogrp].User",
                   "unknown TaskDef/unk 101 ContainerDefinitions[unk].User",
                   "fail TaskDef/empty 111 ContainerDefinitions[empty].User"}));
}

TEST(Ctr004, WindowsAdministrator) {
  World w;
  auto& t = w.td();
  t.operating_system_family = str("WINDOWS_SERVER_2019_FULL", 11);
  World::container(t, "absent", 20);
  World::container(t, "admin", 30).user = str("containeradministrator", 31);
  World::container(t, "user", 40).user = str("ContainerUser", 41);
  World::container(t, "root", 50).user = str("root", 51);  // not a Windows administrator
  auto& u = w.td("UnknownOs", 200);
  u.operating_system_family = unknown("parameter Os has no default", 201);
  World::container(u, "root", 210).user = str("root", 211);
  World::container(u, "uid", 220).user = str("1000", 221);
  World::container(u, "absent", 230);
  EXPECT_EQ(w.run(ctr::non_root_user),
            (Lines{"fail TaskDef/absent 20 ContainerDefinitions[absent].User",
                   "fail TaskDef/admin 31 ContainerDefinitions[admin].User",
                   "unknown UnknownOs/root 201 ContainerDefinitions[root].User",
                   "fail UnknownOs/absent 230 ContainerDefinitions[absent].User"}));
}

// ---- CTR-005 ------------------------------------------------------------------------------

TEST(Ctr005, PidAndIpcModes) {
  World w;
  w.td("Absent", 10);
  auto& host = w.td("Host", 20);
  host.pid_mode = str("host", 21);
  host.ipc_mode = str("host", 22);
  w.td("Task", 30).pid_mode = str("task", 31);
  auto& unk = w.td("Unk", 40);
  unk.pid_mode = unknown("condition C is not known", 41);
  unk.ipc_mode = str("task", 42);
  const auto f = w.findings(ctr::host_namespaces);
  EXPECT_EQ(w.run(ctr::host_namespaces), (Lines{"fail Host 21 PidMode", "fail Host 22 IpcMode",
                                                "warn Task 31 PidMode", "unknown Unk 41 PidMode"}));
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].severity, core::Severity::kHigh);
  EXPECT_EQ(f[2].severity, core::Severity::kLow);
}

// ---- CTR-006 ------------------------------------------------------------------------------

TEST(Ctr006, AddAndDrop) {
  World w;
  w.options.runtime_sensor_containers = {"falco*"};
  auto& t = w.td();
  World::container(t, "plain", 20);  // no linuxParameters: keeps the default set
  auto& good = World::container(t, "good", 30);
  good.linux_parameters_state = Presence::kKnown;
  good.capabilities_drop = list({str("ALL", 32)}, 31);
  auto& bad = World::container(t, "bad", 40);
  bad.linux_parameters_state = Presence::kKnown;
  bad.capabilities_add = list({str("SYS_ADMIN", 42), str("cap_chown", 43)}, 41);
  bad.capabilities_drop = list({str("NET_RAW", 45)}, 44);
  auto& tracer = World::container(t, "tracer", 50);
  tracer.linux_parameters_state = Presence::kKnown;
  tracer.capabilities_add = list({str("SYS_PTRACE", 52)}, 51);
  tracer.capabilities_drop = list({str("ALL", 54)}, 53);
  auto& sensor = World::container(t, "falco-sensor", 60);
  sensor.linux_parameters_state = Presence::kKnown;
  sensor.capabilities_add = list({str("SYS_PTRACE", 62)}, 61);
  sensor.capabilities_drop = list({str("all", 64)}, 63);
  auto& unk = World::container(t, "unk", 70);
  unk.linux_parameters_state = Presence::kKnown;
  unk.capabilities_add = list({unknown("x", 72)}, 71);
  unk.capabilities_drop = list({unknown("y", 74)}, 73);
  EXPECT_EQ(
      w.run(ctr::capabilities),
      (Lines{"warn TaskDef/plain 20 ContainerDefinitions[plain].LinuxParameters.Capabilities.Drop",
             "fail TaskDef/bad 42 "
             "ContainerDefinitions[bad].LinuxParameters.Capabilities.Add[SYS_ADMIN]",
             "fail TaskDef/bad 43 "
             "ContainerDefinitions[bad].LinuxParameters.Capabilities.Add[CHOWN]",
             "warn TaskDef/bad 44 ContainerDefinitions[bad].LinuxParameters.Capabilities.Drop",
             "fail TaskDef/tracer 52 "
             "ContainerDefinitions[tracer].LinuxParameters.Capabilities.Add[SYS_PTRACE]",
             "unknown TaskDef/unk 72 "
             "ContainerDefinitions[unk].LinuxParameters.Capabilities.Add[?]",
             "unknown TaskDef/unk 73 "
             "ContainerDefinitions[unk].LinuxParameters.Capabilities.Drop"}));
  const auto f = w.findings(ctr::capabilities);
  EXPECT_EQ(f[1].severity, core::Severity::kHigh);    // SYS_ADMIN
  EXPECT_EQ(f[2].severity, core::Severity::kMedium);  // CHOWN
}

// ---- CTR-007 ------------------------------------------------------------------------------

TEST(Ctr007, NeverFindingsOnTheNameAlone) {
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  c.environment = {
      env("PASSWORD_MIN_LENGTH", str("12", 21), 21),
      env("TOKEN_URL", str("https://auth.example.com/oauth/token", 22), 22),
      env("DB_PASSWORD_SECRET_ARN",
          str("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", 23), 23),
      env("API_TOKEN_ENABLED", str("true", 24), 24),
      env("SECRET_PATH", str("/prod/app/db-password", 25), 25),
      env("EMPTY_SECRET", str("", 26), 26),
      env("AUTH_TOKEN_ARN", str("arn:aws:ssm:us-east-1:1:parameter/x", 27), 27),
      env("DB_SECRET", ref("DbSecret", 28), 28),
      env("LOG_LEVEL", str("debug", 29), 29),
      env("GIT_SHA", str("3f1c2a9b7d4e5f60a1b2c3d4e5f6a7b8c9d0e1f2", 30), 30),
      env("IMAGE_DIGEST",
          str("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 31), 31),
      env("SERVICE_NAME", str("EcsClusterEcsServiceTaskDef8B3E3D1F", 32), 32),
      env("PASSWORD_FILE_PLACEHOLDER", str("${DB_PASSWORD}", 33), 33),
      env("DATABASE_URL", str("postgres://app@db.internal:5432/app", 34), 34)};
  EXPECT_EQ(w.run(ctr::env_secrets), Lines{});
}

TEST(Ctr007, SecretsByNameValueAndDynamicReference) {
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  c.environment = {
      env("AWS_SECRET_ACCESS_KEY", str("", 21), 21),  // ECS.8 name: whatever the value
      env("DB_PASSWORD", str("hunter2", 22), 22),
      env("STRIPE", str("sk_live_4eC39HqLyjWDarjtT1zdp7dc", 23), 23),
      env("CERT", str("-----BEGIN RSA PRIVATE KEY-----\nMIIE...", 24), 24),
      env("DATABASE_URL", str("postgres://admin:s3cr3t@db.internal:5432/app", 25), 25),
      env("SESSION",
          str("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N", 26), 26),
      env("RANDOM", str("xK9pL2mN8qR4sT6vW1yZ3bC5", 27), 27),
      env("DB_PASS", str("{{resolve:secretsmanager:prod/db:SecretString:password}}", 28), 28),
      env("KEY", str("AKIAIOSFODNN7ABCDEFG", 29), 29),
      env("ApiKey", str("abc", 30), 30),
      env("PRIVATE-KEY", str("xyz", 31), 31),
      env("SECRET_FROM_PARAM", unknown("parameter DbPass has no default", 32), 32),
      env("OTHER", ref("Db", 33, std::string("{{resolve:ssm-secure:") + '\x1A' + "}}"), 33),
      env("aws_access_key_id", str("AIPA8YOHGIS58IBFDU3E", 34), 34),
      env("AWS_SESSION_TOKEN", unknown("x", 35), 35)};
  EXPECT_EQ(
      w.run(ctr::env_secrets),
      (Lines{"fail TaskDef/app 21 ContainerDefinitions[app].Environment[AWS_SECRET_ACCESS_KEY]",
             "fail TaskDef/app 22 ContainerDefinitions[app].Environment[DB_PASSWORD]",
             "fail TaskDef/app 23 ContainerDefinitions[app].Environment[STRIPE]",
             "fail TaskDef/app 24 ContainerDefinitions[app].Environment[CERT]",
             "fail TaskDef/app 25 ContainerDefinitions[app].Environment[DATABASE_URL]",
             "fail TaskDef/app 26 ContainerDefinitions[app].Environment[SESSION]",
             "fail TaskDef/app 27 ContainerDefinitions[app].Environment[RANDOM]",
             "fail TaskDef/app 28 ContainerDefinitions[app].Environment[DB_PASS]",
             "fail TaskDef/app 29 ContainerDefinitions[app].Environment[KEY]",
             "fail TaskDef/app 30 ContainerDefinitions[app].Environment[ApiKey]",
             "fail TaskDef/app 31 ContainerDefinitions[app].Environment[PRIVATE-KEY]",
             "unknown TaskDef/app 32 "
             "ContainerDefinitions[app].Environment[SECRET_FROM_PARAM]",
             "fail TaskDef/app 33 ContainerDefinitions[app].Environment[OTHER]",
             "fail TaskDef/app 34 ContainerDefinitions[app].Environment[aws_access_key_id]",
             "fail TaskDef/app 35 "
             "ContainerDefinitions[app].Environment[AWS_SESSION_TOKEN]"}));
  for (const auto& m : w.messages(ctr::env_secrets)) {
    for (const char* secret : {"hunter2", "s3cr3t", "4eC39HqLyjWDarjtT1zdp7dc", "xK9pL2mN8q",
                               "AKIAIOSFODNN7EXAMPLE", "prod/db"}) {
      EXPECT_EQ(m.find(secret), std::string::npos) << "message quotes the secret: " << m;
    }
  }
}

TEST(Ctr007, ProviderTokenFormats) {
  // Made-up values in each provider's published format (none is a real credential).
  const std::pair<const char*, std::string> cases[] = {
      {"GITHUB", "ghp_" + std::string(36, 'a')},
      {"GITHUB_FINE", "github_pat_" + std::string(30, 'B')},
      {"GITLAB", "glpat-" + std::string(20, 'c')},
      {"SLACK", "xoxb-" + std::string(24, '1')},
      {"SLACK_HOOK", "https://hooks.slack.com/services/T0000000/B0000000/" + std::string(24, 'x')},
      {"GOOGLE", "AIza" + std::string(35, 'D')},
      {"NPM", "npm_" + std::string(36, 'e')},
      {"SENDGRID", "SG." + std::string(22, 'f') + "." + std::string(43, 'g')},
      {"OPENAI", "sk-proj-" + std::string(40, 'h')},
      {"REDIS_URL", "redis://:p4ss@cache.internal:6379/0"},
  };
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  unsigned line = 30;
  Lines expected;
  for (const auto& [name, value] : cases) {
    c.environment.push_back(env(name, str(value, line), line));
    expected.insert("fail TaskDef/app " + std::to_string(line) +
                    " ContainerDefinitions[app].Environment[" + name + "]");
    ++line;
  }
  // Placeholders in URLs are not passwords.
  c.environment.push_back(env("DB_URL", str("postgres://app:${DB_PASSWORD}@db:5432/app", 90), 90));
  EXPECT_EQ(w.run(ctr::env_secrets), expected);
}

// '_' is a word character: `\b` boundaries missed keys glued to an underscore.
TEST(Ctr007, KeysNextToUnderscoresAndOtherSeparators) {
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  c.environment = {
      env("A", str("key_AKIAIOSFODNN7ABCDEFG", 21), 21),
      env("B", str("AKIAIOSFODNN7ABCDEFG_prod", 22), 22),
      env("C", str("id=ASIAIOSFODNN7ABCDEFG;", 23), 23),
      env("D", str("jwt_eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig", 24), 24),
      env("E", str("x_ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", 25), 25),
      // Not bounded: part of a longer identifier.
      env("F", str("AKIAIOSFODNN7EXAMPLE1", 26), 26),
      env("G", str("XAKIAIOSFODNN7EXAMPLE", 27), 27),
      env("H", str("task-" + std::string(32, 'q'), 28), 28)};
  EXPECT_EQ(w.run(ctr::env_secrets),
            (Lines{"fail TaskDef/app 21 ContainerDefinitions[app].Environment[A]",
                   "fail TaskDef/app 22 ContainerDefinitions[app].Environment[B]",
                   "fail TaskDef/app 23 ContainerDefinitions[app].Environment[C]",
                   "fail TaskDef/app 24 ContainerDefinitions[app].Environment[D]",
                   "fail TaskDef/app 25 ContainerDefinitions[app].Environment[E]"}));
}

// Values that cannot be secrets, judged on the value alone (no allowlisted name helps here).
TEST(Ctr007, DurationsSizesHostsSecretNamesAndKeywordsAreNotSecrets) {
  World w;
  w.options.secret_name_allowlist = {};
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  unsigned line = 30;
  for (const char* v : {"3600s",
                        "1h",
                        "1h30m",
                        "500ms",
                        "7 days",
                        "PT15M",
                        "P1D",
                        "64MiB",
                        "10m",
                        "512k",
                        "auth.example.com/token",
                        "db.internal:5432",
                        "vault.prod.example.com",
                        "10.0.0.1:6379",
                        "localhost",
                        "prod/db/password",
                        "MyApp/Prod/DbCreds",
                        "./run/secrets/db",
                        "../secrets",
                        "~/.aws/creds"}) {
    c.environment.push_back(env("DB_SECRET_" + std::to_string(line), str(v, line), line));
    ++line;
  }
  // Keywords under setting-like names.
  c.environment.push_back(env("TOKEN_MODE", str("strict", 60), 60));
  c.environment.push_back(env("PASSWORD_POLICY", str("strong", 61), 61));
  c.environment.push_back(env("CREDENTIALS_PROVIDER", str("default", 62), 62));
  c.environment.push_back(env("SECRET_BACKEND", str("read-only", 63), 63));
  EXPECT_EQ(w.run(ctr::env_secrets), Lines{});

  // Near misses stay findings.
  World f;
  f.options.secret_name_allowlist = {};
  auto& d = World::container(f.td(), "app", 20);
  d.environment_state = Presence::kKnown;
  d.environment = {env("DB_PASSWORD", str("hunter2", 21), 21),
                   env("API_KEY", str("Pa55.word", 22), 22),  // not a lower-case host name
                   env("TOKEN", str("pa55.word", 23), 23),    // two labels alone: not a host
                   env("SECRET", str("1hunter", 24), 24),     // not a duration
                   env("TOKEN_MODE", str("s3cr3t99", 25), 25),
                   env("DB_PASSWORD_POLICY", str("hunter2", 26), 26),  // not allowlisted here
                   env("PASSWORD", str("strong", 27), 27),  // a word, but not a setting's name
                   env("DB_TOKEN", str("P", 28), 28),
                   env("APP_SECRET", str("user@db.internal:5432", 29), 29),
                   env("AUTH_SECRET", str("ab+cd/ef==", 30), 30)};
  Lines expected;
  for (const auto& kv : d.environment) {
    expected.insert("fail TaskDef/app " + std::to_string(kv.loc.line) +
                    " ContainerDefinitions[app].Environment[" + kv.name.value + "]");
  }
  EXPECT_EQ(f.run(ctr::env_secrets), expected);
}

// The default allowlist: names of files, paths, URLs, TTLs, headers, endpoints, names, policies
// and providers are not secrets on the name alone, but their values are still inspected.
TEST(Ctr007, DefaultAllowlist) {
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  c.environment = {env("API_KEY_HEADER", str("X-Api-Key", 21), 21),
                   env("DB_PASSWORD_FILE", str("db-password.txt", 22), 22),
                   env("SECRET_PATH", str("secrets", 23), 23),
                   env("TOKEN_NAME", str("session", 24), 24),
                   env("PASSWORD_POLICY", str("min12-upper-digit", 25), 25),
                   env("TOKEN_ENDPOINT", str("auth", 26), 26),
                   env("TOKEN_TTL", str("one hour", 27), 27),
                   env("SECRET_NAME", str("AKIAIOSFODNN7ABCDEFG", 28), 28)};
  EXPECT_EQ(w.run(ctr::env_secrets),
            (Lines{"fail TaskDef/app 28 ContainerDefinitions[app].Environment[SECRET_NAME]"}));
}

model::Str partial_name(std::string text, unsigned line) {
  auto s = model::Str::unknown_because("partially known: parameter P has no default", at(line));
  s.value = std::move(text);
  return s;
}

// Partly known names are judged on their known segments; a wholly unknown name with a literal
// that could be a secret is unknown.
TEST(Ctr007, PartlyAndWhollyUnknownNames) {
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  auto named = [](model::Str name, model::Str value, unsigned line) {
    model::KeyValue kv;
    kv.name = std::move(name);
    kv.value = std::move(value);
    kv.loc = at(line);
    return kv;
  };
  const std::string u(1, '\x1A');
  c.environment = {
      named(partial_name(u + "_PASSWORD", 21), str("hunter2", 21), 21),     // fail
      named(partial_name("DB_PASSWORD_" + u, 22), str("hunter2", 22), 22),  // may be *_FILE
      named(unknown("parameter VarName has no default", 23), str("hunter2", 23), 23),
      named(unknown("parameter VarName has no default", 24), str("8080", 24), 24),
      named(partial_name(u + "_LOG_LEVEL", 25), str("debug", 25), 25),
      named(partial_name(u + "_TOKEN_TTL", 26), str("3600s", 26), 26),
      named(partial_name(u + "_SECRET_ARN", 27), str("hunter2", 27), 27),  // allowlisted
      named(partial_name(u + "_TOKEN_MODE", 28), str("strict", 28), 28),   // a keyword
      named(partial_name(u + "_PASSWORD", 29), unknown("parameter Pw has no default", 29), 29),
      named(unknown("parameter VarName has no default", 30),
            unknown("parameter Value has no default", 30), 30)};
  EXPECT_EQ(w.run(ctr::env_secrets),
            (Lines{"fail TaskDef/app 21 ContainerDefinitions[app].Environment[${?}_PASSWORD]",
                   "unknown TaskDef/app 22 ContainerDefinitions[app].Environment[DB_PASSWORD_${?}]",
                   "unknown TaskDef/app 23 ContainerDefinitions[app].Environment[#3]",
                   "unknown TaskDef/app 29 ContainerDefinitions[app].Environment[${?}_PASSWORD]"}));
  for (const auto& m : w.messages(ctr::env_secrets)) {
    EXPECT_EQ(m.find("hunter2"), std::string::npos) << m;
    EXPECT_EQ(m.find('\x1A'), std::string::npos) << m;
  }
}

TEST(Ctr007, GlobMayMatchPartialNames) {
  const std::string u(1, '\x1A');
  EXPECT_TRUE(checks::glob_may_match("*_FILE", "DB_PASSWORD_" + u));
  EXPECT_TRUE(checks::glob_may_match("*_FILE", u));
  EXPECT_TRUE(checks::glob_may_match("*_file", "DB_" + u + "_FILE"));
  EXPECT_FALSE(checks::glob_may_match("*_FILE", u + "_PASSWORD"));
  EXPECT_FALSE(checks::glob_may_match("PUBLIC_*", "PRIVATE_" + u));
  EXPECT_TRUE(checks::glob_may_match("PUBLIC_*", u + "_TOKEN"));
  EXPECT_TRUE(checks::glob_may_match("A?C", "A" + u));
  EXPECT_FALSE(checks::glob_may_match("ABC", "ABD"));
  EXPECT_TRUE(checks::glob_may_match("ABC", "abc"));
}

// A custom resource's provider can return secret material: its value under a secret-like name
// is unknown, not a reference to skip.
TEST(Ctr007, CustomResourceValuesUnderSecretNamesAreUnknown) {
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  auto custom = ref("Creds", 21);
  custom.reason = "runtime value of Custom::DbCredentials Creds.Password";
  auto legacy = ref("Gen", 22);
  legacy.reason = "runtime value of AWS::CloudFormation::CustomResource Gen.Value";
  auto secret = ref("DbSecret", 24);
  secret.reason = "runtime value of AWS::SecretsManager::Secret DbSecret";
  auto custom_other = ref("Creds", 25);
  custom_other.reason = custom.reason;
  c.environment = {env("DB_PASSWORD", custom, 21), env("API_TOKEN", legacy, 22),
                   env("DB_SECRET", secret, 24),       // a reference to a secret: its ARN
                   env("DB_USER", custom_other, 25)};  // not a secret-like name
  EXPECT_EQ(w.run(ctr::env_secrets),
            (Lines{"unknown TaskDef/app 21 ContainerDefinitions[app].Environment[DB_PASSWORD]",
                   "unknown TaskDef/app 22 ContainerDefinitions[app].Environment[API_TOKEN]"}));
}

TEST(Ctr007, RegistryCredentialsPointToRepositoryCredentials) {
  World w;
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  c.environment = {env("ECS_ENGINE_AUTH_DATA", str("{}", 21), 21)};
  const auto msgs = w.messages(ctr::env_secrets);
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_NE(msgs[0].find("registry credentials"), std::string::npos) << msgs[0];
  EXPECT_NE(msgs[0].find("repositoryCredentials"), std::string::npos) << msgs[0];
  EXPECT_EQ(msgs[0].find("task role"), std::string::npos) << msgs[0];
}

TEST(Ctr007, AllowlistAndEnvironmentFiles) {
  World w;
  w.options.secret_name_allowlist = {"PUBLIC_*"};
  auto& c = World::container(w.td(), "app", 20);
  c.environment_state = Presence::kKnown;
  c.environment = {env("PUBLIC_TOKEN", str("not-a-secret-really", 21), 21),
                   env("PUBLIC_KEY_TOKEN", str("AKIAIOSFODNN7ABCDEFG", 22), 22)};
  c.environment_files = list({str("arn:aws:s3:::bucket/app.env", 24)}, 23);
  const auto f = w.findings(ctr::env_secrets);
  EXPECT_EQ(w.run(ctr::env_secrets),
            (Lines{"fail TaskDef/app 22 ContainerDefinitions[app].Environment[PUBLIC_KEY_TOKEN]",
                   "warn TaskDef/app 23 ContainerDefinitions[app].EnvironmentFiles"}));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].severity, core::Severity::kCritical);
  EXPECT_EQ(f[1].severity, core::Severity::kInfo);
}

// ---- CTR-008 ------------------------------------------------------------------------------

model::SecretRef secret_ref(std::string name, model::Str from, unsigned line) {
  model::SecretRef r;
  r.name = str(std::move(name), line);
  r.value_from = std::move(from);
  r.loc = at(line);
  return r;
}

TEST(Ctr008, SourcesOfInjectedSecrets) {
  World w;
  auto& t = w.td();
  t.execution_role_arn = ref("ExecRole", 11);
  w.secret("DbSecret");
  w.parameter("PlainParam").type = str("String", 101);
  auto& named = w.parameter("NamedParam", 104);
  named.name = str("/prod/api-key", 105);
  auto& c = World::container(t, "app", 20);
  c.secrets = {
      secret_ref("A", ref("DbSecret", 21), 21),
      secret_ref("B",
                 str("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:"
                     "password::",
                     22),
                 22),
      secret_ref("C", ref("PlainParam", 23), 23),
      secret_ref("D", str("arn:aws:ssm:us-east-1:123456789012:parameter/prod/api-key", 24), 24),
      secret_ref("E", str("/prod/external", 25), 25),
      secret_ref("F", str("arn:aws:s3:::bucket/key", 26), 26),
      secret_ref("G", unknown("parameter P has no default", 27), 27),
  };
  c.log_configuration.secret_options = {secret_ref("apikey", str("/prod/api-key", 28), 28)};
  EXPECT_EQ(w.run(ctr::secrets_source),
            (Lines{"fail TaskDef/app 23 ContainerDefinitions[app].Secrets[C].ValueFrom",
                   "fail TaskDef/app 24 ContainerDefinitions[app].Secrets[D].ValueFrom",
                   "unknown TaskDef/app 25 ContainerDefinitions[app].Secrets[E].ValueFrom",
                   "fail TaskDef/app 26 ContainerDefinitions[app].Secrets[F].ValueFrom",
                   "unknown TaskDef/app 27 ContainerDefinitions[app].Secrets[G].ValueFrom",
                   "fail TaskDef/app 28 "
                   "ContainerDefinitions[app].LogConfiguration.SecretOptions[apikey].ValueFrom"}));
}

// The SSM parameter Type is case-sensitive: "securestring" is not SecureString.
TEST(Ctr008, ParameterTypeIsCaseSensitive) {
  World w;
  auto& t = w.td();
  t.execution_role_arn = ref("ExecRole", 11);
  w.parameter("Lower").type = str("securestring", 101);
  World::container(t, "app", 20).secrets = {secret_ref("A", ref("Lower", 21), 21)};
  EXPECT_EQ(w.run(ctr::secrets_source),
            (Lines{"fail TaskDef/app 21 ContainerDefinitions[app].Secrets[A].ValueFrom"}));
  const auto msgs = w.messages(ctr::secrets_source);
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_NE(msgs[0].find("not a valid value"), std::string::npos) << msgs[0];
}

// pidMode / ipcMode are case-sensitive.
TEST(Ctr005, InvalidModesFailAsInvalid) {
  World w;
  auto& t = w.td();
  t.pid_mode = str("HOST", 12);
  t.ipc_mode = str("Task", 13);
  EXPECT_EQ(w.run(ctr::host_namespaces),
            (Lines{"fail TaskDef 12 PidMode", "fail TaskDef 13 IpcMode"}));
  for (const auto& m : w.messages(ctr::host_namespaces)) {
    EXPECT_NE(m.find("not a valid value"), std::string::npos) << m;
  }
}

TEST(Ctr008, SecretsNeedAnExecutionRole) {
  World w;
  auto& t = w.td();
  w.secret("DbSecret");
  World::container(t, "app", 20).secrets = {secret_ref("A", ref("DbSecret", 21), 21)};
  World::container(t, "nosecrets", 30);
  EXPECT_EQ(w.run(ctr::secrets_source),
            (Lines{"fail TaskDef/app 20 ContainerDefinitions[app].Secrets"}));
}

// ---- CTR-009 ------------------------------------------------------------------------------

TEST(Ctr009, OnlySecretsUsedByTasksRotationAndKey) {
  World w;
  auto& t = w.td();
  auto& c = World::container(t, "app", 20);
  c.secrets = {
      secret_ref("A", ref("Rotated", 21), 21), secret_ref("B", ref("Bare", 22), 22),
      secret_ref("C", str("arn:aws:secretsmanager:us-east-1:1:secret:named-XyZ123", 23), 23)};
  c.repository_credentials = ref("Slow", 24);
  w.secret("Unused", 80);  // not used by a task: not judged (KmsKeyId absent)
  auto& rotated = w.secret("Rotated", 90);
  rotated.kms_key_id = ref("Key", 91);
  w.rotation("RotatedRotation", "Rotated", 95).automatically_after_days =
      model::Int::of(30, at(97));
  auto& bare = w.secret("Bare", 130);
  bare.kms_key_id = str("alias/aws/secretsmanager", 131);
  auto& named = w.secret("Named", 140);
  named.name = str("named", 141);
  named.kms_key_id = str("arn:aws:kms:us-east-1:1:key/abc", 142);
  auto& slow = w.secret("Slow", 150);
  slow.kms_key_id = unknown("parameter Key has no default", 151);
  w.rotation("SlowRotation", "Slow", 160).schedule_expression = str("rate(180 days)", 162);
  EXPECT_EQ(w.run(ctr::secret_rotation),
            (Lines{"fail Bare 130 RotationSchedule", "warn Bare 131 KmsKeyId",
                   "fail Named 140 RotationSchedule", "unknown Slow 151 KmsKeyId",
                   "fail SlowRotation 162 RotationRules.ScheduleExpression"}));
  w.options.rotation_exempt_secrets = {"named", "Bare"};
  w.options.secret_rotation_max_days = 365;
  EXPECT_EQ(w.run(ctr::secret_rotation),
            (Lines{"warn Bare 131 KmsKeyId", "unknown Slow 151 KmsKeyId"}));
}

// A rotation schedule whose SecretId is not known (a parameter) may rotate the secret: unknown,
// never a definite "no rotation".
TEST(Ctr009, RotationScheduleWithUnknownSecretIdIsUnknown) {
  World w;
  auto& t = w.td();
  World::container(t, "app", 20).secrets = {secret_ref("A", ref("Used", 21), 21)};
  w.secret("Used", 90).kms_key_id = ref("Key", 91);
  auto& r = w.rotation("Rotation", "Other", 95);
  r.secret_id = unknown("parameter SecretArn has no default", 96);
  EXPECT_EQ(w.run(ctr::secret_rotation), (Lines{"unknown Used 90 RotationSchedule"}));
  w.options.rotation_exempt_secrets = {"Used"};  // exempt: nothing to ask
  EXPECT_EQ(w.run(ctr::secret_rotation), Lines{});
}

// ---- CTR-010 ------------------------------------------------------------------------------

TEST(Ctr010, FargateByLaunchTypeStrategyOrClusterDefault) {
  World w;
  w.td();
  w.service("Latest").platform_version = str("LATEST", 52);
  auto& old = w.service("Old", "TaskDef", 60);
  old.launch_type = str("FARGATE", 61);
  old.platform_version = str("1.3.0", 62);
  auto& current = w.service("Current", "TaskDef", 70);
  current.launch_type = str("FARGATE", 71);
  current.platform_version = str("1.4.0", 72);
  auto& ec2 = w.service("Ec2", "TaskDef", 80);
  ec2.launch_type = str("EC2", 81);
  ec2.platform_version = str("1.3.0", 82);
  auto& spot = w.service("Spot", "TaskDef", 90);
  spot.capacity_provider_strategy = {{str("FARGATE_SPOT", 91), at(91)}};
  spot.capacity_provider_strategy_state = Presence::kKnown;
  spot.platform_version = str("1.3.0", 92);
  auto& cl = w.cluster("Cluster", 200);
  cl.default_capacity_provider_strategy = {{str("FARGATE", 201), at(201)}};
  auto& dflt = w.service("Default", "TaskDef", 100);
  dflt.cluster = ref("Cluster", 101);
  dflt.platform_version = str("1.2.0", 102);
  auto& unk = w.service("Unk", "TaskDef", 110);
  unk.launch_type = str("FARGATE", 111);
  unk.platform_version = unknown("parameter Pv has no default", 112);
  auto& ts = w.task_set("Set", 120);
  ts.launch_type = str("FARGATE", 121);
  ts.platform_version = str("1.3.0", 122);
  EXPECT_EQ(w.run(ctr::platform_version),
            (Lines{"fail Old 62 PlatformVersion", "fail Spot 92 PlatformVersion",
                   "fail Default 102 PlatformVersion", "unknown Unk 112 PlatformVersion",
                   "fail Set 122 PlatformVersion"}));
}

TEST(Ctr010, WindowsFamily) {
  World w;
  w.td().operating_system_family = str("WINDOWS_SERVER_2022_FULL", 11);
  auto& ok = w.service("Win");
  ok.launch_type = str("FARGATE", 51);
  ok.platform_version = str("1.0.0", 52);
  auto& linux_version = w.service("WinWithLinuxVersion", "TaskDef", 60);
  linux_version.launch_type = str("FARGATE", 61);
  linux_version.platform_version = str("1.4.0", 62);
  EXPECT_EQ(w.run(ctr::platform_version), (Lines{"fail WinWithLinuxVersion 62 PlatformVersion"}));
}

// ---- CTR-011 ------------------------------------------------------------------------------

model::Volume efs_volume(std::string name, unsigned line) {
  model::Volume v;
  v.name = str(std::move(name), line);
  v.loc = at(line);
  v.efs_state = Presence::kKnown;
  v.efs.loc = at(line + 1);
  return v;
}

TEST(Ctr011, TransitEncryptionIamAccessPointAndFileSystem) {
  World w;
  auto& t = w.td();
  auto plain = efs_volume("plain", 20);  // every default: DISABLED, no access point
  plain.efs.file_system_id = ref("Fs", 22);
  auto good = efs_volume("good", 30);
  good.efs.file_system_id = ref("EncryptedFs", 32);
  good.efs.transit_encryption = toggle(str("ENABLED", 33));
  good.efs.iam = toggle(str("ENABLED", 34));
  good.efs.access_point_id = ref("Ap", 35);
  auto second = efs_volume("second", 40);  // every volume is checked, not only the first
  second.efs.transit_encryption = toggle(str("DISABLED", 42));
  second.efs.iam = toggle(str("ENABLED", 43));
  second.efs.access_point_id = ref("GoodAp", 44);
  auto unk = efs_volume("unk", 50);
  unk.efs.transit_encryption = toggle(unknown("condition Prod", 52));
  unk.efs.iam = toggle(str("ENABLED", 53));
  unk.efs.access_point_id = str("fsap-0123", 54);
  t.volumes = {plain, good, second, unk};
  w.file_system("Fs", 110);
  w.file_system("EncryptedFs", 115).encrypted = flag(true, 116);
  w.access_point("Ap", 120).file_system_id = ref("EncryptedFs", 121);
  auto& goodap = w.access_point("GoodAp", 130);
  goodap.root_directory_state = Presence::kKnown;
  goodap.posix_user_state = Presence::kKnown;
  EXPECT_EQ(w.run(ctr::efs_volumes),
            (Lines{"fail TaskDef 21 Volumes[plain].EFSVolumeConfiguration.TransitEncryption",
                   "warn TaskDef 21 Volumes[plain].EFSVolumeConfiguration.AuthorizationConfig.IAM",
                   "warn TaskDef 21 "
                   "Volumes[plain].EFSVolumeConfiguration.AuthorizationConfig.AccessPointId",
                   "fail TaskDef 42 Volumes[second].EFSVolumeConfiguration.TransitEncryption",
                   "unknown TaskDef 52 Volumes[unk].EFSVolumeConfiguration.TransitEncryption",
                   "fail Fs 110 Encrypted", "warn Ap 120 RootDirectory", "warn Ap 120 PosixUser"}));
}

TEST(Ctr011, SharedFileSystemIsReportedOnce) {
  World w;
  for (const char* name : {"A", "B"}) {
    auto v = efs_volume("data", 20);
    v.efs.file_system_id = ref("Fs", 22);
    v.efs.transit_encryption = toggle(str("ENABLED", 23));
    v.efs.iam = toggle(str("ENABLED", 24));
    v.efs.access_point_id = str("fsap-1", 25);
    w.td(name).volumes = {v};
  }
  w.file_system("Fs", 110).encrypted = flag(false, 111);
  EXPECT_EQ(w.run(ctr::efs_volumes), (Lines{"fail Fs 111 Encrypted"}));
}

// ---- CTR-012 ------------------------------------------------------------------------------

TEST(Ctr012, InfoByDefaultFailWhenRequired) {
  World w;
  w.td();
  w.cluster("FargateCluster", 80);
  auto& s = w.service("Svc");
  s.cluster = ref("FargateCluster", 51);
  s.launch_type = str("FARGATE", 52);
  w.cluster("Ec2Cluster", 90);
  auto& e = w.service("Ec2Svc", "TaskDef", 60);
  e.cluster = ref("Ec2Cluster", 61);
  e.launch_type = str("EC2", 62);
  w.cluster("Lonely", 100);  // nothing says what runs there
  w.cluster("Ec2Default", 105).default_capacity_provider_strategy = {
      {str("AsgProvider", 106), at(106)}};
  w.cluster("WithKey", 110).fargate_ephemeral_storage_kms_key = ref("Key", 111);
  const std::string prop =
      "Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId";
  EXPECT_EQ(w.run(ctr::ephemeral_storage_cmk),
            (Lines{"warn FargateCluster 80 " + prop, "warn Lonely 100 " + prop}));
  EXPECT_EQ(w.findings(ctr::ephemeral_storage_cmk)[0].severity, core::Severity::kInfo);
  w.options.require_cmk_ephemeral_storage = true;
  EXPECT_EQ(w.run(ctr::ephemeral_storage_cmk),
            (Lines{"fail FargateCluster 80 " + prop, "warn Lonely 100 " + prop}));
}

// ---- CTR-013 ------------------------------------------------------------------------------

TEST(Ctr013, FargateTaskSizes) {
  World w;
  const auto fargate = [](model::TaskDefinition& t) {
    t.requires_compatibilities = list({str("FARGATE", 12)}, 12);
  };
  auto& none = w.td("None", 10);
  fargate(none);
  World::container(none, "app", 15);
  struct Case {
    const char* name;
    const char* cpu;
    const char* mem;
  };
  unsigned line = 20;
  for (const Case c : {Case{"Ok", "256", "512"}, Case{"Units", "1 vCPU", "2 GB"},
                       Case{"Quarter", ".25 vcpu", "1GB"}, Case{"BadMem", "256", "4096"},
                       Case{"BadCpu", "300", "1024"}, Case{"Big", "16384", "131072"},
                       Case{"Step", "8192", "18432"}, Case{"Garbage", "lots", "1024"},
                       Case{"Large", "4096", "30720"}}) {
    auto& t = w.td(c.name, line);
    fargate(t);
    t.cpu = str(c.cpu, line + 1);
    t.memory = str(c.mem, line + 2);
    World::container(t, "app", line + 5);
    line += 10;
  }
  auto& ec2 = w.td("Ec2", 200);  // no FARGATE: task size not required
  World::container(ec2, "app", 205);
  auto& win = w.td("Win", 300);
  fargate(win);
  win.operating_system_family = str("WINDOWS_SERVER_2022_CORE", 303);
  win.cpu = str("512", 301);
  win.memory = str("1024", 302);
  World::container(win, "app", 305);
  EXPECT_EQ(w.run(ctr::cpu_memory_limits),
            (Lines{"fail None 10 Cpu", "fail None 10 Memory", "fail BadMem 52 Memory",
                   "fail BadCpu 61 Cpu", "fail Big 72 Memory", "fail Step 82 Memory",
                   "fail Garbage 91 Cpu", "fail Win 301 Cpu"}));
}

TEST(Ctr013, SidecarsWithoutMemoryAndUnknownCompatibility) {
  World w;
  auto& t = w.td();
  t.requires_compatibilities = list({unknown("condition UseFargate", 12)}, 12);
  World::container(t, "app", 20).memory = model::Int::of(512, at(21));
  World::container(t, "sidecar", 30);
  World::container(t, "reserved", 40).memory_reservation = model::Int::of(64, at(41));
  EXPECT_EQ(w.run(ctr::cpu_memory_limits),
            (Lines{"unknown TaskDef 10 Cpu", "unknown TaskDef 10 Memory",
                   "warn TaskDef/sidecar 30 ContainerDefinitions[sidecar].Memory"}));
}

// ---- CTR-014 ------------------------------------------------------------------------------

TEST(Ctr014, EssentialContainersNeedAHealthCheck) {
  World w;
  auto& t = w.td();
  World::container(t, "none", 20);
  auto& ok = World::container(t, "ok", 30);
  ok.health_check.state = Presence::kKnown;
  ok.health_check.loc = at(31);
  ok.health_check.command = list({str("CMD-SHELL", 32), str("curl -f localhost", 32)}, 32);
  World::container(t, "sidecar", 40).essential = flag(false, 41);
  auto& off = World::container(t, "off", 50);
  off.health_check.state = Presence::kKnown;
  off.health_check.loc = at(51);
  off.health_check.command = list({str("NONE", 52)}, 52);
  World::container(t, "maybe", 60).essential = unknown_flag(61);
  auto& lb = World::container(t, "web", 70);
  (void)lb;
  auto& svc = w.service("Svc");
  svc.load_balancers = {{str("web", 56), model::Int::of(80, at(57)), ref("Tg", 58), at(56)}};
  EXPECT_EQ(w.run(ctr::health_check),
            (Lines{"fail TaskDef/none 20 ContainerDefinitions[none].HealthCheck",
                   "fail TaskDef/off 52 ContainerDefinitions[off].HealthCheck.Command",
                   "unknown TaskDef/maybe 61 ContainerDefinitions[maybe].Essential"}));
}

// The first element of the command decides whether the check is disabled (NONE).
TEST(Ctr014, UnknownFirstCommandElementIsUnknown) {
  World w;
  auto& t = w.td();
  auto& c = World::container(t, "app", 20);
  c.health_check.state = Presence::kKnown;
  c.health_check.loc = at(21);
  c.health_check.command =
      list({unknown("parameter Kind has no default", 22), str("curl -f localhost", 22)}, 22);
  EXPECT_EQ(w.run(ctr::health_check),
            (Lines{"unknown TaskDef/app 22 ContainerDefinitions[app].HealthCheck.Command"}));
}

// ---- CTR-015 ------------------------------------------------------------------------------

TEST(Ctr015, ExecEnabledOnlyForExemptServicesAndLogged) {
  World w;
  w.td();
  w.service("Off");
  w.service("On", "TaskDef", 60).enable_execute_command = flag(true, 62);
  auto& ex = w.service("Debug", "TaskDef", 70);
  ex.enable_execute_command = flag(true, 72);
  ex.cluster = ref("Cluster", 71);
  w.cluster("Cluster", 200).exec_logging = str("NONE", 205);
  auto& named = w.service("Named", "TaskDef", 80);
  named.service_name = str("break-glass-api", 81);
  named.enable_execute_command = flag(true, 82);
  w.service("Unk", "TaskDef", 90).enable_execute_command = unknown_flag(92);
  w.options.exec_exempt_services = {"Debug", "break-glass-*"};
  EXPECT_EQ(w.run(ctr::ecs_exec),
            (Lines{"fail On 62 EnableExecuteCommand", "unknown Unk 92 EnableExecuteCommand",
                   "warn Debug 205 EnableExecuteCommand"}));
  w.options.production_environment = false;
  EXPECT_EQ(w.run(ctr::ecs_exec),
            (Lines{"warn On 62 EnableExecuteCommand", "unknown Unk 92 EnableExecuteCommand",
                   "warn Debug 205 EnableExecuteCommand"}));
}

// An exempt service's sessions must be logged: a cluster whose Logging is not known is unknown.
TEST(Ctr015, ExemptServiceOnClusterWithUnknownLoggingIsUnknown) {
  World w;
  w.td();
  auto& ex = w.service("Debug", "TaskDef", 70);
  ex.enable_execute_command = flag(true, 72);
  ex.cluster = ref("Cluster", 71);
  w.cluster("Cluster", 200).exec_logging = unknown("parameter Logging has no default", 205);
  w.options.exec_exempt_services = {"Debug"};
  EXPECT_EQ(w.run(ctr::ecs_exec), (Lines{"unknown Debug 205 EnableExecuteCommand"}));
}

// ---- CTR-016 ------------------------------------------------------------------------------

model::Volume host_volume(std::string name, std::string path, unsigned line) {
  model::Volume v;
  v.name = str(std::move(name), line);
  v.loc = at(line);
  v.host_state = Presence::kKnown;
  if (!path.empty()) v.host_source_path = str(std::move(path), line + 1);
  return v;
}

TEST(Ctr016, SensitiveHostPathsOnEc2) {
  World w;
  auto& t = w.td();
  t.volumes = {host_volume("sock", "/var/run/docker.sock", 20),
               host_volume("docker", "/var/lib/docker/vfs/dir/", 30),
               host_volume("root", "/", 40),
               host_volume("data", "/srv/data", 50),
               host_volume("scratch", "", 60),
               host_volume("etc", "/etc//ssl", 70)};
  t.volumes.push_back(host_volume("unk", "", 80));
  t.volumes.back().host_source_path = unknown("parameter HostPath has no default", 81);
  EXPECT_EQ(w.run(ctr::host_paths), (Lines{"fail TaskDef 21 Volumes[sock].Host.SourcePath",
                                           "fail TaskDef 31 Volumes[docker].Host.SourcePath",
                                           "fail TaskDef 41 Volumes[root].Host.SourcePath",
                                           "fail TaskDef 71 Volumes[etc].Host.SourcePath",
                                           "unknown TaskDef 81 Volumes[unk].Host.SourcePath"}));
}

TEST(Ctr016, FargateOnlyIsNotApplicable) {
  World w;
  auto& t = w.td();
  t.requires_compatibilities = list({str("FARGATE", 11)}, 11);
  t.volumes = {host_volume("sock", "/var/run/docker.sock", 20)};
  EXPECT_EQ(w.run(ctr::host_paths), Lines{});
  t.requires_compatibilities = list({str("EC2", 11), str("FARGATE", 11)}, 11);
  EXPECT_EQ(w.run(ctr::host_paths), (Lines{"fail TaskDef 21 Volumes[sock].Host.SourcePath"}));
}

// RequiresCompatibilities is case-sensitive: "fargate" is not FARGATE (ECS rejects it), so the
// check is not skipped as NOT_APPLICABLE.
TEST(Ctr016, LowerCaseFargateIsNotFargate) {
  World w;
  auto& t = w.td();
  t.requires_compatibilities = list({str("fargate", 11)}, 11);
  t.volumes = {host_volume("sock", "/var/run/docker.sock", 20)};
  EXPECT_EQ(w.run(ctr::host_paths), (Lines{"fail TaskDef 21 Volumes[sock].Host.SourcePath"}));
}

// ---- CTR-017 ------------------------------------------------------------------------------

TEST(Ctr017, UnconfinedOptionsAndNoNewPrivileges) {
  World w;
  auto& t = w.td();
  World::container(t, "none", 20);
  World::container(t, "good", 30).docker_security_options =
      list({str("no-new-privileges", 32)}, 31);
  World::container(t, "bad", 40).docker_security_options = list(
      {str("seccomp=unconfined", 42), str("label:disable", 43), str("no-new-privileges:true", 44)},
      41);
  World::container(t, "apparmor", 50).docker_security_options =
      list({str("apparmor:unconfined", 52)}, 51);
  EXPECT_EQ(
      w.run(ctr::docker_security_options),
      (Lines{
          "warn TaskDef/none 20 ContainerDefinitions[none].DockerSecurityOptions",
          "fail TaskDef/bad 42 ContainerDefinitions[bad].DockerSecurityOptions[seccomp:unconfined]",
          "fail TaskDef/bad 43 ContainerDefinitions[bad].DockerSecurityOptions[label:disable]",
          "fail TaskDef/apparmor 52 "
          "ContainerDefinitions[apparmor].DockerSecurityOptions[apparmor:unconfined]",
          "warn TaskDef/apparmor 51 ContainerDefinitions[apparmor].DockerSecurityOptions"}));
  t.requires_compatibilities = list({str("FARGATE", 11)}, 11);
  EXPECT_EQ(w.run(ctr::docker_security_options), Lines{});
}

// ---- bare container-definition files --------------------------------------------------------

TEST(ContainersOnly, TaskLevelPropertiesAreNotJudgedWhereTheyAreNotWritten) {
  World w;
  auto& t = w.td("definition", 1);
  t.id.origin = model::Origin::kTaskDefinitionJson;
  t.containers_only = true;  // a Terraform container_definitions file
  w.secret("Unused");
  auto& c = World::container(t, "app", 1);
  c.secrets = {secret_ref("A", str("arn:aws:secretsmanager:us-east-1:1:secret:a-AbCdEf", 5), 5)};
  World::container(t, "sidecar", 10).memory = model::Int::of(64, at(11));
  // No executionRoleArn / cpu / memory here: they are set where the task definition is.
  EXPECT_EQ(w.run(ctr::secrets_source), Lines{});
  EXPECT_EQ(w.run(ctr::cpu_memory_limits),
            (Lines{"warn definition/app 1 ContainerDefinitions[app].Memory"}));
  // Whether the task can run on EC2 is not known: the EC2-only findings become unknown.
  EXPECT_EQ(w.run(ctr::docker_security_options),
            (Lines{"unknown definition/app 1 ContainerDefinitions[app].DockerSecurityOptions",
                   "unknown definition/sidecar 10 "
                   "ContainerDefinitions[sidecar].DockerSecurityOptions"}));
}

}  // namespace
}  // namespace ecsguard::testing
