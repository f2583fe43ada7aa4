// CTR-004 Containers run as a non-root user (Linux) / non-administrator (Windows)
// (Security Hub ECS.20, ECS.21).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// "root", "0", "root:<group>", "0:<group>" (also "000").
bool linux_root(std::string_view user) {
  const auto colon = user.find(':');
  const std::string_view u = core::trim(user.substr(0, colon));
  if (u == "root") return true;
  if (u.empty() || u.find_first_not_of('0') != std::string_view::npos) return false;
  return true;  // all zeros: uid 0
}

bool windows_admin(std::string_view user) {
  return core::iequals(core::trim(user), "ContainerAdministrator");
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const analysis::OsFamily os = analysis::os_family(td);
  const auto& u = c.user;
  const std::string path = container_path(td, c) + ".User";
  const std::string name = container_label(td, c);
  if (u.unknown()) {
    ctx.unknown(u.loc, path, u.reason);
    return;
  }
  if (u.absent() || core::trim(u.value).empty()) {
    if (os == analysis::OsFamily::kWindows) {
      ctx.fail(u.loc, path, msg::ctr004::WindowsNoUser{.container = name});
    } else {
      ctx.fail(u.loc, path, msg::ctr004::NoUser{.container = name});
    }
    return;
  }
  const bool bad_linux = linux_root(u.value);
  const bool bad_windows = windows_admin(u.value);
  if (os == analysis::OsFamily::kUnknown && bad_linux != bad_windows) {
    ctx.unknown(
        td.operating_system_family.loc, path,
        msg::ctr004::OsUnknown{.user = u.value, .reason = td.operating_system_family.reason});
    return;
  }
  if (os == analysis::OsFamily::kWindows ? bad_windows : bad_linux) {
    if (os == analysis::OsFamily::kWindows) {
      ctx.fail(u.loc, path, msg::ctr004::WindowsAdmin{.container = name, .user = u.value});
    } else {
      ctx.fail(u.loc, path, msg::ctr004::Root{.container = name, .user = u.value});
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef non_root_user;
const engine::CheckDef non_root_user{
    .id = "CTR-004",
    .rationale = i18n::Id::kCtr004Rationale,
    .remediation =
        {
            .cdk = "taskDefinition.addContainer('App', {\n"
                   "  image: ecs.ContainerImage.fromEcrRepository(repo, tag),\n"
                   "  user: '1000:1000',  // a non-root uid:gid that exists in the image\n"
                   "});",
            .cloudformation = "ContainerDefinitions:\n"
                              "  - Name: app\n"
                              "    User: \"1000:1000\"",
            .terraform = "container_definitions = jsonencode([{\n"
                         "  name = \"app\"\n"
                         "  user = \"1000:1000\"\n"
                         "}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
