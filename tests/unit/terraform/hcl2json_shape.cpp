#include "hcl2json_shape.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

#include "ecsguard/core/json_writer.h"

namespace ecsguard::testing {

namespace {

using parse::terraform::hcl::Block;
using parse::terraform::hcl::Body;
using parse::terraform::hcl::Expr;
using parse::terraform::hcl::ExprKind;
using parse::terraform::hcl::Op;

struct JsonMember;

// A JSON value; objects keep insertion order and replace on a repeated key.
struct Json {
  enum class Type : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  std::string text;  // number / string
  std::vector<Json> array;
  std::vector<JsonMember> object;

  Json* find(const std::string& key);
  Json& set(const std::string& key, Json value);
};

struct JsonMember {
  std::string key;
  Json value;
};

Json* Json::find(const std::string& key) {
  for (JsonMember& m : object) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

Json& Json::set(const std::string& key, Json value) {
  if (Json* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  object.push_back(JsonMember{key, std::move(value)});
  return object.back().value;
}

struct ConvertError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Json make_string(std::string s) {
  Json j;
  j.type = Json::Type::kString;
  j.text = std::move(s);
  return j;
}

Json make_object() {
  Json j;
  j.type = Json::Type::kObject;
  return j;
}

// An HCL number as cty prints it (decimal, no exponent, no trailing zeros).
std::string number_text(const std::string& source) {
  const double v = std::strtod(source.c_str(), nullptr);
  char buf[512];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

// An HCL number as a JSON number token.
std::string json_number(const std::string& source) {
  std::size_t i = 0;
  while (i + 1 < source.size() && source[i] == '0' && source[i + 1] >= '0' &&
         source[i + 1] <= '9') {
    ++i;
  }
  return source.substr(i);
}

void write(const Json& j, std::string& out);

class Converter {
 public:
  explicit Converter(std::string_view source) : source_(source) {}

  Json body(const Body& b) {
    Json out = make_object();
    for (const Block& block : b.blocks) this->block(block, out);
    for (const auto& a : b.attributes) out.set(a.name, expr(a.value));
    return out;
  }

 private:
  void block(const Block& block, Json& out) {
    Json* cur = &out;
    std::string key = block.type;
    for (const std::string& label : block.labels) {
      Json* next = cur->find(key);
      if (next == nullptr) {
        next = &cur->set(key, make_object());
      } else if (next->type != Json::Type::kObject) {
        throw ConvertError("cannot have blocks with and without labels: " + block.type);
      }
      cur = next;
      key = label;
    }
    Json value = body(block.body);
    Json* existing = cur->find(key);
    if (existing == nullptr) {
      Json arr;
      arr.type = Json::Type::kArray;
      arr.array.push_back(std::move(value));
      cur->set(key, std::move(arr));
    } else if (existing->type == Json::Type::kArray) {
      existing->array.push_back(std::move(value));
    } else {
      throw ConvertError("cannot have blocks with and without labels: " + block.type);
    }
  }

  std::string range_source(const Expr& e) const {
    std::size_t end = e.span.end;
    if (end < source_.size() && source_[end] == ')') ++end;
    return std::string(source_.substr(e.span.begin, end - e.span.begin));
  }
  std::string wrap(const Expr& e) const { return "${" + range_source(e) + "}"; }

  static bool is_wrap(const Expr& t) {
    if (t.items.size() != 1) return false;
    const ExprKind k = t.items[0].kind;
    return k != ExprKind::kLiteral && k != ExprKind::kTemplateIf && k != ExprKind::kTemplateFor;
  }

  static bool is_literal(const Expr& e) {
    return e.kind == ExprKind::kNull || e.kind == ExprKind::kBool || e.kind == ExprKind::kNumber;
  }

  Json expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kNull:
        return Json{};
      case ExprKind::kBool: {
        Json j;
        j.type = Json::Type::kBool;
        j.boolean = e.boolean;
        return j;
      }
      case ExprKind::kNumber: {
        Json j;
        j.type = Json::Type::kNumber;
        j.text = json_number(e.text);
        return j;
      }
      case ExprKind::kUnary:
        return unary(e);
      case ExprKind::kTemplate:
        if (is_wrap(e)) return expr(e.items[0]);
        return make_string(template_text(e));
      case ExprKind::kTuple: {
        Json j;
        j.type = Json::Type::kArray;
        for (const Expr& item : e.items) j.array.push_back(expr(item));
        return j;
      }
      case ExprKind::kObject: {
        Json j = make_object();
        for (std::size_t i = 0; i + 1 < e.items.size(); i += 2) {
          std::string k = key(e.items[i]);
          j.set(k, expr(e.items[i + 1]));
        }
        return j;
      }
      default:
        return make_string(wrap(e));
    }
  }

  Json unary(const Expr& e) {
    const Expr& operand = e.items[0];
    if (!is_literal(operand)) return make_string(wrap(e));
    Json j;
    if (e.op == Op::kNegate && operand.kind == ExprKind::kNumber) {
      j.type = Json::Type::kNumber;
      j.text = "-" + json_number(operand.text);
    } else if (e.op == Op::kNot && operand.kind == ExprKind::kBool) {
      j.type = Json::Type::kBool;
      j.boolean = !operand.boolean;
    } else {
      throw ConvertError("operator applied to a literal of the wrong type");
    }
    return j;
  }

  static std::string escape_literal(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if ((s[i] == '$' || s[i] == '%') && i + 1 < s.size() && s[i + 1] == '{') out += s[i];
      out += s[i];
    }
    return out;
  }

  std::string template_text(const Expr& t) {
    std::string out;
    for (const Expr& part : t.items) out += string_part(part);
    return out;
  }

  std::string string_part(const Expr& p) {
    switch (p.kind) {
      case ExprKind::kLiteral:
        return escape_literal(p.text);
      case ExprKind::kNumber:
        return number_text(p.text);
      case ExprKind::kBool:
        return p.boolean ? "true" : "false";
      case ExprKind::kNull:
        return "null";
      case ExprKind::kTemplate:
        if (is_wrap(p)) return string_part(p.items[0]);
        return template_text(p);
      case ExprKind::kTemplateIf: {
        std::string out = "%{if " + range_source(p.items[0]) + "}" + template_text(p.items[1]);
        const std::string other = template_text(p.items[2]);
        if (!other.empty()) out += "%{else}" + other;
        return out + "%{endif}";
      }
      case ExprKind::kTemplateFor: {
        std::string out = "%{for ";
        if (!p.name.empty()) out += p.name + ", ";
        out += p.text + " in " + range_source(p.items[0]) + "}";
        return out + template_text(p.items[1]) + "%{endfor}";
      }
      default:
        return wrap(p);
    }
  }

  // An index HCL folds into a traversal: a number or a quoted string without interpolation.
  static bool is_literal_key(const Expr& k) {
    if (k.kind == ExprKind::kNumber) return true;
    if (k.kind != ExprKind::kTemplate || k.heredoc) return false;
    for (const Expr& part : k.items) {
      if (part.kind != ExprKind::kLiteral) return false;
    }
    return true;
  }

  static bool is_traversal(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kVariable:
        return true;
      case ExprKind::kGetAttr:
      case ExprKind::kLegacyIndex:
        return is_traversal(e.items[0]);
      case ExprKind::kIndex:
        return is_literal_key(e.items[1]) && is_traversal(e.items[0]);
      default:
        return false;
    }
  }

