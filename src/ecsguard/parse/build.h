#pragma once
// One parsed document -> model, for callers that already hold a Node tree (builder tests,
// fuzzers). The scan goes through the frontend registry (parse/frontend.h) instead; both end in
// the same builders (parse/cfn/template_builder.h, parse/taskdef/taskdef_json.h).
#include <string>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/model/stack.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse {

enum class InputKind : unsigned char {
  kUnknown,               // not something ecsguard models (skipped silently)
  kCloudFormation,        // has Resources (or AWSTemplateFormatVersion)
  kTaskDefinition,        // register-task-definition input or describe-task-definition output
  kContainerDefinitions,  // a bare [ {name, image, ...}, ... ] array
};

// Which frontend's shape the document has (cfn::is_template, then taskdef::shape_of).
InputKind detect_kind(const Node& root) noexcept;

struct BuildOutput : Fragment {
  InputKind kind = InputKind::kUnknown;
};

struct BuildInput {
  const Node* root = nullptr;
  core::FileId file = 0;
  std::string fs_path;               // the file on disk ("" when none: no second files)
  core::FileTable* files = nullptr;  // display paths (the file's own, second files')
  FileLoader* loader = nullptr;      // reads second files (nested stacks); nullptr: none read
  core::Limits limits;
};

BuildOutput build_model(const BuildInput& in);

// The BuildInput a frontend hands its builder for `root`, the parsed `in.source`.
BuildInput to_build_input(const FrontendInput& in, const Node& root);

}  // namespace ecsguard::parse
