#include "ecsguard/core/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace ecsguard::core {
namespace {

TEST(JsonString, EscapesQuotesBackslashAndControlCharacters) {
  EXPECT_EQ(json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_string("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(json_string(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
  EXPECT_EQ(json_string(std::string(1, '\0')), R"("\u0000")");
  EXPECT_EQ(json_string("タスクロール"), "\"タスクロール\"") << "UTF-8 is copied";
}

TEST(JsonString, RoundTripsThroughAParser) {
  std::string all;
  for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
  EXPECT_EQ(nlohmann::json::parse(json_string(all)).get<std::string>(), all);
}

TEST(JsonWriter, PrettyLayoutWithEmptyContainersOnOneLine) {
  std::string out;
  {
    JsonWriter w(out);
    w.begin_object();
    w.member("name", "x");
    w.key("list").begin_array().value(1).value(true).null().end_array();
    w.key("empty").begin_array().end_array();
    w.key("obj").begin_object().end_object();
    w.end_object();
  }
  EXPECT_EQ(out,
            "{\n"
            "  \"name\": \"x\",\n"
            "  \"list\": [\n"
            "    1,\n"
            "    true,\n"
            "    null\n"
            "  ],\n"
            "  \"empty\": [],\n"
            "  \"obj\": {}\n"
            "}\n");
}

TEST(JsonWriter, InlineContainersStayOnOneLine) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("ports").begin_array_inline();
  w.begin_object().member("port", 80).member("protocol", "tcp").end_object();
  w.begin_object().member("port", 443).member("protocol", "tcp").end_object();
  w.end_array();
  w.key("none").begin_array_inline().end_array();
  w.end_object();
  EXPECT_EQ(out,
            "{\n"
            "  \"ports\": [{\"port\": 80, \"protocol\": \"tcp\"}, {\"port\": 443, \"protocol\": "
            "\"tcp\"}],\n"
            "  \"none\": []\n"
            "}\n");
}

TEST(JsonWriter, StreamsInPiecesAndTheResultIsValidJson) {
  std::ostringstream os;
  {
    JsonWriter w(os, 64);  // flushes many times
    w.begin_array();
    for (int i = 0; i < 500; ++i) w.begin_object().member("i", i).member("s", "v\"").end_object();
    w.end_array();
    EXPECT_FALSE(os.str().empty()) << "written before the end";
  }
  const auto j = nlohmann::json::parse(os.str());
  ASSERT_EQ(j.size(), 500u);
  EXPECT_EQ(j[499]["i"], 499);
  EXPECT_EQ(j[0]["s"], "v\"");
}

TEST(JsonWriter, NumbersOfEveryWidth) {
  std::string out;
  JsonWriter w(out);
  w.begin_array_inline()
      .value(std::uint64_t{18446744073709551615ULL})
      .value(std::int64_t{-5})
      .value(7u)
      .value(-1)
      .value(12345678901LL)
      .end_array();
  EXPECT_EQ(out, "[18446744073709551615, -5, 7, -1, 12345678901]\n");
}

}  // namespace
}  // namespace ecsguard::core
