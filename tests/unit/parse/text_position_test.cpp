// The loaders' offset -> line/column helper against a naive reference, on random texts mixing
// LF, CRLF, lone CR, multi-byte characters and YAML's Unicode line breaks.
#include "ecsguard/parse/detail/text_position.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace ecsguard::parse::detail {
namespace {

// Reference: walk from the start, one break or code point at a time.
LineCol reference(std::string_view text, std::size_t offset, LineBreaks breaks) {
  LineCol pos;
  std::size_t i = 0;
  while (i < offset) {
    const std::size_t br = line_break_length(text, i, breaks);
    if (br != 0) {
      if (i + br > offset) break;
      ++pos.line;
      pos.column = 1;
      i += br;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++pos.column;
    ++i;
  }
  return pos;
}

std::string random_text(std::mt19937& rng, bool lone_cr, bool yaml_breaks) {
  std::vector<std::string> pieces = {
      "a", "b", " ", "\n", "\r\n", "\xC3\xA9", "\xF0\x9F\x98\x80", "{", "\"", "xxxxxxxxxxxxxxx"};
  if (lone_cr) pieces.emplace_back("\r");
  if (yaml_breaks) {
    pieces.emplace_back("\xC2\x85");
    pieces.emplace_back("\xE2\x80\xA8");
  }
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> len(0, 200);
  std::string text;
  for (int i = len(rng); i > 0; --i) text += pieces[pick(rng)];
  return text;
}

// Offsets a loader may ask for: token starts, never inside a multi-byte character.
std::vector<std::size_t> boundaries(std::string_view text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      out.push_back(i);
    }
  }
  return out;
}

void check_random(LineBreaks breaks, bool lone_cr, bool padded) {
  std::mt19937 rng(lone_cr ? 7 : 11);
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_text(rng, lone_cr, breaks == LineBreaks::kYaml);
    std::string storage = text + std::string(16, '\0');  // padding for the padded mode
    const std::string_view view(storage.data(), text.size());
    PositionTracker tracker(view, breaks, padded);
    const std::vector<std::size_t> offsets = boundaries(text);
    std::uniform_int_distribution<int> skip(0, 6);
    for (std::size_t k = 0; k < offsets.size(); k += static_cast<std::size_t>(skip(rng)) + 1) {
      const std::size_t off = offsets[k];
      const LineCol got = tracker.at(off);
      const LineCol want = reference(text, off, breaks);
      ASSERT_EQ(got.line, want.line) << "round " << round << " offset " << off;
      ASSERT_EQ(got.column, want.column) << "round " << round << " offset " << off;
    }
    // Going backwards restarts from the top and is still right.
    if (!offsets.empty()) {
      const std::size_t off = offsets[offsets.size() / 2];
      const LineCol got = tracker.at(off);
      const LineCol want = reference(text, off, breaks);
      EXPECT_EQ(got.line, want.line);
      EXPECT_EQ(got.column, want.column);
    }
  }
}

TEST(PositionTracker, MatchesReferenceJsonBreaks) { check_random(LineBreaks::kJson, false, false); }
TEST(PositionTracker, MatchesReferencePadded) { check_random(LineBreaks::kJson, false, true); }
TEST(PositionTracker, MatchesReferenceWithLoneCr) { check_random(LineBreaks::kJson, true, true); }
TEST(PositionTracker, MatchesReferenceYamlBreaks) { check_random(LineBreaks::kYaml, true, false); }

TEST(PositionTracker, SeedContinuesFromAMark) {
  const std::string text = "ab\ncd: !Ref  x";
  PositionTracker tracker(text, LineBreaks::kYaml);
  tracker.seed(3, LineCol{2, 1});
  const LineCol at_x = tracker.at(13);
  EXPECT_EQ(at_x.line, 2u);
  EXPECT_EQ(at_x.column, 11u);
}

TEST(LineStarts, ConvertsMarksToOffsets) {
  const std::string text =
      "a\xC3\xA9z\r\nsecond\rthird\xE2\x80\xA8"
      "fourth";
  LineStarts lines(text, LineBreaks::kYaml);
  EXPECT_EQ(lines.byte_offset(0, 0), 0u);
  EXPECT_EQ(lines.byte_offset(0, 2), 3u);  // after "aé"
  EXPECT_EQ(lines.byte_offset(1, 0), 6u);
  EXPECT_EQ(lines.byte_offset(2, 1), 14u);
  EXPECT_EQ(lines.byte_offset(3, 0), text.find("fourth"));
  EXPECT_EQ(lines.byte_offset(9, 0), text.size());
  EXPECT_EQ(lines.byte_offset(0, 99), text.size());  // clamped to the text
}

TEST(FindInvalidUtf8, FindsFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("\xC3\xA9\xF0\x9F\x98\x80"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(find_invalid_utf8("ab\xC3"), 2u);            // truncated sequence
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);          // overlong
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);      // overlong (3 bytes)
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("a\x80"), 1u);             // stray continuation byte
}

}  // namespace
}  // namespace ecsguard::parse::detail
