// CTR-002 Read-only containers get explicit writable volumes for required paths (incl. ECS Exec
// agent paths).
#include <algorithm>
#include <string>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// Writing there through a mount undoes the read-only root for system files.
constexpr std::string_view kSystemDirs[] = {"/", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64"};

struct Coverage {
  Tri covered = Tri::kNo;
  i18n::Message reason{};  // when unknown
};

// Is `path` covered by a writable mount point (readOnly false, the default)?
Coverage coverage(const model::Container& c, std::string_view path) {
  Coverage out;
  if (c.mount_points_state == model::Presence::kUnknown) {
    out.covered = Tri::kUnknown;
    out.reason = msg::ctr002::MountPointsUnresolved{};
  }
  for (const auto& mp : c.mount_points) {
    const auto& ro = mp.read_only;
    Tri writable = Tri::kYes;
    if (ro.unknown()) writable = Tri::kUnknown;
    if (ro.known() && ro.value) writable = Tri::kNo;
    if (writable == Tri::kNo) continue;
    if (mp.container_path.unknown()) {
      if (out.covered == Tri::kNo) {
        out.covered = Tri::kUnknown;
        out.reason = msg::ctr002::ContainerPathUnresolved{.reason = mp.container_path.reason};
      }
      continue;
    }
    if (!mp.container_path.known() || !path_covers(mp.container_path.value, path)) continue;
    if (writable == Tri::kYes) return Coverage{Tri::kYes, {}};
    if (out.covered == Tri::kNo) {
      out.covered = Tri::kUnknown;
      out.reason =
          msg::ctr002::ReadOnlyUnresolved{.path = mp.container_path.value, .reason = ro.reason};
    }
  }
  return out;
}

// The writable paths the container needs: writable_paths, or the paths of the first
// writable_path_overrides entry whose glob matches the image. When the image is not (fully) known
// and an override could match it, the candidate lists are all returned: a path is then required
// for sure only if every candidate list has it.
std::vector<const std::vector<std::string>*> required_paths(const model::Container& c,
                                                            const engine::CheckOptions& o) {
  if (c.image.known()) {
    for (const auto& ov : o.writable_path_overrides) {
      if (glob_match(ov.image_glob, c.image.value)) return {&ov.paths};
    }
    return {&o.writable_paths};
  }
  std::vector<const std::vector<std::string>*> out;
  for (const auto& ov : o.writable_path_overrides) {
    // '*' spans unknown segments: a match holds whatever they are.
    if (!c.image.absent() && glob_match(ov.image_glob, c.image.value)) {
      out.push_back(&ov.paths);
      return out;
    }
    if (c.image.absent() || !has_known_text(c.image.value) ||
        glob_may_match(ov.image_glob, c.image.value)) {
      out.push_back(&ov.paths);
    }
  }
  out.push_back(&o.writable_paths);
  return out;
}

struct Pending {
  enum Kind : unsigned char { kFail, kWarn, kUnknown } kind;
  core::Loc loc;
  std::string property;
  i18n::Message text;
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  if (analysis::os_family(td) == analysis::OsFamily::kWindows)
    return;  // no read-only root on Windows
  const auto& ro = c.readonly_root_filesystem;
  if (ro.absent() || (ro.known() && !ro.value)) return;  // applies to read-only containers
  const std::string name = container_label(td, c);
  const std::string prefix = container_path(td, c);
  std::vector<Pending> out;

  // 1. Paths the application needs writable.
  const auto candidates = required_paths(c, ctx.options());
  std::vector<std::string> paths;
  for (const auto* list : candidates) {
    for (const auto& p : *list) {
      if (std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(p);
    }
  }
  for (const auto& p : paths) {
    const Coverage cov = coverage(c, p);
    const std::string prop = prefix + ".MountPoints[" + p + "]";
    const bool always = std::all_of(candidates.begin(), candidates.end(), [&](const auto* list) {
      return std::find(list->begin(), list->end(), p) != list->end();
    });
    if (cov.covered == Tri::kNo && !always) {
      out.push_back(
          {Pending::kUnknown, {}, prop, msg::ctr002::NeededByImage{.container = name, .path = p}});
    } else if (cov.covered == Tri::kNo) {
      out.push_back(
          {Pending::kFail, {}, prop, msg::ctr002::NotWritable{.container = name, .path = p}});
    } else if (cov.covered == Tri::kUnknown) {
      out.push_back({Pending::kUnknown,
                     {},
                     prop,
                     msg::ctr002::WritableUnknown{.path = p, .reason = i18n::Message(cov.reason)}});
    }
  }

  // 2. ECS Exec: the SSM agent must create files; AWS does not support it with a read-only root.
  const model::Service* exec_service = nullptr;
  const model::Service* exec_unknown = nullptr;
  for (const auto* s : ctx.links().services_of(td)) {
    const auto& e = s->enable_execute_command;
    if (e.known() && e.value && !exec_service) exec_service = s;
    if (e.unknown() && !exec_unknown) exec_unknown = s;
  }
  if (exec_service || exec_unknown) {
    std::vector<std::string> missing;
    std::optional<i18n::Message> unknown_reason;
    for (const auto& p : ctx.options().exec_writable_paths) {
      Coverage cov = coverage(c, p);
      if (cov.covered == Tri::kNo) missing.push_back(p);
      if (cov.covered == Tri::kUnknown && !unknown_reason) unknown_reason = std::move(cov.reason);
    }
    const std::string prop = prefix + ".MountPoints[ecs-exec]";
    const model::Service* s = exec_service ? exec_service : exec_unknown;
    const auto svc = [&] { return msg::common::Service{.name = service_label(*s)}; };
    if (!exec_service) {
      out.push_back(
          {Pending::kUnknown,
           {},
           prop,
           msg::ctr002::ExecUnknown{.service = svc(), .reason = s->enable_execute_command.reason}});
    } else if (!missing.empty()) {
      out.push_back({Pending::kFail,
                     {},
                     prop,
                     msg::ctr002::ExecMissingMounts{
                         .service = svc(), .container = name, .paths = join(missing)}});
    } else if (unknown_reason) {
      out.push_back({Pending::kUnknown,
                     {},
                     prop,
                     msg::ctr002::ExecPathsUnknown{.reason = std::move(*unknown_reason)}});
    } else {
      out.push_back({Pending::kWarn,
                     {},
                     prop,
                     msg::ctr002::ExecWorkaround{.service = svc(), .container = name}});
    }
  }

  // 3. Writable mounts over system directories.
  for (const auto& mp : c.mount_points) {
    if (!mp.container_path.known()) continue;
    if (mp.read_only.unknown() || (mp.read_only.known() && mp.read_only.value)) continue;
    const std::string target = normalize_path(mp.container_path.value);
    for (const auto dir : kSystemDirs) {
      if (target != dir) continue;
      const core::Loc at = mp.container_path.loc.valid() ? mp.container_path.loc : mp.loc;
      out.push_back({Pending::kWarn, at, prefix + ".MountPoints[" + target + "]",
                     msg::ctr002::SystemDir{.container = name, .path = target}});
    }
  }

  if (out.empty()) return;
  if (ro.unknown()) {  // the requirements above hold only if the root is read-only
    ctx.unknown(ro.loc, prefix + ".ReadonlyRootFilesystem", ro.reason);
    return;
  }
  for (auto& p : out) {
    switch (p.kind) {
      case Pending::kFail:
        ctx.fail(p.loc, std::move(p.property), p.text);
        break;
      case Pending::kWarn:
        ctx.warn(p.loc, std::move(p.property), p.text);
        break;
      case Pending::kUnknown:
        ctx.unknown(p.loc, std::move(p.property), p.text);
        break;
    }
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef writable_paths;
const engine::CheckDef writable_paths{
    .id = "CTR-002",
    .rationale = i18n::Id::kCtr002Rationale,
    .remediation =
        {
            .cdk = "taskDefinition.addVolume({ name: 'tmp' });\n"
                   "container.addMountPoints({ sourceVolume: 'tmp', containerPath: '/tmp', "
                   "readOnly: false });\n"
                   "// only if ECS Exec must stay on: also mount volumes at /var/lib/amazon and "
                   "/var/log/amazon",
            .cloudformation = "Volumes:\n"
                              "  - Name: tmp\n"
                              "ContainerDefinitions:\n"
                              "  - Name: app\n"
                              "    ReadonlyRootFilesystem: true\n"
                              "    MountPoints:\n"
                              "      - SourceVolume: tmp\n"
                              "        ContainerPath: /tmp\n"
                              "        ReadOnly: false",
            .terraform = "volume { name = \"tmp\" }\n"
                         "container_definitions = jsonencode([{\n"
                         "  name                   = \"app\"\n"
                         "  readonlyRootFilesystem = true\n"
                         "  mountPoints = [{ sourceVolume = \"tmp\", containerPath = \"/tmp\", "
                         "readOnly = false }]\n"
                         "}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
