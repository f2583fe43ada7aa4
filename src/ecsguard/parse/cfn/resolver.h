#pragma once
// Static evaluation of CloudFormation intrinsic functions: a property Node in, a *resolved* Node
// out (see parse/node.h): known values, kUnknown nodes (text = the reason), partially known
// strings (unknown segments replaced by kUnknownMark, `partial` set) and, on every value derived
// from a Ref / Fn::GetAtt to a resource, `refs` = the logical ids referenced.
//
// Resolved (known):
//   Ref to a parameter with Default      -> the default (a deploy may override it: accepted); for
//                                           List<...> / CommaDelimitedList types a list
//   Ref to a parameter passed in          -> that value (nested stacks: the parent's Parameters)
//   Ref AWS::URLSuffix                    -> "amazonaws.com"
//   Ref AWS::NoValue                      -> removes the enclosing property / list element
//   Fn::Sub (both forms, ${!Literal}), Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap (with
//   DefaultValue), Fn::If over Conditions (Fn::Equals/Not/And/Or/Condition), Fn::Base64 (the text
//   is kept, not encoded), Fn::ToJsonString and Fn::Length when their argument is known.
//   Dynamic references "{{resolve:secretsmanager:...}}" stay literal text (checks look at them).
// Partially known: Fn::Sub / Fn::Join whose parts are partly unknown -> a partial string (a CDK
//   ECR image "<account>.dkr.ecr.<region>.<suffix>/repo:latest" keeps ":latest").
// Unknown (kUnknown, with the reason):
//   Ref to a resource / Fn::GetAtt        -> "runtime value of <Type> <id>" with refs = [id]
//   Ref to a parameter without Default    -> "parameter X has no default"
//   Ref to an AWS::SSM::Parameter::Value<...> parameter (read from SSM at deploy time)
//   Ref AWS::Region, AccountId, StackName, StackId, Partition, NotificationARNs
//   Fn::If on a condition that depends on unknowns (reason names the condition; refs of both
//   branches are kept), Fn::GetAZs, Fn::Cidr, Fn::ImportValue, Fn::Transform, Fn::ForEach,
//   unknown functions, Fn::Select out of range, Fn::Split of a partial string, type mismatches.
// Errors (core::Error; the caller drops the resource and reports it, never a hang or a crash):
//   intrinsic nesting deeper than Limits::max_intrinsic_depth, structure deeper than
//   Limits::max_depth, condition cycles (A -> B -> A), resolution output above a budget derived
//   from Limits (a Ref to a huge parameter default repeated many times cannot exhaust memory).
// Condition results are memoized, so shared sub-conditions cost linear time.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/core/tri.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse::cfn {

// Values for a template's parameters (a nested stack's Parameters, resolved in the parent).
using ParameterValues = std::vector<std::pair<std::string, Node>>;

struct ConditionResult {
  core::Tri value = core::Tri::kUnknown;
  std::string reason;  // when unknown
};

class Resolver {
 public:
  // `root` (the template) must outlive the resolver.
  Resolver(const Node& root, const core::Limits& limits, ParameterValues parameters = {});
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // Resolves a property value. nullopt: the value is removed (AWS::NoValue).
  core::Result<std::optional<Node>> resolve(const Node& value);
  // Evaluates the named condition of the Conditions section.
  core::Result<ConditionResult> condition(std::string_view name, core::Loc where = {});

  // Type of the resource with this logical id ("" when there is none).
  [[nodiscard]] std::string_view resource_type(std::string_view logical_id) const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Compact JSON text of a fully known resolved node (Fn::ToJsonString); nullopt when some part is
// unknown.
std::optional<std::string> to_json_text(const Node& node);

}  // namespace ecsguard::parse::cfn
