#include "ecsguard/parse/yaml_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "loader_test_util.h"

namespace ecsguard::parse {
namespace {

using testing::at;
using testing::dig;
using testing::kFile;
using testing::loc_str;

Node load_ok(std::string_view text, const core::Limits& limits = {}) {
  return testing::must_load(load_yaml, text, limits);
}
core::Error load_err(std::string_view text, const core::Limits& limits = {}) {
  return testing::must_fail(load_yaml, text, limits);
}

constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: 2010-09-09
Description: "quoted"
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Cpu: 256
      ContainerDefinitions:
        - Name: web
          Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:1"
          Privileged: yes
          Essential: y
          Memory: 0512
          Command:
            - sh
            - -c
      TaskRoleArn: !GetAtt TaskRole.Arn
)";

TEST(YamlLoader, PositionsOfNodesAndKeys) {
  const Node root = load_ok(kTemplate);
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(root.loc, at(1, 1));
  ASSERT_EQ(root.members.size(), 3u);
  EXPECT_EQ(root.members[0].key.loc, at(1, 1));
  EXPECT_EQ(root.members[0].value.loc, at(1, 27));
  EXPECT_EQ(root.members[1].value.loc, at(2, 14));
  EXPECT_EQ(root.members[2].key.loc, at(3, 1));
  EXPECT_EQ(root.members[2].value.loc, at(4, 3));

  const Node* task = dig(root, {"Resources", "TaskDef"});
  ASSERT_NE(task, nullptr);
  EXPECT_EQ(task->loc, at(5, 5));
  const Member* type = task->find_member("Type");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->key.loc, at(5, 5));
  EXPECT_EQ(type->value.loc, at(5, 11));

  const Node* props = task->find("Properties");
  ASSERT_NE(props, nullptr);
  EXPECT_EQ(props->find_member("Cpu")->key.loc, at(7, 7));
  EXPECT_EQ(props->find("Cpu")->loc, at(7, 12));
  const Node* defs = props->find("ContainerDefinitions");
  ASSERT_NE(defs, nullptr);
  ASSERT_TRUE(defs->is_seq());
  EXPECT_EQ(defs->loc, at(9, 9));
  const Node* c0 = dig(*defs, {"#0"});
  ASSERT_NE(c0, nullptr);
  EXPECT_EQ(c0->loc, at(9, 11));
  EXPECT_EQ(c0->find_member("Name")->key.loc, at(9, 11));
  EXPECT_EQ(c0->find("Name")->loc, at(9, 17));
  EXPECT_EQ(c0->find("Privileged")->loc, at(11, 23));
  const Node* cmd = c0->find("Command");
  ASSERT_NE(cmd, nullptr);
  EXPECT_EQ(cmd->loc, at(15, 13));
  EXPECT_EQ(cmd->items.at(1).loc, at(16, 15));
  EXPECT_EQ(cmd->items.at(1).text, "-c");
}

TEST(YamlLoader, ShortFormTagPositions) {
  const Node root = load_ok(kTemplate);
  const Node* image =
      dig(root, {"Resources", "TaskDef", "Properties", "ContainerDefinitions", "#0", "Image"});
  ASSERT_NE(image, nullptr);
  ASSERT_TRUE(image->is_map());
  EXPECT_EQ(image->loc, at(10, 18));
  ASSERT_EQ(image->members.size(), 1u);
  EXPECT_EQ(image->members[0].key.text, "Fn::Sub");
  EXPECT_EQ(image->members[0].key.loc, at(10, 18));
  EXPECT_EQ(image->members[0].value.loc, at(10, 23));
  EXPECT_EQ(image->members[0].value.kind, NodeKind::kString);
  EXPECT_TRUE(image->members[0].value.quoted);
  EXPECT_EQ(image->members[0].value.text,
            "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:1");

  const Node* role = dig(root, {"Resources", "TaskDef", "Properties", "TaskRoleArn"});
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->loc, at(17, 20));
  const Node* getatt = role->find("Fn::GetAtt");
  ASSERT_NE(getatt, nullptr);
  ASSERT_TRUE(getatt->is_seq());
  EXPECT_EQ(getatt->loc, at(17, 28));
  ASSERT_EQ(getatt->items.size(), 2u);
  EXPECT_EQ(getatt->items[0].text, "TaskRole");
  EXPECT_EQ(getatt->items[0].loc, at(17, 28));
  EXPECT_EQ(getatt->items[1].text, "Arn");
  EXPECT_EQ(getatt->items[1].loc, at(17, 37));
}

