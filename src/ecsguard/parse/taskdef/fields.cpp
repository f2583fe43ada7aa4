#include "ecsguard/parse/taskdef/fields.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "ecsguard/core/strings.h"

namespace ecsguard::parse::fields {

namespace {

std::string_view kind_name(NodeKind k) noexcept {
  switch (k) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return "a boolean";
    case NodeKind::kNumber:
      return "a number";
    case NodeKind::kString:
      return "a string";
    case NodeKind::kSeq:
      return "a list";
    case NodeKind::kMap:
      return "a map";
    case NodeKind::kUnknown:
      return "an unknown value";
  }
  return "a value";
}

Field unknown_field(std::string reason, core::Loc loc, std::vector<std::string> refs = {}) {
  Field f;
  f.unknown = true;
  f.reason = std::move(reason);
  f.loc = loc;
  f.refs = std::move(refs);
  return f;
}

// Unknown state of a present node that is kUnknown or a partial string.
template <class T>
void from_unknown_node(model::Value<T>& v, const Node& n, core::Loc loc) {
  v.state = model::Presence::kUnknown;
  v.reason = unknown_reason(n);
  v.loc = loc;
  v.refs = n.refs;
}

std::string quote(std::string_view s) {
  std::string out = "'";
  out.append(s.substr(0, 64));
  if (s.size() > 64) out.append("...");
  out.push_back('\'');
  return out;
}

bool parse_integer(std::string_view text, long long& out) {
  text = core::trim(text);
  if (text.empty()) return false;
  std::string_view digits = text;
  if (digits.front() == '+') digits.remove_prefix(1);
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
  if (ec == std::errc() && p == digits.data() + digits.size()) return true;
  // 512.0, 1e3: accepted when integral and in range.
  std::string copy(text);
  char* end = nullptr;
  const double d = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(d) || d != std::floor(d)) return false;
  if (d < -9.0e18 || d > 9.0e18) return false;
  out = static_cast<long long>(d);
  return true;
}

}  // namespace

const Member* member_ci(const Node& map, std::string_view key) noexcept {
  if (!map.is_map()) return nullptr;
  const Member* folded = nullptr;  // one pass: an exact spelling wins over a case-folded one
  for (const auto& m : map.members) {
    if (m.key.text.size() != key.size() || !core::iequals(m.key.text, key)) continue;
    if (m.key.text == key) return &m;
    if (folded == nullptr) folded = &m;
  }
  return folded;
}

Field member_field(const Member& m) {
  Field f;
  if (m.value.is_null()) return f;  // `Key: null` is treated as not written
  f.node = &m.value;
  f.loc = m.key.loc;
  return f;
}

Field field(const Node& node, std::string_view key) {
  if (const Member* m = member_ci(node, key)) return member_field(*m);
  return Field{};
}

Field field(const Field& parent, std::string_view key) {
  if (parent.unknown) return unknown_field(parent.reason, parent.loc, parent.refs);
  if (parent.node == nullptr || parent.node->is_null()) return Field{};
  const Node& n = *parent.node;
  if (n.is_map()) {
    Field f = field(n, key);
    return f;
  }
  if (n.is_unknown() || (n.is_string() && n.partial)) {
    return unknown_field(unknown_reason(n), parent.loc, n.refs);
  }
  return unknown_field(std::string("expected a map, found ") + std::string(kind_name(n.kind)),
                       parent.loc);
}

Field element(const Node& node) {
  Field f;
  if (node.is_null()) return f;
  f.node = &node;
  f.loc = node.loc;
  return f;
}

std::string unknown_reason(const Node& node) {
  if (node.is_unknown()) return node.text.empty() ? "value cannot be determined" : node.text;
  if (node.is_string() && node.partial) {
    // The resolver keeps one kUnknown node per unknown segment (node.h).
    std::vector<std::string_view> reasons;
    for (const auto& seg : node.items) {
      if (!seg.is_unknown() || seg.text.empty()) continue;
      bool seen = false;
      for (const auto r : reasons) seen = seen || r == seg.text;
      if (!seen) reasons.push_back(seg.text);
    }
    std::string r = "partially known: ";
    if (!reasons.empty()) {
      for (std::size_t i = 0; i < reasons.size(); ++i) {
        if (i) r += "; ";
        r += reasons[i];
      }
      return r;
    }
    if (node.refs.empty()) {
      return r + "contains values only known at deploy time";
    }
    r += "contains the runtime value of ";
    for (std::size_t i = 0; i < node.refs.size(); ++i) {
      if (i) r += ", ";
      r += node.refs[i];
    }
    return r;
  }
  return {};
}

model::Str to_str(const Field& f) {
  model::Str v;
  if (f.unknown) {
    set_unknown(v, f);
    return v;
  }
  if (f.node == nullptr) return v;
  const Node& n = *f.node;
  switch (n.kind) {
    case NodeKind::kNull:
      return v;
    case NodeKind::kString:
      if (n.partial) {
        from_unknown_node(v, n, f.loc);
        v.value = n.text;  // partial text, unknown segments are kUnknownMark
        return v;
      }
      [[fallthrough]];
    case NodeKind::kNumber:
    case NodeKind::kBool:
      v = model::Str::of(n.scalar_text(), f.loc);
      v.refs = n.refs;
      return v;
    case NodeKind::kUnknown:
      from_unknown_node(v, n, f.loc);
      return v;
    case NodeKind::kSeq:
    case NodeKind::kMap:
      break;
  }
  v = model::Str::unknown_because(
      std::string("expected a string, found ") + std::string(kind_name(n.kind)), f.loc);
  return v;
}

