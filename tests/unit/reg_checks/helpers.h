#pragma once
// Building small models by hand and running one check over them.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "ecsguard/core/file_table.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/engine/runner.h"

namespace ecsguard::testing {

inline core::Loc at(unsigned line) { return core::Loc{1, line, 3}; }

inline model::Str str(std::string v, unsigned line = 0) {
  return model::Str::of(std::move(v), line ? at(line) : core::Loc{});
}

// Unknown value; `partial` keeps known text with '\x1A' for unknown segments.
inline model::Str unknown(std::string reason, unsigned line = 0, std::string partial = {},
                          std::vector<std::string> refs = {}) {
  auto v = model::Str::unknown_because(std::move(reason), line ? at(line) : core::Loc{});
  v.value = std::move(partial);
  v.refs = std::move(refs);
  return v;
}

// An on/off setting as a builder normalises it: `on` / `off` are the format's spellings
// (CloudFormation ENABLED / DISABLED, Terraform true / false).
inline model::Toggle toggle(model::Str v, std::string_view on = "ENABLED",
                            std::string_view off = "DISABLED") {
  model::Toggle t;
  static_cast<model::Str&>(t) = std::move(v);
  if (t.known()) {
    t.on = t.value == on;
    t.valid = t.on || t.value == off;
  }
  return t;
}

inline model::FlexBool flag(bool b, unsigned line) {
  model::FlexBool f;
  f.state = model::Presence::kKnown;
  f.value = b;
  f.loc = at(line);
  return f;
}

inline model::Int num(long long n, unsigned line) { return model::Int::of(n, at(line)); }

inline model::ResourceId rid(std::string type, std::string name, unsigned line) {
  model::ResourceId id;
  id.type = std::move(type);
  id.name = std::move(name);
  id.scope = 1;
  id.loc = at(line);
  return id;
}

inline model::Container container(std::string name, std::string image, unsigned line) {
  model::Container c;
  c.name = str(name, line);
  c.image = str(std::move(image), line + 1);
  c.loc = at(line);
  return c;
}

inline model::TaskDefinition task_definition(std::string name, unsigned line) {
  model::TaskDefinition td;
  td.id = rid("AWS::ECS::TaskDefinition", std::move(name), line);
  td.containers_state = model::Presence::kKnown;
  return td;
}

inline model::Repository repository(std::string logical_id, std::string name, unsigned line) {
  model::Repository r;
  r.id = rid("AWS::ECR::Repository", std::move(logical_id), line);
  if (!name.empty()) r.repository_name = str(std::move(name), line + 2);
  return r;
}

// "<status> <resource>[/<container>] <line>" for every finding of check `id`.
inline std::multiset<std::string> run(std::string_view id, const model::Stack& stack,
                                      const engine::CheckOptions& options = {},
                                      std::vector<engine::Finding>* out = nullptr) {
  core::FileTable files;
  files.add("test.yaml");
  const engine::CheckDef* def = engine::find_check(id);
  EXPECT_NE(def, nullptr) << id;
  if (!def) return {};
  const engine::CheckDef* defs[] = {def};
  auto res = engine::run_checks(stack, files, options, defs);
  EXPECT_TRUE(res.diagnostics.empty()) << res.diagnostics.front().message;
  std::multiset<std::string> got;
  for (const auto& f : res.findings) {
    std::string subject = f.resource_name;
    if (!f.container.empty()) subject += "/" + f.container;
    got.insert(std::string(core::to_string(f.status)) + " " + subject + " " +
               std::to_string(f.loc.line));
    EXPECT_FALSE(f.message.empty());
    EXPECT_EQ(f.message.find('\x1A'), std::string::npos) << f.message;
  }
  if (out) *out = std::move(res.findings);
  return got;
}

using Set = std::multiset<std::string>;

}  // namespace ecsguard::testing
