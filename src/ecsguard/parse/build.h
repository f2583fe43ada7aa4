#pragma once
// Document -> model. Detects what a document is (CloudFormation template incl. CDK synth output,
// ECS task definition JSON in register/describe shapes, a bare container-definition array) and
// builds its part of the stack model, resolving CloudFormation intrinsics where statically
// possible (parse/cfn/resolver.h).
#include <functional>
#include <string>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/model/stack.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse {

enum class InputKind : unsigned char {
  kUnknown,               // not something ecsguard models (skipped silently)
  kCloudFormation,        // has Resources (or AWSTemplateFormatVersion)
  kTaskDefinition,        // register-task-definition input or describe-task-definition output
  kContainerDefinitions,  // a bare [ {name, image, ...}, ... ] array
};

InputKind detect_kind(const Node& root) noexcept;

struct BuildOutput {
  InputKind kind = InputKind::kUnknown;
  model::Stack stack;
  std::vector<core::Error> errors;        // located problems; the rest of the file still counts
  std::vector<std::string> nested_paths;  // local nested-stack templates loaded (canonical paths)
};

struct BuildInput {
  const Node* root = nullptr;
  core::FileId file = 0;
  std::string fs_path;  // filesystem path of the file (to resolve local nested-stack TemplateURLs)
  std::string scan_root;             // nested templates must stay inside it (canonical path)
  core::FileTable* files = nullptr;  // nested templates are added here
  core::Limits limits;
};

BuildOutput build_model(const BuildInput& in);

}  // namespace ecsguard::parse
