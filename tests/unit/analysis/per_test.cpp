// engine::per<T>: a check declares the kind it judges; the runner needs no member per kind, and
// each call is a fault boundary tagged with the check and the resource.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "ecsguard/engine/context.h"
#include "ecsguard/engine/runner.h"
#include "model_builders.h"

namespace ecsguard::testing {
namespace {

void judge_log_group(const model::LogGroup& lg, engine::CheckContext& ctx) {
  if (lg.id.name == "Boom") throw std::runtime_error("boom");
  ctx.fail({}, "RetentionInDays", i18n::msg::ctr003::Privileged{.container = lg.id.name});
}

void judge_container(const model::TaskDefinition&, const model::Container& c,
                     engine::CheckContext& ctx) {
  ctx.warn(c.loc, "Image", i18n::msg::ctr003::Privileged{.container = "seen"});
}

constexpr engine::CheckDef kPerLogGroup{.id = "LOG-012",
                                        .rationale = {},
                                        .remediation = {},
                                        .inputs = {},
                                        .run = engine::per<model::LogGroup, &judge_log_group>};
constexpr engine::CheckDef kPerContainer{.id = "CTR-001",
                                         .rationale = {},
                                         .remediation = {},
                                         .inputs = {},
                                         .run = engine::per_container<&judge_container>};

TEST(Per, EachResourceOfTheKindWithAFaultBoundary) {
  model::Stack s;
  for (const char* name : {"A", "Boom", "C"}) {
    model::LogGroup lg;
    lg.id = rid("AWS::Logs::LogGroup", name, 10);
    s.add(lg);
  }
  EXPECT_EQ(s.log_groups[1].id.kind, model::ResourceKind::kLogGroup);
  core::FileTable files;
  files.add("t.yaml");
  const engine::CheckDef* defs[] = {&kPerLogGroup};
  const auto res = engine::run_checks(s, files, {}, defs);
  ASSERT_EQ(res.findings.size(), 2u);
  EXPECT_EQ(res.findings[0].resource_name, "A");
  EXPECT_EQ(res.findings[1].resource_name, "C");
  ASSERT_EQ(res.diagnostics.size(), 1u);
  EXPECT_EQ(res.diagnostics[0].message, "internal error in check LOG-012 on Boom: boom");
}

TEST(Per, ContainersAndUnknownContainerLists) {
  model::Stack s;
  auto td = task_definition("Td", 1);
  td.containers.push_back(container("app", "nginx", 5));
  s.add(td);
  auto unknown_list = task_definition("IfTd", 20);
  unknown_list.containers_state = model::Presence::kUnknown;
  s.add(unknown_list);
  core::FileTable files;
  files.add("t.yaml");
  const engine::CheckDef* defs[] = {&kPerContainer};
  const auto res = engine::run_checks(s, files, {}, defs);
  ASSERT_EQ(res.findings.size(), 2u);
  EXPECT_EQ(res.findings[0].container, "app");
  EXPECT_EQ(res.findings[0].status, core::Status::kWarn);
  EXPECT_EQ(res.findings[1].resource_name, "IfTd");
  EXPECT_EQ(res.findings[1].status, core::Status::kUnknown);
}

}  // namespace
}  // namespace ecsguard::testing
