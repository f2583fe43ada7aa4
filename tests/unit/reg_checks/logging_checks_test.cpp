// LOG-010, LOG-011, LOG-012, LOG-013 on hand-built models.
#include <tuple>

#include "helpers.h"

namespace ecsguard::testing {
namespace {

model::Cluster cluster(std::string name, unsigned line, model::Str insights) {
  model::Cluster c;
  c.id = rid("AWS::ECS::Cluster", std::move(name), line);
  c.container_insights =
      model::to_toggle(std::move(insights), {"enabled", "enhanced"}, {"disabled"}, true);
  return c;
}

TEST(Log010, InsightsMustBeEnabledOrEnhanced) {
  model::Stack s;
  s.clusters.push_back(cluster("Absent", 3, {}));
  auto settings = cluster("OtherSettings", 10, {});
  settings.settings_loc = at(13);
  s.clusters.push_back(settings);
  s.clusters.push_back(cluster("Disabled", 20, str("disabled", 24)));
  s.clusters.push_back(cluster("Enabled", 30, str("enabled", 34)));
  s.clusters.push_back(cluster("Enhanced", 40, str("ENHANCED", 44)));
  s.clusters.push_back(cluster("Param", 50, unknown("parameter Insights has no default", 54)));
  EXPECT_EQ(run("LOG-010", s), (Set{"fail Absent 3", "fail OtherSettings 13", "fail Disabled 24",
                                    "unknown Param 54"}));
}

model::KeyValue option(std::string name, model::Str value, unsigned line) {
  model::KeyValue kv;
  kv.name = str(std::move(name), line);
  kv.value = std::move(value);
  if (!kv.value.loc.valid()) kv.value.loc = at(line);
  kv.loc = at(line);
  return kv;
}

model::Container logged(std::string name, unsigned line, std::string driver,
                        std::vector<model::KeyValue> options) {
  auto c = container(std::move(name), "app:1.0.0", line);
  c.log_configuration.state = model::Presence::kKnown;
  c.log_configuration.loc = at(line + 2);
  c.log_configuration.driver = str(std::move(driver), line + 3);
  c.log_configuration.options = std::move(options);
  return c;
}

std::vector<model::KeyValue> awslogs(unsigned line, bool prefix = true) {
  std::vector<model::KeyValue> o = {option("awslogs-group", str("/ecs/app"), line),
                                    option("awslogs-region", str("eu-west-1"), line + 1)};
  if (prefix) o.push_back(option("awslogs-stream-prefix", str("app"), line + 2));
  return o;
}

TEST(Log011, EveryContainerShipsItsLogs) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  td.requires_compatibilities = model::StrList::of({str("FARGATE")});
  td.containers.push_back(container("none", "app:1", 10));
  td.containers.push_back(logged("ok", 20, "awslogs", awslogs(25)));
  td.containers.push_back(logged("noprefix", 30, "awslogs", awslogs(35, false)));
  td.containers.push_back(logged("bare", 40, "awslogs", {}));
  td.containers.push_back(logged("jsonfile", 50, "json-file", {}));
  td.containers.push_back(logged("splunk", 60, "splunk", {}));
  auto nodriver = logged("nodriver", 70, "", {});
  nodriver.log_configuration.driver = {};
  td.containers.push_back(nodriver);
  auto param = logged("param", 80, "", {});
  param.log_configuration.driver = unknown("parameter Driver has no default", 83);
  td.containers.push_back(param);
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("LOG-011", s),
            (Set{"fail Task/none 10", "fail Task/noprefix 32", "fail Task/bare 42",
                 "fail Task/jsonfile 53", "fail Task/nodriver 72", "unknown Task/param 83"}));
}

