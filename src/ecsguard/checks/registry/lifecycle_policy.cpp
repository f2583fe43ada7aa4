// REG-004 ECR repositories have a lifecycle policy that keeps the last N images and expires
// untagged images (Security Hub ECR.3).
#include <algorithm>
#include <initializer_list>
#include <limits>
#include <string>

#include "ecsguard/checks/registry/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::registry {

namespace {

Tri is_value(const model::Str& v, std::initializer_list<std::string_view> accepted,
             Tri when_absent) {
  if (v.unknown()) return Tri::kUnknown;
  if (v.absent()) return when_absent;
  // Lifecycle policy values are case-sensitive ("untagged", "imageCountMoreThan", "expire"):
  // ECR rejects a policy with another spelling, so it expires nothing.
  for (auto a : accepted) {
    if (v.value == a) return Tri::kYes;
  }
  return Tri::kNo;
}

void run(const model::Repository& repo, engine::CheckContext& ctx) {
  const auto& lp = repo.lifecycle_policy;
  const std::string path = "LifecyclePolicy.LifecyclePolicyText";
  const std::string who = "repository '" + repository_label(repo) + "'";
  if (lp.state == model::Presence::kAbsent) {
    ctx.fail({}, "LifecyclePolicy",
             who +
                 " has no lifecycle policy: old and untagged images pile up and stay "
                 "pullable long after they stopped receiving fixes");
    return;
  }
  if (lp.state == model::Presence::kUnknown) {
    ctx.unknown(lp.loc, path,
                lp.reason.empty() ? "the lifecycle policy text is not known" : lp.reason);
    return;
  }
  Tri keep_n = Tri::kNo;
  Tri untagged = Tri::kNo;
  long long smallest_keep = std::numeric_limits<long long>::max();
  for (const auto& r : lp.rules) {
    const Tri expire = is_value(r.action_type, {"expire"}, Tri::kYes);  // the only action type
    const Tri count = tri_and(expire, is_value(r.count_type, {"imageCountMoreThan"}, Tri::kNo));
    keep_n = tri_or(keep_n, count);
    if (count == Tri::kYes && r.count_number.known()) {
      smallest_keep = std::min(smallest_keep, r.count_number.value);
    }
    untagged =
        tri_or(untagged, tri_and(expire, is_value(r.tag_status, {"untagged", "any"}, Tri::kNo)));
  }
  std::string missing;
  if (keep_n == Tri::kNo) {
    missing = "no rule that keeps only the last N images (countType imageCountMoreThan)";
  }
  if (untagged == Tri::kNo) {
    missing += std::string(missing.empty() ? "" : " and ") + "no rule that expires untagged images";
  }
  if (!missing.empty()) {
    ctx.warn(lp.loc, path, "the lifecycle policy of " + who + " has " + missing);
    return;
  }
  if (keep_n == Tri::kUnknown || untagged == Tri::kUnknown) {
    ctx.unknown(
        lp.loc, path,
        "the selection or action of a lifecycle rule of " + who + " is not statically known");
    return;
  }
  const int n = ctx.options().lifecycle_keep_images;
  if (smallest_keep != std::numeric_limits<long long>::max() && smallest_keep > n) {
    ctx.warn(lp.loc, path,
             "the lifecycle policy of " + who + " keeps the last " + std::to_string(smallest_keep) +
                 " images, more than the configured " + std::to_string(n),
             core::Severity::kInfo);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef lifecycle_policy;
const engine::CheckDef lifecycle_policy{
    .id = "REG-004",
    .rationale =
        "Without a lifecycle policy every image ever pushed stays in the repository: old builds "
        "that no longer receive fixes remain pullable and deployable, and untagged layers from "
        "overwritten or failed pushes pile up. Keeping the last few images (the talk keeps 5) "
        "and expiring untagged ones limits what an attacker or a mistaken rollback can deploy.",
    .remediation =
        {
            .cdk = "const repo = new ecr.Repository(this, 'Repo');\n"
                   "repo.addLifecycleRule({ tagStatus: ecr.TagStatus.UNTAGGED, maxImageAge: "
                   "Duration.days(1) });\nrepo.addLifecycleRule({ maxImageCount: 5 });",
            .cloudformation =
                "Repository:\n  Type: AWS::ECR::Repository\n  Properties:\n"
                "    LifecyclePolicy:\n      LifecyclePolicyText: |\n        {\"rules\": [\n"
                "          {\"rulePriority\": 1, \"description\": \"expire untagged\",\n"
                "           \"selection\": {\"tagStatus\": \"untagged\", \"countType\": "
                "\"sinceImagePushed\", \"countUnit\": \"days\", \"countNumber\": 1},\n"
                "           \"action\": {\"type\": \"expire\"}},\n"
                "          {\"rulePriority\": 2, \"description\": \"keep last 5\",\n"
                "           \"selection\": {\"tagStatus\": \"any\", \"countType\": "
                "\"imageCountMoreThan\", \"countNumber\": 5},\n"
                "           \"action\": {\"type\": \"expire\"}}]}",
            .terraform =
                "resource \"aws_ecr_lifecycle_policy\" \"app\" {\n"
                "  repository = aws_ecr_repository.app.name\n  policy = jsonencode({ rules = [\n"
                "    { rulePriority = 1, description = \"expire untagged\",\n"
                "      selection = { tagStatus = \"untagged\", countType = \"sinceImagePushed\", "
                "countUnit = \"days\", countNumber = 1 },\n"
                "      action = { type = \"expire\" } },\n"
                "    { rulePriority = 2, description = \"keep last 5\",\n"
                "      selection = { tagStatus = \"any\", countType = \"imageCountMoreThan\", "
                "countNumber = 5 },\n      action = { type = \"expire\" } },\n  ] })\n}",
        },
    .inputs = kInputs,
    .on_repository = run,
};

}  // namespace ecsguard::checks::registry
