#pragma once
// The Falco field subset the guard evaluates (RUNTIME.md §5), each with its type and how it is
// read. Fields Falco has but a Fargate task cannot provide (k8s.*, container mounts, inode times,
// ...) are registered with the reason, so that a rule using them is disabled with that reason.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/guard/eval.h"

namespace ecsguard::guard {

enum class FieldType : std::uint8_t { kString, kInt, kBool, kIp };

enum class FieldArg : std::uint8_t {
  kNone,           // proc.name
  kOptionalIndex,  // proc.aname, proc.aname[2]
  kRequiredIndex,  // evt.arg[0]
  kOptionalName,   // proc.env, proc.env[HOME]
};

struct FieldRef;
using Extractor = void (*)(EvalCtx&, const FieldRef&, Values&);

struct FieldDef {
  std::string_view name;
  FieldType type = FieldType::kString;
  FieldArg arg = FieldArg::kNone;
  Extractor fn = nullptr;
  // The value depends on the syscall's return (needs the exit stop when a rule compares it).
  bool result_dependent = false;
  // Non-empty: Falco has this field but the guard cannot provide it, and why.
  std::string_view unsupported;
  // Known while deriving the filter from the rules (evt.type, evt.is_open_*).
  bool abstract_ok = false;
};

struct FieldRef {
  const FieldDef* def = nullptr;
  std::string name;      // as written (for output keys)
  int index = -1;        // [N]
  std::string key;       // [NAME], or the parameter name of evt.arg.NAME / evt.rawarg.NAME
  bool raw_arg = false;  // evt.rawarg.*
};

// Resolves `name[arg]`; an error names the reason (unknown or unsupported field, bad argument).
core::Result<FieldRef> resolve_field(std::string_view name, bool has_arg, std::string_view arg);

// Extracts into `ctx.scratch()`-like storage supplied by the caller.
void extract(EvalCtx& ctx, const FieldRef& ref, Values& out);

// Text of the first value ("<NA>" when missing or pending); used for outputs.
std::string field_text(EvalCtx& ctx, const FieldRef& ref);

// All registered field names (for --list-fields and docs).
std::vector<std::string_view> supported_field_names();

}  // namespace ecsguard::guard