TEST(Log011, StreamPrefixOnlyRequiredOnFargate) {
  model::Stack s;
  auto td = task_definition("Ec2Task", 1);
  td.containers.push_back(logged("noprefix", 10, "awslogs", awslogs(15, false)));
  td.containers.push_back(logged("syslog", 20, "syslog", {}));
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("LOG-011", s), Set{});
  // Launched on Fargate by a service: the prefix becomes required.
  model::Service svc;
  svc.id = rid("AWS::ECS::Service", "Svc", 100);
  svc.task_definition = unknown("runtime value", 102, "", {"Ec2Task"});
  model::CapacityProviderItem spot;
  spot.provider = str("FARGATE_SPOT");
  svc.capacity_provider_strategy.push_back(spot);
  s.services.push_back(svc);
  EXPECT_EQ(run("LOG-011", s), (Set{"fail Ec2Task/noprefix 12", "fail Ec2Task/syslog 23"}));
}

// Fargate-only requirements (the driver list, awslogs-stream-prefix) when whether the task runs on
// Fargate is not known: unknown, never a silent pass. Requirements of every launch type still FAIL.
TEST(Log011, FargateNotKnownIsUnknownNeverPass) {
  auto containers = [](model::TaskDefinition& td) {
    td.containers.push_back(logged("jsonfile", 10, "json-file", {}));
    td.containers.push_back(logged("noprefix", 20, "awslogs", awslogs(25, false)));
    td.containers.push_back(logged("bare", 30, "awslogs", {}));
    td.containers.push_back(logged("ok", 40, "awslogs", awslogs(45)));
  };
  const Set expected{"unknown Task/jsonfile 13", "unknown Task/noprefix 22", "fail Task/bare 32"};
  {
    model::Stack s;
    auto td = task_definition("Task", 1);
    td.requires_compatibilities =
        model::StrList::unknown_because("parameter Compat has no default", at(3));
    containers(td);
    s.task_definitions.push_back(td);
    EXPECT_EQ(run("LOG-011", s), expected);
  }
  {
    model::Stack s;  // one element of the list is unknown
    auto td = task_definition("Task", 1);
    td.requires_compatibilities =
        model::StrList::of({str("EC2"), unknown("parameter Compat has no default", 3)});
    containers(td);
    s.task_definitions.push_back(td);
    EXPECT_EQ(run("LOG-011", s), expected);
  }
  {
    model::Stack s;  // a bare container-definition array
    auto td = task_definition("Task", 1);
    td.containers_only = true;
    containers(td);
    s.task_definitions.push_back(td);
    std::vector<engine::Finding> out;
    EXPECT_EQ(run("LOG-011", s, {}, &out), expected);
    for (const auto& f : out) {
      if (f.status == core::Status::kUnknown) {
        EXPECT_NE(f.message.find("container definitions"), std::string::npos) << f.message;
      }
    }
  }
  {
    model::Stack s;  // a service whose launch type is not known
    auto td = task_definition("Task", 1);
    containers(td);
    s.task_definitions.push_back(td);
    model::Service svc;
    svc.id = rid("AWS::ECS::Service", "Svc", 100);
    svc.task_definition = unknown("runtime value", 102, "", {"Task"});
    svc.launch_type = unknown("parameter LaunchType has no default", 103);
    s.services.push_back(svc);
    EXPECT_EQ(run("LOG-011", s), expected);
    // A second service that runs it on Fargate settles it.
    model::Service fargate;
    fargate.id = rid("AWS::ECS::Service", "Fargate", 110);
    fargate.task_definition = unknown("runtime value", 112, "", {"Task"});
    fargate.launch_type = str("FARGATE", 113);
    s.services.push_back(fargate);
    EXPECT_EQ(run("LOG-011", s),
              (Set{"fail Task/jsonfile 13", "fail Task/noprefix 22", "fail Task/bare 32"}));
  }
}

model::LogGroup log_group(std::string id, std::string name, unsigned line) {
  model::LogGroup lg;
  lg.id = rid("AWS::Logs::LogGroup", std::move(id), line);
  if (!name.empty()) lg.log_group_name = str(std::move(name), line + 2);
  return lg;
}

