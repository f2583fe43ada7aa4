#include "ecsguard/parse/json_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "loader_test_util.h"

namespace ecsguard::parse {
namespace {

using testing::at;
using testing::dig;
using testing::kFile;
using testing::loc_str;

Node load_ok(std::string_view text, const core::Limits& limits = {}) {
  return testing::must_load(load_json, text, limits);
}
core::Error load_err(std::string_view text, const core::Limits& limits = {}) {
  return testing::must_fail(load_json, text, limits);
}

constexpr std::string_view kTemplate = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "TaskDef": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "Cpu": 256,
        "ContainerDefinitions": [
          {"Name": "web", "Privileged": true, "Memory": 512.50, "User": null}
        ]
      }
    }
  }
})";

TEST(JsonLoader, PositionsOfNodesAndKeys) {
  const Node root = load_ok(kTemplate);
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(root.loc, at(1, 1));
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(root.members[0].key.text, "AWSTemplateFormatVersion");
  EXPECT_EQ(root.members[0].key.loc, at(2, 3));
  EXPECT_EQ(root.members[0].value.loc, at(2, 31));
  EXPECT_EQ(root.members[1].key.loc, at(3, 3));
  EXPECT_EQ(root.members[1].value.loc, at(3, 16));

  const Node* task = dig(root, {"Resources", "TaskDef"});
  ASSERT_NE(task, nullptr);
  EXPECT_EQ(task->loc, at(4, 16));
  const Member* type = task->find_member("Type");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->key.loc, at(5, 7));
  EXPECT_EQ(type->value.loc, at(5, 15));
  EXPECT_EQ(type->value.text, "AWS::ECS::TaskDefinition");

  const Node* cpu = dig(root, {"Resources", "TaskDef", "Properties", "Cpu"});
  ASSERT_NE(cpu, nullptr);
  EXPECT_EQ(cpu->loc, at(7, 16));

  const Node* defs = dig(root, {"Resources", "TaskDef", "Properties", "ContainerDefinitions"});
  ASSERT_NE(defs, nullptr);
  ASSERT_TRUE(defs->is_seq());
  EXPECT_EQ(defs->loc, at(8, 33));
  const Node* c0 = dig(*defs, {"#0"});
  ASSERT_NE(c0, nullptr);
  EXPECT_EQ(c0->loc, at(9, 11));
  const Member* priv = c0->find_member("Privileged");
  ASSERT_NE(priv, nullptr);
  EXPECT_EQ(priv->key.loc, at(9, 27));
  EXPECT_EQ(priv->value.loc, at(9, 41));
  const Member* user = c0->find_member("User");
  ASSERT_NE(user, nullptr);
  EXPECT_EQ(user->value.loc, at(9, 73));
}

