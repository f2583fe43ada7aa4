#pragma once
// What checks may ask about why a value is unknown, answered where the input formats' spellings
// live. The builders write an unknown value's reason as text (for messages); the two questions
// checks ask of it are answered here, so no check spells an input format's text. A frontend whose
// format names these causes differently (Terraform: data.aws_caller_identity, a provider data
// source) adds its spelling here.
#include <string_view>

#include "ecsguard/core/strings.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

// The unknown part is the id of the account the stack is deployed to (CloudFormation's
// AWS::AccountId pseudo parameter).
inline bool unknown_is_own_account(const Str& v) noexcept {
  return v.reason.find("AWS::AccountId") != std::string_view::npos;
}

// The value comes from a custom resource (Custom::*, AWS::CloudFormation::CustomResource): its
// provider returns whatever it likes, secret material included.
inline bool unknown_from_custom_resource(const Str& v) noexcept {
  return v.unknown() && (core::icontains(v.reason, "Custom::") ||
                         core::icontains(v.reason, "AWS::CloudFormation::CustomResource"));
}

}  // namespace ecsguard::model
