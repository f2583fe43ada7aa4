// JSON -> parse::Node with simdjson's On-Demand API.
//
// Why On-Demand: it is the simdjson front end that exposes where each token sits in the input
// (value::raw_json_token(), raw_json_string::raw(), document::current_location()), so every node
// gets a line and column. Stage 1 (structural indexing + UTF-8 validation) and string unescaping
// run in simdjson's runtime-dispatched kernels (the best the CPU has); the On-Demand walk itself is
// compiled for the baseline target. The walk visits every token, so the whole document is
// validated: scalars are checked here (numbers against the JSON grammar, literals exactly), strings
// by simdjson's unescaper, structure by the iterators, trailing content at the end.
//
// Shape of the result:
//   * objects -> kMap (members in document order), arrays -> kSeq, strings -> kString (unescaped),
//     numbers -> kNumber with their exact source text, true/false -> kBool (text "true"/"false"),
//     null -> kNull (text "null");
//   * every node's loc is its first byte ('{', '[', '"', digit ...); a member's key has its own
//     loc (its opening quote);
//   * duplicate keys: the last one wins. Its value replaces the earlier member's value in place
//     (the member keeps its earlier position in `members`; key.loc moves to the later key), which
//     is what CloudFormation and most JSON readers do (last value wins).
//
// The builder is iterative (an explicit stack of container iterators), so nesting depth costs no
// native stack; depth is checked against Limits::max_depth before a container is entered. A cheap
// linear prescan counts each container's children first, so every members / items vector is
// allocated once at its exact size (no regrowth moving nodes around).
#include "ecsguard/parse/json_loader.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ecsguard/parse/detail/key_index.h"
#include "ecsguard/parse/detail/text_position.h"

namespace ecsguard::parse {

namespace {

namespace od = simdjson::ondemand;
using core::Errc;
using core::Error;

// Inputs up to this size reuse a per-thread parser and padded buffer (no allocation per file);
// larger ones get their own, freed afterwards, so a worker thread does not keep the memory of the
// one huge file it once saw.
constexpr std::size_t kReuseBytes = std::size_t{4} << 20;

// simdjson reads up to SIMDJSON_PADDING bytes past the end of the input. A string_view tells us
// nothing about the bytes after it, so the input is always copied (one memcpy; a 10 KB template
// costs well under a microsecond) into a buffer that is padded.
class PaddedBuffer {
 public:
  const char* fill(std::string_view text) {
    if (!data_ || capacity_ < text.size()) {
      capacity_ = std::max(text.size(), std::size_t{16} << 10);
      data_.reset(new char[capacity_ + simdjson::SIMDJSON_PADDING]);
    }
    if (!text.empty()) std::memcpy(data_.get(), text.data(), text.size());
    std::memset(data_.get() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    return data_.get();
  }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
};

// One open container of the iterative builder.
struct Frame {
  Node* node = nullptr;
  bool is_object = false;
  bool started = false;
  od::array_iterator ait;
  od::array_iterator aend;
  od::object_iterator oit;
  od::object_iterator oend;
  detail::KeyIndex keys;
};

// Everything a load reuses from one file to the next on the same thread: the simdjson parser,
// the padded input copy, the container stack and the child-count hints.
struct Workspace {
  od::parser parser;
  PaddedBuffer buffer;
  std::vector<Frame> frames;
  std::vector<std::uint32_t> child_counts;
  std::vector<std::uint32_t> open;  // prescan stack
};

constexpr bool is_json_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string_view trim_right(std::string_view s) noexcept {
  while (!s.empty() && is_json_space(s.back())) s.remove_suffix(1);
  return s;
}

// RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) noexcept {
  std::size_t i = 0;
  const std::size_t n = s.size();
  if (i < n && s[i] == '-') ++i;
  if (i >= n) return false;
  if (s[i] == '0') {
    ++i;
  } else if (s[i] >= '1' && s[i] <= '9') {
    while (i < n && is_digit(s[i])) ++i;
  } else {
    return false;
  }
  if (i < n && s[i] == '.') {
    ++i;
    if (i >= n || !is_digit(s[i])) return false;
    while (i < n && is_digit(s[i])) ++i;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= n || !is_digit(s[i])) return false;
    while (i < n && is_digit(s[i])) ++i;
  }
  return i == n;
}

std::string hex_byte(unsigned char c) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "0x";
  out += kHex[c >> 4U];
  out += kHex[c & 0xFU];
  return out;
}