TEST(YamlLoader, EveryShortFormTag) {
  const std::vector<std::pair<std::string, std::string>> tags = {
      {"Ref", "Ref"},
      {"Condition", "Condition"},
      {"Base64", "Fn::Base64"},
      {"Cidr", "Fn::Cidr"},
      {"FindInMap", "Fn::FindInMap"},
      {"GetAZs", "Fn::GetAZs"},
      {"ImportValue", "Fn::ImportValue"},
      {"Join", "Fn::Join"},
      {"Select", "Fn::Select"},
      {"Split", "Fn::Split"},
      {"Sub", "Fn::Sub"},
      {"Transform", "Fn::Transform"},
      {"Length", "Fn::Length"},
      {"ToJsonString", "Fn::ToJsonString"},
      {"ForEach", "Fn::ForEach"},
      {"And", "Fn::And"},
      {"Equals", "Fn::Equals"},
      {"If", "Fn::If"},
      {"Not", "Fn::Not"},
      {"Or", "Fn::Or"},
      {"Contains", "Fn::Contains"},
      {"EachMemberEquals", "Fn::EachMemberEquals"},
      {"EachMemberIn", "Fn::EachMemberIn"},
      {"RefAll", "Fn::RefAll"},
      {"ValueOf", "Fn::ValueOf"},
      {"ValueOfAll", "Fn::ValueOfAll"},
  };
  for (const auto& [tag, key] : tags) {
    // Scalar form.
    const std::string scalar_doc = "V: !" + tag + " x.y\n";
    const Node root = load_ok(scalar_doc);
    const Node* v = root.find("V");
    ASSERT_NE(v, nullptr) << tag;
    ASSERT_TRUE(v->is_map()) << tag;
    ASSERT_EQ(v->members.size(), 1u) << tag;
    EXPECT_EQ(v->members[0].key.text, key) << tag;
    EXPECT_EQ(v->loc, at(1, 4)) << tag;
    EXPECT_EQ(v->members[0].key.loc, at(1, 4)) << tag;
    const Node& inner = v->members[0].value;
    EXPECT_EQ(inner.kind, NodeKind::kString) << tag;
    EXPECT_EQ(inner.text, "x.y") << tag;
    EXPECT_EQ(inner.loc, at(1, static_cast<std::uint32_t>(4 + tag.size() + 2))) << tag;

    // Sequence form (block, on the next lines).
    const std::string seq_doc = "V: !" + tag + "\n  - a\n  - 1\n";
    const Node seq_root = load_ok(seq_doc);
    const Node* sv = seq_root.find("V");
    ASSERT_NE(sv, nullptr) << tag;
    const Node* items = sv->find(key);
    ASSERT_NE(items, nullptr) << tag;
    ASSERT_TRUE(items->is_seq()) << tag;
    EXPECT_EQ(items->loc, at(2, 3)) << tag;
    ASSERT_EQ(items->items.size(), 2u) << tag;
    EXPECT_EQ(items->items[1].kind, NodeKind::kNumber) << tag;

    // Mapping form (flow).
    const Node map_root = load_ok("V: !" + tag + " {k: v}\n");
    const Node* mv = map_root.find("V");
    ASSERT_NE(mv, nullptr) << tag;
    const Node* m = mv->find(key);
    ASSERT_NE(m, nullptr) << tag;
    ASSERT_TRUE(m->is_map()) << tag;
    EXPECT_EQ(m->find("k")->text, "v") << tag;
  }
}

