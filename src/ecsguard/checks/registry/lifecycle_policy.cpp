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
  const auto who = [&] { return msg::common::Repository{.name = repository_label(repo)}; };
  if (lp.state == model::Presence::kAbsent) {
    ctx.fail({}, "LifecyclePolicy", msg::reg004::Absent{.subject = who()});
    return;
  }
  if (lp.state == model::Presence::kUnknown) {
    if (lp.reason.empty()) {
      ctx.unknown(lp.loc, path, msg::reg004::TextUnknown{});
    } else {
      ctx.unknown(lp.loc, path, lp.reason);
    }
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
  if (keep_n == Tri::kNo && untagged == Tri::kNo) {
    ctx.warn(lp.loc, path, msg::reg004::NoKeepNNoUntagged{.subject = who()});
    return;
  }
  if (keep_n == Tri::kNo) {
    ctx.warn(lp.loc, path, msg::reg004::NoKeepN{.subject = who()});
    return;
  }
  if (untagged == Tri::kNo) {
    ctx.warn(lp.loc, path, msg::reg004::NoUntagged{.subject = who()});
    return;
  }
  if (keep_n == Tri::kUnknown || untagged == Tri::kUnknown) {
    ctx.unknown(lp.loc, path, msg::reg004::RuleUnknown{.subject = who()});
    return;
  }
  const int n = ctx.options().lifecycle_keep_images;
  if (smallest_keep != std::numeric_limits<long long>::max() && smallest_keep > n) {
    ctx.warn(lp.loc, path,
             msg::reg004::KeepsTooMany{.subject = who(), .count = smallest_keep, .limit = n},
             core::Severity::kInfo);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef lifecycle_policy;
const engine::CheckDef lifecycle_policy{
    .id = "REG-004",
    .rationale = i18n::Id::kReg004Rationale,
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
    .run = engine::per<model::Repository, &run>,
};

}  // namespace ecsguard::checks::registry
