#pragma once
// `Transform: AWS::LanguageExtensions`: Fn::ForEach loops are expanded before the template is
// built, so what they generate is scanned like hand-written resources.
//
//   Fn::ForEach::<LoopName>: [Identifier, Collection, {OutputKey: OutputValue}]
//
// expands in Resources, Conditions and Outputs (and in any map inside them, e.g. resource
// properties) to one copy of the fragment per element of the collection; in each copy the keys
// and strings have `${Identifier}` replaced by the element and `&{Identifier}` by the element
// without its non-alphanumeric characters, and `{"Ref": Identifier}` becomes the element. Nested
// loops expand outer first. The collection is resolved with the template's resolver (a literal
// list, a CommaDelimitedList / List<> parameter's default or passed value, Fn::Split, ...).
// Fn::Length and Fn::FindInMap with DefaultValue are handled by the resolver itself.
//
// What cannot be expanded is an input error with its location (core::Errc::kInvalid; the scan
// ends with exit 3): a collection that is not known statically, a malformed loop, a generated
// key that already exists. Limits: nesting (Limits::max_depth), elements per collection and
// generated members (Limits::max_resources), generated nodes (Limits::max_nodes).
#include <optional>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/parse/cfn/resolver.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse::cfn {

// Does the template declare `Transform: AWS::LanguageExtensions` (alone or in a list).
[[nodiscard]] bool uses_language_extensions(const Node& root) noexcept;

// The template with every Fn::ForEach expanded. `parameters`: values passed in (nested stacks).
core::Result<Node> expand_language_extensions(const Node& root, const core::Limits& limits,
                                              const ParameterValues& parameters = {});

}  // namespace ecsguard::parse::cfn