model::FlexBool to_flex_bool(const Field& f) {
  model::FlexBool v;
  if (f.unknown) {
    set_unknown(v, f);
    return v;
  }
  if (f.node == nullptr) return v;
  const Node& n = *f.node;
  if (n.kind == NodeKind::kBool) {
    v.state = model::Presence::kKnown;
    v.value = n.boolean;
    v.loc = f.loc;
    return v;
  }
  if (n.is_unknown() || (n.is_string() && n.partial)) {
    from_unknown_node(v, n, f.loc);
    return v;
  }
  if (n.is_string()) {
    const std::string_view t = core::trim(n.text);
    if (core::iequals(t, "true") || core::iequals(t, "false")) {
      v.state = model::Presence::kKnown;
      v.value = core::iequals(t, "true");
      v.loc = f.loc;
      v.from_string = true;
      v.refs = n.refs;
      return v;
    }
    v.state = model::Presence::kUnknown;
    v.reason = "not a boolean: " + quote(n.text);
    v.loc = f.loc;
    return v;
  }
  v.state = model::Presence::kUnknown;
  v.reason = std::string("expected a boolean, found ") + std::string(kind_name(n.kind));
  if (n.kind == NodeKind::kNumber) v.reason += " (" + n.text + ")";
  v.loc = f.loc;
  return v;
}

model::Toggle to_toggle(const Field& f, std::string_view on_text, std::string_view off_text) {
  return model::to_toggle(to_str(f), {on_text}, {off_text});
}

model::Bool to_bool(const Field& f) {
  const model::FlexBool fb = to_flex_bool(f);
  return static_cast<const model::Bool&>(fb);
}

model::Int to_int(const Field& f) {
  model::Int v;
  if (f.unknown) {
    set_unknown(v, f);
    return v;
  }
  if (f.node == nullptr) return v;
  const Node& n = *f.node;
  if (n.is_unknown() || (n.is_string() && n.partial)) {
    from_unknown_node(v, n, f.loc);
    return v;
  }
  if (n.kind == NodeKind::kNumber || n.kind == NodeKind::kString) {
    long long x = 0;
    if (parse_integer(n.text, x)) {
      v = model::Int::of(x, f.loc);
      v.refs = n.refs;
      return v;
    }
    return model::Int::unknown_because("not an integer: " + quote(n.text), f.loc);
  }
  return model::Int::unknown_because(
      std::string("expected an integer, found ") + std::string(kind_name(n.kind)), f.loc);
}

model::StrList to_str_list(const Field& f, bool scalar_as_list) {
  model::StrList v;
  if (f.unknown) {
    set_unknown(v, f);
    return v;
  }
  if (f.node == nullptr) return v;
  const Node& n = *f.node;
  if (n.is_unknown()) {
    from_unknown_node(v, n, f.loc);
    return v;
  }
  if (n.is_seq()) {
    v.state = model::Presence::kKnown;
    v.loc = f.loc;
    v.refs = n.refs;
    v.value.reserve(n.items.size());
    for (const auto& item : n.items) {
      if (item.is_null()) continue;
      model::Str s = to_str(element(item));
      for (const auto& r : s.refs) {
        bool seen = false;
        for (const auto& have : v.refs) seen = seen || have == r;
        if (!seen) v.refs.push_back(r);
      }
      v.value.push_back(std::move(s));
    }
    return v;
  }
  if (scalar_as_list &&
      (n.is_string() || n.kind == NodeKind::kNumber || n.kind == NodeKind::kBool)) {
    v.state = model::Presence::kKnown;
    v.loc = f.loc;
    model::Str s = to_str(element(n));
    if (!s.loc.valid()) s.loc = f.loc;
    v.refs = s.refs;
    v.value.push_back(std::move(s));
    return v;
  }
  if (n.is_string() && n.partial) {
    from_unknown_node(v, n, f.loc);
    return v;
  }
  return model::StrList::unknown_because(
      std::string("expected a list, found ") + std::string(kind_name(n.kind)), f.loc);
}

model::Presence presence(const Field& f) {
  if (f.unknown) return model::Presence::kUnknown;
  if (f.node == nullptr || f.node->is_null()) return model::Presence::kAbsent;
  if (f.node->is_unknown()) return model::Presence::kUnknown;
  return model::Presence::kKnown;
}

bool list_elements(const Field& f, std::vector<Field>& out, model::Presence& state,
                   std::string& reason) {
  out.clear();
  reason.clear();
  if (f.unknown) {
    state = model::Presence::kUnknown;
    reason = f.reason;
    return false;
  }
  if (f.node == nullptr || f.node->is_null()) {
    state = model::Presence::kAbsent;
    return false;
  }
  const Node& n = *f.node;
  if (n.is_seq()) {
    state = model::Presence::kKnown;
    out.reserve(n.items.size());
    for (const auto& item : n.items) {
      if (item.is_null()) continue;
      out.push_back(element(item));
    }
    return true;
  }
  state = model::Presence::kUnknown;
  reason = n.is_unknown() || (n.is_string() && n.partial)
               ? unknown_reason(n)
               : std::string("expected a list, found ") + std::string(kind_name(n.kind));
  return false;
}

}  // namespace ecsguard::parse::fields