// "'x'", "end of input", "control character 0x09", "'é'" (input is valid UTF-8 by then).
std::string describe_at(std::string_view text, std::size_t off) {
  if (off >= text.size()) return "end of input";
  const auto c = static_cast<unsigned char>(text[off]);
  if (c < 0x20 || c == 0x7F) return "control character " + hex_byte(c);
  std::size_t len = 1;
  if (c >= 0xF0) {
    len = 4;
  } else if (c >= 0xE0) {
    len = 3;
  } else if (c >= 0xC0) {
    len = 2;
  }
  std::string out;
  out.reserve(len + 2);
  out.push_back('\'');
  out.append(text.substr(off, len));
  out.push_back('\'');
  return out;
}

// A short excerpt of a bad token for messages.
std::string excerpt(std::string_view token) {
  constexpr std::size_t kMax = 24;
  if (token.size() <= kMax) return std::string(token);
  return std::string(token.substr(0, kMax)) + "...";
}

// Stage-1 failures (simdjson reports no position for them): find the first control character
// inside a string, or the opening quote of an unterminated string.
struct StringScan {
  std::size_t control = std::string_view::npos;   // first unescaped control char in a string
  std::size_t unclosed = std::string_view::npos;  // opening quote of an unterminated string
};

StringScan scan_strings(std::string_view text) noexcept {
  StringScan r;
  bool in_string = false;
  std::size_t open = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!in_string) {
      if (c == '"') {
        in_string = true;
        open = i;
      }
      continue;
    }
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    } else if (c < 0x20 && r.control == std::string_view::npos) {
      r.control = i;
    }
  }
  if (in_string) r.unclosed = open;
  return r;
}

// Byte classes for prescan_child_counts (0 = nothing to do).
enum : std::uint8_t { kPlain = 0, kQuote, kOpen, kClose, kComma, kValue, kNul };

constexpr std::array<std::uint8_t, 256> make_byte_classes() {
  std::array<std::uint8_t, 256> t{};
  t['"'] = kQuote;
  t['{'] = kOpen;
  t['['] = kOpen;
  t['}'] = kClose;
  t[']'] = kClose;
  t[','] = kComma;
  for (char c : std::string_view("-0123456789tfn")) t[static_cast<unsigned char>(c)] = kValue;
  t[0] = kNul;
  return t;
}
constexpr std::array<std::uint8_t, 256> kByteClass = make_byte_classes();

// Number of children of every container, in the order the containers open, from one linear
// pass over the text (strings skipped with memchr). The builder uses them to reserve members /
// items exactly, so no vector regrows and moves its nodes. Only a hint: on malformed input the
// counts may be off, which costs a regrowth, never correctness.
// `text` must be followed by a NUL byte (the padded copy is).
void prescan_child_counts(const char* text, std::size_t size, Workspace& ws) {
  // counts[i] is (commas << 1) | non_empty while container i is open, its child count after.
  std::vector<std::uint32_t>& counts = ws.child_counts;
  std::vector<std::uint32_t>& open = ws.open;  // index into counts of the open containers
  counts.clear();
  open.clear();
  const char* p = text;
  const char* end = text + size;
  for (;;) {
    while (kByteClass[static_cast<unsigned char>(*p)] == kPlain) ++p;
    switch (kByteClass[static_cast<unsigned char>(*p)]) {
      case kQuote: {
        if (!open.empty()) counts[open.back()] |= 1U;
        // Skip to the closing quote (one preceded by an even number of backslashes).
        const char* q = p + 1;
        for (;;) {
          const void* hit = std::memchr(q, '"', static_cast<std::size_t>(end - q));
          if (hit == nullptr) return;
          q = static_cast<const char*>(hit);
          std::ptrdiff_t backslashes = 0;
          while (q - backslashes - 1 > p && q[-backslashes - 1] == '\\') ++backslashes;
          if (backslashes % 2 == 0) break;
          ++q;
        }
        p = q + 1;
        continue;
      }
      case kOpen:
        if (!open.empty()) counts[open.back()] |= 1U;
        open.push_back(static_cast<std::uint32_t>(counts.size()));
        counts.push_back(0);
        break;
      case kClose:
        if (!open.empty()) {
          std::uint32_t& n = counts[open.back()];
          n = (n & 1U) != 0 ? (n >> 1U) + 1 : 0;
          open.pop_back();
        }
        break;
      case kComma:
        if (!open.empty()) counts[open.back()] += 2;
        break;
      case kValue:
        if (!open.empty()) counts[open.back()] |= 1U;
        break;
      default:  // NUL: the end (or a stray NUL in the text, which the parser rejects)
        if (p >= end) {
          for (std::uint32_t i : open) counts[i] = 0;  // unterminated: no hint
          return;
        }
        break;
    }
    ++p;
  }
}

