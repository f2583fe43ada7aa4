// CTR-012 Fargate ephemeral storage encrypted with a customer managed KMS key.
#include <algorithm>
#include <string>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::container {

namespace {

// Does anything in the stack run Fargate tasks in `cluster`? kNo only when services / task sets
// of the template use the cluster and none of them is on Fargate (and the cluster's default
// strategy does not use Fargate); kUnknown when nothing tells.
Tri runs_fargate_tasks(const model::Stack& stack, const model::Cluster& cluster) {
  const model::Str self = [&] {
    model::Str s;
    s.refs.push_back(cluster.id.name);
    return s;
  }();
  if (cluster_default_uses_fargate(stack, cluster.id.scope, self) == Tri::kYes) return Tri::kYes;
  bool any = false, unknown = false;
  auto visit = [&](Tri t) {
    any = true;
    if (t == Tri::kYes) return true;
    if (t == Tri::kUnknown) unknown = true;
    return false;
  };
  for (const auto& s : stack.services) {
    if (s.id.scope != cluster.id.scope) continue;
    if (cluster_of(stack, s.id.scope, s.cluster) != &cluster) continue;
    if (visit(runs_on_fargate(stack, s))) return Tri::kYes;
  }
  for (const auto& t : stack.task_sets) {
    if (t.id.scope != cluster.id.scope) continue;
    if (cluster_of(stack, t.id.scope, t.cluster) != &cluster) continue;
    if (visit(runs_on_fargate(stack, t))) return Tri::kYes;
  }
  if (any) return unknown ? Tri::kUnknown : Tri::kNo;
  // No service or task set of the template names the cluster: a default capacity provider
  // strategy without Fargate (EC2 Auto Scaling capacity providers) still says "EC2 cluster".
  bool has_default = !cluster.default_capacity_provider_strategy.empty();
  for (const auto& a : stack.capacity_provider_associations) {
    if (a.id.scope != cluster.id.scope || a.default_capacity_provider_strategy.empty()) continue;
    if (std::find(a.cluster.refs.begin(), a.cluster.refs.end(), cluster.id.name) !=
        a.cluster.refs.end()) {
      has_default = true;
    }
  }
  if (has_default && cluster_default_uses_fargate(stack, cluster.id.scope, self) == Tri::kNo) {
    return Tri::kNo;
  }
  return Tri::kUnknown;
}

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
  const Tri fargate = runs_fargate_tasks(ctx.stack(), cluster);
  if (fargate == Tri::kNo) return;  // EC2-only cluster: no Fargate ephemeral storage
  if (ctx.options().require_cmk_ephemeral_storage && fargate == Tri::kYes) {
    ctx.fail({}, std::string(kProp), msg::ctr012::CmkRequired{.cluster = cluster.id.name});
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
    .on_cluster = run,
};

}  // namespace ecsguard::checks::container
