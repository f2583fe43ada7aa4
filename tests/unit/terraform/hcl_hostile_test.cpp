// Hostile HCL input (docs/security.md): deep nesting, huge heredocs, directive nesting, long
// chains, node and size limits, garbage. Each case must end with a located kLimit or kSyntax
// diagnostic (or parse), never a crash, a hang or unbounded memory.
#include <gtest/gtest.h>

#include <string>

#include "ecsguard/parse/terraform/hcl/parser.h"

namespace ecsguard::parse::terraform::hcl {
namespace {

constexpr core::FileId kFile = 3;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The parse stops with one kLimit diagnostic on `line`.
void expect_limit(const std::string& text, std::uint32_t line, const Limits& limits = {}) {
  const ParseResult r = parse_hcl(text, kFile, limits);
  ASSERT_FALSE(r.ok());
  const core::Error& last = r.diagnostics.back();
  EXPECT_EQ(last.code, core::Errc::kLimit) << last.message;
  EXPECT_EQ(last.where.file, kFile);
  EXPECT_EQ(last.where.line, line) << last.message;
}

TEST(HclHostile, DeepNesting200000_StopsAtTheDepthLimit) {
  constexpr std::size_t kDepth = 200'000;
  expect_limit("x = " + repeat("[", kDepth) + repeat("]", kDepth) + "\n", 1);
  expect_limit("x = " + repeat("(", kDepth) + "1" + repeat(")", kDepth) + "\n", 1);
  expect_limit("x = " + repeat("{a=", kDepth) + "1" + repeat("}", kDepth) + "\n", 1);
  expect_limit("x = " + repeat("\"${", kDepth) + "1" + repeat("}\"", kDepth) + "\n", 1);
  expect_limit("x = " + repeat("!", kDepth) + "true\n", 1);
  expect_limit("x = " + repeat("-", kDepth) + "1\n", 1);
  expect_limit("x = " + repeat("f(", kDepth) + repeat(")", kDepth) + "\n", 1);
  expect_limit(repeat("b {\n", kDepth) + repeat("}\n", kDepth), 257);
  // Left-nested chains grow the tree one level per link.
  expect_limit("x = a" + repeat(".b", kDepth) + "\n", 1);
  expect_limit("x = a" + repeat("[0]", kDepth) + "\n", 1);
  expect_limit("x = 1" + repeat(" + 1", kDepth) + "\n", 1);
  expect_limit("x = a" + repeat("[*].b", kDepth) + "\n", 1);
}

TEST(HclHostile, NestingWithinTheLimit_Parses) {
  const ParseResult r = parse_hcl("x = " + repeat("[", 200) + repeat("]", 200) + "\n", kFile);
  EXPECT_TRUE(r.ok());
  const ParseResult chain = parse_hcl("x = 1" + repeat(" + 1", 200) + "\n", kFile);
  EXPECT_TRUE(chain.ok());
}

TEST(HclHostile, Heredoc300000Lines_StopsAtTheLineLimit) {
  const std::string text = "a = 1\nx = <<EOT\n" + repeat("line of text\n", 300'000) + "EOT\n";
  expect_limit(text, 2);
  const std::string indented = "x = <<-EOT\n" + repeat("    line\n", 300'000) + "    EOT\n";
  expect_limit(indented, 1);
}

TEST(HclHostile, HeredocBytes_StopAtTheSizeLimit) {
  Limits limits;
  limits.max_heredoc_bytes = 1000;
  expect_limit("x = <<EOT\n" + std::string(5000, 'a') + "\nEOT\n", 1, limits);
}

TEST(HclHostile, HeredocWithinTheLimits_Parses) {
  const ParseResult r = parse_hcl("x = <<EOT\n" + repeat("line\n", 40'000) + "EOT\ny = 2\n", kFile);
  ASSERT_TRUE(r.ok());
  const Expr& v = r.file.body.attributes.at(0).value;
  ASSERT_EQ(v.items.size(), 1U);  // one literal, lines merged
  EXPECT_EQ(v.items[0].text.size(), 5U * 40'000);
  EXPECT_EQ(r.file.body.attributes.at(1).loc.line, 40'003U);
}

TEST(HclHostile, TemplateDirectiveDepth_StopsAtTheLimit) {
  constexpr std::size_t kDepth = 10'000;
  expect_limit("x = \"" + repeat("%{if a}", kDepth) + repeat("%{endif}", kDepth) + "\"\n", 1);
  expect_limit("x = \"" + repeat("%{for a in b}", kDepth) + repeat("%{endfor}", kDepth) + "\"\n",
               1);
  const ParseResult ok =
      parse_hcl("x = \"" + repeat("%{if a}", 30) + "y" + repeat("%{endif}", 30) + "\"\n", kFile);
  EXPECT_TRUE(ok.ok());
}

TEST(HclHostile, NodeFileAndStringLimits) {
  Limits nodes;
  nodes.max_nodes = 1000;
  expect_limit("x = [" + repeat("1, ", 2000) + "]\n", 1, nodes);
  Limits file;
  file.max_file_bytes = 100;
  expect_limit(std::string(200, '\n'), 1, file);
  Limits str;
  str.max_string_bytes = 100;
  expect_limit("a = 1\nx = \"" + std::string(1000, 'a') + "\"\n", 2, str);
}

TEST(HclHostile, Garbage_GivesCappedLocatedDiagnostics) {
  const ParseResult r = parse_hcl(repeat("@@ ]] }} \"\x01\xff\n", 100'000), kFile);
  ASSERT_FALSE(r.ok());
  EXPECT_LE(r.diagnostics.size(), 100U);
  for (const core::Error& e : r.diagnostics) EXPECT_TRUE(e.where.valid()) << e.message;
  const ParseResult comment = parse_hcl("a = 1 /* never closed", kFile);
  ASSERT_FALSE(comment.ok());
  EXPECT_EQ(comment.diagnostics[0].where.line, 1U);
  const ParseResult nul = parse_hcl(std::string("a = \"x\0y\"\n", 10), kFile);
  EXPECT_TRUE(nul.ok());
}

}  // namespace
}  // namespace ecsguard::parse::terraform::hcl
