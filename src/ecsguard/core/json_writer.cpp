#include "ecsguard/core/json_writer.h"

#include <cassert>

namespace ecsguard::core {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
  return out;
}

JsonWriter::JsonWriter(std::ostream& out, std::size_t flush_at)
    : stream_(&out), buf_(&own_), flush_at_(flush_at) {
  own_.reserve(flush_at_ + 4096);
}

JsonWriter::JsonWriter(std::string& out) : buf_(&out) {}

JsonWriter::~JsonWriter() { flush(); }

void JsonWriter::flush() {
  if (stream_ == nullptr || buf_->empty()) return;
  stream_->write(buf_->data(), static_cast<std::streamsize>(buf_->size()));
  buf_->clear();
}

void JsonWriter::maybe_flush() {
  if (stream_ != nullptr && buf_->size() >= flush_at_) flush();
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Frame& f = stack_.back();
  if (f.compact) {
    if (f.count > 0) *buf_ += ", ";
  } else {
    *buf_ += f.count > 0 ? ",\n" : "\n";
    buf_->append(stack_.size() * 2, ' ');
  }
  ++f.count;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  assert(!stack_.empty() && stack_.back().close == '}' && !after_key_);
  before_value();
  append_json_string(*buf_, k);
  *buf_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::open(char bracket, bool compact_layout) {
  before_value();
  *buf_ += bracket;
  const bool parent_compact = !stack_.empty() && stack_.back().compact;
  stack_.push_back(Frame{bracket == '{' ? '}' : ']', compact_layout || parent_compact, 0});
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  assert(!stack_.empty() && stack_.back().close == bracket && !after_key_);
  const Frame f = stack_.back();
  stack_.pop_back();
  if (f.count > 0 && !f.compact) {
    *buf_ += '\n';
    buf_->append(stack_.size() * 2, ' ');
  }
  *buf_ += bracket;
  if (stack_.empty()) *buf_ += '\n';
  maybe_flush();
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_json_string(*buf_, s);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  *buf_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  *buf_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  *buf_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  *buf_ += "null";
  return *this;
}

}  // namespace ecsguard::core
