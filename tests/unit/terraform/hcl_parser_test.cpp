// HCL parser: structure, locations, templates, diagnostics and recovery, message table.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "ecsguard/parse/terraform/hcl/messages.h"
#include "ecsguard/parse/terraform/hcl/parser.h"

namespace ecsguard::parse::terraform::hcl {
namespace {

constexpr core::FileId kFile = 7;

const Attribute& attr(const ParseResult& r, std::size_t i = 0) {
  return r.file.body.attributes.at(i);
}

// Parses `name = <expr>` and returns the expression.
Expr expr_of(const std::string& source) {
  const ParseResult r = parse_hcl("x = " + source + "\n", kFile);
  EXPECT_TRUE(r.ok()) << source << ": " << (r.ok() ? "" : r.diagnostics[0].message);
  if (!r.ok() || r.file.body.attributes.empty()) return Expr{};
  return r.file.body.attributes[0].value;
}

std::string src(std::string_view text, Span s) {
  return std::string(text.substr(s.begin, s.end - s.begin));
}

TEST(HclParser, BlocksLabelsAndAttributes_AreLocated) {
  const std::string text =
      "# header\n"
      "resource \"aws_ecs_service\" svc {\n"
      "  name = \"web\"\n"
      "  network_configuration {\n"
      "    assign_public_ip = true\n"
      "  }\n"
      "}\n"
      "top = 1\n";
  const ParseResult r = parse_hcl(text, kFile);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.file.file, kFile);
  ASSERT_EQ(r.file.body.blocks.size(), 1U);
  const Block& b = r.file.body.blocks[0];
  EXPECT_EQ(b.type, "resource");
  EXPECT_EQ(b.labels, (std::vector<std::string>{"aws_ecs_service", "svc"}));
  EXPECT_EQ(b.loc, (core::Loc{kFile, 2, 1}));
  EXPECT_EQ(b.label_locs.at(1), (core::Loc{kFile, 2, 28}));
  ASSERT_EQ(b.body.attributes.size(), 1U);
  EXPECT_EQ(b.body.attributes[0].loc, (core::Loc{kFile, 3, 3}));
  EXPECT_EQ(b.body.attributes[0].value.loc, (core::Loc{kFile, 3, 10}));
  const Block& inner = b.body.blocks.at(0);
  EXPECT_EQ(inner.body.attributes.at(0).name, "assign_public_ip");
  EXPECT_EQ(inner.body.attributes.at(0).loc, (core::Loc{kFile, 5, 5}));
  EXPECT_TRUE(inner.body.attributes.at(0).value.boolean);
  EXPECT_EQ(src(text, b.span),
            text.substr(text.find("resource"), text.find("top") - 1 - text.find("resource")));
  EXPECT_EQ(attr(r).name, "top");
  EXPECT_EQ(attr(r).loc, (core::Loc{kFile, 8, 1}));
}

TEST(HclParser, Columns_CountCodePoints) {
  const ParseResult r = parse_hcl("x = \"é\" + y\n", kFile);
  ASSERT_TRUE(r.ok());
  const Expr& sum = attr(r).value;
  ASSERT_EQ(sum.kind, ExprKind::kBinary);
  EXPECT_EQ(sum.items[1].loc, (core::Loc{kFile, 1, 11}));
}

TEST(HclParser, BinaryOperators_FollowHclPrecedence) {
  const std::string text = "a || b && c == d + e * f";
  const Expr e = expr_of(text);
  ASSERT_EQ(e.kind, ExprKind::kBinary);
  EXPECT_EQ(e.op, Op::kOr);
  const Expr& rhs = e.items[1];
  EXPECT_EQ(rhs.op, Op::kAnd);
  EXPECT_EQ(rhs.items[1].op, Op::kEqual);
  EXPECT_EQ(rhs.items[1].items[1].op, Op::kAdd);
  EXPECT_EQ(rhs.items[1].items[1].items[1].op, Op::kMultiply);
  // Left associative: a - b - c is (a - b) - c.
  const Expr sub = expr_of("a - b - c");
  EXPECT_EQ(sub.items[0].kind, ExprKind::kBinary);
  EXPECT_EQ(sub.items[1].kind, ExprKind::kVariable);
}

TEST(HclParser, UnaryConditionalAndParens) {
  const Expr e = expr_of("!a.b ? -1 : (c ? d : e)");
  ASSERT_EQ(e.kind, ExprKind::kConditional);
  EXPECT_EQ(e.items[0].op, Op::kNot);
  EXPECT_EQ(e.items[0].items[0].kind, ExprKind::kGetAttr);
  EXPECT_EQ(e.items[1].op, Op::kNegate);
  EXPECT_EQ(e.items[1].items[0].text, "1");
  EXPECT_EQ(e.items[2].kind, ExprKind::kParens);
  EXPECT_EQ(e.items[2].items[0].kind, ExprKind::kConditional);
}

TEST(HclParser, Traversals_IndexLegacyIndexAndSplats) {
  const Expr legacy = expr_of("aws_instance.web.0.id");
  ASSERT_EQ(legacy.kind, ExprKind::kGetAttr);
  EXPECT_EQ(legacy.name, "id");
  EXPECT_EQ(legacy.items[0].kind, ExprKind::kLegacyIndex);
  EXPECT_EQ(legacy.items[0].text, "0");

  const Expr full = expr_of("var.list[*].ports[0]");
  ASSERT_EQ(full.kind, ExprKind::kSplat);
  EXPECT_TRUE(full.full);
  EXPECT_EQ(full.items[0].name, "list");
  const Expr& each = full.items[1];  // (item).ports[0]
  EXPECT_EQ(each.kind, ExprKind::kIndex);
  EXPECT_EQ(each.items[0].name, "ports");
  EXPECT_EQ(each.items[0].items[0].kind, ExprKind::kSplatItem);

  const Expr attr_splat = expr_of("var.list.*.name[0]");  // the index applies to the result
  ASSERT_EQ(attr_splat.kind, ExprKind::kIndex);
  EXPECT_EQ(attr_splat.items[0].kind, ExprKind::kSplat);
  EXPECT_FALSE(attr_splat.items[0].full);
}

TEST(HclParser, CallsWithExpansionAndProviderNames) {
  const Expr e = expr_of("concat(a, [\"b\"]...)");
  ASSERT_EQ(e.kind, ExprKind::kCall);
  EXPECT_EQ(e.name, "concat");
  EXPECT_EQ(e.items.size(), 2U);
  EXPECT_TRUE(e.expand);
  const Expr p = expr_of("provider::aws::arn_parse(x)");
  EXPECT_EQ(p.name, "provider::aws::arn_parse");
  EXPECT_FALSE(p.expand);
}

TEST(HclParser, ForExpressions_TupleAndObjectForms) {
  const Expr t = expr_of("[for i, v in var.xs : upper(v) if i > 0]");
  ASSERT_EQ(t.kind, ExprKind::kFor);
  EXPECT_FALSE(t.object_for);
  EXPECT_EQ(t.name, "i");
  EXPECT_EQ(t.text, "v");
  EXPECT_TRUE(t.has_cond);
  EXPECT_EQ(t.items.size(), 3U);  // collection, value, condition
  const Expr o = expr_of("{for s in var.services : s.team => s.name...}");
  ASSERT_EQ(o.kind, ExprKind::kFor);
  EXPECT_TRUE(o.object_for);
  EXPECT_TRUE(o.expand);
  EXPECT_EQ(o.name, "");
  EXPECT_EQ(o.text, "s");
  EXPECT_EQ(o.items.size(), 3U);  // collection, key, value
}

TEST(HclParser, Objects_KeysAndSeparators) {
  const Expr o = expr_of("{\n  a = 1\n  \"b\" : 2, (c) = 3\n  d.e = 4\n}");
  ASSERT_EQ(o.kind, ExprKind::kObject);
  ASSERT_EQ(o.items.size(), 8U);
  EXPECT_EQ(o.items[0].kind, ExprKind::kVariable);
  EXPECT_EQ(o.items[2].kind, ExprKind::kTemplate);
  EXPECT_EQ(o.items[4].kind, ExprKind::kParens);
  EXPECT_EQ(o.items[6].kind, ExprKind::kGetAttr);
  EXPECT_EQ(o.items[7].loc.line, 4U);
}

TEST(HclParser, QuotedTemplates_DecodeEscapesAndKeepInterpolations) {
  const Expr t = expr_of(R"("a\tb \"q\" \u00e9 $${x} %%{y} ${var.z}!")");
  ASSERT_EQ(t.kind, ExprKind::kTemplate);
  ASSERT_EQ(t.items.size(), 3U);
  EXPECT_EQ(t.items[0].text, "a\tb \"q\" \xC3\xA9 ${x} %{y} ");
  EXPECT_EQ(t.items[1].kind, ExprKind::kGetAttr);
  EXPECT_EQ(t.items[2].text, "!");
}

TEST(HclParser, TemplateDirectivesAndStripMarkers) {
  const Expr t = expr_of(R"("x %{ if a ~} yes %{~ else } no %{ endif }")");
  ASSERT_EQ(t.items.size(), 2U);
  EXPECT_EQ(t.items[0].text, "x ");
  const Expr& d = t.items[1];
  ASSERT_EQ(d.kind, ExprKind::kTemplateIf);
  EXPECT_EQ(d.items[1].items.at(0).text, "yes");
  EXPECT_EQ(d.items[2].items.at(0).text, " no ");
  const Expr f = expr_of(R"("%{for k, v in m}${k}=${v};%{endfor}")");
  ASSERT_EQ(f.items.at(0).kind, ExprKind::kTemplateFor);
  EXPECT_EQ(f.items[0].name, "k");
  EXPECT_EQ(f.items[0].text, "v");
  EXPECT_EQ(f.items[0].items[1].items.size(), 4U);
}

TEST(HclParser, Heredocs_PlainAndIndented) {
  const ParseResult r = parse_hcl(
      "a = <<EOT\n  keep\n${x}\nEOT\n"
      "b = <<-EOT\n    {\n      \"k\": 1\n    }\n\n    EOT\n"
      "c = 1\n",
      kFile);
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].message;
  const Expr& a = attr(r, 0).value;
  EXPECT_TRUE(a.heredoc);
  EXPECT_EQ(a.items.at(0).text, "  keep\n");
  EXPECT_EQ(a.items.at(2).text, "\n");
  EXPECT_EQ(attr(r, 1).value.items.at(0).text, "{\n  \"k\": 1\n}\n\n");
  EXPECT_EQ(attr(r, 2).loc.line, 11U);
}