TEST(Log012, LinkedLogGroupsNeedRetentionAndKey) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  auto byref = awslogs(15);
  byref[0].value = unknown("runtime value of AWS::Logs::LogGroup ByRef", 15, "", {"ByRef"});
  td.containers.push_back(logged("byref", 10, "awslogs", byref));
  auto byname = awslogs(25);
  byname[0].value = str("/ecs/byname", 25);
  td.containers.push_back(logged("byname", 20, "awslogs", byname));
  auto twice = awslogs(35);
  twice[0].value = str("/ecs/byname", 35);  // same group again: judged once
  td.containers.push_back(logged("twice", 30, "awslogs", twice));
  auto good = awslogs(45);
  good[0].value = str("/ecs/good", 45);
  td.containers.push_back(logged("good", 40, "awslogs", good));
  s.task_definitions.push_back(td);
  s.log_groups.push_back(log_group("ByRef", "", 100));  // no retention, no key
  auto short_lived = log_group("ByName", "/ecs/byname", 110);
  short_lived.retention_in_days = num(30, 113);
  short_lived.kms_key_id = unknown("runtime value of AWS::KMS::Key Key", 114, "", {"Key"});
  s.log_groups.push_back(short_lived);
  auto ok = log_group("Good", "/ecs/good", 120);
  ok.retention_in_days = num(400, 123);
  ok.kms_key_id = str("arn:aws:kms:eu-west-1:111122223333:key/abc", 124);
  s.log_groups.push_back(ok);
  s.log_groups.push_back(log_group("Unused", "/ecs/unused", 130));  // not a container log group
  EXPECT_EQ(run("LOG-012", s), (Set{"fail ByRef 100", "warn ByRef 100", "fail ByName 113"}));
  engine::CheckOptions o;
  o.log_retention_min_days = 30;
  EXPECT_EQ(run("LOG-012", s, o), (Set{"fail ByRef 100", "warn ByRef 100"}));
}

TEST(Log012, CreateGroupAndUnresolvedGroups) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  auto create = awslogs(15);
  create.push_back(option("awslogs-create-group", str("true"), 18));
  td.containers.push_back(logged("create", 10, "awslogs", create));
  td.containers.push_back(logged("external", 20, "awslogs", awslogs(25)));
  auto param = awslogs(35);
  param[0].value = unknown("parameter LogGroup has no default", 35);
  td.containers.push_back(logged("param", 30, "awslogs", param));
  auto firelens = logged(
      "firelens", 40, "awsfirelens",
      {option("Name", str("cloudwatch_logs"), 45), option("log_group_name", str("/ecs/fl"), 46),
       option("auto_create_group", str("true"), 47)});
  td.containers.push_back(firelens);
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("LOG-012", s), (Set{"fail Task/create 18", "unknown Task/external 25",
                                    "unknown Task/param 35", "fail Task/firelens 47"}));
}

TEST(Log012, PartialNamesMatchTheSameExpression) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  auto opts = awslogs(15);
  opts[0].value = unknown("pseudo parameter AWS::StackName", 15, "/ecs/\x1A/app");
  td.containers.push_back(logged("app", 10, "awslogs", opts));
  s.task_definitions.push_back(td);
  auto lg = log_group("AppLogs", "", 100);
  lg.log_group_name = unknown("pseudo parameter AWS::StackName", 102, "/ecs/\x1A/app");
  lg.retention_in_days = num(365, 103);
  s.log_groups.push_back(lg);
  EXPECT_EQ(run("LOG-012", s), (Set{"warn AppLogs 100"}));
}

// Driver names are case-sensitive; awslogs-create-group is read like Go's strconv.ParseBool.
TEST(Log011, InvalidDriverFailsAsInvalid) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  td.requires_compatibilities = model::StrList::of({str("FARGATE")});
  td.containers.push_back(logged("upper", 10, "AWSLOGS", awslogs(15)));
  td.containers.push_back(logged("typo", 20, "cloudwatch", {}));
  s.task_definitions.push_back(td);
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("LOG-011", s, {}, &out), (Set{"fail Task/upper 13", "fail Task/typo 23"}));
  for (const auto& f : out) {
    EXPECT_NE(f.message.find("not a valid value"), std::string::npos) << f.message;
  }
}