  std::string key(const Expr& k) {
    if (is_traversal(k)) return range_source(k);
    return string_part(k);
  }

  std::string_view source_;
};

void write_string(std::string_view s, std::string& out) { out += json_quote(s); }

void write(const Json& j, std::string& out) {
  switch (j.type) {
    case Json::Type::kNull:
      out += "null";
      return;
    case Json::Type::kBool:
      out += j.boolean ? "true" : "false";
      return;
    case Json::Type::kNumber:
      out += j.text;
      return;
    case Json::Type::kString:
      write_string(j.text, out);
      return;
    case Json::Type::kArray: {
      out += '[';
      for (std::size_t i = 0; i < j.array.size(); ++i) {
        if (i != 0) out += ',';
        write(j.array[i], out);
      }
      out += ']';
      return;
    }
    case Json::Type::kObject: {
      out += '{';
      for (std::size_t i = 0; i < j.object.size(); ++i) {
        if (i != 0) out += ',';
        write_string(j.object[i].key, out);
        out += ':';
        write(j.object[i].value, out);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  core::append_json_string(out, s);
  return out;
}

Hcl2JsonResult hcl2json_shape(const parse::terraform::hcl::File& file, std::string_view source) {
  Hcl2JsonResult r;
  try {
    Converter c(source);
    const Json j = c.body(file.body);
    write(j, r.json);
    r.ok = true;
  } catch (const ConvertError& e) {
    r.error = e.what();
  }
  return r;
}

}  // namespace ecsguard::testing