TEST(HclParser, Diagnostics_AreLocatedAndRecoveryKeepsTheRest) {
  const std::string text =
      "a = 1\n"
      "b = [1, 2\n"
      "c = 3\n"
      "resource \"x\" \"y\" {\n"
      "  bad = = 1\n"
      "  good = 2\n"
      "}\n"
      "d = 4\n";
  const ParseResult r = parse_hcl(text, kFile);
  ASSERT_EQ(r.diagnostics.size(), 2U);
  EXPECT_EQ(r.diagnostics[0].code, core::Errc::kSyntax);
  EXPECT_EQ(r.diagnostics[0].where.file, kFile);
  EXPECT_EQ(r.diagnostics[0].where.line, 3U);  // the tuple runs into the next line
  EXPECT_EQ(r.diagnostics[1].where.line, 5U);
  EXPECT_EQ(r.diagnostics[1].where.column, 9U);
  ASSERT_EQ(r.file.body.blocks.size(), 1U);
  ASSERT_EQ(r.file.body.blocks[0].body.attributes.size(), 1U);
  EXPECT_EQ(r.file.body.blocks[0].body.attributes[0].name, "good");
  std::set<std::string> names;
  for (const Attribute& a : r.file.body.attributes) names.insert(a.name);
  EXPECT_EQ(names, (std::set<std::string>{"a", "d"}));
}