TEST(YamlLoader, GetAttSplitsAtFirstDot) {
  const Node root = load_ok(
      "A: !GetAtt Res.Attr.Sub\n"
      "B: !GetAtt [Res, Attr.Sub]\n"
      "C: !GetAtt Res\n"
      "D: !GetAtt \"Res.Attr\"\n"
      "E: !GetAtt\n"
      "  - Res\n"
      "  - !Ref AttrParam\n");
  const Node* a = dig(root, {"A", "Fn::GetAtt"});
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->items.size(), 2u);
  EXPECT_EQ(a->items[0].text, "Res");
  EXPECT_EQ(a->items[1].text, "Attr.Sub");
  EXPECT_EQ(a->items[1].loc, at(1, 16));

  const Node* b = dig(root, {"B", "Fn::GetAtt"});
  ASSERT_NE(b, nullptr);
  ASSERT_EQ(b->items.size(), 2u);
  EXPECT_EQ(b->items[0].text, "Res");
  EXPECT_EQ(b->items[1].text, "Attr.Sub");  // the sequence form is not split
  EXPECT_EQ(b->loc, at(2, 12));

  const Node* c = dig(root, {"C", "Fn::GetAtt"});
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->items.size(), 1u);
  EXPECT_EQ(c->items[0].text, "Res");

  const Node* d = dig(root, {"D", "Fn::GetAtt"});
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->items.size(), 2u);
  EXPECT_EQ(d->items[0].loc, at(4, 13));
  EXPECT_EQ(d->items[1].loc, at(4, 17));

  const Node* e = dig(root, {"E", "Fn::GetAtt"});
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->items.size(), 2u);
  EXPECT_EQ(e->loc, at(6, 3));
  const Node* ref = e->items[1].find("Ref");
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(ref->text, "AttrParam");
  EXPECT_EQ(e->items[1].loc, at(7, 5));
  EXPECT_EQ(ref->loc, at(7, 10));
}

TEST(YamlLoader, NestedIntrinsicsAndTaggedRoot) {
  const Node root = load_ok("V: !If [Cond, !Ref A, !Ref \"AWS::NoValue\"]\n");
  const Node* args = dig(root, {"V", "Fn::If"});
  ASSERT_NE(args, nullptr);
  ASSERT_EQ(args->items.size(), 3u);
  EXPECT_EQ(args->items[0].text, "Cond");
  EXPECT_EQ(dig(*args, {"#1", "Ref"})->text, "A");
  EXPECT_EQ(dig(*args, {"#2", "Ref"})->text, "AWS::NoValue");
  EXPECT_EQ(args->items[2].loc, at(1, 23));
  EXPECT_EQ(dig(*args, {"#2", "Ref"})->loc, at(1, 28));

  const Node tagged_root = load_ok("!Ref Thing\n");
  EXPECT_EQ(tagged_root.find("Ref")->text, "Thing");

  // An intrinsic's scalar is a string even when it looks like a number, and an empty one is "".
  const Node scalars = load_ok("A: !Ref 123\nB: !GetAZs ''\nC: !Ref\nD: x\n");
  EXPECT_EQ(dig(scalars, {"A", "Ref"})->kind, NodeKind::kString);
  EXPECT_EQ(dig(scalars, {"B", "Fn::GetAZs"})->text, "");
  EXPECT_EQ(dig(scalars, {"C", "Ref"})->kind, NodeKind::kString);
  EXPECT_EQ(dig(scalars, {"C", "Ref"})->loc, at(3, 4));
  EXPECT_EQ(scalars.find("D")->text, "x");
}

