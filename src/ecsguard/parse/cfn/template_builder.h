#pragma once
// CloudFormation template (hand-written or AWS CDK synth output) -> model. Each modelled resource
// (see model/stack.h) is resolved with parse/cfn/resolver.h and filled field by field: Absent when
// a property is not written (or removed by AWS::NoValue), Known, or Unknown with the reason.
// Value.loc is the property key, ResourceId.loc the logical id key. Resources whose Condition is
// false are skipped; unknown conditions keep the resource. Local nested stacks
// (AWS::CloudFormation::Stack with a TemplateURL inside the scan root) are loaded and built as
// scopes of their own, with the parent's Parameters passed in; URLs are never fetched.
#include <string>
#include <vector>

#include "ecsguard/model/stack.h"
#include "ecsguard/parse/build.h"
#include "ecsguard/parse/cfn/resolver.h"

namespace ecsguard::parse::cfn {

// Builds the template `in.root` (scope = in.file) into `out`.
void build_template(const BuildInput& in, Fragment& out);

}  // namespace ecsguard::parse::cfn
