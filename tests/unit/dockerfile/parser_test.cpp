// Dockerfile parser: directives, logical lines, words, flags, forms, stages and located errors,
// each compared with what BuildKit's parser and instructions packages do on the same text.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "ecsguard/parse/dockerfile/messages.h"
#include "test_util.h"

namespace ecsguard::parse::dockerfile {
namespace {

using testing::error_ids;
using testing::parse_clean;
using testing::parse_text;

TEST(DockerfileDirectives, SyntaxAndEscape_AreReadAtTheTop) {
  const auto df = parse_clean("# syntax=docker/dockerfile:1.7\n# escape=`\nFROM alpine\n");
  ASSERT_EQ(df.directives.size(), 2u);
  EXPECT_EQ(df.directives[0].name, "syntax");
  EXPECT_EQ(df.directives[0].value, "docker/dockerfile:1.7");
  EXPECT_EQ(df.directives[1].line, 2u);
  EXPECT_EQ(df.escape, '`');
}

TEST(DockerfileDirectives, AfterACommentOrInstruction_IsAComment) {
  auto df = parse_clean("# hello\n# escape=`\nFROM alpine\n");
  EXPECT_TRUE(df.directives.empty());
  EXPECT_EQ(df.escape, '\\');
  df = parse_clean("FROM alpine\n# escape=`\n");
  EXPECT_EQ(df.escape, '\\');
  df = parse_clean("\n# escape=`\nFROM alpine\n");  // a blank line ends the directives
  EXPECT_EQ(df.escape, '\\');
}

TEST(DockerfileDirectives, RepeatedOrInvalid_AreErrors) {
  auto df = parse_text("# escape=`\n# escape=\\\nFROM alpine\n");
  EXPECT_EQ(error_ids(df), "dockerfile.directive-repeated");
  EXPECT_EQ(df.diagnostics[0].where.line, 2u);
  df = parse_text("# escape=x\nFROM alpine\n");
  EXPECT_EQ(error_ids(df), "dockerfile.bad-escape");
}

TEST(DockerfileLines, BomIsIgnored) {
  const auto df = parse_clean(
      "\xEF\xBB\xBF"
      "FROM alpine\n");
  ASSERT_EQ(df.instructions.size(), 1u);
  EXPECT_EQ(df.instructions[0].kind, Kind::kFrom);
}

TEST(DockerfileLines, Continuation_SkipsCommentsAndWarnsOnBlankLines) {
  const auto df = parse_text(
      "FROM debian\n"
      "RUN apt-get update \\\n"
      "# a comment inside\n"
      "    && apt-get install -y curl \\\n"
      "\n"
      "    && rm -rf /var/lib/apt/lists/*\n"
      "USER app\n");
  EXPECT_FALSE(df.has_errors()) << testing::diag_list(df);
  ASSERT_EQ(df.instructions.size(), 3u);
  const auto& run = df.instructions[1];
  EXPECT_EQ(run.args.at(0),
            "apt-get update     && apt-get install -y curl     && rm -rf /var/lib/apt/lists/*");
  EXPECT_EQ(run.loc.line, 2u);
  EXPECT_EQ(run.end_line, 6u);
  EXPECT_EQ(df.instructions[2].loc.line, 7u);
  ASSERT_EQ(df.diagnostics.size(), 1u);
  EXPECT_EQ(df.diagnostics[0].level, DiagLevel::kWarning);
  EXPECT_EQ(df.diagnostics[0].id, "dockerfile.empty-continuation");
}

TEST(DockerfileLines, EscapedEscapeAtEnd_DoesNotContinue) {
  const auto df = parse_clean("FROM alpine\nRUN echo foo\\\\\nUSER 1000\n");
  ASSERT_EQ(df.instructions.size(), 3u);
  EXPECT_EQ(df.instructions[1].args.at(0), "echo foo\\\\");
}

TEST(DockerfileLines, BacktickEscape_ContinuesAndLeavesBackslashesAlone) {
  const auto df = parse_clean(
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
      "COPY testfile.txt c:\\\n"
      "RUN dir `\n"
      "    c:\\\n");
  ASSERT_EQ(df.instructions.size(), 3u);
  EXPECT_EQ(df.instructions[1].args, (std::vector<std::string>{"testfile.txt", "c:\\"}));
  EXPECT_EQ(df.instructions[2].args.at(0), "dir     c:\\");
}

TEST(DockerfileLines, CrLfAndLeadingSpace_AreTrimmedWithTheColumnKept) {
  const auto df = parse_clean("FROM alpine\r\n   RUN echo hi\r\n");
  ASSERT_EQ(df.instructions.size(), 2u);
  EXPECT_EQ(df.instructions[1].args.at(0), "echo hi");
  EXPECT_EQ(df.instructions[1].loc.line, 2u);
  EXPECT_EQ(df.instructions[1].loc.column, 4u);
}

TEST(DockerfileInstructions, LowercaseKeywords_AreInstructions) {
  const auto df = parse_clean("from alpine as base\nrun echo hi\nuser nobody\n");
  ASSERT_EQ(df.instructions.size(), 3u);
  EXPECT_EQ(df.instructions[0].kind, Kind::kFrom);
  EXPECT_EQ(df.instructions[0].keyword, "from");
  EXPECT_EQ(df.stages.at(0).name, "base");
  EXPECT_EQ(df.instructions[2].kind, Kind::kUser);
}

TEST(DockerfileInstructions, ExecAndShellForms) {
  const auto df = parse_clean(
      "FROM alpine\n"
      "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n"
      "ENTRYPOINT [ \"/bin/sh\" , \"-c\" ]\n"
      "RUN [broken json\n"
      "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n");
  EXPECT_TRUE(df.instructions[1].json);
  EXPECT_EQ(df.instructions[1].args, (std::vector<std::string>{"nginx", "-g", "daemon off;"}));
  EXPECT_TRUE(df.instructions[2].json);
  EXPECT_FALSE(df.instructions[3].json);
  EXPECT_EQ(df.instructions[3].args, (std::vector<std::string>{"[broken json"}));
  EXPECT_TRUE(df.instructions[4].json);
}

TEST(DockerfileInstructions, JsonArrayOfNonStrings_IsAnError) {
  const auto df = parse_text("FROM alpine\nCMD [\"a\", 1]\n");
  EXPECT_EQ(error_ids(df), "dockerfile.json-not-strings");
  EXPECT_EQ(df.diagnostics[0].where.line, 2u);
}

TEST(DockerfileInstructions, EnvAndLabel_BothForms) {
  const auto df = parse_clean(
      "FROM alpine\n"
      "ENV A=1 B=\"two words\" C=a\\ b\n"
      "ENV OLD value with spaces\n"
      "LABEL org.opencontainers.image.source=\"https://example.com/x\"\n");
  const auto& env = df.instructions[1].pairs;
  ASSERT_EQ(env.size(), 3u);
  EXPECT_EQ(env[0].key, "A");
  EXPECT_EQ(env[0].value, "1");
  EXPECT_EQ(env[1].value, "\"two words\"");
  EXPECT_EQ(env[2].value, "a\\ b");
  ASSERT_EQ(df.instructions[2].pairs.size(), 1u);
  EXPECT_EQ(df.instructions[2].pairs[0].key, "OLD");
  EXPECT_EQ(df.instructions[2].pairs[0].value, "value with spaces");
  EXPECT_EQ(df.instructions[3].pairs.at(0).key, "org.opencontainers.image.source");
}

TEST(DockerfileInstructions, QuotesStayInPairsAndLeaveFlags) {
  const auto df = parse_clean(
      "FROM a\nLABEL a='x y' b=\"p \\\" q\" c='s\\'\n"
      "COPY --chown='app user' --from=\"x\\\"y\" s d\n");
  const auto& p = df.instructions[1].pairs;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].value, "'x y'");
  EXPECT_EQ(p[1].value, "\"p \\\" q\"");
  EXPECT_EQ(p[2].value, "'s\\'");  // no escape inside single quotes
  EXPECT_EQ(df.instructions[2].flag("chown")->value, "app user");
  EXPECT_EQ(df.instructions[2].flag("from")->value, "x\"y");
}

