// apk version comparison, written from apk-tools' documented rules (apk-version(8)) and its test
// vectors: a version is a sequence of typed tokens compared pairwise.
#include <cstdint>
#include <string_view>

#include "ecsguard/core/strings.h"
#include "ecsguard/vuln/version.h"

namespace ecsguard::vuln {

namespace {

// Token types in the order they may follow each other.
enum class Tok : unsigned char {
  kInitialDigit,
  kDigit,
  kLetter,
  kSuffix,
  kSuffixNo,
  kCommitHash,
  kRevision,
  kEnd,
  kInvalid,
};

// Suffix order: pre-releases, then "no suffix", then post-releases.
constexpr std::string_view kSuffixes[] = {"alpha", "beta", "pre", "rc", "",
                                          "cvs",   "svn",  "git", "hg", "p"};
constexpr int kNoSuffix = 4;

int suffix_rank(std::string_view s) noexcept {
  if (s.empty()) return -1;
  for (int i = 0; i < 10; ++i) {
    if (i != kNoSuffix && kSuffixes[i] == s) return i;
  }
  return -1;
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f'); }

struct Token {
  Tok type = Tok::kInitialDigit;
  std::string_view text;  // the token's characters (digits, letter, suffix, hash)
  std::uint64_t number = 0;
  int suffix = -1;
};

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Token first() {
    Token t;
    t.type = Tok::kInitialDigit;
    digits(t);
    return t;
  }

  // The token after `prev` (its type decides what may follow).
  void next(Token& t) {
    if (pos_ >= s_.size()) {
      t.type = Tok::kEnd;
      return;
    }
    const char c = s_[pos_];
    const Tok prev = t.type;
    if (is_lower(c)) {
      if (prev > Tok::kDigit) return invalid(t);
      t.text = s_.substr(pos_++, 1);
      t.type = Tok::kLetter;
    } else if (c == '.' || is_digit(c)) {
      if (c == '.') {
        if (prev > Tok::kDigit) return invalid(t);
        ++pos_;
      }
      if (prev == Tok::kInitialDigit || prev == Tok::kDigit) {
        t.type = Tok::kDigit;
      } else if (prev == Tok::kSuffix) {
        t.type = Tok::kSuffixNo;
      } else {
        return invalid(t);
      }
      digits(t);
    } else if (c == '_') {
      if (prev > Tok::kSuffixNo) return invalid(t);
      const std::size_t start = ++pos_;
      while (pos_ < s_.size() && is_lower(s_[pos_])) ++pos_;
      t.text = s_.substr(start, pos_ - start);
      t.suffix = suffix_rank(t.text);
      if (t.suffix < 0) return invalid(t);
      t.type = Tok::kSuffix;
    } else if (c == '~') {
      if (prev >= Tok::kCommitHash) return invalid(t);
      const std::size_t start = ++pos_;
      while (pos_ < s_.size() && is_hex(s_[pos_])) ++pos_;
      t.text = s_.substr(start, pos_ - start);
      if (t.text.empty()) return invalid(t);
      t.type = Tok::kCommitHash;
    } else if (c == '-') {
      if (prev >= Tok::kRevision || s_.substr(pos_, 2) != "-r") return invalid(t);
      pos_ += 2;
      t.type = Tok::kRevision;
      digits(t);
    } else {
      invalid(t);
    }
  }

 private:
  void digits(Token& t) {
    const std::size_t start = pos_;
    t.number = 0;
    while (pos_ < s_.size() && is_digit(s_[pos_])) {
      if (t.number < (UINT64_MAX - 9) / 10) {
        t.number = t.number * 10 + static_cast<std::uint64_t>(s_[pos_] - '0');
      }
      ++pos_;
    }
    t.text = s_.substr(start, pos_ - start);
    if (t.text.empty()) t.type = Tok::kInvalid;
  }
  static void invalid(Token& t) { t.type = Tok::kInvalid; }

  std::string_view s_;
  std::size_t pos_ = 0;
};

int sign(std::uint64_t a, std::uint64_t b) noexcept { return a < b ? -1 : (a > b ? 1 : 0); }

int string_order(std::string_view a, std::string_view b) noexcept {
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Two tokens of the same type.
int compare_tokens(const Token& a, const Token& b) noexcept {
  switch (a.type) {
    case Tok::kDigit:
      // A leading zero makes the group compare as text ("1.02" < "1.1"), as Gentoo does.
      if (a.text.front() == '0' || b.text.front() == '0') return string_order(a.text, b.text);
      return sign(a.number, b.number);
    case Tok::kInitialDigit:
    case Tok::kSuffixNo:
    case Tok::kRevision:
      return sign(a.number, b.number);
    case Tok::kLetter:
      return sign(static_cast<unsigned char>(a.text.front()),
                  static_cast<unsigned char>(b.text.front()));
    case Tok::kSuffix:
      return sign(static_cast<std::uint64_t>(a.suffix), static_cast<std::uint64_t>(b.suffix));
    default:
      return string_order(a.text, b.text);
  }
}

}  // namespace

int compare_apk(std::string_view a, std::string_view b) noexcept {
  Lexer la(a);
  Lexer lb(b);
  Token ta = la.first();
  Token tb = lb.first();
  while (ta.type == tb.type && ta.type < Tok::kEnd) {
    const int r = compare_tokens(ta, tb);
    if (r != 0) return r;
    la.next(ta);
    lb.next(tb);
  }
  if (ta.type == tb.type) return 0;
  // Equal so far: the longer one is newer, unless it goes on with a pre-release suffix.
  if (ta.type == Tok::kSuffix && ta.suffix < kNoSuffix) return -1;
  if (tb.type == Tok::kSuffix && tb.suffix < kNoSuffix) return 1;
  return ta.type > tb.type ? -1 : 1;
}

bool valid_apk(std::string_view v) noexcept {
  Lexer l(v);
  Token t = l.first();
  while (t.type < Tok::kEnd) l.next(t);
  return t.type == Tok::kEnd;
}

int compare(Ecosystem eco, std::string_view a, std::string_view b) noexcept {
  switch (eco) {
    case Ecosystem::kDebian:
      return compare_dpkg(a, b);
    case Ecosystem::kAlpine:
      return compare_apk(a, b);
    case Ecosystem::kOther:
      break;
  }
  return string_order(a, b);
}

Ecosystem ecosystem_of(std::string_view osv) noexcept {
  const std::string_view base = osv.substr(0, osv.find(':'));
  if (core::iequals(base, "Debian")) return Ecosystem::kDebian;
  if (core::iequals(base, "Alpine")) return Ecosystem::kAlpine;
  return Ecosystem::kOther;
}

}  // namespace ecsguard::vuln