class JsonBuilder {
 public:
  JsonBuilder(std::string_view text, const char* buf, core::FileId file, const core::Limits& limits,
              Workspace& ws) noexcept
      : text_(text),
        buf_(buf),
        file_(file),
        limits_(limits),
        pos_(std::string_view(buf, text.size()), detail::LineBreaks::kJson, /*padded=*/true),
        ws_(ws) {}

  core::Result<Node> run();

 private:
  std::size_t offset_of(const char* p) const noexcept {
    return p < buf_ ? 0 : std::min(static_cast<std::size_t>(p - buf_), text_.size());
  }
  core::Loc loc_at_offset(std::size_t off) noexcept {
    const detail::LineCol lc = pos_.at(off);
    return core::Loc{file_, lc.line, lc.column};
  }
  core::Loc loc_at(const char* p) noexcept { return loc_at_offset(offset_of(p)); }

  bool fail(Errc code, std::string message, core::Loc where) {
    error_ = Error{code, std::move(message), where};
    return false;
  }
  bool fail_at(Errc code, std::string message, std::size_t off) {
    return fail(code, std::move(message), loc_at_offset(off));
  }
  bool count_node(core::Loc where) {
    if (++nodes_ <= limits_.max_nodes) [[likely]] {
      return true;
    }
    return node_limit_error(where);
  }
  bool node_limit_error(core::Loc where) {
    return fail(
        Errc::kLimit,
        "document has more than " + std::to_string(limits_.max_nodes) + " nodes (limit max_nodes)",
        where);
  }
  // Reserve hint for the next container to open.
  std::size_t next_child_count() noexcept {
    const std::size_t i = opened_++;
    return i < ws_.child_counts.size() ? ws_.child_counts[i] : 0;
  }

  Frame& push_frame() {
    if (depth_ == ws_.frames.size()) ws_.frames.emplace_back();
    Frame& f = ws_.frames[depth_++];
    f.started = false;
    f.keys.clear();
    return f;
  }

  bool start_value(od::value& v, Node& out);
  template <class V>
  bool fill_scalar(V& v, std::string_view raw, Node& out);
  bool step_object();
  bool step_array();
  bool structural_error(simdjson::error_code code);
  bool stage1_error(simdjson::error_code code);
  std::string context_expectation(std::size_t at) const;

  std::string_view text_;
  const char* buf_;
  core::FileId file_;
  const core::Limits& limits_;
  detail::PositionTracker pos_;
  Workspace& ws_;
  od::document doc_;
  std::size_t depth_ = 0;
  std::size_t nodes_ = 0;
  std::size_t opened_ = 0;  // containers opened so far (index into the child-count hints)
  Error error_;
};

