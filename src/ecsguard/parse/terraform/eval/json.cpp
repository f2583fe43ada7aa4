#include "ecsguard/parse/terraform/eval/json.h"

#include <cstdio>
#include <cstdlib>

#include "ecsguard/parse/json_loader.h"

namespace ecsguard::parse::terraform::eval {

namespace {

void encode_string(std::string_view s, std::string& out) {
  out += '"';
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || c == '<' || c == '>' || c == '&') {
      char buf[8];
      static_cast<void>(std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u)));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

void encode(const Value& v, std::string& out) {
  switch (v.kind) {
    case ValueKind::kNull:
    case ValueKind::kUnknown:
      out += "null";
      return;
    case ValueKind::kBool:
      out += v.boolean ? "true" : "false";
      return;
    case ValueKind::kNumber:
      out += number_text(v.number);
      return;
    case ValueKind::kString:
      encode_string(v.text, out);
      return;
    case ValueKind::kList:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i != 0) out += ',';
        encode(v.items[i], out);
      }
      out += ']';
      return;
    case ValueKind::kObject:
      out += '{';
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (i != 0) out += ',';
        encode_string(v.members[i].key, out);
        out += ':';
        encode(v.members[i].value, out);
      }
      out += '}';
      return;
  }
}

// Values decoded from a JSON string are located at the jsondecode() call.
Value from_node(const Node& n, core::Loc at) {
  switch (n.kind) {
    case NodeKind::kBool:
      return Value::of_bool(n.boolean, at);
    case NodeKind::kNumber:
      return Value::of_number(std::strtod(n.text.c_str(), nullptr), at);
    case NodeKind::kString:
      return Value::of_string(n.text, at);
    case NodeKind::kSeq: {
      std::vector<Value> items;
      items.reserve(n.items.size());
      for (const Node& item : n.items) items.push_back(from_node(item, at));
      return Value::list(std::move(items), at);
    }
    case NodeKind::kMap: {
      Value o = Value::object(at);
      for (const parse::Member& m : n.members) o.set(m.key.text, from_node(m.value, at));
      return o;
    }
    case NodeKind::kNull:
    case NodeKind::kUnknown:
      break;
  }
  return Value::null(at);
}

}  // namespace

std::string json_encode(const Value& v) {
  std::string out;
  encode(v, out);
  return out;
}

Value json_decode(std::string_view text, core::Loc at, const core::Limits& limits) {
  core::Result<Node> r = load_json(text, at.file, limits);
  if (!r.ok()) return Value::unknown("jsondecode: " + r.error().message, at);
  return from_node(r.value(), at);
}

const Value* find_unknown(const Value& v) noexcept {
  if (!v.known()) return &v;
  for (const Value& item : v.items) {
    if (const Value* u = find_unknown(item)) return u;
  }
  for (const auto& m : v.members) {
    if (const Value* u = find_unknown(m.value)) return u;
  }
  return nullptr;
}

}  // namespace ecsguard::parse::terraform::eval
