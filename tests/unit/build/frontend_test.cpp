// The frontend registry (parse/frontend.h): sniffing by name and content, and build_file picking
// the frontend that recognises a file.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "ecsguard/parse/cfn/frontend.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/parse/taskdef/frontend.h"

namespace ecsguard::parse {
namespace {

Fragment build_text(std::string_view text, std::string display, core::FileTable& files) {
  FrontendInput in;
  in.source.text = text;
  in.source.display = display;
  in.source.file = files.add(std::move(display));
  in.files = &files;
  return build_file(in);
}

TEST(Frontends, RegistryListsEachFormatOnce) {
  const auto all = frontends();
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].name, "cloudformation");
  EXPECT_EQ(all[1].name, "task-definition");
  EXPECT_EQ(all[2].name, "terraform");
  EXPECT_EQ(all[3].name, "dockerfile");
  EXPECT_EQ(all[4].name, "image-archive");
  for (const auto& f : all) {
    EXPECT_NE(f.sniff, nullptr) << f.name;
    EXPECT_NE(f.build, nullptr) << f.name;
  }
}

TEST(Frontends, DiscoveryAsksByName) {
  for (const char* name : {"a.json", "b.YAML", "c.yml", "d.template", "x/e.template.json",
                           "main.tf", "Dockerfile", "api.Dockerfile", "Containerfile", "app.tar"}) {
    EXPECT_TRUE(wanted_by_name(name)) << name;
  }
  for (const char* name : {"README.md", "vars.tfvars", ".dockerignore", "a.json.bak", ""}) {
    EXPECT_FALSE(wanted_by_name(name)) << name;
  }
}

TEST(Frontends, SniffRanksByMarkers) {
  EXPECT_EQ(cfn::sniff("t.yaml", "Resources:\n"), Confidence::kLikely);
  EXPECT_EQ(cfn::sniff("t.yaml", "name: x\n"), Confidence::kName);
  EXPECT_EQ(cfn::sniff("app.template", ""), Confidence::kLikely);
  EXPECT_EQ(cfn::sniff("notes.txt", "hello"), Confidence::kNo);
  EXPECT_EQ(taskdef::sniff("td.json", R"({"containerDefinitions": []})"), Confidence::kLikely);
  EXPECT_EQ(taskdef::sniff("td.json", "{}"), Confidence::kName);
  // The most confident frontend is asked first; registry order breaks ties.
  const auto order = candidates("td.json", R"({"containerDefinitions": []})");
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(order[0]->name, "task-definition");
  EXPECT_EQ(candidates("t.json", "{}")[0]->name, "cloudformation");
  EXPECT_TRUE(candidates("notes.txt", "hello").empty());
}

TEST(Frontends, BuildFilePicksTheFrontendThatRecognisesIt) {
  core::FileTable files;
  const Fragment cfn =
      build_text("Resources:\n  C:\n    Type: AWS::ECS::Cluster\n", "t.yaml", files);
  EXPECT_TRUE(cfn.recognised);
  ASSERT_EQ(cfn.stack.clusters.size(), 1u);
  EXPECT_EQ(cfn.stack.clusters[0].id.kind, model::ResourceKind::kCluster);

  const Fragment td =
      build_text(R"({"family": "web", "containerDefinitions": [{"name": "a", "image": "b"}]})",
                 "td.json", files);
  EXPECT_TRUE(td.recognised);
  ASSERT_EQ(td.stack.task_definitions.size(), 1u);
  EXPECT_EQ(td.stack.task_definitions[0].id.name, "web");
  EXPECT_EQ(td.stack.task_definitions[0].id.kind, model::ResourceKind::kTaskDefinition);

  // A file named without a candidate extension is still tried by every frontend.
  const Fragment any = build_text(R"([{"name": "a", "image": "nginx:1"}])", "render.out", files);
  EXPECT_TRUE(any.recognised);
  ASSERT_EQ(any.stack.task_definitions.size(), 1u);
  EXPECT_EQ(any.stack.task_definitions[0].containers[0].image_ref.repository, "library/nginx");
}

TEST(Frontends, UnrelatedAndBrokenFilesAreToldApart) {
  core::FileTable files;
  const Fragment pkg = build_text(R"({"name": "pkg", "version": "1"})", "package.json", files);
  EXPECT_FALSE(pkg.recognised);
  EXPECT_FALSE(pkg.unreadable.has_value());

  const Fragment broken = build_text("{\"Resources\": [", "t.json", files);
  EXPECT_FALSE(broken.recognised);
  ASSERT_TRUE(broken.unreadable.has_value());
  EXPECT_EQ(broken.unreadable->code, core::Errc::kSyntax);
  EXPECT_TRUE(looks_like_input("t.json", "{\"Resources\": ["));
  EXPECT_FALSE(looks_like_input("tsconfig.json", "{ // comment\n \"compilerOptions\": {} }"));
}

TEST(Frontends, ATemplateIsNeverATaskDefinition) {
  core::FileTable files;
  // Both shapes at the top level: the template wins whatever the sniff order.
  const Fragment f = build_text(
      R"({"containerDefinitions": [], "Resources": {"C": {"Type": "AWS::ECS::Cluster"}}})",
      "both.json", files);
  EXPECT_TRUE(f.recognised);
  EXPECT_EQ(f.stack.clusters.size(), 1u);
  EXPECT_TRUE(f.stack.task_definitions.empty());
}

}  // namespace
}  // namespace ecsguard::parse