bool JsonBuilder::start_value(od::value& v, Node& out) {
  const std::string_view raw = v.raw_json_token();
  if (raw.empty()) return structural_error(simdjson::TAPE_ERROR);
  const char* p = raw.data();
  out.loc = loc_at(p);
  if (!count_node(out.loc)) return false;
  const char c = *p;
  if (c != '{' && c != '[') return fill_scalar(v, raw, out);

  if (depth_ + 1 > limits_.max_depth) {
    return fail(
        Errc::kLimit,
        "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (limit max_depth)",
        out.loc);
  }
  Frame& f = push_frame();
  f.node = &out;
  const std::size_t hint = next_child_count();
  if (c == '{') {
    out.kind = NodeKind::kMap;
    out.members.reserve(hint);
    f.is_object = true;
    od::object obj;
    if (auto e = v.get_object().get(obj)) return structural_error(e);
    if (auto e = obj.begin().get(f.oit)) return structural_error(e);
    if (auto e = obj.end().get(f.oend)) return structural_error(e);
  } else {
    out.kind = NodeKind::kSeq;
    out.items.reserve(hint);
    f.is_object = false;
    od::array arr;
    if (auto e = v.get_array().get(arr)) return structural_error(e);
    if (auto e = arr.begin().get(f.ait)) return structural_error(e);
    if (auto e = arr.end().get(f.aend)) return structural_error(e);
  }
  return true;
}

template <class V>
bool JsonBuilder::fill_scalar(V& v, std::string_view raw, Node& out) {
  const char* p = raw.data();
  const std::size_t off = offset_of(p);
  switch (*p) {
    case '"': {
      std::string_view s;
      if (v.get_string().get(s) != simdjson::SUCCESS) {
        return fail(Errc::kSyntax, "invalid string: bad escape sequence or unpaired surrogate",
                    out.loc);
      }
      if (s.size() > limits_.max_scalar_bytes) {
        return fail(Errc::kLimit,
                    "string longer than " + std::to_string(limits_.max_scalar_bytes) +
                        " bytes (limit max_scalar_bytes)",
                    out.loc);
      }
      out.kind = NodeKind::kString;
      out.text = std::string(s);
      return true;
    }
    case 't':
    case 'f':
    case 'n': {
      const std::string_view tok = trim_right(raw);
      if (tok == "true" || tok == "false") {
        out.kind = NodeKind::kBool;
        out.boolean = tok[0] == 't';
        out.text.assign(tok);
        return true;
      }
      if (tok == "null") {
        out.kind = NodeKind::kNull;
        out.text.assign(tok);
        return true;
      }
      return fail(Errc::kSyntax, "invalid literal '" + excerpt(tok) + "'", out.loc);
    }
    default:
      break;
  }
  if (*p == '-' || is_digit(*p)) {
    const std::string_view tok = trim_right(raw);
    if (tok.size() > limits_.max_scalar_bytes) {
      return fail(Errc::kLimit,
                  "number longer than " + std::to_string(limits_.max_scalar_bytes) +
                      " bytes (limit max_scalar_bytes)",
                  out.loc);
    }
    if (!is_json_number(tok)) {
      return fail(Errc::kSyntax, "invalid number '" + excerpt(tok) + "'", out.loc);
    }
    out.kind = NodeKind::kNumber;
    out.text.assign(tok);
    return true;
  }
  return fail_at(Errc::kSyntax, context_expectation(off) + ", found " + describe_at(text_, off),
                 off);
}

bool JsonBuilder::step_object() {
  Frame& f = ws_.frames[depth_ - 1];
  if (f.started) {
    ++f.oit;
  } else {
    f.started = true;
  }
  if (!(f.oit != f.oend)) {
    --depth_;
    return true;
  }
  od::field field;
  if (auto e = (*f.oit).get(field)) return structural_error(e);
  const char* kp = field.key().raw() - 1;  // raw() points just past the opening quote
  const core::Loc kloc = loc_at(kp);
  std::string_view key;
  if (field.unescaped_key().get(key) != simdjson::SUCCESS) {
    return fail(Errc::kSyntax, "invalid object key: bad escape sequence or unpaired surrogate",
                kloc);
  }
  if (!count_node(kloc)) return false;
  if (key.size() > limits_.max_scalar_bytes) {
    return fail(Errc::kLimit,
                "object key longer than " + std::to_string(limits_.max_scalar_bytes) +
                    " bytes (limit max_scalar_bytes)",
                kloc);
  }
  std::vector<Member>& members = f.node->members;
  Node* dest = nullptr;
  const std::size_t idx = f.keys.find(members, key);
  if (idx == detail::KeyIndex::kNone) {
    Member& m = members.emplace_back();
    m.key.kind = NodeKind::kString;
    m.key.text = std::string(key);
    m.key.loc = kloc;
    f.keys.add(members);
    dest = &m.value;
  } else {
    Member& m = members[idx];  // duplicate key: the later value wins, in the earlier slot
    m.key.loc = kloc;
    m.value = Node{};
    dest = &m.value;
  }
  od::value v = field.value();
  return start_value(v, *dest);  // may push a frame: `f` must not be used after this
}