TEST(DockerfileInstructions, EnvErrors) {
  EXPECT_EQ(error_ids(parse_text("FROM a\nENV ONLY\n")), "dockerfile.two-arguments");
  EXPECT_EQ(error_ids(parse_text("FROM a\nENV A=1 B\n")), "dockerfile.missing-equals");
  EXPECT_EQ(error_ids(parse_text("FROM a\nENV =1\n")), "dockerfile.blank-name");
  EXPECT_EQ(error_ids(parse_text("FROM a\nENV\n")), "dockerfile.at-least-one");
}

TEST(DockerfileInstructions, ArgDeclarations) {
  const auto df = parse_clean("ARG A B=2 C=\nFROM alpine\n");
  ASSERT_EQ(df.meta_args.size(), 1u);
  const auto& p = df.instructions[0].pairs;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_FALSE(p[0].has_value);
  EXPECT_TRUE(p[1].has_value);
  EXPECT_EQ(p[1].value, "2");
  EXPECT_TRUE(p[2].has_value);
  EXPECT_EQ(p[2].value, "");
}

TEST(DockerfileFlags, RunCopyAddFrom) {
  const auto df = parse_clean(
      "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
      "RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=npm "
      "--network=none --security=insecure go build ./...\n"
      "FROM alpine:3.20\n"
      "COPY --from=build --chown=app:app --chmod=755 --link /out/app /usr/bin/app\n"
      "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
      "https://example.com/x.tar.gz /tmp/\n"
      "COPY --link=false --exclude=*.md --exclude=*.txt . /src\n");
  const auto& from = df.instructions[0];
  ASSERT_NE(from.flag("platform"), nullptr);
  EXPECT_EQ(from.flag("platform")->value, "$BUILDPLATFORM");
  const auto& run = df.instructions[1];
  ASSERT_EQ(run.flags.size(), 4u);
  EXPECT_EQ(run.flags[0].value, "type=cache,target=/root/.cache");
  EXPECT_EQ(run.flags[1].value, "type=secret,id=npm");
  EXPECT_EQ(run.flag("security")->value, "insecure");
  EXPECT_EQ(run.args.at(0), "go build ./...");
  const auto& copy = df.instructions[3];
  EXPECT_EQ(copy.flag("from")->value, "build");
  EXPECT_EQ(copy.flag("chown")->value, "app:app");
  EXPECT_EQ(copy.flag("chmod")->value, "755");
  EXPECT_FALSE(copy.flag("link")->has_value);
  EXPECT_EQ(copy.args, (std::vector<std::string>{"/out/app", "/usr/bin/app"}));
  EXPECT_EQ(df.instructions[4].flag("checksum")->value.substr(0, 7), "sha256:");
}