TEST(YamlLoader, Yaml11Traps) {
  struct Case {
    std::string_view text;
    NodeKind kind;
    bool boolean = false;
  };
  const Case cases[] = {
      // Booleans CloudFormation reads as such.
      {"true", NodeKind::kBool, true},
      {"True", NodeKind::kBool, true},
      {"TRUE", NodeKind::kBool, true},
      {"tRuE", NodeKind::kBool, true},
      {"false", NodeKind::kBool, false},
      {"FALSE", NodeKind::kBool, false},
      {"fAlSe", NodeKind::kBool, false},
      {"yes", NodeKind::kBool, true},
      {"Yes", NodeKind::kBool, true},
      {"YES", NodeKind::kBool, true},
      {"no", NodeKind::kBool, false},
      {"No", NodeKind::kBool, false},
      {"NO", NodeKind::kBool, false},
      {"on", NodeKind::kBool, true},
      {"On", NodeKind::kBool, true},
      {"ON", NodeKind::kBool, true},
      {"off", NodeKind::kBool, false},
      {"Off", NodeKind::kBool, false},
      {"OFF", NodeKind::kBool, false},
      // ... and look-alikes that stay strings.
      {"y", NodeKind::kString},
      {"Y", NodeKind::kString},
      {"n", NodeKind::kString},
      {"N", NodeKind::kString},
      {"yEs", NodeKind::kString},
      {"oN", NodeKind::kString},
      {"nO", NodeKind::kString},
      {"2012-10-17", NodeKind::kString},
      {"2012-10-17T12:00:00Z", NodeKind::kString},
      {"0o17", NodeKind::kString},
      {"8080:80", NodeKind::kString},
      {"12:60", NodeKind::kString},
      {"1.2.3", NodeKind::kString},
      {"1e", NodeKind::kString},
      {"-x", NodeKind::kString},
      {".", NodeKind::kString},
      {"_", NodeKind::kString},
      {"v1", NodeKind::kString},
      {"nULL", NodeKind::kString},
      {"0x", NodeKind::kString},
      {"0xG", NodeKind::kString},
      // Numbers (YAML 1.1 int / float), kept as written.
      {"0", NodeKind::kNumber},
      {"256", NodeKind::kNumber},
      {"-12", NodeKind::kNumber},
      {"+12", NodeKind::kNumber},
      {"0123", NodeKind::kNumber},
      {"012345678901", NodeKind::kNumber},
      {"1_000", NodeKind::kNumber},
      {"0x1F", NodeKind::kNumber},
      {"0b101", NodeKind::kNumber},
      {"1:30", NodeKind::kNumber},
      {"190:20:30", NodeKind::kNumber},
      {"1:30.5", NodeKind::kNumber},
      {"1.5", NodeKind::kNumber},
      {"1.", NodeKind::kNumber},
      {".5", NodeKind::kNumber},
      {"1e3", NodeKind::kNumber},
      {"-1.5E+3", NodeKind::kNumber},
      {".inf", NodeKind::kNumber},
      {"-.Inf", NodeKind::kNumber},
      {".NaN", NodeKind::kNumber},
      // Nulls.
      {"~", NodeKind::kNull},
      {"null", NodeKind::kNull},
      {"Null", NodeKind::kNull},
      {"NULL", NodeKind::kNull},
      {"", NodeKind::kNull},
  };
  for (const Case& c : cases) {
    const std::string doc = "v: " + std::string(c.text) + "\n";
    const Node root = load_ok(doc);
    const Node* v = root.find("v");
    ASSERT_NE(v, nullptr) << c.text;
    EXPECT_EQ(v->kind, c.kind) << "'" << c.text << "'";
    EXPECT_FALSE(v->quoted) << c.text;
    if (c.kind == NodeKind::kBool) {
      EXPECT_EQ(v->boolean, c.boolean) << c.text;
    }
    if (c.kind != NodeKind::kNull) {
      EXPECT_EQ(v->text, c.text) << "raw text kept";
    }
  }
}

TEST(YamlLoader, QuotedBlockAndTaggedScalars) {
  const Node root = load_ok(
      "a: 'yes'\n"
      "b: \"123\"\n"
      "c: |\n"
      "  line1\n"
      "  line2\n"
      "d: >\n"
      "  folded\n"
      "  text\n"
      "e: !!str 123\n"
      "f: !!int \"42\"\n"
      "g: ! 12\n"
      "h: !!bool yes\n"
      "i: !!null ''\n"
      "j: !!float 1.5\n"
      "k: !!timestamp 2012-10-17\n");
  const struct {
    const char* key;
    NodeKind kind;
    const char* text;
    bool quoted;
  } expected[] = {
      {"a", NodeKind::kString, "yes", true},
      {"b", NodeKind::kString, "123", true},
      {"c", NodeKind::kString, "line1\nline2\n", true},
      {"d", NodeKind::kString, "folded text\n", true},
      {"e", NodeKind::kString, "123", true},
      {"f", NodeKind::kNumber, "42", false},
      {"g", NodeKind::kString, "12", false},
      {"h", NodeKind::kBool, "yes", false},
      {"i", NodeKind::kNull, "", false},
      {"j", NodeKind::kNumber, "1.5", false},
      {"k", NodeKind::kString, "2012-10-17", false},
  };
  for (const auto& x : expected) {
    const Node* n = root.find(x.key);
    ASSERT_NE(n, nullptr) << x.key;
    EXPECT_EQ(n->kind, x.kind) << x.key;
    EXPECT_EQ(n->text, x.text) << x.key;
    EXPECT_EQ(n->quoted, x.quoted) << x.key;
  }
  EXPECT_EQ(root.find("b")->loc, at(2, 4));
  EXPECT_EQ(root.find("e")->loc, at(9, 10));  // content, after the tag

  EXPECT_EQ(load_err("a: !!int abc\n").code, core::Errc::kSyntax);
  EXPECT_EQ(load_err("a: !!bool maybe\n").code, core::Errc::kSyntax);
  EXPECT_EQ(load_err("a: !!seq x\n").code, core::Errc::kUnsupported);
  EXPECT_EQ(load_err("a: !!str [x]\n").code, core::Errc::kUnsupported);
  EXPECT_EQ(load_err("a: !!map [x]\n").code, core::Errc::kUnsupported);
  EXPECT_TRUE(load_yaml("a: !!seq [x]\nb: !!map {c: d}\n", kFile, {}).ok());
}

