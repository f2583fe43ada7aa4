// REG-003 ECR repositories have tag immutability enabled (Security Hub ECR.2).
#include <string>

#include "ecsguard/checks/registry/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::registry {

namespace {

void run(const model::Repository& repo, engine::CheckContext& ctx) {
  const auto& m = repo.image_tag_mutability;
  const std::string path = "ImageTagMutability";
  const std::string who = "repository '" + repository_label(repo) + "'";
  if (m.unknown()) {
    ctx.unknown(m.loc, path, m.reason);
    return;
  }
  if (m.absent()) {
    ctx.fail({}, path,
             who +
                 " does not set ImageTagMutability (default MUTABLE): any tag can be "
                 "overwritten with a different image");
    return;
  }
  // Case-sensitive: ECR and CloudFormation reject "immutable".
  const std::string& mode = m.value;
  if (mode == "IMMUTABLE") return;
  if (mode == "MUTABLE") {
    ctx.fail(m.loc, path,
             who + " has ImageTagMutability " + m.value +
                 ": any tag can be overwritten with a different image");
    return;
  }
  if (mode != "IMMUTABLE_WITH_EXCLUSION" && mode != "MUTABLE_WITH_EXCLUSION") {
    ctx.fail(m.loc, path,
             invalid_value_message(who, "ImageTagMutability", m.value, kMutabilityValues));
    return;
  }
  // The exclusion filters (WILDCARD patterns).
  std::string patterns;
  bool match_all = false;
  const model::TagMutabilityExclusion* unknown_filter = nullptr;
  for (const auto& ex : repo.mutability_exclusions) {
    if (ex.filter.unknown() || ex.filter_type.unknown()) {
      if (!unknown_filter) unknown_filter = &ex;
      patterns += patterns.empty() ? "(not known)" : ", (not known)";
      continue;
    }
    if (!ex.filter.known()) continue;
    patterns += (patterns.empty() ? "'" : ", '") + ex.filter.value + "'";
    match_all = match_all || ex.filter.value == "*";
  }
  if (patterns.empty()) patterns = "(none)";
  if (mode == "MUTABLE_WITH_EXCLUSION") {
    ctx.fail(m.loc, path,
             who + " is MUTABLE_WITH_EXCLUSION: only tags matching " + patterns +
                 " are immutable, every other tag can be overwritten");
  } else if (match_all) {
    ctx.fail(m.loc, path,
             who +
                 " is IMMUTABLE_WITH_EXCLUSION with the exclusion filter '*': no tag is "
                 "protected");
  } else if (unknown_filter) {
    const auto& ex = *unknown_filter;
    ctx.unknown(ex.loc.valid() ? ex.loc : m.loc, "ImageTagMutabilityExclusionFilters",
                ex.filter.unknown() ? ex.filter.reason : ex.filter_type.reason);
  } else {
    ctx.warn(m.loc, path,
             who + " is IMMUTABLE_WITH_EXCLUSION: tags matching " + patterns +
                 " stay mutable and can be overwritten");
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef tag_immutability;
const engine::CheckDef tag_immutability{
    .id = "REG-003",
    .rationale =
        "With mutable tags anyone who can push to the repository can replace the image behind "
        "a tag a task definition already uses, and the next task launch or scale-out on Fargate "
        "silently runs the new image. Immutable tags make a tag name (a commit hash or a release "
        "version) point to one image forever, so what was reviewed and scanned is what runs.",
    .remediation =
        {
            .cdk = "new ecr.Repository(this, 'Repo', {\n  imageTagMutability: "
                   "ecr.TagMutability.IMMUTABLE,\n});",
            .cloudformation = "Repository:\n  Type: AWS::ECR::Repository\n  Properties:\n"
                              "    ImageTagMutability: IMMUTABLE",
            .terraform = "resource \"aws_ecr_repository\" \"app\" {\n  name                 = "
                         "\"app\"\n  image_tag_mutability = \"IMMUTABLE\"\n}",
        },
    .inputs = kInputs,
    .on_repository = run,
};

}  // namespace ecsguard::checks::registry
