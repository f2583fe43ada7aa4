// CTR-011 EFS volumes use transit encryption and IAM authorization through an access point
// (Security Hub ECS.18, EFS.1, EFS.3, EFS.4, EFS.8).
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// ENABLED | DISABLED, case-sensitive (ECS rejects "enabled").
constexpr std::string_view kFlagValues[] = {"ENABLED", "DISABLED"};

// An ENABLED/DISABLED property whose default is DISABLED: "<subject> does not set <name>
// (default DISABLED)<consequence>" or "<subject> sets <name> to <value><consequence>".
void judge_flag(const model::Str& v, core::Loc block, const std::string& prop,
                const std::string& subject, std::string_view name, std::string_view consequence,
                bool as_fail, engine::CheckContext& ctx) {
  if (v.unknown()) {
    ctx.unknown(v.loc, prop, v.reason);
    return;
  }
  if (v.known() && v.value == "ENABLED") return;
  const core::Loc at = v.loc.valid() ? v.loc : block;
  if (v.known() && !is_one_of(v.value, kFlagValues)) {
    ctx.fail(at, prop, invalid_value_message(subject, name, v.value, kFlagValues));
    return;
  }
  const std::string text =
      subject +
      (v.absent() ? " does not set " + std::string(name) + " (default DISABLED)"
                  : " sets " + std::string(name) + " to " + std::string(core::trim(v.value))) +
      std::string(consequence);
  if (as_fail) {
    ctx.fail(at, prop, text);
  } else {
    ctx.warn(at, prop, text);
  }
}

template <class T>
const T* lookup(const model::Str& ref,
                const T* (model::Stack::*find)(model::ScopeId, std::string_view) const,
                const model::Stack& stack, model::ScopeId scope) {
  for (const auto& id : ref.refs) {
    if (const T* r = (stack.*find)(scope, id)) return r;
  }
  return nullptr;
}

void check_access_point(const model::EfsAccessPoint& ap, engine::CheckContext& ctx) {
  ctx.set_subject(ap.id);
  if (ap.root_directory_state == model::Presence::kAbsent) {
    ctx.warn({}, "RootDirectory",
             "EFS access point '" + ap.id.name +
                 "' sets no RootDirectory, so tasks see the whole file system (Security Hub "
                 "EFS.3)");
  }
  if (ap.posix_user_state == model::Presence::kAbsent) {
    ctx.warn({}, "PosixUser",
             "EFS access point '" + ap.id.name +
                 "' sets no PosixUser, so tasks use their own user and group ids on the file "
                 "system (Security Hub EFS.4)");
  }
}

void check_file_system(const model::EfsFileSystem& fs, engine::CheckContext& ctx) {
  ctx.set_subject(fs.id);
  const auto& e = fs.encrypted;
  if (e.unknown()) {
    ctx.unknown(e.loc, "Encrypted", e.reason);
  } else if (!(e.known() && e.value)) {
    ctx.fail(e.loc, "Encrypted",
             "EFS file system '" + fs.id.name + "' " +
                 (e.absent() ? "does not set Encrypted (default false)" : "sets Encrypted false") +
                 ": its data is not encrypted at rest (Security Hub EFS.1)");
  }
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  const auto& stack = ctx.stack();
  for (std::size_t i = 0; i < td.volumes.size(); ++i) {
    const auto& v = td.volumes[i];
    if (v.efs_state == model::Presence::kAbsent) continue;
    const std::string label = v.name.known() ? v.name.value : "#" + std::to_string(i + 1);
    const std::string prefix = "Volumes[" + label + "].EFSVolumeConfiguration";
    ctx.set_subject(td.id);
    if (v.efs_state == model::Presence::kUnknown) {
      ctx.unknown(v.efs.loc.valid() ? v.efs.loc : v.loc, prefix,
                  "the EFS volume configuration could not be resolved");
      continue;
    }
    const auto& efs = v.efs;
    const core::Loc block = efs.loc.valid() ? efs.loc : v.loc;
    const std::string subject =
        "EFS volume '" + label + "' of task definition '" + task_definition_label(td) + "'";
    judge_flag(efs.transit_encryption, block, prefix + ".TransitEncryption", subject,
               "TransitEncryption",
               ", so file data crosses the network in plaintext (Security Hub ECS.18)", true, ctx);
    judge_flag(efs.iam, block, prefix + ".AuthorizationConfig.IAM", subject,
               "AuthorizationConfig.IAM",
               ", so the task role does not control access to the file system", false, ctx);
    const model::EfsAccessPoint* ap = nullptr;
    if (efs.access_point_id.absent()) {
      ctx.warn(block, prefix + ".AuthorizationConfig.AccessPointId",
               subject +
                   " mounts the file system without an access point, so the task is not "
                   "confined to a directory and a POSIX identity");
    } else {
      ap = lookup(efs.access_point_id, &model::Stack::efs_access_point, stack, td.id.scope);
    }
    const model::EfsFileSystem* fs =
        lookup(efs.file_system_id, &model::Stack::efs_file_system, stack, td.id.scope);
    if (!fs && ap) {
      fs = lookup(ap->file_system_id, &model::Stack::efs_file_system, stack, td.id.scope);
    }
    // Properties of other resources: reported on those resources (the runner removes the
    // duplicates when several task definitions use them).
    if (ap) check_access_point(*ap, ctx);
    if (fs) check_file_system(*fs, ctx);
  }
  ctx.set_subject(td.id);
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef efs_volumes;
const engine::CheckDef efs_volumes{
    .id = "CTR-011",
    .rationale =
        "EFS volumes carry application data over the network: without transit encryption "
        "(Security Hub ECS.18) it travels in plaintext inside the VPC, and without IAM "
        "authorization and an access point any task that can reach the mount target can mount "
        "the whole file system as any user. Check every EFS volume, the access point's root "
        "directory and POSIX user (EFS.3, EFS.4), and encryption at rest of the file system "
        "(EFS.1).",
    .remediation =
        {
            .cdk = "taskDefinition.addVolume({\n"
                   "  name: 'data',\n"
                   "  efsVolumeConfiguration: {\n"
                   "    fileSystemId: fileSystem.fileSystemId,\n"
                   "    transitEncryption: 'ENABLED',\n"
                   "    authorizationConfig: { accessPointId: accessPoint.accessPointId, iam: "
                   "'ENABLED' },\n"
                   "  },\n"
                   "});\n"
                   "// new efs.FileSystem(this, 'Fs', { vpc, encrypted: true })",
            .cloudformation = "Volumes:\n"
                              "  - Name: data\n"
                              "    EFSVolumeConfiguration:\n"
                              "      FilesystemId: !Ref FileSystem\n"
                              "      TransitEncryption: ENABLED\n"
                              "      AuthorizationConfig:\n"
                              "        AccessPointId: !Ref AccessPoint\n"
                              "        IAM: ENABLED",
            .terraform = "volume {\n"
                         "  name = \"data\"\n"
                         "  efs_volume_configuration {\n"
                         "    file_system_id     = aws_efs_file_system.data.id\n"
                         "    transit_encryption = \"ENABLED\"\n"
                         "    authorization_config {\n"
                         "      access_point_id = aws_efs_access_point.data.id\n"
                         "      iam             = \"ENABLED\"\n"
                         "    }\n"
                         "  }\n"
                         "}",
        },
    .inputs = kInputs,
    .on_task_definition = run,
};

}  // namespace ecsguard::checks::container