TEST(YamlLoader, FlowCollectionPositions) {
  const Node root = load_ok("{a: [1, 2], b: {c: d}}");
  EXPECT_EQ(root.loc, at(1, 1));
  EXPECT_EQ(root.members[0].key.loc, at(1, 2));
  EXPECT_EQ(root.members[0].value.loc, at(1, 5));
  EXPECT_EQ(root.members[0].value.items[1].loc, at(1, 9));
  EXPECT_EQ(root.members[1].value.loc, at(1, 16));
  EXPECT_EQ(root.members[1].value.members[0].key.loc, at(1, 17));
}

TEST(YamlLoader, AnchorsAliasesAndMergeKeys) {
  const Node root = load_ok(
      "Base: &base\n"
      "  Image: nginx\n"
      "  Memory: 512\n"
      "Web:\n"
      "  <<: *base\n"
      "  Memory: 1024\n"
      "  Name: web\n"
      "List: &list [a, b]\n"
      "Copy: *list\n"
      "Scalar: &s hello\n"
      "Again: *s\n"
      "Tagged: &t !Ref Thing\n"
      "TaggedCopy: *t\n");
  const Node* web = root.find("Web");
  ASSERT_NE(web, nullptr);
  ASSERT_EQ(web->members.size(), 3u);
  EXPECT_EQ(web->members[0].key.text, "Memory");
  EXPECT_EQ(web->members[0].value.text, "1024");  // the mapping's own key wins
  EXPECT_EQ(web->members[1].key.text, "Name");
  EXPECT_EQ(web->members[2].key.text, "Image");
  EXPECT_EQ(web->members[2].value.text, "nginx");
  EXPECT_EQ(web->members[2].value.loc, at(2, 10));  // copies keep the anchored locations
  EXPECT_EQ(web->find("<<"), nullptr);

  const Node* copy = root.find("Copy");
  ASSERT_NE(copy, nullptr);
  ASSERT_TRUE(copy->is_seq());
  ASSERT_EQ(copy->items.size(), 2u);
  EXPECT_EQ(copy->items[1].text, "b");
  EXPECT_EQ(copy->loc, at(8, 13));
  EXPECT_EQ(root.find("Again")->text, "hello");
  EXPECT_EQ(dig(root, {"TaggedCopy", "Ref"})->text, "Thing");
  EXPECT_EQ(root.find("Base")->loc, at(2, 3));  // content after the anchor
}

TEST(YamlLoader, MergeSequencePrecedence) {
  const Node root = load_ok(
      "A: &a {x: 1, y: 1}\n"
      "B: &b {x: 2, z: 2}\n"
      "C:\n"
      "  <<: [*a, *b]\n"
      "  w: 0\n"
      "D: {\"<<\": 5}\n");
  const Node* c = root.find("C");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->members.size(), 4u);
  EXPECT_EQ(c->find("w")->text, "0");
  EXPECT_EQ(c->find("x")->text, "1");  // earlier sources win
  EXPECT_EQ(c->find("y")->text, "1");
  EXPECT_EQ(c->find("z")->text, "2");
  // A quoted "<<" is an ordinary key.
  EXPECT_EQ(dig(root, {"D", "<<"})->text, "5");

  const core::Error e = load_err("a: &a [1]\nb:\n  <<: *a\n");
  EXPECT_EQ(e.code, core::Errc::kSyntax);
  EXPECT_NE(e.message.find("merge"), std::string::npos);
  EXPECT_EQ(load_err("a:\n  <<: 3\n").code, core::Errc::kSyntax);
}

