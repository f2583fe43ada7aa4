// CloudTrail, GuardDuty, Security Hub, EventBridge rules, SNS and Chatbot -> model/detection.h.
#include <utility>

#include "ecsguard/parse/cfn/build_stack.h"

namespace ecsguard::parse::cfn {

namespace {

using fields::Field;
using fields::field;
using fields::to_flex_bool;
using fields::to_str;
using fields::to_str_list;

std::vector<model::DetectorFeature> detector_features(const Field& list, const char* config_key,
                                                      model::Presence& state) {
  return fields::entries<model::DetectorFeature>(
      list, state,
      [config_key](const Field& e) {
        model::DetectorFeature f;
        f.loc = e.loc;
        f.name = to_str(field(e, "Name"));
        f.status = to_str(field(e, "Status"));
        if (config_key != nullptr) {
          model::Presence inner = model::Presence::kAbsent;
          f.additional = detector_features(field(e, config_key), nullptr, inner);
        }
        return f;
      },
      [](model::DetectorFeature& f, model::Str text) {
        f.status = text;
        f.name = std::move(text);
      });
}

// EventSelectors[]: does a known selector drop management events or limit ReadWriteType?
void event_selectors(model::Trail& t, const Field& list) {
  std::vector<Field> items;
  fields::list_elements(list, items, t.event_selectors_state, t.event_selectors_reason);
  t.event_selectors_loc = list.loc;
  for (const auto& e : items) {
    const model::FlexBool mgmt = to_flex_bool(field(e, "IncludeManagementEvents"));
    if (mgmt.known() && !mgmt.value) t.selectors_exclude_management = true;
    const model::Str rw = to_str(field(e, "ReadWriteType"));
    if (rw.known() && rw.value != "All") t.selectors_limit_read_write = true;
  }
}

}  // namespace

void build_trail(StackBuildInput in) {
  model::Trail t;
  t.id = std::move(in.id);
  t.is_logging = to_flex_bool(field(in.props, "IsLogging"));
  t.is_multi_region = to_flex_bool(field(in.props, "IsMultiRegionTrail"));
  t.include_global_service_events = to_flex_bool(field(in.props, "IncludeGlobalServiceEvents"));
  t.log_file_validation = to_flex_bool(field(in.props, "EnableLogFileValidation"));
  t.kms_key_id = to_str(field(in.props, "KMSKeyId"));
  t.cloudwatch_logs_group_arn = to_str(field(in.props, "CloudWatchLogsLogGroupArn"));
  event_selectors(t, field(in.props, "EventSelectors"));
  in.stack.add(std::move(t));
}

void build_guardduty_detector(StackBuildInput in) {
  model::GuardDutyDetector d;
  d.id = std::move(in.id);
  d.enable = to_flex_bool(field(in.props, "Enable"));
  const Field features = field(in.props, "Features");
  d.features_loc = features.loc;
  d.features = detector_features(features, "AdditionalConfiguration", d.features_state);
  in.stack.add(std::move(d));
}

void build_security_hub(StackBuildInput in) {
  model::SecurityHub h;
  h.id = std::move(in.id);
  h.enable_default_standards = to_flex_bool(field(in.props, "EnableDefaultStandards"));
  in.stack.add(std::move(h));
}

void build_security_hub_standard(StackBuildInput in) {
  model::SecurityHubStandard s;
  s.id = std::move(in.id);
  s.standards_arn = to_str(field(in.props, "StandardsArn"));
  in.stack.add(std::move(s));
}

void build_event_rule(StackBuildInput in) {
  model::EventRule r;
  r.id = std::move(in.id);
  const Field pattern = field(in.props, "EventPattern");
  r.pattern_state = fields::presence(pattern);
  if (r.pattern_state == model::Presence::kKnown && !pattern.node->is_map()) {
    r.pattern_state = model::Presence::kUnknown;
    r.pattern_reason = "EventPattern is not an object";
  } else if (r.pattern_state == model::Presence::kUnknown) {
    r.pattern_reason = pattern.unknown ? pattern.reason : fields::unknown_reason(*pattern.node);
  } else if (r.pattern_state == model::Presence::kKnown) {
    r.sources = to_str_list(field(pattern, "source"), /*scalar_as_list=*/true);
    r.detail_types = to_str_list(field(pattern, "detail-type"), /*scalar_as_list=*/true);
  }
  r.state = to_str(field(in.props, "State"));
  std::vector<Field> targets;
  std::string reason;
  fields::list_elements(field(in.props, "Targets"), targets, r.targets_state, reason);
  for (const auto& t : targets) r.targets.push_back(to_str(field(t, "Arn")));
  in.stack.add(std::move(r));
}

void build_sns_topic(StackBuildInput in) {
  model::SnsTopic t;
  t.id = std::move(in.id);
  t.topic_name = to_str(field(in.props, "TopicName"));
  t.kms_key_id = to_str(field(in.props, "KmsMasterKeyId"));
  std::vector<Field> subs;
  std::string reason;
  fields::list_elements(field(in.props, "Subscription"), subs, t.subscriptions_state, reason);
  for (const auto& s : subs) t.subscription_protocols.push_back(to_str(field(s, "Protocol")));
  in.stack.add(std::move(t));
}

void build_sns_subscription(StackBuildInput in) {
  model::SnsSubscription s;
  s.id = std::move(in.id);
  s.topics = to_str_list(field(in.props, "TopicArn"), /*scalar_as_list=*/true);
  s.protocol = to_str(field(in.props, "Protocol"));
  in.stack.add(std::move(s));
}

void build_chatbot_channel(StackBuildInput in) {
  model::SnsSubscription s;
  s.protocol = model::Str::of("chatbot", in.id.loc);
  s.id = std::move(in.id);
  s.topics = to_str_list(field(in.props, "SnsTopicArns"));
  in.stack.add(std::move(s));
}

}  // namespace ecsguard::parse::cfn
