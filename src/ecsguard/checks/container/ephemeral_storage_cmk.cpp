// CTR-012 Fargate ephemeral storage encrypted with a customer managed KMS key.
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

void run(const model::Cluster& cluster, engine::CheckContext& ctx) {
  const auto& key = cluster.fargate_ephemeral_storage_kms_key;
  constexpr std::string_view kProp =
      "Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId";
  if (key.known()) return;
  if (key.unknown()) {
    // A Ref / GetAtt to a key of the template is a customer managed key.
    if (key.refs.empty()) ctx.unknown(key.loc, std::string(kProp), key.reason);
    return;
  }
  const Tri fargate = analysis::cluster_runs_fargate_tasks(ctx.links(), cluster);
  if (fargate == Tri::kNo) return;  // EC2-only cluster: no Fargate ephemeral storage
  if (ctx.options().require_cmk_ephemeral_storage && fargate == Tri::kYes) {
    ctx.fail({}, std::string(kProp), msg::ctr012::CmkRequired{.cluster = cluster.id.name});
    return;
  }
  // Say which fact decided: a Fargate service / strategy of the scan, or nothing either way.
  if (fargate == Tri::kUnknown) {
    ctx.warn({}, std::string(kProp),
             msg::ctr012::AwsOwnedKeyLaunchUnknown{.cluster = cluster.id.name},
             core::Severity::kInfo);
    return;
  }
  ctx.warn({}, std::string(kProp), msg::ctr012::AwsOwnedKey{.cluster = cluster.id.name},
           core::Severity::kInfo);
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef ephemeral_storage_cmk;
const engine::CheckDef ephemeral_storage_cmk{
    .id = "CTR-012",
    .rationale = i18n::Id::kCtr012Rationale,
    .remediation =
        {
            .cdk = "new ecs.Cluster(this, 'Cluster', {\n"
                   "  vpc,\n"
                   "  managedStorageConfiguration: { fargateEphemeralStorageKmsKey: key },\n"
                   "});  // CDK adds the key policy statement Fargate needs",
            .cloudformation = "Cluster:\n"
                              "  Type: AWS::ECS::Cluster\n"
                              "  Properties:\n"
                              "    Configuration:\n"
                              "      ManagedStorageConfiguration:\n"
                              "        FargateEphemeralStorageKmsKeyId: !Ref EphemeralStorageKey",
            .terraform = "resource \"aws_ecs_cluster\" \"main\" {\n"
                         "  configuration {\n"
                         "    managed_storage_configuration {\n"
                         "      fargate_ephemeral_storage_kms_key_id = aws_kms_key.ephemeral.id\n"
                         "    }\n"
                         "  }\n"
                         "}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Cluster, &run>,
};

}  // namespace ecsguard::checks::container
