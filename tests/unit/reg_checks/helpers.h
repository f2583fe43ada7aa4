#pragma once
// Building small models by hand and running one check over them.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "ecsguard/core/file_table.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/engine/runner.h"
#include "model_builders.h"
#include "support/finding_line.h"

namespace ecsguard::testing {

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
    got.insert(ecsguard::test::finding_line(f));
    EXPECT_FALSE(f.message.empty());
    EXPECT_EQ(f.message.find('\x1A'), std::string::npos) << f.message;
  }
  if (out) *out = std::move(res.findings);
  return got;
}

using Set = std::multiset<std::string>;

}  // namespace ecsguard::testing
