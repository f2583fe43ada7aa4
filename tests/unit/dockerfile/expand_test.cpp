// Variable expansion as BuildKit's shell.Lex.ProcessWord does it, plus unknown values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ecsguard/parse/dockerfile/expand.h"

namespace ecsguard::parse::dockerfile {
namespace {

struct Env {
  std::vector<Var> env;
  std::vector<Var> args;
  Missing missing = Missing::kEmpty;
  [[nodiscard]] Scope scope() const { return Scope{&env, &args, missing}; }
};

Expanded ok(std::string_view word, const Env& e, char escape = '\\') {
  Expanded out;
  ExpandError err;
  EXPECT_TRUE(expand_word(word, e.scope(), escape, Limits{}, out, err)) << word << ": " << err.id;
  return out;
}

std::string_view fails(std::string_view word, const Env& e, const Limits& limits = {}) {
  Expanded out;
  ExpandError err;
  EXPECT_FALSE(expand_word(word, e.scope(), '\\', limits, out, err)) << word;
  return err.id;
}

const Env vars{{{"HOME", "/root", true}, {"EMPTY", "", true}},
               {{"VERSION", "1.2", true}, {"HOME", "/arg", true}, {"TOKEN", "", false}}};

TEST(DockerfileExpand, PlainAndBraced) {
  EXPECT_EQ(ok("$HOME/bin", vars).text, "/root/bin");  // ENV wins over ARG
  EXPECT_EQ(ok("${VERSION}-alpine", vars).text, "1.2-alpine");
  EXPECT_EQ(ok("$UNSET-x", vars).text, "-x");
  EXPECT_EQ(ok("cost $", vars).text, "cost $");
  EXPECT_EQ(ok("a$1b", vars).text, "ab");
}

TEST(DockerfileExpand, Modifiers) {
  EXPECT_EQ(ok("${UNSET:-def}", vars).text, "def");
  EXPECT_EQ(ok("${EMPTY:-def}", vars).text, "def");
  EXPECT_EQ(ok("${EMPTY-def}", vars).text, "");
  EXPECT_EQ(ok("${HOME:-def}", vars).text, "/root");
  EXPECT_EQ(ok("${HOME:+set}", vars).text, "set");
  EXPECT_EQ(ok("${EMPTY:+set}", vars).text, "");
  EXPECT_EQ(ok("${EMPTY+set}", vars).text, "set");
  EXPECT_EQ(ok("${UNSET:-${VERSION:-x}}", vars).text, "1.2");
  EXPECT_EQ(ok("${VERSION#1.}", vars).text, "2");
  EXPECT_EQ(ok("${VERSION%.2}", vars).text, "1");
  EXPECT_EQ(ok("${HOME?}", vars).text, "/root");
}

TEST(DockerfileExpand, QuotesAndEscapes) {
  EXPECT_EQ(ok("'$HOME'", vars).text, "$HOME");
  EXPECT_EQ(ok("\"$HOME x\"", vars).text, "/root x");
  EXPECT_EQ(ok("\\$HOME", vars).text, "$HOME");
  EXPECT_EQ(ok("\"a\\\"b\\q\"", vars).text, "a\"b\\q");
  EXPECT_EQ(ok("a\\ b", vars).text, "a b");
  EXPECT_EQ(ok("`$HOME", vars, '`').text, "$HOME");
  EXPECT_EQ(ok("c:\\dir", vars, '`').text, "c:\\dir");
}

TEST(DockerfileExpand, UnknownValues_KeepTheExpression) {
  auto e = ok("img:${TOKEN}", vars);
  EXPECT_FALSE(e.known);
  EXPECT_EQ(e.text, "img:${TOKEN}");
  EXPECT_EQ(e.unknown_vars, (std::vector<std::string>{"TOKEN"}));
  Env base = vars;
  base.missing = Missing::kUnknown;  // a stage on an image whose ENV we do not see
  e = ok("$NODE_VERSION", base);
  EXPECT_FALSE(e.known);
  EXPECT_EQ(e.text, "$NODE_VERSION");
  e = ok("${VERSION/./-}", vars);  // replacement is not evaluated
  EXPECT_FALSE(e.known);
  e = ok("${VERSION#*.}", vars);  // nor wildcard patterns
  EXPECT_FALSE(e.known);
  EXPECT_TRUE(ok("${HOME}", base).known);
}

TEST(DockerfileExpand, Errors) {
  EXPECT_EQ(fails("${}", vars), "dockerfile.expand-bad-substitution");
  EXPECT_EQ(fails("${:x}", vars), "dockerfile.expand-bad-substitution");
  EXPECT_EQ(fails("${HOME", vars), "dockerfile.expand-missing-brace");
  EXPECT_EQ(fails("${HOME:-x", vars), "dockerfile.expand-missing-brace");
  EXPECT_EQ(fails("'abc", vars), "dockerfile.expand-unterminated-quote");
  EXPECT_EQ(fails("\"abc", vars), "dockerfile.expand-unterminated-quote");
  EXPECT_EQ(fails("${HOME!x}", vars), "dockerfile.expand-unsupported-modifier");
  EXPECT_EQ(fails("${HOME:#x}", vars), "dockerfile.expand-unsupported-modifier");
  EXPECT_EQ(fails("${UNSET?must be set}", vars), "dockerfile.expand-required");
  EXPECT_EQ(fails("${EMPTY:?}", vars), "dockerfile.expand-required");
}

TEST(DockerfileExpand, Limits) {
  Limits small;
  small.max_expansion_depth = 3;
  EXPECT_EQ(fails("${A:-${B:-${C:-${D:-${E:-x}}}}}", vars, small),
            "dockerfile.limit-expansion-depth");
  Env big;
  big.env.push_back({"A", std::string(1000, 'a'), true});
  small = Limits{};
  small.max_expansion_bytes = 4096;
  EXPECT_EQ(fails("$A$A$A$A$A", big, small), "dockerfile.limit-expansion-size");
}

}  // namespace
}  // namespace ecsguard::parse::dockerfile