TEST(YamlLoader, AliasErrors) {
  const core::Error unknown = load_err("a: *nope\n");
  EXPECT_EQ(unknown.code, core::Errc::kSyntax);
  EXPECT_EQ(unknown.where, at(1, 4));
  // An alias to its own (unfinished) anchor cannot be expanded.
  EXPECT_EQ(load_err("a: &x [1, *x]\n").code, core::Errc::kSyntax);
  // Scalar aliases are fine as keys, collections are not.
  const Node ok = load_ok("k: &k name\n*k : v\n");
  EXPECT_EQ(ok.find("name")->text, "v");
  EXPECT_EQ(load_err("k: &k [1]\n*k : v\n").code, core::Errc::kUnsupported);

  core::Limits limits;
  limits.max_alias_expansions = 3;
  EXPECT_TRUE(load_yaml("a: &a 1\nb: [*a, *a, *a]\n", kFile, limits).ok());
  const core::Error many = load_err("a: &a 1\nb: [*a, *a, *a, *a]\n", limits);
  EXPECT_EQ(many.code, core::Errc::kLimit);
  EXPECT_EQ(many.where, at(2, 17));
}

std::string billion_laughs() {
  std::string doc =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const char* names = "abcdefghi";
  for (int level = 1; level < 9; ++level) {
    doc += std::string(1, names[level]) + ": &" + names[level] + " [";
    for (int i = 0; i < 9; ++i) {
      if (i != 0) doc += ",";
      doc += std::string("*") + names[level - 1];
    }
    doc += "]\n";
  }
  return doc;
}

TEST(YamlLoader, AliasBombFailsWithLimit) {
  const std::string doc = billion_laughs();
  const auto t0 = std::chrono::steady_clock::now();
  const core::Error e = load_err(doc);
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(e.code, core::Errc::kLimit) << e.message;
  EXPECT_NE(e.message.find("max_nodes"), std::string::npos) << e.message;
  EXPECT_GE(e.where.line, 6u);
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 20);

  core::Limits limits;
  limits.max_nodes = 10'000;
  const core::Error small = load_err(doc, limits);
  EXPECT_EQ(small.code, core::Errc::kLimit);
  EXPECT_EQ(small.where.line, 4u) << small.message;  // d = 9 x c (820 nodes each) crosses 10,000
}

TEST(YamlLoader, DeepNestingFailsFastWithLimit) {
  const std::size_t levels = 200'000;
  for (const char* open : {"[", "{a: "}) {
    std::string text = "k:\n  ";
    for (std::size_t i = 0; i < levels; ++i) text += open;
    const auto t0 = std::chrono::steady_clock::now();
    const core::Error e = load_err(text);
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    EXPECT_EQ(e.code, core::Errc::kLimit) << e.message;
    EXPECT_EQ(e.where.line, 2u);
    EXPECT_NE(e.message.find("nesting deeper than 256"), std::string::npos) << e.message;
    EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 10);
  }
  // Block sequences nest too ("- - - x" is three levels).
  std::string block;
  for (int i = 0; i < 300; ++i) block += "- ";
  block += "x\n";
  EXPECT_EQ(load_err(block).code, core::Errc::kLimit);

  core::Limits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(load_yaml("a: {b: [1]}\n", kFile, limits).ok());
  const core::Error e = load_err("a: {b: [[1]]}\n", limits);
  EXPECT_EQ(e.code, core::Errc::kLimit);
  EXPECT_EQ(e.where, at(1, 9));
  // A short-form tag adds a level (its mapping), and an alias copy counts its own depth.
  EXPECT_TRUE(load_yaml("a: {b: !Ref x}\n", kFile, limits).ok());
  EXPECT_EQ(load_err("a: {b: [!Ref x]}\n", limits).code, core::Errc::kLimit);
  EXPECT_EQ(load_err("x: &x [[1]]\na: [*x]\n", limits).code, core::Errc::kLimit);
}

TEST(YamlLoader, LongScalarHitsLimit) {
  core::Limits limits;
  limits.max_file_bytes = std::size_t{128} << 20;
  std::string text = "k: \"";
  text.append(std::size_t{64} << 20, 'x');
  text += "\"\n";
  const core::Error e = load_err(text, limits);
  EXPECT_EQ(e.code, core::Errc::kLimit);
  EXPECT_EQ(e.where, at(1, 4));
  EXPECT_NE(e.message.find("max_scalar_bytes"), std::string::npos) << e.message;

  limits.max_scalar_bytes = 4;
  EXPECT_TRUE(load_yaml("abcd: [abcd, 1234]\n", kFile, limits).ok());
  EXPECT_EQ(load_err("a: abcde\n", limits).code, core::Errc::kLimit);
  EXPECT_EQ(load_err("abcde: 1\n", limits).code, core::Errc::kLimit);
}

