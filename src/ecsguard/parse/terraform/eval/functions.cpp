#include "ecsguard/parse/terraform/eval/functions.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "ecsguard/parse/terraform/eval/json.h"

namespace ecsguard::parse::terraform::eval {

namespace {

Value bad_call(std::string_view name, std::string_view why, core::Loc at) {
  return Value::unknown(std::string(name) + "(): " + std::string(why), at);
}

Value fn_jsonencode(const std::vector<Value>& args, core::Loc at) {
  if (args.size() != 1) return bad_call("jsonencode", "takes one argument", at);
  if (const Value* u = find_unknown(args[0])) return *u;
  return Value::of_string(json_encode(args[0]), at);
}

Value fn_jsondecode(const std::vector<Value>& args, core::Loc at, const core::Limits& limits) {
  if (args.size() != 1 || args[0].kind != ValueKind::kString) {
    return bad_call("jsondecode", "takes one string", at);
  }
  return json_decode(args[0].text, at, limits);
}

Value fn_merge(const std::vector<Value>& args, core::Loc at) {
  Value out = Value::object(at);
  for (const Value& a : args) {
    if (a.is_null()) continue;
    if (a.kind != ValueKind::kObject)
      return bad_call("merge", "arguments must be maps or objects", at);
    for (const auto& [k, v] : a.members) out.set(k, v);
  }
  return out;
}

Value fn_concat(const std::vector<Value>& args, core::Loc at) {
  std::vector<Value> items;
  for (const Value& a : args) {
    if (a.kind != ValueKind::kList) return bad_call("concat", "arguments must be lists", at);
    items.insert(items.end(), a.items.begin(), a.items.end());
  }
  return Value::list(std::move(items), at);
}

Value fn_lookup(const std::vector<Value>& args, core::Loc at) {
  if (args.size() < 2 || args.size() > 3 || args[0].kind != ValueKind::kObject ||
      args[1].kind != ValueKind::kString) {
    return bad_call("lookup", "takes a map, a key and an optional default", at);
  }
  if (const Value* v = args[0].find(args[1].text)) return *v;
  if (args.size() == 3) return args[2];
  return bad_call("lookup", "key \"" + args[1].text + "\" not in the map and no default", at);
}

Value fn_join(const std::vector<Value>& args, core::Loc at) {
  if (args.size() < 2 || args[0].kind != ValueKind::kString) {
    return bad_call("join", "takes a separator and lists", at);
  }
  std::string out;
  bool first = true;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i].kind != ValueKind::kList) return bad_call("join", "arguments must be lists", at);
    for (const Value& item : args[i].items) {
      std::string s;
      if (!item.known()) return item;
      if (!to_text(item, s)) return bad_call("join", "list elements must be strings", at);
      if (!first) out += args[0].text;
      out += s;
      first = false;
    }
  }
  return Value::of_string(std::move(out), at);
}

Value fn_tostring(const std::vector<Value>& args, core::Loc at) {
  if (args.size() != 1) return bad_call("tostring", "takes one argument", at);
  if (args[0].is_null()) return Value::null(at);
  std::string s;
  if (!to_text(args[0], s)) return bad_call("tostring", "argument must be a primitive", at);
  return Value::of_string(std::move(s), at);
}

// format: %s %d %v %q %% (flags and widths are not evaluated).
Value fn_format(const std::vector<Value>& args, core::Loc at) {
  if (args.empty() || args[0].kind != ValueKind::kString) {
    return bad_call("format", "takes a format string", at);
  }
  const std::string& f = args[0].text;
  std::string out;
  std::size_t next = 1;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    if (++i >= f.size()) return bad_call("format", "format ends with %", at);
    const char verb = f[i];
    if (verb == '%') {
      out += '%';
      continue;
    }
    if (next >= args.size()) return bad_call("format", "not enough arguments", at);
    const Value& a = args[next++];
    std::string s;
    if (verb == 'v' && (a.kind == ValueKind::kList || a.kind == ValueKind::kObject)) {
      s = json_encode(a);
    } else if ((verb == 's' || verb == 'v' || verb == 'q') && to_text(a, s)) {
      if (verb == 'q') s = json_encode(Value::of_string(s));
    } else if (verb == 'd' && a.kind == ValueKind::kNumber) {
      s = number_text(a.number);
    } else {
      return bad_call("format", std::string("verb %") + verb + " not evaluated statically", at);
    }
    out += s;
  }
  return Value::of_string(std::move(out), at);
}

Value fn_length(const std::vector<Value>& args, core::Loc at) {
  if (args.size() != 1) return bad_call("length", "takes one argument", at);
  const Value& a = args[0];
  if (a.kind == ValueKind::kList) return Value::of_number(static_cast<double>(a.items.size()), at);
  if (a.kind == ValueKind::kObject) {
    return Value::of_number(static_cast<double>(a.members.size()), at);
  }
  if (a.kind == ValueKind::kString) {
    double n = 0;
    for (const char c : a.text) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    return Value::of_number(n, at);
  }
  return bad_call("length", "argument must be a collection or a string", at);
}

Value fn_case(std::string_view name, const std::vector<Value>& args, core::Loc at) {
  if (args.size() != 1 || args[0].kind != ValueKind::kString) {
    return bad_call(name, "takes one string", at);
  }
  std::string s = args[0].text;
  const bool upper = name == "upper";
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) c = static_cast<char>(upper ? std::toupper(u) : std::tolower(u));
  }
  return Value::of_string(std::move(s), at);
}

Value fn_identity(std::string_view name, const std::vector<Value>& args, core::Loc at) {
  if (args.size() != 1) return bad_call(name, "takes one argument", at);
  Value v = args[0];
  if (name == "toset" && v.kind == ValueKind::kList) {
    std::vector<Value> unique;
    for (Value& item : v.items) {
      const bool seen =
          std::any_of(unique.begin(), unique.end(), [&](const Value& u) { return equal(u, item); });
      if (!seen) unique.push_back(std::move(item));
    }
    v.items = std::move(unique);
  }
  return v;
}

}  // namespace

Value call_function(std::string_view name, const std::vector<Value>& args, core::Loc at,
                    const core::Limits& limits) {
  // jsonencode looks inside its argument; every other function needs known arguments.
  if (name != "jsonencode") {
    if (const Value* u = first_unknown(args)) return *u;
  }
  if (name == "jsonencode") return fn_jsonencode(args, at);
  if (name == "jsondecode") return fn_jsondecode(args, at, limits);
  if (name == "merge") return fn_merge(args, at);
  if (name == "concat") return fn_concat(args, at);
  if (name == "lookup") return fn_lookup(args, at);
  if (name == "format") return fn_format(args, at);
  if (name == "join") return fn_join(args, at);
  if (name == "tostring") return fn_tostring(args, at);
  if (name == "length") return fn_length(args, at);
  if (name == "upper" || name == "lower") return fn_case(name, args, at);
  if (name == "tolist" || name == "toset" || name == "tomap") return fn_identity(name, args, at);
  return Value::unknown("function " + std::string(name) + "() is not evaluated statically", at);
}

}  // namespace ecsguard::parse::terraform::eval
