// Heredocs as BuildKit reads them: markers found by its shell lexer on RUN/COPY/ADD (and ONBUILD
// of those) in shell form, bodies read after the logical line, `<<-` terminators with tabs,
// quoted delimiters turning expansion off, several heredocs on one line.
#include <gtest/gtest.h>

#include <string>

#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "test_util.h"

namespace ecsguard::parse::dockerfile {
namespace {

using testing::error_ids;
using testing::parse_clean;
using testing::parse_text;

TEST(DockerfileHeredoc, RunBody_IsReadAndLinesStayRight) {
  const auto df = parse_clean(
      "FROM alpine\n"
      "RUN <<EOT\n"
      "set -e\n"
      "FROM not-an-instruction\n"
      "EOT\n"
      "USER app\n");
  ASSERT_EQ(df.instructions.size(), 3u);
  const auto& run = df.instructions[1];
  ASSERT_EQ(run.heredocs.size(), 1u);
  EXPECT_EQ(run.heredocs[0].name, "EOT");
  EXPECT_EQ(run.heredocs[0].content, "set -e\nFROM not-an-instruction\n");
  EXPECT_TRUE(run.heredocs[0].expand);
  EXPECT_FALSE(run.heredocs[0].chomp);
  EXPECT_EQ(run.heredocs[0].first_line, 3u);
  EXPECT_EQ(run.args.at(0), "<<EOT");
  EXPECT_EQ(run.end_line, 5u);
  EXPECT_EQ(df.instructions[2].loc.line, 6u);
  EXPECT_EQ(df.stages.size(), 1u);
}

TEST(DockerfileHeredoc, ChompAndQuotedDelimiters) {
  const auto df = parse_clean(
      "FROM alpine\n"
      "RUN <<-EOT bash\n"
      "\techo $HOME\n"
      "\tEOT\n"
      "RUN <<\"EOF\"\n"
      "echo $HOME\n"
      "EOF\n"
      "RUN <<'EOF' python3\n"
      "print('hi')\n"
      "EOF\n");
  const auto& a = df.instructions[1].heredocs.at(0);
  EXPECT_TRUE(a.chomp);
  EXPECT_EQ(a.content, "\techo $HOME\n");
  EXPECT_TRUE(a.expand);
  EXPECT_FALSE(df.instructions[2].heredocs.at(0).expand);
  EXPECT_EQ(df.instructions[2].heredocs.at(0).name, "EOF");
  EXPECT_FALSE(df.instructions[3].heredocs.at(0).expand);
  EXPECT_EQ(df.instructions[3].heredocs.at(0).content, "print('hi')\n");
}

TEST(DockerfileHeredoc, SeveralOnOneLineAndCopy) {
  const auto df = parse_clean(
      "FROM alpine\n"
      "COPY <<FILE1 <<FILE2 /dest/\n"
      "one\n"
      "FILE1\n"
      "two\n"
      "FILE2\n"
      "RUN 3<<IN cat <&3 > /out\n"
      "data\n"
      "IN\n");
  const auto& copy = df.instructions[1];
  ASSERT_EQ(copy.heredocs.size(), 2u);
  EXPECT_EQ(copy.heredocs[0].content, "one\n");
  EXPECT_EQ(copy.heredocs[1].content, "two\n");
  EXPECT_EQ(copy.heredocs[1].first_line, 5u);
  EXPECT_EQ(copy.args, (std::vector<std::string>{"<<FILE1", "<<FILE2", "/dest/"}));
  EXPECT_EQ(df.instructions[2].heredocs.at(0).fd, 3u);
  EXPECT_EQ(df.instructions[2].heredocs.at(0).content, "data\n");
}

TEST(DockerfileHeredoc, NotAHeredoc) {
  // Quoted, exec form, not on RUN/COPY/ADD, or glued to a word: no body is read.
  const auto df = parse_clean(
      "FROM alpine\n"
      "RUN echo \"<<EOF\"\n"
      "RUN [\"sh\", \"-c\", \"cat <<EOF\"]\n"
      "LABEL x=\"<<EOF\"\n"
      "RUN cat<<EOF\n"
      "USER 1000\n");
  ASSERT_EQ(df.instructions.size(), 6u);
  for (const auto& i : df.instructions) EXPECT_TRUE(i.heredocs.empty());
}

TEST(DockerfileHeredoc, AfterAContinuationAndInOnbuild) {
  const auto df = parse_clean(
      "FROM alpine\n"
      "RUN --mount=type=cache,target=/var/cache \\\n"
      "    <<EOT sh\n"
      "apk add curl\n"
      "EOT\n"
      "ONBUILD RUN <<EOT\n"
      "echo later\n"
      "EOT\n");
  EXPECT_EQ(df.instructions[1].heredocs.at(0).content, "apk add curl\n");
  EXPECT_EQ(df.instructions[1].end_line, 5u);
  const auto& onbuild = df.instructions[2];
  ASSERT_EQ(onbuild.trigger.size(), 1u);
  EXPECT_EQ(onbuild.trigger[0].heredocs.at(0).content, "echo later\n");
  EXPECT_EQ(onbuild.end_line, 8u);
}

TEST(DockerfileHeredoc, Unterminated_IsAnErrorAtTheInstruction) {
  const auto df = parse_text("FROM alpine\nRUN <<EOT\necho hi\n");
  EXPECT_EQ(error_ids(df), "dockerfile.unterminated-heredoc");
  EXPECT_EQ(df.diagnostics[0].where.line, 2u);
  EXPECT_EQ(df.instructions[1].heredocs.at(0).content, "echo hi\n");
}

TEST(DockerfileHeredoc, SizeLimit) {
  Limits small;
  small.max_heredoc_bytes = 8;
  auto r = parse("FROM a\nRUN <<EOT\n0123456789\nEOT\n", 1, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Errc::kLimit);
  EXPECT_EQ(r.error().where.line, 3u);
}

}  // namespace
}  // namespace ecsguard::parse::dockerfile