TEST(JsonLoader, ScalarKinds) {
  const Node root = load_ok(kTemplate);
  const Node* c0 = dig(root, {"Resources", "TaskDef", "Properties", "ContainerDefinitions", "#0"});
  ASSERT_NE(c0, nullptr);
  const Node* priv = c0->find("Privileged");
  ASSERT_NE(priv, nullptr);
  EXPECT_EQ(priv->kind, NodeKind::kBool);
  EXPECT_TRUE(priv->boolean);
  EXPECT_EQ(priv->scalar_text(), "true");
  const Node* mem = c0->find("Memory");
  ASSERT_NE(mem, nullptr);
  EXPECT_EQ(mem->kind, NodeKind::kNumber);
  EXPECT_EQ(mem->text, "512.50");  // raw text, not 512.5
  const Node* user = c0->find("User");
  ASSERT_NE(user, nullptr);
  EXPECT_TRUE(user->is_null());
  const Node* name = c0->find("Name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->kind, NodeKind::kString);
  EXPECT_FALSE(name->quoted);
  const Node* version = root.find("AWSTemplateFormatVersion");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(version->kind, NodeKind::kString);
  EXPECT_EQ(version->text, "2010-09-09");
}

TEST(JsonLoader, NumbersKeepRawText) {
  const Node root =
      load_ok(R"([0, -0, 1.50, 1e10, 1E-5, -12.5e+3, 123456789012345678901234567890, 0.000])");
  ASSERT_TRUE(root.is_seq());
  const char* expected[] = {
      "0", "-0", "1.50", "1e10", "1E-5", "-12.5e+3", "123456789012345678901234567890", "0.000"};
  ASSERT_EQ(root.items.size(), std::size(expected));
  for (std::size_t i = 0; i < root.items.size(); ++i) {
    EXPECT_EQ(root.items[i].kind, NodeKind::kNumber) << i;
    EXPECT_EQ(root.items[i].text, expected[i]) << i;
  }
  EXPECT_EQ(root.items[2].loc, at(1, 9));
}

TEST(JsonLoader, InvalidNumbersAndLiterals) {
  for (std::string_view bad : {"[01]", "[1.]", "[-]", "[+1]", "[.5]", "[1e]", "[1e+]", "[0x10]",
                               "[1.5.6]", "[12x]", "[-01]", "[Infinity]", "[NaN]"}) {
    const core::Error e = load_err(bad);
    EXPECT_EQ(e.code, core::Errc::kSyntax) << bad;
    EXPECT_EQ(e.where, at(1, 2)) << bad << " -> " << e.message;
  }
  for (std::string_view bad : {"[tru]", "[nul]", "[truex]", "[falsey]", "[True]", "[NULL]"}) {
    const core::Error e = load_err(bad);
    EXPECT_EQ(e.code, core::Errc::kSyntax) << bad;
    EXPECT_EQ(e.where, at(1, 2)) << bad << " -> " << e.message;
  }
  EXPECT_NE(load_err("[tru]").message.find("invalid literal 'tru'"), std::string::npos);
}

TEST(JsonLoader, StringsAreUnescaped) {
  const Node root = load_ok(R"({"k\"ey": "a\nb\u00e9\ud83d\ude00\/"})");
  ASSERT_EQ(root.members.size(), 1u);
  EXPECT_EQ(root.members[0].key.text, "k\"ey");
  EXPECT_EQ(root.members[0].value.text, "a\nb\xC3\xA9\xF0\x9F\x98\x80/");
  EXPECT_EQ(root.members[0].value.loc, at(1, 11));
}

TEST(JsonLoader, ColumnsCountCharactersNotBytes) {
  // "é" is two bytes, "😀" four; both count as one column.
  const Node root = load_ok("{\"\xC3\xA9\xF0\x9F\x98\x80\": 1, \"b\": 2}");
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(root.members[0].value.loc, at(1, 8));
  EXPECT_EQ(root.members[1].key.loc, at(1, 11));
}

TEST(JsonLoader, DuplicateKeysLastWinsInEarlierSlot) {
  const Node root = load_ok("{\n\"a\": 1,\n\"b\": 2,\n\"a\": [3]\n}");
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(root.members[0].key.text, "a");
  EXPECT_TRUE(root.members[0].value.is_seq());
  ASSERT_EQ(root.members[0].value.items.size(), 1u);
  EXPECT_EQ(root.members[0].value.items[0].text, "3");
  EXPECT_EQ(root.members[0].key.loc, at(4, 1));  // the winning key
  EXPECT_EQ(root.members[0].value.loc, at(4, 6));
  EXPECT_EQ(root.members[1].key.text, "b");
}

TEST(JsonLoader, DuplicateKeysInLargeObjects) {
  // More members than the linear-scan threshold, so the hashed index is used.
  std::string text = "{";
  for (int i = 0; i < 200; ++i)
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  text += "\"k7\": \"late\", \"k150\": \"later\"}";
  const Node root = load_ok(text);
  ASSERT_EQ(root.members.size(), 200u);
  EXPECT_EQ(root.members[7].value.text, "late");
  EXPECT_EQ(root.members[150].value.text, "later");
  EXPECT_EQ(root.members[199].value.text, "199");
  EXPECT_EQ(root.find("k150")->text, "later");
}

TEST(JsonLoader, ByteOrderMarkIsSkipped) {
  const Node root = load_ok("\xEF\xBB\xBF{\"a\": true}");
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(root.loc, at(1, 1));
  EXPECT_EQ(root.members[0].value.loc, at(1, 7));
}

