#pragma once
// A check: the catalog entry it implements (CHECKS.md is the contract: id, title, layer, severity,
// Security Hub control and NIST SP 800-190 section come from engine/catalog), the text a developer
// needs to fix it, and one function over the model. Checks never parse and never print: they
// report through CheckContext.
#include <span>
#include <string_view>

#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::engine {

class CheckContext;

struct Remediation {
  // Each may be left out ("" sections are not shown): a Dockerfile check has no CDK snippet.
  std::string_view cdk = {};             // AWS CDK (TypeScript) snippet or instruction
  std::string_view cloudformation = {};  // CloudFormation YAML snippet
  std::string_view terraform = {};       // Terraform snippet
  std::string_view dockerfile = {};      // Dockerfile snippet (image layer)
};

// How a check is run: the runner calls `run` once per check with the whole stack. Checks do not
// write it by hand; they declare which subjects they judge with the templates of
// engine/context.h: `.run = engine::per<model::Service, &check>` (one call per resource of that
// kind, each a fault boundary), `engine::per_container<&check>` (each container with its task
// definition) or `engine::whole_stack<&check>` (checks that relate several resources). A new
// resource kind therefore needs no change here nor in the runner.
using RunFn = void (*)(const model::Stack&, CheckContext&);

struct CheckDef {
  std::string_view id;  // catalog id, e.g. "CTR-001"; never changes meaning
  // Why it matters on ECS on Fargate (docs, SARIF fullDescription): a catalogue entry.
  i18n::Id rationale{};
  Remediation remediation;
  // Which inputs can decide it today ("cloudformation", "task-definition", "terraform", ...).
  std::span<const std::string_view> inputs;
  // Required: how the runner hands the check its subjects (per<T>, per_container, whole_stack).
  RunFn run = nullptr;
};

}  // namespace ecsguard::engine
