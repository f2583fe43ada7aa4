#include "ecsguard/core/text_encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/code_units.h"

namespace ecsguard::core {
namespace {

// UTF-16 takes surrogates as units; UTF-32 takes code points.
std::string units(const std::vector<unsigned>& cps, int width, bool little, bool bom) {
  return test::code_units(cps, width, little, bom);
}

TEST(DetectEncoding, ByteOrderMarks) {
  EXPECT_EQ(detect_encoding(units({'{'}, 2, true, true)).encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(detect_encoding(units({'{'}, 2, false, true)).encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(detect_encoding(units({'{'}, 4, true, true)).encoding, TextEncoding::kUtf32Le);
  EXPECT_EQ(detect_encoding(units({'{'}, 4, false, true)).encoding, TextEncoding::kUtf32Be);
  EXPECT_EQ(detect_encoding(units({'{'}, 4, true, true)).bom_bytes, 4u);
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF{}").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF{}").bom_bytes, 0u) << "the loaders skip it";
  EXPECT_EQ(detect_encoding("{}").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(detect_encoding("").encoding, TextEncoding::kUtf8);
}

// Inputs shorter than a byte order mark are not one (the decoder once read past a lone 0xfe).
TEST(DetectEncoding, TruncatedByteOrderMarksAreNotMarks) {
  for (const std::string s : {"\xFE", "\xFF", "\xFF\xFE\x00", "\x00\x00\xFE"}) {
    const auto d = detect_encoding(s);
    EXPECT_LE(d.bom_bytes, s.size());
    EXPECT_NO_THROW((void)decode_to_utf8(s));  // it threw std::out_of_range on "\xFE"
  }
  EXPECT_EQ(detect_encoding("\xFE").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(detect_encoding("\xFF").bom_bytes, 0u);
  auto lone = decode_to_utf8("\xFE");
  ASSERT_TRUE(lone.ok());
  EXPECT_EQ(lone.value(), "\xFE") << "not a BOM: left for the UTF-8 loaders to judge";
}

TEST(DetectEncoding, NulPaddedAsciiWithoutBom) {
  EXPECT_EQ(detect_encoding(units({'{', '}'}, 2, true, false)).encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(detect_encoding(units({'{', '}'}, 2, false, false)).encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(detect_encoding(units({'{'}, 4, true, false)).encoding, TextEncoding::kUtf32Le);
  EXPECT_EQ(detect_encoding(units({'{'}, 4, false, false)).encoding, TextEncoding::kUtf32Be);
}

TEST(DecodeToUtf8, Utf16WithSurrogatePairsAndJapanese) {
  // "a", "タ" (U+30BF), U+1F600 (a surrogate pair in UTF-16)
  for (bool little : {true, false}) {
    auto text = decode_to_utf8(units({'a', 0x30bf, 0xd83d, 0xde00}, 2, little, true));
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(*text, "a\xE3\x82\xBF\xF0\x9F\x98\x80");
  }
}

TEST(DecodeToUtf8, Utf32) {
  for (bool little : {true, false}) {
    auto text = decode_to_utf8(units({'a', 0x30bf, 0x1f600}, 4, little, true));
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(*text, "a\xE3\x82\xBF\xF0\x9F\x98\x80");
  }
}

TEST(DecodeToUtf8, Utf8IsUntouched) {
  const std::string s = "\xEF\xBB\xBF{\"a\": \"\xE3\x82\xBF\"}";
  auto text = decode_to_utf8(s);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, s);
}

TEST(DecodeToUtf8, UndecodableTextIsASyntaxErrorWithTheOffset) {
  struct Case {
    std::string bytes;
    const char* what;
  };
  const Case cases[] = {
      {units({'a', 0xd83d}, 2, true, true), "unpaired high surrogate"},
      {units({'a', 0xde00, 'b'}, 2, true, true), "unpaired low surrogate"},
      {units({'a', 0xd83d, 'b'}, 2, false, true), "unpaired high surrogate"},
      {units({'a'}, 2, true, true) + "x", "odd number of bytes"},
      {units({'a', 0x110000}, 4, true, true), "invalid code point"},
      {units({'a', 0xd800}, 4, false, true), "invalid code point"},
      {units({'a'}, 4, true, true) + "xy", "truncated code unit"},
  };
  for (const auto& c : cases) {
    auto text = decode_to_utf8(c.bytes);
    ASSERT_FALSE(text.ok()) << c.what;
    EXPECT_EQ(text.error().code, Errc::kSyntax);
    EXPECT_NE(text.error().message.find(c.what), std::string::npos) << text.error().message;
    EXPECT_NE(text.error().message.find("at byte "), std::string::npos) << text.error().message;
  }
}

}  // namespace
}  // namespace ecsguard::core