TEST(JsonLoader, CrlfLineEndings) {
  const Node root = load_ok("{\r\n  \"a\": 1,\r\n\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n");
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(root.members[0].key.loc, at(2, 3));
  EXPECT_EQ(root.members[1].key.loc, at(4, 3));
  EXPECT_EQ(root.members[1].value.items[0].loc, at(5, 5));
  const core::Error e = load_err("{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}");
  EXPECT_EQ(e.where, at(3, 7)) << e.message;
}

TEST(JsonLoader, ScalarDocuments) {
  EXPECT_EQ(load_ok("  42 ").text, "42");
  EXPECT_EQ(load_ok("\"hi\"").text, "hi");
  EXPECT_EQ(load_ok("\n true").kind, NodeKind::kBool);
  EXPECT_EQ(load_ok("\n true").loc, at(2, 2));
  EXPECT_TRUE(load_ok("null").is_null());
  EXPECT_EQ(load_err("42 43").where, at(1, 4));
  EXPECT_EQ(load_err("\"a\" \"b\"").code, core::Errc::kSyntax);
}

TEST(JsonLoader, ErrorPositionsAndMessages) {
  struct Case {
    std::string_view text;
    core::Loc where;
    std::string_view message;
  };
  const Case cases[] = {
      {"{\"a\": 1,}", at(1, 9), "expected a string key, found '}'"},
      {"{\"a\" 1}", at(1, 6), "expected ':' after object key, found '1'"},
      {"{\"a\": 1 \"b\": 2}", at(1, 9), "expected ',' or '}' after object member, found '\"'"},
      {"[1 2]", at(1, 4), "expected ',' or ']' after array element, found '2'"},
      {"[1,]", at(1, 4), "expected a value, found ']'"},
      {"{\n  \"a\": [1,\n    2,,\n  ]\n}", at(3, 7), "expected a value, found ','"},
      {"{\"a\": 1} x", at(1, 10), "unexpected content after the JSON document, found 'x'"},
      {"{\"a\": 1}}", at(1, 9), "unexpected content after the JSON document, found '}'"},
      {"[\"a\tb\"]", at(1, 4), "unescaped control character 0x09 in string"},
      {"{\"a\": \"b\\q\"}", at(1, 7), "invalid string"},
      {"{\"a\\x\": 1}", at(1, 2), "invalid object key"},
      {"[\"\\ud800\"]", at(1, 2), "unpaired surrogate"},
      {"", at(1, 1), "empty document"},
      {std::string_view{}, at(1, 1), "empty document"},
      {"  \n ", at(2, 2), "empty document"},
  };
  for (const Case& c : cases) {
    const core::Error e = load_err(c.text);
    EXPECT_EQ(e.code, core::Errc::kSyntax) << c.text;
    EXPECT_EQ(e.where, c.where) << c.text << " -> " << loc_str(e.where) << " " << e.message;
    EXPECT_NE(e.message.find(c.message), std::string::npos) << c.text << " -> " << e.message;
  }
}

TEST(JsonLoader, InvalidUtf8) {
  const core::Error e = load_err("{\n  \"a\": \"ok\",\n  \"b\": \"x\xFFy\"\n}");
  EXPECT_EQ(e.code, core::Errc::kSyntax);
  EXPECT_EQ(e.where, at(3, 10)) << e.message;
  EXPECT_NE(e.message.find("invalid UTF-8"), std::string::npos) << e.message;
  // Overlong encoding and a UTF-16 surrogate encoded in UTF-8.
  EXPECT_EQ(load_err("[\"\xC0\xAF\"]").where, at(1, 3));
  EXPECT_EQ(load_err("[\"\xED\xA0\x80\"]").where, at(1, 3));
}

TEST(JsonLoader, TruncatedFilesFailWithPosition) {
  // Every proper prefix of a document (that is not itself a complete value) is an error with a
  // position inside the prefix (or just after it).
  const std::string text(kTemplate);
  for (std::size_t n = 0; n < text.size(); ++n) {
    const std::string_view prefix(text.data(), n);
    core::Result<Node> r = load_json(prefix, kFile, core::Limits{});
    ASSERT_FALSE(r.ok()) << "prefix of " << n << " bytes parsed";
    const core::Error& e = r.error();
    EXPECT_EQ(e.code, core::Errc::kSyntax) << n;
    EXPECT_EQ(e.where.file, kFile) << n;
    EXPECT_GE(e.where.line, 1u) << n;
    EXPECT_GE(e.where.column, 1u) << n;
    EXPECT_LE(e.where.line, 14u) << n;
  }
  const core::Error e = load_err("{\n  \"a\": [1, 2");
  EXPECT_EQ(e.where, at(2, 13)) << e.message;
  EXPECT_NE(e.message.find("unexpected end of input, unclosed '[' opened at line 2, column 8"),
            std::string::npos)
      << e.message;
  const core::Error s = load_err("{\"a\": \"abc");
  EXPECT_EQ(s.where, at(1, 7));
  EXPECT_NE(s.message.find("unterminated string"), std::string::npos) << s.message;
}