TEST(Log012, CreateGroupReadLikeTheDriver) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  for (const auto& [name, value, line] :
       std::vector<std::tuple<std::string, std::string, unsigned>>{
           {"one", "1", 10}, {"upper", "TRUE", 20}, {"t", "t", 30}, {"no", "false", 40}}) {
    auto o = awslogs(line + 5);
    o[0].value = str("/ecs/unmanaged-" + name, line + 5);
    o.push_back(option("awslogs-create-group", str(value), line + 8));
    td.containers.push_back(logged(name, line, "awslogs", o));
  }
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("LOG-012", s), (Set{"fail Task/one 18", "fail Task/upper 28", "fail Task/t 38",
                                    "unknown Task/no 45"}));
}

// The mode option is case-sensitive (blocking | non-blocking).
TEST(Log013, InvalidModeFailsAsInvalid) {
  model::Stack s;
  auto td = task_definition("Task", 1);
  auto opts = awslogs(15);
  opts.push_back(option("mode", str("Blocking"), 18));
  td.containers.push_back(logged("web", 10, "awslogs", opts));
  s.task_definitions.push_back(td);
  std::vector<engine::Finding> out;
  EXPECT_EQ(run("LOG-013", s, {}, &out), (Set{"fail Task/web 18"}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("not a valid value"), std::string::npos) << out[0].message;
}

// LOG-013: a service behind an internet-facing ALB runs the task definition.
model::Stack exposed_stack(model::Str scheme) {
  model::Stack s;
  model::Service svc;
  svc.id = rid("AWS::ECS::Service", "Web", 100);
  svc.task_definition = unknown("runtime value", 102, "", {"Task"});
  model::LoadBalancerRef ref;
  ref.target_group = unknown("runtime value", 104, "", {"Tg"});
  svc.load_balancers.push_back(ref);
  s.services.push_back(svc);
  model::Listener rule;
  rule.id = rid("AWS::ElasticLoadBalancingV2::ListenerRule", "Rule", 110);
  rule.listener = unknown("runtime value", 112, "", {"Listener"});
  rule.target_groups.push_back(unknown("runtime value", 113, "", {"Tg"}));
  s.listeners.push_back(rule);
  model::Listener listener;
  listener.id = rid("AWS::ElasticLoadBalancingV2::Listener", "Listener", 120);
  listener.load_balancer = unknown("runtime value", 122, "", {"Alb"});
  s.listeners.push_back(listener);
  model::LoadBalancer alb;
  alb.id = rid("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb", 130);
  alb.scheme = std::move(scheme);
  s.load_balancers.push_back(alb);
  return s;
}

TEST(Log013, BlockingModeOnInternetFacingServicesWarns) {
  auto s = exposed_stack({});  // default scheme: internet-facing
  auto td = task_definition("Task", 1);
  auto blocking = awslogs(15);
  blocking.push_back(option("mode", str("blocking"), 18));
  td.containers.push_back(logged("blocking", 10, "awslogs", blocking));
  td.containers.push_back(logged("default", 20, "awslogs", awslogs(25)));
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("LOG-013", s), (Set{"warn Task/blocking 18"}));
  engine::CheckOptions o;
  o.default_log_driver_mode = "blocking";  // an account still on the pre-2025 default
  EXPECT_EQ(run("LOG-013", s, o), (Set{"warn Task/blocking 18", "warn Task/default 22"}));
  s.load_balancers[0].scheme = str("internal", 132);
  EXPECT_EQ(run("LOG-013", s, o), Set{});
  s.load_balancers[0].scheme = unknown("parameter Scheme has no default", 132);
  EXPECT_EQ(run("LOG-013", s), (Set{"unknown Task/blocking 18"}));
}

