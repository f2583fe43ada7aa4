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

const Env kEnv{{{"HOME", "/root", true}, {"EMPTY", "", true}},
               {{"VERSION", "1.2", true}, {"HOME", "/arg", true}, {"TOKEN", "", false}}};

TEST(DockerfileExpand, PlainAndBraced) {
  EXPECT_EQ(ok("$HOME/bin", kEnv).text, "/root/bin");  // ENV wins over ARG
  EXPECT_EQ(ok("${VERSION}-alpine", kEnv).text, "1.2-alpine");
  EXPECT_EQ(ok("$UNSET-x", kEnv).text, "-x");
  EXPECT_EQ(ok("cost $", kEnv).text, "cost $");
  EXPECT_EQ(ok("a$1b", kEnv).text, "ab");
}

TEST(DockerfileExpand, Modifiers) {
  EXPECT_EQ(ok("${UNSET:-def}", kEnv).text, "def");
  EXPECT_EQ(ok("${EMPTY:-def}", kEnv).text, "def");
  EXPECT_EQ(ok("${EMPTY-def}", kEnv).text, "");
  EXPECT_EQ(ok("${HOME:-def}", kEnv).text, "/root");
  EXPECT_EQ(ok("${HOME:+set}", kEnv).text, "set");
  EXPECT_EQ(ok("${EMPTY:+set}", kEnv).text, "");
  EXPECT_EQ(ok("${EMPTY+set}", kEnv).text, "set");
  EXPECT_EQ(ok("${UNSET:-${VERSION:-x}}", kEnv).text, "1.2");
  EXPECT_EQ(ok("${VERSION#1.}", kEnv).text, "2");
  EXPECT_EQ(ok("${VERSION%.2}", kEnv).text, "1");
  EXPECT_EQ(ok("${HOME?}", kEnv).text, "/root");
}

TEST(DockerfileExpand, QuotesAndEscapes) {
  EXPECT_EQ(ok("'$HOME'", kEnv).text, "$HOME");
  EXPECT_EQ(ok("\"$HOME x\"", kEnv).text, "/root x");
  EXPECT_EQ(ok("\\$HOME", kEnv).text, "$HOME");
  EXPECT_EQ(ok("\"a\\\"b\\q\"", kEnv).text, "a\"b\\q");
  EXPECT_EQ(ok("a\\ b", kEnv).text, "a b");
  EXPECT_EQ(ok("`$HOME", kEnv, '`').text, "$HOME");
  EXPECT_EQ(ok("c:\\dir", kEnv, '`').text, "c:\\dir");
}

TEST(DockerfileExpand, UnknownValues_KeepTheExpression) {
  auto e = ok("img:${TOKEN}", kEnv);
  EXPECT_FALSE(e.known);
  EXPECT_EQ(e.text, "img:${TOKEN}");
  EXPECT_EQ(e.unknown_vars, (std::vector<std::string>{"TOKEN"}));
  Env base = kEnv;
  base.missing = Missing::kUnknown;  // a stage on an image whose ENV we do not see
  e = ok("$NODE_VERSION", base);
  EXPECT_FALSE(e.known);
  EXPECT_EQ(e.text, "$NODE_VERSION");
  e = ok("${VERSION/./-}", kEnv);  // replacement is not evaluated
  EXPECT_FALSE(e.known);
  e = ok("${VERSION#*.}", kEnv);  // nor wildcard patterns
  EXPECT_FALSE(e.known);
  EXPECT_TRUE(ok("${HOME}", base).known);
}

TEST(DockerfileExpand, Errors) {
  EXPECT_EQ(fails("${}", kEnv), "dockerfile.expand-bad-substitution");
  EXPECT_EQ(fails("${:x}", kEnv), "dockerfile.expand-bad-substitution");
  EXPECT_EQ(fails("${HOME", kEnv), "dockerfile.expand-missing-brace");
  EXPECT_EQ(fails("${HOME:-x", kEnv), "dockerfile.expand-missing-brace");
  EXPECT_EQ(fails("'abc", kEnv), "dockerfile.expand-unterminated-quote");
  EXPECT_EQ(fails("\"abc", kEnv), "dockerfile.expand-unterminated-quote");
  EXPECT_EQ(fails("${HOME!x}", kEnv), "dockerfile.expand-unsupported-modifier");
  EXPECT_EQ(fails("${HOME:#x}", kEnv), "dockerfile.expand-unsupported-modifier");
  EXPECT_EQ(fails("${UNSET?must be set}", kEnv), "dockerfile.expand-required");
  EXPECT_EQ(fails("${EMPTY:?}", kEnv), "dockerfile.expand-required");
}

TEST(DockerfileExpand, Limits) {
  Limits small;
  small.max_expansion_depth = 3;
  EXPECT_EQ(fails("${A:-${B:-${C:-${D:-${E:-x}}}}}", kEnv, small),
            "dockerfile.limit-expansion-depth");
  Env big;
  big.env.push_back({"A", std::string(1000, 'a'), true});
  small = Limits{};
  small.max_expansion_bytes = 4096;
  EXPECT_EQ(fails("$A$A$A$A$A", big, small), "dockerfile.limit-expansion-size");
}

}  // namespace
}  // namespace ecsguard::parse::dockerfile
