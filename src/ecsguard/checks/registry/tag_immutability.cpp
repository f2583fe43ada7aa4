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
  const auto who = [&] { return msg::common::Repository{.name = repository_label(repo)}; };
  if (m.unknown()) {
    ctx.unknown(m.loc, path, m.reason);
    return;
  }
  if (m.absent()) {
    ctx.fail({}, path, msg::reg003::Absent{.subject = who()});
    return;
  }
  // Case-sensitive: ECR and CloudFormation reject "immutable".
  const std::string& mode = m.value;
  if (mode == "IMMUTABLE") return;
  if (mode == "MUTABLE") {
    ctx.fail(m.loc, path, msg::reg003::Mutable{.subject = who(), .value = m.value});
    return;
  }
  if (mode != "IMMUTABLE_WITH_EXCLUSION" && mode != "MUTABLE_WITH_EXCLUSION") {
    ctx.fail(m.loc, path,
             invalid_value_message(who(), "ImageTagMutability", m.value, kMutabilityValues));
    return;
  }
  // The exclusion filters (WILDCARD patterns).
  // The list is one argument: its "(not known)" / "(none)" words are rendered here.
  const i18n::Lang lang = ctx.options().lang;
  const std::string not_known = i18n::render(msg::reg003::FilterNotKnown::kId, lang);
  std::string patterns;
  bool match_all = false;
  const model::TagMutabilityExclusion* unknown_filter = nullptr;
  for (const auto& ex : repo.mutability_exclusions) {
    if (ex.filter.unknown() || ex.filter_type.unknown()) {
      if (!unknown_filter) unknown_filter = &ex;
      patterns += (patterns.empty() ? "" : ", ") + not_known;
      continue;
    }
    if (!ex.filter.known()) continue;
    patterns += (patterns.empty() ? "'" : ", '") + ex.filter.value + "'";
    match_all = match_all || ex.filter.value == "*";
  }
  if (patterns.empty()) patterns = i18n::render(msg::reg003::NoFilters::kId, lang);
  if (mode == "MUTABLE_WITH_EXCLUSION") {
    ctx.fail(m.loc, path,
             msg::reg003::MutableWithExclusion{.subject = who(), .patterns = patterns});
  } else if (match_all) {
    ctx.fail(m.loc, path, msg::reg003::ExcludeAll{.subject = who()});
  } else if (unknown_filter) {
    const auto& ex = *unknown_filter;
    ctx.unknown(ex.loc.valid() ? ex.loc : m.loc, "ImageTagMutabilityExclusionFilters",
                ex.filter.unknown() ? ex.filter.reason : ex.filter_type.reason);
  } else {
    ctx.warn(m.loc, path,
             msg::reg003::ImmutableWithExclusion{.subject = who(), .patterns = patterns});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef tag_immutability;
const engine::CheckDef tag_immutability{
    .id = "REG-003",
    .rationale = i18n::Id::kReg003Rationale,
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
    .run = engine::per<model::Repository, &run>,
};

}  // namespace ecsguard::checks::registry
