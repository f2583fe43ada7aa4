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
template <class Subject, class Consequence>
void judge_flag(const model::Toggle& v, core::Loc block, const std::string& prop,
                const Subject& subject, std::string_view name, Consequence consequence,
                bool as_fail, engine::CheckContext& ctx) {
  if (v.unknown()) {
    ctx.unknown(v.loc, prop, v.reason);
    return;
  }
  if (v.known() && v.on) return;
  const core::Loc at = v.loc.valid() ? v.loc : block;
  if (v.known() && !v.valid) {
    ctx.fail(at, prop, invalid_value_message(subject(), name, v.value, kFlagValues));
    return;
  }
  i18n::Message text =
      v.absent() ? i18n::Message(msg::ctr011::FlagAbsent{
                       .subject = subject(), .property = name, .consequence = consequence()})
                 : i18n::Message(msg::ctr011::FlagSet{.subject = subject(),
                                                      .property = name,
                                                      .value = core::trim(v.value),
                                                      .consequence = consequence()});
  if (as_fail) {
    ctx.fail(at, prop, text);
  } else {
    ctx.warn(at, prop, text);
  }
}

void check_access_point(const model::EfsAccessPoint& ap, engine::CheckContext& ctx) {
  ctx.set_subject(ap.id);
  if (ap.root_directory_state == model::Presence::kAbsent) {
    ctx.warn({}, "RootDirectory", msg::ctr011::NoRootDirectory{.access_point = ap.id.name});
  }
  if (ap.posix_user_state == model::Presence::kAbsent) {
    ctx.warn({}, "PosixUser", msg::ctr011::NoPosixUser{.access_point = ap.id.name});
  }
}

void check_file_system(const model::EfsFileSystem& fs, engine::CheckContext& ctx) {
  ctx.set_subject(fs.id);
  const auto& e = fs.encrypted;
  if (e.unknown()) {
    ctx.unknown(e.loc, "Encrypted", e.reason);
  } else if (e.absent()) {
    ctx.fail(e.loc, "Encrypted", msg::ctr011::NotEncryptedAbsent{.file_system = fs.id.name});
  } else if (!(e.known() && e.value)) {
    ctx.fail(e.loc, "Encrypted", msg::ctr011::NotEncryptedFalse{.file_system = fs.id.name});
  }
}

void run(const model::TaskDefinition& td, engine::CheckContext& ctx) {
  const analysis::Links& links = ctx.links();
  for (std::size_t i = 0; i < td.volumes.size(); ++i) {
    const auto& v = td.volumes[i];
    if (v.efs_state == model::Presence::kAbsent) continue;
    const std::string label = v.name.known() ? v.name.value : "#" + std::to_string(i + 1);
    const std::string prefix = "Volumes[" + label + "].EFSVolumeConfiguration";
    ctx.set_subject(td.id);
    if (v.efs_state == model::Presence::kUnknown) {
      ctx.unknown(v.efs.loc.valid() ? v.efs.loc : v.loc, prefix, msg::ctr011::EfsUnresolved{});
      continue;
    }
    const auto& efs = v.efs;
    const core::Loc block = efs.loc.valid() ? efs.loc : v.loc;
    const auto subject = [&] {
      return msg::ctr011::EfsVolume{.volume = label, .task_definition = task_definition_label(td)};
    };
    judge_flag(
        efs.transit_encryption, block, prefix + ".TransitEncryption", subject, "TransitEncryption",
        [] { return msg::ctr011::TransitPlaintext{}; }, true, ctx);
    judge_flag(
        efs.iam, block, prefix + ".AuthorizationConfig.IAM", subject, "AuthorizationConfig.IAM",
        [] { return msg::ctr011::IamOff{}; }, false, ctx);
    const model::EfsAccessPoint* ap = nullptr;
    if (efs.access_point_id.absent()) {
      ctx.warn(block, prefix + ".AuthorizationConfig.AccessPointId",
               msg::ctr011::NoAccessPoint{.subject = subject()});
    } else {
      ap = links.referenced<model::EfsAccessPoint>(td.id.scope, efs.access_point_id);
    }
    const auto* fs = links.referenced<model::EfsFileSystem>(td.id.scope, efs.file_system_id);
    if (!fs && ap) {
      fs = links.referenced<model::EfsFileSystem>(td.id.scope, ap->file_system_id);
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
    .rationale = i18n::Id::kCtr011Rationale,
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
    .run = engine::per<model::TaskDefinition, &run>,
};

}  // namespace ecsguard::checks::container