bool JsonBuilder::step_array() {
  Frame& f = ws_.frames[depth_ - 1];
  if (f.started) {
    ++f.ait;
  } else {
    f.started = true;
  }
  if (!(f.ait != f.aend)) {
    --depth_;
    return true;
  }
  od::value v;
  if (auto e = (*f.ait).get(v)) return structural_error(e);
  Node& child = f.node->items.emplace_back();
  return start_value(v, child);  // may push a frame: `f` must not be used after this
}

// What the grammar expected at byte `at`, judged from the innermost open container and the
// previous non-blank byte.
std::string JsonBuilder::context_expectation(std::size_t at) const {
  std::size_t i = std::min(at, text_.size());
  while (i > 0 && is_json_space(text_[i - 1])) --i;
  const char prev = i > 0 ? text_[i - 1] : '\0';
  if (depth_ == 0) return "expected a JSON value";
  const Frame& f = ws_.frames[depth_ - 1];
  if (!f.is_object) {
    if (prev == '[' || prev == ',') return "expected a value";
    return "expected ',' or ']' after array element";
  }
  if (prev == '{' || prev == ',') return "expected a string key";
  if (prev == ':') return "expected a value after ':'";
  if (prev == '"' && i >= 2) {
    // Was the string that ends here a key (preceded by '{' or ',') or a value (preceded by ':')?
    std::size_t j = i - 1;  // closing quote
    while (j > 0) {
      --j;
      if (text_[j] != '"') continue;
      std::size_t backslashes = 0;
      while (j >= backslashes + 1 && text_[j - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) break;  // unescaped: the opening quote
    }
    while (j > 0 && is_json_space(text_[j - 1])) --j;
    if (j > 0 && (text_[j - 1] == '{' || text_[j - 1] == ','))
      return "expected ':' after object key";
  }
  return "expected ',' or '}' after object member";
}

bool JsonBuilder::structural_error(simdjson::error_code code) {
  if (code == simdjson::DEPTH_ERROR) {
    return fail_at(Errc::kLimit, "nesting too deep for the JSON parser", text_.size());
  }
  const char* at = nullptr;
  const bool located = doc_.current_location().get(at) == simdjson::SUCCESS && at != nullptr &&
                       at >= buf_ && offset_of(at) < text_.size();
  std::size_t off = located ? offset_of(at) : text_.size();
  // Skip blanks so that the position names the offending token.
  while (off < text_.size() && is_json_space(text_[off])) ++off;
  if (off >= text_.size()) {
    std::string msg = "unexpected end of input";
    if (depth_ > 0) {
      const Frame& f = ws_.frames[depth_ - 1];
      const core::Loc open = f.node->loc;
      msg += std::string(", unclosed ") + (f.is_object ? "'{'" : "'['") + " opened at line " +
             std::to_string(open.line) + ", column " + std::to_string(open.column);
    }
    return fail_at(Errc::kSyntax, std::move(msg), text_.size());
  }
  return fail_at(Errc::kSyntax, context_expectation(off) + ", found " + describe_at(text_, off),
                 off);
}

bool JsonBuilder::stage1_error(simdjson::error_code code) {
  switch (code) {
    case simdjson::UTF8_ERROR: {
      std::size_t off = detail::find_invalid_utf8(text_);
      if (off == std::string_view::npos) off = 0;
      return fail_at(
          Errc::kSyntax,
          "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text_[off])) + ")", off);
    }
    case simdjson::UNESCAPED_CHARS:
    case simdjson::UNCLOSED_STRING: {
      const StringScan scan = scan_strings(text_);
      if (scan.control != std::string_view::npos &&
          (code == simdjson::UNESCAPED_CHARS || scan.unclosed == std::string_view::npos)) {
        return fail_at(Errc::kSyntax,
                       "unescaped control character " +
                           hex_byte(static_cast<unsigned char>(text_[scan.control])) + " in string",
                       scan.control);
      }
      if (scan.unclosed != std::string_view::npos) {
        return fail_at(Errc::kSyntax, "unterminated string", scan.unclosed);
      }
      return fail_at(Errc::kSyntax, simdjson::error_message(code), 0);
    }
    case simdjson::EMPTY:
      return fail_at(Errc::kSyntax, "empty document: no JSON value", text_.size());
    case simdjson::CAPACITY:
      return fail_at(Errc::kLimit, "document too large for the JSON parser", 0);
    case simdjson::MEMALLOC:
      return fail_at(Errc::kLimit, "out of memory while parsing JSON", 0);
    default:
      return structural_error(code);
  }
}

core::Result<Node> JsonBuilder::run() {
  Node root;
  const auto err =
      ws_.parser.iterate(buf_, text_.size(), text_.size() + simdjson::SIMDJSON_PADDING).get(doc_);
  if (err != simdjson::SUCCESS) {
    stage1_error(err);
    return std::move(error_);
  }
  std::size_t first = 0;
  while (first < text_.size() && is_json_space(text_[first])) ++first;
  if (first >= text_.size()) {
    stage1_error(simdjson::EMPTY);
    return std::move(error_);
  }

  if (text_[first] == '{' || text_[first] == '[') {
    prescan_child_counts(buf_, text_.size(), ws_);
    od::value v;
    if (auto e = doc_.get_value().get(v)) {
      structural_error(e);
      return std::move(error_);
    }
    bool ok = start_value(v, root);
    while (ok && depth_ > 0) ok = ws_.frames[depth_ - 1].is_object ? step_object() : step_array();
    if (!ok) return std::move(error_);
    const char* at = nullptr;
    if (doc_.current_location().get(at) == simdjson::SUCCESS && at != nullptr) {
      const std::size_t off = offset_of(at);
      fail_at(Errc::kSyntax,
              "unexpected content after the JSON document, found " + describe_at(text_, off), off);
      return std::move(error_);
    }
    return root;
  }

  // A scalar document ("123", "\"text\"", "true").
  std::string_view raw;
  if (auto e = doc_.raw_json_token().get(raw); e || raw.empty()) {
    structural_error(e ? e : simdjson::TAPE_ERROR);
    return std::move(error_);
  }
  root.loc = loc_at(raw.data());
  if (!count_node(root.loc) || !fill_scalar(doc_, raw, root)) return std::move(error_);
  const std::size_t end = offset_of(raw.data()) + raw.size();
  std::size_t rest = end;
  while (rest < text_.size() && is_json_space(text_[rest])) ++rest;
  if (rest < text_.size()) {
    fail_at(Errc::kSyntax,
            "unexpected content after the JSON document, found " + describe_at(text_, rest), rest);
    return std::move(error_);
  }
  return root;
}

}  // namespace

core::Result<Node> load_json(std::string_view text, core::FileId file, const core::Limits& limits) {
  if (text.size() > limits.max_file_bytes) {
    return Error{Errc::kLimit,
                 "file is larger than " + std::to_string(limits.max_file_bytes) +
                     " bytes (limit max_file_bytes)",
                 core::Loc{file, 1, 1}};
  }
  const std::string_view body = text.substr(detail::bom_length(text));
  if (body.size() <= kReuseBytes) {
    thread_local Workspace ws;
    const char* buf = ws.buffer.fill(body);
    return JsonBuilder(body, buf, file, limits, ws).run();
  }
  auto ws = std::make_unique<Workspace>();
  const char* buf = ws->buffer.fill(body);
  return JsonBuilder(body, buf, file, limits, *ws).run();
}

}  // namespace ecsguard::parse