TEST(YamlLoader, FileSizeAndNodeLimits) {
  core::Limits limits;
  limits.max_file_bytes = 4;
  const core::Error big = load_err("a: bcd\n", limits);
  EXPECT_EQ(big.code, core::Errc::kLimit);
  EXPECT_EQ(big.where, at(1, 1));

  limits = core::Limits{};
  limits.max_nodes = 5;
  EXPECT_TRUE(load_yaml("a: 1\nb: 2\n", kFile, limits).ok());
  const core::Error many = load_err("a: 1\nb: 2\nc: 3\n", limits);
  EXPECT_EQ(many.code, core::Errc::kLimit);
  EXPECT_EQ(many.where, at(3, 1));
}

TEST(YamlLoader, InvalidUtf8) {
  const core::Error e = load_err("a: ok\nb: x\xFFy\n");
  EXPECT_EQ(e.code, core::Errc::kSyntax);
  EXPECT_EQ(e.where, at(2, 5)) << e.message;
  EXPECT_NE(e.message.find("0xFF"), std::string::npos) << e.message;
  EXPECT_EQ(load_err("a: \"\xC0\xAF\"\n").code, core::Errc::kSyntax);
}

TEST(YamlLoader, TruncatedFiles) {
  // Cutting a YAML file often leaves valid YAML; whatever the cut, the loader returns a tree or a
  // located error.
  const std::string text(kTemplate);
  for (std::size_t n = 0; n < text.size(); ++n) {
    core::Result<Node> r = load_yaml(std::string_view(text.data(), n), kFile, core::Limits{});
    if (!r.ok()) {
      EXPECT_GE(r.error().where.line, 1u) << n;
      EXPECT_GE(r.error().where.column, 1u) << n;
      EXPECT_EQ(r.error().where.file, kFile) << n;
    }
  }
  struct Case {
    std::string_view text;
    core::Loc where;
  };
  const Case cases[] = {
      {"a: [1, 2", at(1, 9)},
      {"a: {b: 1", at(1, 9)},
      {"a: \"abc", at(1, 8)},
      {"a:\n  - 'x", at(2, 7)},
  };
  for (const Case& c : cases) {
    const core::Error e = load_err(c.text);
    EXPECT_EQ(e.code, core::Errc::kSyntax) << c.text;
    EXPECT_EQ(e.where, c.where) << c.text << " -> " << loc_str(e.where) << " " << e.message;
  }
}

TEST(YamlLoader, ErrorPositionsFromLibyaml) {
  const core::Error e = load_err("a: b\n  c: d\n");
  EXPECT_EQ(e.code, core::Errc::kSyntax);
  EXPECT_EQ(e.where, at(2, 4)) << e.message;
  EXPECT_NE(e.message.find("mapping values are not allowed"), std::string::npos) << e.message;

  const core::Error tab = load_err("a:\n\t- b\n");
  EXPECT_EQ(tab.code, core::Errc::kSyntax);
  EXPECT_EQ(tab.where.line, 2u) << tab.message;

  const core::Error ctx = load_err("a:\n  - b\n c: d\n");
  EXPECT_EQ(ctx.code, core::Errc::kSyntax);
  EXPECT_EQ(ctx.where.line, 3u) << ctx.message;
}

TEST(YamlLoader, DuplicateKeysLastWins) {
  const Node root = load_ok("a: 1\nb: 2\na: [3]\n");
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(root.members[0].key.loc, at(3, 1));
  ASSERT_TRUE(root.members[0].value.is_seq());
  EXPECT_EQ(root.members[0].value.items[0].text, "3");
}

