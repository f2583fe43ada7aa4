// The resolved per-stage view: ARG scoping, ENV, USER, WORKDIR, parent stages, final stage.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ecsguard/parse/dockerfile/resolve.h"
#include "test_util.h"

namespace ecsguard::parse::dockerfile {
namespace {

using testing::parse_clean;

const Var* env_var(const ResolvedStage& st, std::string_view name) {
  for (const auto& v : st.env) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

TEST(DockerfileResolve, GlobalArgsExpandFromLines) {
  const auto r =
      resolve(parse_clean("ARG REGISTRY=public.ecr.aws/docker/library\nARG TAG=3.20\n"
                          "FROM ${REGISTRY}/alpine:${TAG:-latest} AS base\n"
                          "FROM --platform=$BUILDPLATFORM golang:1.22\n"));
  ASSERT_EQ(r.stages.size(), 2u);
  EXPECT_EQ(r.stages[0].base.value.text, "public.ecr.aws/docker/library/alpine:3.20");
  EXPECT_TRUE(r.stages[0].base.value.known);
  ASSERT_TRUE(r.stages[1].platform.has_value());
  EXPECT_FALSE(r.stages[1].platform->value.known);  // BUILDPLATFORM depends on the build
  EXPECT_EQ(r.final_stage, 1u);
}

TEST(DockerfileResolve, BuildArgsOverrideDefaults) {
  const auto df = parse_clean("ARG TAG=3.20\nFROM alpine:$TAG\nARG TAG\nENV V=$TAG\n");
  const auto r = resolve(df, {}, {{"TAG", "edge", true}});
  EXPECT_EQ(r.stages[0].base.value.text, "alpine:edge");
  EXPECT_EQ(env_var(r.stages[0], "V")->value, "edge");
}

TEST(DockerfileResolve, GlobalArgNeedsRedeclarationInsideAStage) {
  auto r = resolve(parse_clean("ARG V=1\nFROM scratch\nENV A=x$V\nARG V\nENV B=x$V\n"));
  EXPECT_EQ(env_var(r.stages[0], "A")->value, "x");  // not in scope: "" as BuildKit
  EXPECT_TRUE(env_var(r.stages[0], "A")->known);
  EXPECT_EQ(env_var(r.stages[0], "B")->value, "x1");
  // On an image, a name not in scope may come from the image's ENV: unknown.
  r = resolve(parse_clean("ARG V=1\nFROM node:20\nENV A=x$V\n"));
  EXPECT_FALSE(env_var(r.stages[0], "A")->known);
}

TEST(DockerfileResolve, ArgWithoutDefaultIsUnknownAndEnvWinsOverArg) {
  const auto r = resolve(
      parse_clean("FROM scratch\nARG NPM_TOKEN\nENV T=$NPM_TOKEN\nARG X=arg\nENV X=env\nENV Y=$X\n"
                  "ENV P=/a Q=$P/b\n"));
  const auto& st = r.stages[0];
  EXPECT_FALSE(env_var(st, "T")->known);
  EXPECT_EQ(env_var(st, "T")->value, "$NPM_TOKEN");
  EXPECT_EQ(env_var(st, "Y")->value, "env");
  EXPECT_EQ(env_var(st, "Q")->value, "/a/b");
}

TEST(DockerfileResolve, UserWorkdirAndParentStages) {
  const auto r =
      resolve(parse_clean("FROM golang:1.22 AS build\n"
                          "ENV CGO_ENABLED=0\n"
                          "WORKDIR /src\n"
                          "WORKDIR app\n"
                          "USER root\n"
                          "FROM Build AS test\n"
                          "RUN go test ./...\n"
                          "FROM gcr.io/distroless/static:nonroot\n"
                          "COPY --from=build /src/app/bin /app\n"
                          "USER ${UID:-65532}\n"
                          "EXPOSE 8080/tcp\n"
                          "ENTRYPOINT [\"/app\"]\n"));
  ASSERT_EQ(r.stages.size(), 3u);
  const auto& build = r.stages[0];
  EXPECT_EQ(build.workdir->value.text, "/src/app");
  EXPECT_EQ(build.user->value.text, "root");
  const auto& test = r.stages[1];
  EXPECT_EQ(test.parent, 0u);
  EXPECT_EQ(test.user->value.text, "root");
  EXPECT_EQ(test.user->loc.line, 5u);
  EXPECT_EQ(env_var(test, "CGO_ENABLED")->value, "0");
  EXPECT_EQ(&r.root_of(1), &r.stages[0]);
  ASSERT_EQ(r.final_stage, 2u);
  const auto& fin = r.stages[2];
  EXPECT_FALSE(fin.parent.has_value());
  EXPECT_FALSE(fin.scratch);
  EXPECT_EQ(fin.base.value.text, "gcr.io/distroless/static:nonroot");
  EXPECT_FALSE(fin.user->value.known);  // UID may come from the base image's ENV
  EXPECT_EQ(fin.expose.at(0).value.text, "8080/tcp");
  EXPECT_EQ(fin.entrypoint, 11u);
}

TEST(DockerfileResolve, NoUserMeansTheBaseImageUser) {
  const auto r = resolve(parse_clean("FROM scratch\nCOPY app /app\nFROM node:20 AS x\n"));
  EXPECT_TRUE(r.stages[0].scratch);
  EXPECT_FALSE(r.stages[0].user.has_value());
  EXPECT_FALSE(r.stages[1].user.has_value());
}

TEST(DockerfileResolve, ExpansionErrors_AreLocatedDiagnostics) {
  const auto r = resolve(parse_clean("FROM scratch\n\nUSER ${X\n"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].id, "dockerfile.expand-missing-brace");
  EXPECT_EQ(r.diagnostics[0].where.line, 3u);
  EXPECT_FALSE(r.stages[0].user->value.known);
}

}  // namespace
}  // namespace ecsguard::parse::dockerfile