TEST(DockerfileFlags, QuotedFlagValuesAndDoubleDash) {
  const auto df = parse_clean("FROM a\nCOPY --chown=\"app user\" -- --weird dest\n");
  EXPECT_EQ(df.instructions[1].flag("chown")->value, "app user");
  EXPECT_EQ(df.instructions[1].args, (std::vector<std::string>{"--weird", "dest"}));
}

TEST(DockerfileFlags, Errors) {
  EXPECT_EQ(error_ids(parse_text("FROM a\nRUN --foo=bar echo\n")), "dockerfile.unknown-flag");
  EXPECT_EQ(error_ids(parse_text("FROM a\nCOPY --from a b\n")), "dockerfile.flag-missing-value");
  EXPECT_EQ(error_ids(parse_text("FROM a\nCOPY --link=maybe a b\n")), "dockerfile.flag-bool-value");
  EXPECT_EQ(error_ids(parse_text("FROM a\nCOPY --from=x --from=y a b\n")),
            "dockerfile.flag-duplicate");
  EXPECT_EQ(error_ids(parse_text("FROM a\nUSER --x=1 app\n")), "dockerfile.unknown-flag");
}

TEST(DockerfileStages, NamesMetaArgsAndErrors) {
  const auto df = parse_clean(
      "ARG BASE=alpine\n"
      "FROM ${BASE} AS Build\n"
      "RUN make\n"
      "FROM scratch\n"
      "COPY --from=build /app /app\n");
  ASSERT_EQ(df.stages.size(), 2u);
  EXPECT_EQ(df.stages[0].name, "build");
  EXPECT_EQ(df.stages[0].base, "${BASE}");
  EXPECT_EQ(df.stages[0].body, (std::vector<std::size_t>{2}));
  EXPECT_EQ(df.stages[1].name, "");
  EXPECT_EQ(df.meta_args, (std::vector<std::size_t>{0}));

  EXPECT_EQ(error_ids(parse_text("FROM a b\n")), "dockerfile.from-arguments");
  EXPECT_EQ(error_ids(parse_text("FROM\n")), "dockerfile.from-arguments");
  EXPECT_EQ(error_ids(parse_text("FROM a AS 1st\n")), "dockerfile.bad-stage-name");
  EXPECT_EQ(error_ids(parse_text("FROM a AS x\nFROM b AS X\n")), "dockerfile.duplicate-stage");
  const auto before = parse_text("# c\nRUN echo\nFROM a\n");
  EXPECT_EQ(error_ids(before), "dockerfile.no-stage");
  EXPECT_EQ(before.diagnostics[0].where.line, 2u);
}

