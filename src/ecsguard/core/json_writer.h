#pragma once
// The one JSON writer: RFC 8259 string escaping and a streaming writer with a fixed layout, used by
// every JSON ecsguard emits (the scan report, guard profiles, the CloudFormation resolver's
// Fn::ToJsonString). No DOM: a report of tens of thousands of findings is written as it goes, and
// the caller decides the key order, so the output is byte-stable.
//
// Layout: containers opened with begin_object/begin_array are pretty (one member per line, two
// spaces per level, `{}` / `[]` when empty); containers opened with the *_inline variants, and
// everything inside them, stay on one line with ", " between members. The document ends with '\n'.
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::core {

// Appends `s` as a quoted JSON string: '"', '\\' and control characters escaped (\n \r \t \b \f,
// others \u00XX); bytes >= 0x80 are copied (inputs are valid UTF-8: the loaders check it).
void append_json_string(std::string& out, std::string_view s);
// The same, returned.
std::string json_string(std::string_view s);

class JsonWriter {
 public:
  // Writes into `out`, in pieces of about `flush_at` bytes; flush() (or the destructor) writes
  // the rest.
  explicit JsonWriter(std::ostream& out, std::size_t flush_at = std::size_t{1} << 20);
  // Writes into `out` only (nothing is flushed anywhere): for JSON built as a string.
  explicit JsonWriter(std::string& out);
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter();

  JsonWriter& begin_object() { return open('{', false); }
  JsonWriter& begin_array() { return open('[', false); }
  JsonWriter& begin_object_inline() { return open('{', true); }
  JsonWriter& begin_array_inline() { return open('[', true); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& end_array() { return close(']'); }

  // The member name of the next value (inside an object).
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(long long n) { return value(static_cast<std::int64_t>(n)); }  // NOLINT
  JsonWriter& value(unsigned long long n) {                                       // NOLINT
    return value(static_cast<std::uint64_t>(n));
  }
  JsonWriter& value(bool b);
  JsonWriter& null();

  // key(k).value(v) in one call.
  template <class V>
  JsonWriter& member(std::string_view k, const V& v) {
    key(k);
    return value(v);
  }

  // Writes what is buffered to the stream (no-op for a string target).
  void flush();

 private:
  struct Frame {
    char close = '}';
    bool compact = false;
    std::size_t count = 0;
  };
  JsonWriter& open(char bracket, bool compact_layout);
  JsonWriter& close(char bracket);
  void before_value();  // separator and indentation for the next element
  void maybe_flush();

  std::ostream* stream_ = nullptr;
  std::string own_;
  std::string* buf_;
  std::size_t flush_at_ = 0;
  std::vector<Frame> stack_;
  bool after_key_ = false;
};

}  // namespace ecsguard::core