TEST(HclParser, Diagnostics_HclRules) {
  struct Case {
    const char* text;
    std::uint32_t line;
    const char* needle;
  };
  const Case cases[] = {
      {"a = 1\na = 2\n", 2, "already set on line 1"},
      {"b { a = 1, c = 2 }\n", 1, "single-line block"},
      {"a = 1 b = 2\n", 1, "newline"},
      {"a = \"x\n\"\n", 1, "cannot span lines"},
      {"a = \"x\n", 1, "cannot span lines"},
      {"a = <<EOT\nx\n", 1, "'EOT'"},
      {"b {\n  a = 1\n", 1, "closing '}'"},
      {"a = \"\\q\"\n", 1, "'\\q'"},
      {"a = \"%{ if x }y\"\n", 1, "%{if}"},
      {"a = \"%{ endif }\"\n", 1, "%{endif}"},
      {"b \"${x}\" {}\n", 1, "labels"},
      {"\"a\" = 1\n", 1, "argument"},
      {"a = 1 +\n 2\n", 1, "expression"},
      {"a = x.0.1\n", 1, "legacy"},
  };
  for (const Case& c : cases) {
    const ParseResult r = parse_hcl(c.text, kFile);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.diagnostics[0].where.line, c.line) << c.text;
    EXPECT_NE(r.diagnostics[0].message.find(c.needle), std::string::npos)
        << c.text << " -> " << r.diagnostics[0].message;
  }
}

TEST(HclParser, CommentsBomAndCrlf) {
  const ParseResult r = parse_hcl(
      "\xEF\xBB\xBF# c\r\na = 1 // c\r\n/* multi\r\nline */ b = [1, # c\r\n 2]\r\n", kFile);
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].message;
  ASSERT_EQ(r.file.body.attributes.size(), 2U);
  EXPECT_EQ(attr(r, 0).loc, (core::Loc{kFile, 2, 1}));
  EXPECT_EQ(attr(r, 1).loc, (core::Loc{kFile, 4, 9}));
  EXPECT_EQ(attr(r, 1).value.items.size(), 2U);
}

TEST(HclMessages, EveryMessageHasBothLanguagesAndTheSameArguments) {
  const auto& table = message_table();
  std::set<std::string_view> keys;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const MessageText& m = table[i];
    EXPECT_EQ(static_cast<std::size_t>(m.id), i) << m.key;
    EXPECT_TRUE(keys.insert(m.key).second) << m.key;
    EXPECT_FALSE(m.en.empty()) << m.key;
    EXPECT_FALSE(m.ja.empty()) << m.key;
    for (const char* arg :
         {"{char}", "{what}", "{name}", "{line}", "{escape}", "{marker}", "{limit}", "{unit}"}) {
      EXPECT_EQ(m.en.find(arg) == std::string_view::npos, m.ja.find(arg) == std::string_view::npos)
          << m.key << " " << arg;
    }
  }
  EXPECT_EQ(table.size(), static_cast<std::size_t>(Msg::kLimitTemplateDepth) + 1);
  EXPECT_EQ(render(Msg::kAttributeRedefined, {{"name", "image"}, {"line", "3"}}, Lang::kJa),
            "引数 \"image\" は 3 行目で設定済みです（同じ引数は一度しか書けません）");
}

}  // namespace
}  // namespace ecsguard::parse::terraform::hcl