TEST(DockerfileInstructions, OnbuildTrigger) {
  const auto df = parse_clean("FROM a\nONBUILD RUN echo hi\nONBUILD copy . /app\n");
  ASSERT_EQ(df.instructions[1].trigger.size(), 1u);
  EXPECT_EQ(df.instructions[1].trigger[0].kind, Kind::kRun);
  EXPECT_EQ(df.instructions[1].trigger[0].args.at(0), "echo hi");
  EXPECT_EQ(df.instructions[2].trigger[0].kind, Kind::kCopy);
  EXPECT_EQ(error_ids(parse_text("FROM a\nONBUILD ONBUILD RUN x\n")), "dockerfile.onbuild-chain");
  EXPECT_EQ(error_ids(parse_text("FROM a\nONBUILD FROM b\n")), "dockerfile.onbuild-trigger");
  EXPECT_EQ(error_ids(parse_text("FROM a\nONBUILD\n")), "dockerfile.at-least-one");
  // The trigger's own checks wait for the child build (BuildKit accepts this file).
  EXPECT_EQ(error_ids(parse_text("FROM a\nONBUILD SHELL anything\nONBUILD USER\n")), "");
  // What BuildKit's line parsers refuse is an error at once.
  EXPECT_EQ(error_ids(parse_text("FROM a\nONBUILD CMD [1]\n")), "dockerfile.json-not-strings");
}

TEST(DockerfileInstructions, Healthcheck) {
  const auto df = parse_clean(
      "FROM a\n"
      "HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1\n"
      "HEALTHCHECK NONE\n"
      "HEALTHCHECK CMD [\"/bin/check\"]\n");
  EXPECT_EQ(df.instructions[1].args,
            (std::vector<std::string>{"CMD", "curl -f http://localhost/ || exit 1"}));
  EXPECT_EQ(df.instructions[1].flag("interval")->value, "30s");
  EXPECT_EQ(df.instructions[2].args, (std::vector<std::string>{"NONE"}));
  EXPECT_TRUE(df.instructions[3].json);
  EXPECT_EQ(error_ids(parse_text("FROM a\nHEALTHCHECK FOO x\n")), "dockerfile.healthcheck-type");
  EXPECT_EQ(error_ids(parse_text("FROM a\nHEALTHCHECK NONE x\n")), "dockerfile.healthcheck-none");
  EXPECT_EQ(error_ids(parse_text("FROM a\nHEALTHCHECK CMD\n")), "dockerfile.healthcheck-cmd");
}

