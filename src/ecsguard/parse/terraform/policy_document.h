#pragma once
// data "aws_iam_policy_document" -> the IAM policy JSON shape (parse::Node), so an attribute
// written `policy = data.aws_iam_policy_document.x.json` reads as the document it renders:
//   statement { sid, effect (default Allow), actions, not_actions, resources, not_resources,
//               principals / not_principals { type, identifiers }, condition { test, variable,
//               values } }  ->  { "Sid", "Effect", "Action", ..., "Principal": {type: ids} |
//               "*" (type "*"), "Condition": { test: { variable: values } } }
// Every value keeps its line in the data block. source_policy_documents / override_policy_documents
// are not merged: a document that uses them is unknown (the reason says so).
#include <optional>

#include "ecsguard/parse/terraform/build_context.h"

namespace ecsguard::parse::terraform {

// When `e` is `data.aws_iam_policy_document.<name>.json` and the module declares that data
// source: its document (one instance; count / for_each on it leave it unknown). Else nullopt.
[[nodiscard]] std::optional<Node> policy_document(BuildContext& b, const hcl::Expr& e);

}  // namespace ecsguard::parse::terraform
