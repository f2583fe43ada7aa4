// The registry, the catalog and the fixtures agree (STYLE.md §4.6).
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/registry.h"
#include "fixtures.h"

namespace ecsguard::testing {
namespace {

const std::filesystem::path kRoot = std::filesystem::path(ECSGUARD_SOURCE_DIR) / "tests/checks";

TEST(Registry, CatalogIsCompleteAndSorted) {
  const auto cat = engine::catalog();
  ASSERT_EQ(cat.size(), 113u);
  const std::regex id_re("^(IAM|NET|REG|IMG|CTR|LOG|RUN)-[0-9]{3}$");
  for (std::size_t i = 0; i < cat.size(); ++i) {
    EXPECT_TRUE(std::regex_match(std::string(cat[i].id), id_re)) << cat[i].id;
    if (i) {
      EXPECT_LT(cat[i - 1].id, cat[i].id);
    }
    EXPECT_FALSE(cat[i].title.empty());
    EXPECT_FALSE(cat[i].logic.empty());
  }
  EXPECT_EQ(engine::find_catalog_entry("CTR-001")->severity, core::Severity::kHigh);
  EXPECT_EQ(engine::find_catalog_entry("CTR-007")->severity, core::Severity::kCritical);
  EXPECT_EQ(engine::find_catalog_entry("NOPE-001"), nullptr);
}

TEST(Registry, EveryCheckIsInTheCatalogWithFullMetadata) {
  const auto checks = engine::registered_checks();
  ASSERT_FALSE(checks.empty());
  std::set<std::string_view> seen;
  for (const auto* c : checks) {
    EXPECT_TRUE(seen.insert(c->id).second) << "duplicate id " << c->id;
    EXPECT_NE(engine::find_catalog_entry(c->id), nullptr) << c->id << " is not in the catalog";
    EXPECT_GT(i18n::render(c->rationale, i18n::Lang::kEn).size(), 40u) << c->id;
    // Infrastructure checks show the fix in CDK, CloudFormation and Terraform; image checks in
    // the Dockerfile.
    const auto& r = c->remediation;
    if (engine::find_catalog_entry(c->id)->layer == core::Layer::kImage) {
      EXPECT_FALSE(r.dockerfile.empty()) << c->id;
    } else {
      EXPECT_FALSE(r.cdk.empty()) << c->id;
      EXPECT_FALSE(r.cloudformation.empty()) << c->id;
      EXPECT_FALSE(r.terraform.empty()) << c->id;
    }
    EXPECT_FALSE(c->inputs.empty()) << c->id;
    EXPECT_NE(c->run, nullptr) << c->id << " must declare its subjects (CheckDef::run)";
    EXPECT_EQ(engine::find_check(c->id), c);
  }
}

TEST(Registry, EveryCheckHasFailAndPassFixturesInItsLayer) {
  std::map<std::string, std::pair<int, int>> counts;  // id -> (fail, pass)
  std::map<std::string, std::string> layer_of;
  for (const auto& fx : all_fixtures(kRoot)) {
    auto& c = counts[fx.check_id];
    (fx.expect_fail ? c.first : c.second)++;
    layer_of[fx.check_id] = fx.layer;
  }
  for (const auto* c : engine::registered_checks()) {
    const std::string id(c->id);
    EXPECT_GE(counts[id].first, 1) << id << " has no fail fixture";
    EXPECT_GE(counts[id].second, 1) << id << " has no pass fixture";
    const auto* entry = engine::find_catalog_entry(id);
    if (entry && layer_of.count(id)) {
      EXPECT_EQ(layer_of[id], core::to_string(entry->layer)) << id << " fixtures in wrong layer";
    }
  }
  for (const auto& [id, c] : counts) {
    EXPECT_NE(engine::find_check(id), nullptr) << "fixtures for unregistered check " << id;
  }
}

}  // namespace
}  // namespace ecsguard::testing