TEST(DockerfileInstructions, OtherInstructionsAndArgumentCounts) {
  const auto df = parse_clean(
      "FROM a\nMAINTAINER me <me@example.com>\nEXPOSE 80/tcp 443\nVOLUME [\"/data\"]\n"
      "VOLUME /a /b\nWORKDIR /srv/app\nSTOPSIGNAL SIGTERM\nUSER 10001:10001\n");
  EXPECT_EQ(df.instructions[2].args, (std::vector<std::string>{"80/tcp", "443"}));
  EXPECT_TRUE(df.instructions[3].json);
  EXPECT_EQ(df.instructions[4].args.size(), 2u);
  EXPECT_EQ(df.instructions[7].args.at(0), "10001:10001");
  EXPECT_EQ(error_ids(parse_text("FROM a\nCOPY onlyone\n")), "dockerfile.no-destination");
  EXPECT_EQ(error_ids(parse_text("FROM a\nEXPOSE\n")), "dockerfile.at-least-one");
  EXPECT_EQ(error_ids(parse_text("FROM a\nUSER\n")), "dockerfile.exactly-one");
  EXPECT_EQ(error_ids(parse_text("FROM a\nSHELL /bin/sh -c\n")), "dockerfile.shell-json");
  EXPECT_EQ(error_ids(parse_text("FROM a\nVOLUME [\"\"]\n")), "dockerfile.volume-empty");
}

TEST(DockerfileInstructions, UnknownInstruction_IsALocatedError) {
  const auto df = parse_text("FROM a\n\nFROBNICATE x\n");
  EXPECT_EQ(error_ids(df), "dockerfile.unknown-instruction");
  EXPECT_EQ(df.diagnostics[0].where.line, 3u);
  EXPECT_EQ(df.diagnostics[0].where.file, 1u);
  EXPECT_EQ(df.diagnostics[0].text(), "unknown instruction: FROBNICATE");
  EXPECT_EQ(df.diagnostics[0].text(detail::Lang::kJa), "不明な命令です: FROBNICATE");
}

TEST(DockerfileFile, NoInstructions_IsAnError) {
  EXPECT_EQ(error_ids(parse_text("")), "dockerfile.no-instructions");
  EXPECT_EQ(error_ids(parse_text("# just a comment\n\n")), "dockerfile.no-instructions");
}

TEST(DockerfileLimits, FileLineAndInstructionCount) {
  Limits small;
  small.max_file_bytes = 16;
  auto r = parse("FROM alpine\nRUN echo hello\n", 1, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Errc::kLimit);

  small = Limits{};
  small.max_line_bytes = 32;
  r = parse("FROM a\nRUN echo \\\n" + std::string(40, 'x') + "\n", 1, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where.line, 2u);

  small = Limits{};
  small.max_instructions = 3;
  r = parse("FROM a\nRUN 1\nRUN 2\nRUN 3\n", 1, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where.line, 4u);
  EXPECT_NE(r.error().message.find("more than 3 instructions"), std::string::npos);
}

// The `{name}` arguments of a message text, sorted.
std::vector<std::string> arg_names(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
    const std::size_t close = text.find('}', i);
    if (close != std::string_view::npos) out.emplace_back(text.substr(i + 1, close - i - 1));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DockerfileMessages, EveryMessageHasBothLanguagesAndTheSameArguments) {
  std::set<std::string_view> ids;
  for (const auto& m : kMessages) {
    EXPECT_TRUE(ids.insert(m.id).second) << "duplicate id " << m.id;
    EXPECT_TRUE(m.id.starts_with("dockerfile.")) << m.id;
    EXPECT_FALSE(m.en.empty()) << m.id;
    EXPECT_FALSE(m.ja.empty()) << m.id;
    EXPECT_EQ(arg_names(m.en), arg_names(m.ja)) << m.id;
  }
}

}  // namespace
}  // namespace ecsguard::parse::dockerfile
