// `ecsguard scan --emit-guard-profile`: what the model declares becomes a profile that
// `ecsguard guard --profile` reads back (round trip through both sides).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ecsguard/guard/profile.h"
#include "ecsguard/guard/rules.h"
#include "ecsguard/scan/guard_profile.h"
#include "guard_test_util.h"

namespace ecsguard {
namespace {

model::Str str(const std::string& s) { return model::Str::of(s); }

model::StrList strs(std::initializer_list<const char*> items) {
  std::vector<model::Str> v;
  for (const char* i : items) v.push_back(str(i));
  return model::StrList::of(std::move(v));
}

model::TaskDefinition web_task() {
  model::TaskDefinition td;
  td.id.name = "WebTask";
  td.family = str("web");
  model::Container c;
  c.name = str("app");
  c.image = str("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1");
  c.entry_point = strs({"/opt/ecsguard/ecsguard", "guard", "--mode", "enforce", "--"});
  c.command = strs({"/usr/sbin/nginx", "-g", "daemon off;"});
  c.readonly_root_filesystem.state = model::Presence::kKnown;
  c.readonly_root_filesystem.value = true;
  model::MountPoint tmp;
  tmp.container_path = str("/tmp");
  model::MountPoint ro;
  ro.container_path = str("/etc/app");
  ro.read_only.state = model::Presence::kKnown;
  ro.read_only.value = true;
  c.mount_points = {tmp, ro};
  model::Container::PortMapping pm;
  pm.container_port = model::Int::of(8080);
  c.port_mappings = {pm};
  td.containers.push_back(c);
  return td;
}

TEST(GuardProfileScan, DeclaredFactsRoundTripIntoGuardRules) {
  model::TaskDefinition td = web_task();
  std::string json = scan::guard_profile_json(td, td.containers[0]);
  auto p = guard::parse_profile(json);
  ASSERT_TRUE(p.ok()) << p.error().message << "\n" << json;
  EXPECT_EQ(p->container, "app");
  EXPECT_EQ(p->task_definition, "web");
  ASSERT_TRUE(p->executables);
  EXPECT_EQ(*p->executables,
            (std::vector<std::string>{"/opt/ecsguard/ecsguard", "/usr/sbin/nginx"}));
  EXPECT_TRUE(p->read_only_root_filesystem);
  EXPECT_EQ(*p->writable_paths, (std::vector<std::string>{"/tmp"}))
      << "read-only mounts are not writable";
  ASSERT_EQ(p->listening_ports->size(), 1U);
  EXPECT_EQ((*p->listening_ports)[0].port, 8080);
  EXPECT_EQ((*p->listening_ports)[0].protocol, "tcp");
  auto rules = guard::load_rules({{"profile", guard::profile_rules(*p, {})}});
  EXPECT_FALSE(rules->has_errors());
  EXPECT_EQ(rules->rules.size(), 3U);
}

TEST(GuardProfileScan, UnknownsAreNotGuessed) {
  model::TaskDefinition td = web_task();
  model::Container& c = td.containers[0];
  c.entry_point = model::StrList{};
  c.command = strs({"--config=/etc/otel.yaml"});
  c.readonly_root_filesystem = model::FlexBool{};
  c.port_mappings[0].container_port =
      model::Int::unknown_because("Ref to a parameter without default");
  std::string json = scan::guard_profile_json(td, c);
  auto p = guard::parse_profile(json);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->executables.has_value()) << "only arguments of the image's ENTRYPOINT";
  EXPECT_FALSE(p->read_only_root_filesystem);
  EXPECT_FALSE(p->writable_paths.has_value());
  EXPECT_FALSE(p->listening_ports.has_value());
  EXPECT_NE(json.find("ENTRYPOINT"), std::string::npos);
  EXPECT_NE(json.find("portMapping could not be determined"), std::string::npos);
}

TEST(GuardProfileScan, ShellScriptsAndFileNaming) {
  model::Stack stack;
  model::TaskDefinition td = web_task();
  td.containers[0].entry_point = strs({"sh", "-c"});
  td.containers[0].command = strs({"exec FOO=1 /app/server --port 8080"});
  model::Container side;
  side.name = str("side/car");
  side.command = strs({"sleep", "infinity"});
  td.containers.push_back(side);
  stack.task_definitions.push_back(td);
  stack.task_definitions.push_back(td);  // the same task from another input file
  guard_test::TempDir dir;
  auto n = scan::write_guard_profiles(stack, dir.file("out"));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2U) << "identical profiles are written once";
  ASSERT_TRUE(std::filesystem::exists(dir.file("out/web.app.guard-profile.json")));
  ASSERT_TRUE(std::filesystem::exists(dir.file("out/web.side_car.guard-profile.json")));
  std::ifstream in(dir.file("out/web.app.guard-profile.json"));
  std::stringstream ss;
  ss << in.rdbuf();
  auto p = guard::parse_profile(ss.str());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p->executables, (std::vector<std::string>{"sh", "/app/server"}));
}

}  // namespace
}  // namespace ecsguard
