#pragma once
// The CloudFormation frontend: templates in JSON or YAML, hand-written or AWS CDK synth output
// (cdk.out/*.template.json). Recognised by a Resources map or AWSTemplateFormatVersion; built by
// parse/cfn/template_builder.h, nested stacks read through the scan's FileLoader.
#include "ecsguard/parse/frontend.h"

namespace ecsguard::parse::cfn {

[[nodiscard]] Confidence sniff(std::string_view path, std::string_view bytes) noexcept;
[[nodiscard]] Fragment build(const FrontendInput& in);
// The document is a template (a Resources map, or AWSTemplateFormatVersion).
[[nodiscard]] bool is_template(const Node& root) noexcept;

inline constexpr Frontend kFrontend{"cloudformation", &sniff, &build};

}  // namespace ecsguard::parse::cfn