TEST(JsonLoader, DeepNestingFailsFastWithLimit) {
  for (const char* open : {"[", "{\"a\":"}) {
    std::string text;
    const std::size_t levels = 200'000;
    text.reserve(levels * 5 + 10);
    text.push_back('\n');
    for (std::size_t i = 0; i < levels; ++i) text += open;
    for (std::size_t i = 0; i < levels; ++i) text += open[0] == '[' ? "]" : "}";
    const auto t0 = std::chrono::steady_clock::now();
    const core::Error e = load_err(text);
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    EXPECT_EQ(e.code, core::Errc::kLimit) << e.message;
    EXPECT_EQ(e.where.line, 2u);
    EXPECT_GT(e.where.column, 1u);
    EXPECT_NE(e.message.find("nesting deeper than 256"), std::string::npos) << e.message;
    EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 10);
  }
  // Exactly at the limit is fine.
  core::Limits limits;
  limits.max_depth = 4;
  EXPECT_TRUE(load_json("[[[[1]]]]", kFile, limits).ok());
  const core::Error e = load_err("[[[[[1]]]]]", limits);
  EXPECT_EQ(e.code, core::Errc::kLimit);
  EXPECT_EQ(e.where, at(1, 5));
}

TEST(JsonLoader, LongScalarHitsLimit) {
  core::Limits limits;
  limits.max_file_bytes = std::size_t{128} << 20;
  std::string text = "{\"k\": \"";
  text.append(std::size_t{64} << 20, 'x');
  text += "\"}";
  const core::Error e = load_err(text, limits);
  EXPECT_EQ(e.code, core::Errc::kLimit);
  EXPECT_EQ(e.where, at(1, 7));
  EXPECT_NE(e.message.find("max_scalar_bytes"), std::string::npos) << e.message;

  limits.max_scalar_bytes = 4;
  EXPECT_TRUE(load_json("[\"abcd\", 1234]", kFile, limits).ok());
  EXPECT_EQ(load_err("[\"abcde\"]", limits).code, core::Errc::kLimit);
  EXPECT_EQ(load_err("[12345]", limits).code, core::Errc::kLimit);
  EXPECT_EQ(load_err("{\"abcde\": 1}", limits).code, core::Errc::kLimit);
}

TEST(JsonLoader, FileSizeAndNodeLimits) {
  core::Limits limits;
  limits.max_file_bytes = 8;
  const core::Error big = load_err("[1, 2, 3, 4]", limits);
  EXPECT_EQ(big.code, core::Errc::kLimit);
  EXPECT_EQ(big.where, at(1, 1));

  limits = core::Limits{};
  limits.max_nodes = 5;  // root + 2 keys + 2 values
  EXPECT_TRUE(load_json("{\"a\": 1, \"b\": 2}", kFile, limits).ok());
  const core::Error many = load_err("{\"a\": 1, \"b\": 2, \"c\": 3}", limits);
  EXPECT_EQ(many.code, core::Errc::kLimit);
  EXPECT_EQ(many.where, at(1, 18));
}

TEST(JsonLoader, LargerThanReuseBufferInput) {
  // Inputs above the per-thread buffer size take the other path; parse one and then a small one.
  std::string text = "[";
  while (text.size() < (std::size_t{5} << 20)) text += "\"0123456789abcdef0123456789\",";
  text += "true]";
  const Node root = load_ok(text);
  ASSERT_TRUE(root.is_seq());
  EXPECT_EQ(root.items.back().kind, NodeKind::kBool);
  EXPECT_EQ(load_ok("[1]").items.size(), 1u);
}

}  // namespace
}  // namespace ecsguard::parse