TEST(YamlLoader, ByteOrderMarkAndCrlf) {
  const Node bom = load_ok(
      "\xEF\xBB\xBF"
      "a: b\n");
  EXPECT_EQ(bom.members[0].key.loc, at(1, 1));
  EXPECT_EQ(bom.members[0].value.loc, at(1, 4));

  const Node crlf = load_ok("a: 1\r\nb:\r\n  - x\r\n  - !Ref y\r\n\r\nc: |\r\n  t\r\n");
  const Node* b = crlf.find("b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->loc, at(3, 3));
  EXPECT_EQ(b->items[0].loc, at(3, 5));
  EXPECT_EQ(b->items[1].loc, at(4, 5));
  EXPECT_EQ(b->items[1].find("Ref")->loc, at(4, 10));
  EXPECT_EQ(crlf.find_member("c")->key.loc, at(6, 1));
  EXPECT_EQ(crlf.find("c")->text, "t\n");
}

TEST(YamlLoader, UnknownTagsAreUnsupported) {
  const core::Error e = load_err("a:\n  b: !Reff x\n");
  EXPECT_EQ(e.code, core::Errc::kUnsupported);
  EXPECT_EQ(e.where, at(2, 6));
  EXPECT_NE(e.message.find("!Reff"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("line 2"), std::string::npos) << e.message;
  EXPECT_EQ(load_err("a: !Foo [1]\n").code, core::Errc::kUnsupported);
  EXPECT_EQ(load_err("a: !<tag:example.com:x> y\n").code, core::Errc::kUnsupported);
  EXPECT_EQ(load_err("%TAG !e! tag:example.com:\n---\na: !e!x y\n").code, core::Errc::kUnsupported);
  EXPECT_EQ(load_err("a: !!python/object x\n").code, core::Errc::kUnsupported);
}

TEST(YamlLoader, NonScalarKeysAreUnsupported) {
  const core::Error e = load_err("? [a, b]\n: c\n");
  EXPECT_EQ(e.code, core::Errc::kUnsupported);
  EXPECT_EQ(e.where, at(1, 3));
  EXPECT_EQ(load_err("{[a]: b}\n").code, core::Errc::kUnsupported);
  EXPECT_EQ(load_err("? {a: b}\n: c\n").code, core::Errc::kUnsupported);
  EXPECT_EQ(load_err("!Ref a: b\n").code, core::Errc::kUnsupported);
  // Keys are strings with their exact text, whatever they look like.
  const Node root = load_ok("1: a\ntrue: b\n~: c\n'q': d\n");
  EXPECT_EQ(root.members[0].key.kind, NodeKind::kString);
  EXPECT_EQ(root.find("1")->text, "a");
  EXPECT_EQ(root.find("true")->text, "b");
  EXPECT_EQ(root.find("~")->text, "c");
  EXPECT_TRUE(root.find_member("q")->key.quoted);
}

TEST(YamlLoader, FirstDocumentOnly) {
  const Node root = load_ok("a: 1\n---\nb: 2\n--- [\n");
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.members.size(), 1u);
  EXPECT_EQ(root.members[0].key.text, "a");
  const Node explicit_start = load_ok("--- # comment\nx: 1\n...\n");
  EXPECT_EQ(explicit_start.members[0].key.loc, at(2, 1));
}

TEST(YamlLoader, EmptyDocuments) {
  // A default string_view has a null data pointer (libyaml asserts on a null input).
  EXPECT_TRUE(load_ok(std::string_view{}).is_null());
  for (std::string_view text : {"", "\n\n", "# only a comment\n", "---\n", "--- \n...\n"}) {
    const Node root = load_ok(text);
    EXPECT_TRUE(root.is_null()) << text;
    EXPECT_GE(root.loc.line, 1u) << text;
  }
}

TEST(LoadDocument, DispatchesOnFirstCharacter) {
  const Node json = testing::must_load(load_document, "\n  {\"a\": \"yes\", \"b\": 1}");
  EXPECT_EQ(json.find("a")->kind, NodeKind::kString);  // JSON: no YAML 1.1 typing
  EXPECT_EQ(json.find("a")->loc, at(2, 9));
  const Node yaml = testing::must_load(load_document, "a: yes\n");
  EXPECT_EQ(yaml.find("a")->kind, NodeKind::kBool);
  const Node bom = testing::must_load(load_document, "\xEF\xBB\xBF[1, 2]");
  EXPECT_EQ(bom.items.size(), 2u);
  const Node flow = testing::must_load(load_document, "# comment\n{a: !Ref b}\n");
  EXPECT_EQ(dig(flow, {"a", "Ref"})->text, "b");
  // JSON is chosen by the first character, so JSON syntax errors are reported as JSON errors.
  const core::Error e = testing::must_fail(load_document, "{\"a\": 1,}");
  EXPECT_NE(e.message.find("expected a string key"), std::string::npos) << e.message;
}

}  // namespace
}  // namespace ecsguard::parse
