#pragma once
// YAML -> parse::Node (libyaml events, marks on every node). CloudFormation short-form tags
// (!Ref !Sub !GetAtt !Join !If !Equals !Not !And !Or !FindInMap !Select !Split !ImportValue
// !GetAZs !Base64 !Cidr !Condition ...) become their long forms; `!GetAtt A.B` becomes
// {"Fn::GetAtt": ["A", "B"]}. Scalars follow CloudFormation's reading (YAML 1.1 traps handled:
// unquoted 2012-10-17 stays a string). Aliases are expanded under core::Limits.
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse {

core::Result<Node> load_yaml(std::string_view text, core::FileId file, const core::Limits& limits);

// JSON or YAML by content: a document whose first non-blank character is '{' or '[' is JSON.
core::Result<Node> load_document(std::string_view text, core::FileId file,
                                 const core::Limits& limits);

}  // namespace ecsguard::parse
