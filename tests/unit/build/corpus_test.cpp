// Real-world templates and task definitions of the external corpus ($ECSGUARD_CORPUS/realworld)
// build without errors. Skipped when the corpus is not available.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/analysis/launch.h"
#include "ecsguard/scan/file_loader.h"
#include "test_util.h"

namespace ecsguard::parse {
namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() {
  const char* env = std::getenv("ECSGUARD_CORPUS");
  if (env == nullptr || *env == '\0') return {};
  const fs::path p(env);
  std::error_code ec;
  return fs::is_directory(p / "realworld", ec) ? p : fs::path();
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct FileResult {
  core::FileTable files;
  Node doc;
  BuildOutput out;
};

void build_file(FileResult& r, const fs::path& root, const fs::path& p) {
  const core::FileId id = r.files.add(fs::relative(p, root).generic_string());
  auto doc = load_document(read(p), id, {});
  ASSERT_TRUE(doc.ok()) << p << ": " << doc.error().message;
  r.doc = std::move(doc).value();
  scan::ScanFileLoader loader(scan::containment_for(fs::canonical(root).string()), r.files, {});
  BuildInput in;
  in.root = &r.doc;
  in.file = id;
  in.fs_path = p.string();
  in.files = &r.files;
  in.loader = &loader;
  r.out = build_model(in);
}

TEST(RealWorldCorpus, EveryTemplateAndTaskDefinitionBuildsWithoutErrors) {
  const fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "ECSGUARD_CORPUS not set or has no realworld/";
  const fs::path root = corpus / "realworld";
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    if (ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".template") {
      paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  int cloudformation = 0;
  int task_definitions = 0;
  for (const auto& p : paths) {
    SCOPED_TRACE(p.string());
    FileResult r;
    build_file(r, root, p);
    for (const auto& e : r.out.errors) {
      // Notes about nested stacks on S3 are expected (never fetched); nothing else is.
      EXPECT_EQ(e.code, core::Errc::kSkipped) << e.message << " (line " << e.where.line << ")";
    }
    if (r.out.kind == InputKind::kCloudFormation) ++cloudformation;
    if (r.out.kind == InputKind::kTaskDefinition ||
        r.out.kind == InputKind::kContainerDefinitions) {
      ++task_definitions;
      EXPECT_EQ(r.out.stack.task_definitions.size(), 1u);
    }
  }
  EXPECT_GE(cloudformation, 20);
  EXPECT_GE(task_definitions, 4);
}

TEST(RealWorldCorpus, CdkSynthOutput) {
  const fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "ECSGUARD_CORPUS not set or has no realworld/";
  const fs::path root = corpus / "realworld";
  FileResult r;
  build_file(r, root,
             root / "cdk-ecs-2048-on-fargate/cdk.out/cdk-ecs-2048-on-fargate.template.json");
  ASSERT_EQ(r.out.kind, InputKind::kCloudFormation);
  ASSERT_TRUE(r.out.errors.empty());
  ASSERT_EQ(r.out.stack.scopes.size(), 1u);
  EXPECT_TRUE(r.out.stack.scopes[0].cdk);
  ASSERT_EQ(r.out.stack.task_definitions.size(), 1u);
  const auto& td = r.out.stack.task_definitions[0];
  EXPECT_EQ(td.id.name, "ServiceTaskDef1922A00F");
  EXPECT_EQ(td.id.cdk_path, "cdk-ecs-2048-on-fargate/Service/TaskDef/Resource");
  EXPECT_EQ(analysis::fargate_compatible(td), core::Tri::kYes);
  EXPECT_EQ(td.cpu.value, "256");
  ASSERT_TRUE(td.execution_role_arn.unknown());
  EXPECT_EQ(td.execution_role_arn.refs,
            std::vector<std::string>{"ServiceTaskDefExecutionRole919F7BE3"});
  ASSERT_EQ(td.containers.size(), 1u);
  const auto& c = td.containers[0];
  EXPECT_EQ(c.name.value, "web");
  EXPECT_EQ(c.image.value, "alexwhen/docker-2048");
  EXPECT_TRUE(c.readonly_root_filesystem.absent());
  const auto* group = c.log_configuration.option("awslogs-group");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->value.refs, std::vector<std::string>{"ServiceTaskDefwebLogGroup2A898F61"});
  ASSERT_EQ(r.out.stack.services.size(), 1u);
  const auto& svc = r.out.stack.services[0];
  EXPECT_EQ(r.out.stack.services_using(td).size(), 1u);
  EXPECT_EQ(svc.network.assign_public_ip.value, "DISABLED");
  ASSERT_EQ(svc.load_balancers.size(), 1u);
  EXPECT_EQ(svc.load_balancers[0].container_name.value, "web");
  EXPECT_EQ(svc.load_balancers[0].target_group.refs,
            std::vector<std::string>{"ServiceLBPublicListenerECSGroup0CC8688C"});
  ASSERT_EQ(r.out.stack.clusters.size(), 1u);
  EXPECT_TRUE(r.out.stack.clusters[0].container_insights.absent());
  ASSERT_EQ(r.out.stack.log_groups.size(), 1u);
  EXPECT_TRUE(r.out.stack.log_groups[0].retention_in_days.absent());
}

TEST(RealWorldCorpus, NestedStacksOnS3_AreNotes) {
  const fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "ECSGUARD_CORPUS not set or has no realworld/";
  const fs::path root = corpus / "realworld";
  FileResult r;
  build_file(r, root, root / "ecs-refarch-cloudformation/master.yaml");
  ASSERT_EQ(r.out.kind, InputKind::kCloudFormation);
  EXPECT_EQ(r.out.errors.size(), 7u);
  EXPECT_TRUE(r.out.nested_paths.empty());
}

}  // namespace
}  // namespace ecsguard::parse