TEST(Log013, PublicIpServiceIsInternetFacing) {
  model::Stack s;
  model::Service svc;
  svc.id = rid("AWS::ECS::Service", "Public", 100);
  svc.task_definition = unknown("runtime value", 102, "", {"Task"});
  svc.network.state = model::Presence::kKnown;
  svc.network.assign_public_ip = toggle(str("ENABLED", 105));
  s.services.push_back(svc);
  auto td = task_definition("Task", 1);
  auto opts = awslogs(15);
  opts.push_back(option("mode", str("blocking"), 18));
  td.containers.push_back(logged("app", 10, "awslogs", opts));
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("LOG-013", s), (Set{"warn Task/app 18"}));
  // Unlinked target group (an ARN parameter): exposure unknown.
  s.services[0].network = {};
  model::LoadBalancerRef ref;
  ref.target_group = unknown("parameter TargetGroupArn has no default", 107);
  s.services[0].load_balancers.push_back(ref);
  EXPECT_EQ(run("LOG-013", s), (Set{"unknown Task/app 18"}));
}

TEST(Log013, AuditCriticalContainersNeedABuffer) {
  auto s = exposed_stack({});
  auto td = task_definition("Task", 1);
  auto labelled = logged("audit", 10, "awslogs", awslogs(15));
  model::KeyValue label;
  label.name = str("audit-critical");
  label.value = str("true");
  labelled.docker_labels.push_back(label);
  td.containers.push_back(labelled);
  auto buffered = awslogs(25);
  buffered.push_back(option("mode", str("non-blocking"), 28));
  buffered.push_back(option("max-buffer-size", str("25m"), 29));
  td.containers.push_back(logged("buffered", 20, "awslogs", buffered));
  auto blocking = awslogs(35);
  blocking.push_back(option("mode", str("blocking"), 38));
  td.containers.push_back(logged("ledger", 30, "awslogs", blocking));
  td.containers.push_back(logged("app", 40, "awslogs", awslogs(45)));
  s.task_definitions.push_back(td);
  engine::CheckOptions o;
  o.audit_critical_containers = {"Task/buffered", "ledger"};
  // audit: non-blocking by default without a buffer -> WARN at the log configuration;
  // ledger: blocking is deliberate for an audit-critical container (no WARN).
  EXPECT_EQ(run("LOG-013", s, o), (Set{"warn Task/audit 12"}));
  auto unknown_mode = awslogs(55);
  unknown_mode.push_back(option("mode", unknown("parameter Mode has no default", 58), 58));
  s.task_definitions[0].containers.push_back(logged("param", 50, "awslogs", unknown_mode));
  EXPECT_EQ(run("LOG-013", s, o), (Set{"warn Task/audit 12", "unknown Task/param 58"}));
}

// An audit-critical label whose value is not known: the verdict depends on it, so unknown.
TEST(Log013, UnknownAuditLabelIsUnknownNeverPass) {
  auto s = exposed_stack({});
  auto td = task_definition("Task", 1);
  model::KeyValue label;
  label.name = str("audit-critical");
  label.value = unknown("parameter Critical has no default", 9);
  auto blocking = awslogs(15);
  blocking.push_back(option("mode", str("blocking"), 18));
  auto web = logged("web", 10, "awslogs", blocking);
  web.docker_labels.push_back(label);
  td.containers.push_back(web);
  auto audit = logged("audit", 20, "awslogs", awslogs(25));
  audit.docker_labels.push_back(label);
  td.containers.push_back(audit);
  s.task_definitions.push_back(td);
  EXPECT_EQ(run("LOG-013", s), (Set{"unknown Task/web 18", "unknown Task/audit 22"}));
  // A name glob settles it for one container.
  engine::CheckOptions o;
  o.audit_critical_containers = {"audit"};
  EXPECT_EQ(run("LOG-013", s, o), (Set{"unknown Task/web 18", "warn Task/audit 22"}));
  // Behind an internal load balancer the blocking container is fine either way.
  s.load_balancers[0].scheme = str("internal", 132);
  EXPECT_EQ(run("LOG-013", s, o), (Set{"warn Task/audit 22"}));
}

}  // namespace
}  // namespace ecsguard::testing
