// LOG-001 CloudTrail multi-Region trail logging read and write management events.
#include "ecsguard/checks/common.h"
#include "ecsguard/checks/logging/account_level.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::logging {

namespace {

// Does the trail qualify: multi-Region, logging, management events read and write?
Tri qualifies(const model::Trail& t) {
  const auto multi = t.is_multi_region.or_default(false);
  const auto logging = t.is_logging.or_default(true);
  Tri out = multi ? core::tri_of(*multi) : Tri::kUnknown;
  out = tri_and(out, logging ? core::tri_of(*logging) : Tri::kUnknown);
  if (t.selectors_exclude_management || t.selectors_limit_read_write) out = Tri::kNo;
  if (t.event_selectors_state == model::Presence::kUnknown) out = tri_and(out, Tri::kUnknown);
  return out;
}

void report(const model::Trail& t, engine::CheckContext& ctx) {
  ctx.set_subject(t.id);
  const std::string name = t.id.name;
  if (t.is_multi_region.unknown()) {
    ctx.unknown(t.is_multi_region.loc, "IsMultiRegionTrail", t.is_multi_region.reason);
  } else if (!t.is_multi_region.or_default(false).value_or(false)) {
    ctx.fail(
        t.is_multi_region.loc, "IsMultiRegionTrail",
        msg::log001::NotMultiRegion{.trail = name, .value = flag_text(t.is_multi_region, false)});
  }
  if (t.is_logging.unknown()) {
    ctx.unknown(t.is_logging.loc, "IsLogging", t.is_logging.reason);
  } else if (t.is_logging.known() && !t.is_logging.value) {
    ctx.fail(t.is_logging.loc, "IsLogging", msg::log001::NotLogging{.trail = name});
  }
  if (t.selectors_exclude_management || t.selectors_limit_read_write) {
    ctx.fail(t.event_selectors_loc, "EventSelectors", msg::log001::Selectors{.trail = name});
  } else if (t.event_selectors_state == model::Presence::kUnknown) {
    ctx.unknown(t.event_selectors_loc, "EventSelectors", t.event_selectors_reason);
  }
}

void run(const model::Stack& stack, engine::CheckContext& ctx) {
  if (stack.trails.empty()) {
    control_not_scanned(stack, msg::stack::CloudtrailTrail{}, ctx);
    return;
  }
  for (const auto& t : stack.trails) {
    if (qualifies(t) == Tri::kYes) return;  // one qualifying trail covers the account
  }
  for (const auto& t : stack.trails) {
    ctx.guarded(&t.id, [&] { report(t, ctx); });
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef cloudtrail_multi_region;
const engine::CheckDef cloudtrail_multi_region{
    .id = "LOG-001",
    .rationale = i18n::Id::kLog001Rationale,
    .remediation =
        {
            .cdk = "new cloudtrail.Trail(this, 'Trail', {\n  isMultiRegionTrail: true,\n"
                   "  includeGlobalServiceEvents: true,\n  enableFileValidation: true,\n});",
            .cloudformation =
                "Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n"
                "    IsLogging: true\n    IsMultiRegionTrail: true\n"
                "    IncludeGlobalServiceEvents: true\n    S3BucketName: !Ref TrailBucket",
            .terraform = "resource \"aws_cloudtrail\" \"main\" {\n  name = \"main\"\n"
                         "  s3_bucket_name        = aws_s3_bucket.trail.id\n"
                         "  is_multi_region_trail = true\n}",
        },
    .inputs = kInputs,
    .run = engine::whole_stack<&run>,
};

}  // namespace ecsguard::checks::logging
