#include "ecsguard/parse/terraform/eval/value.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ecsguard::parse::terraform::eval {

namespace {

Value make(ValueKind kind, core::Loc at) {
  Value v;
  v.kind = kind;
  v.loc = at;
  return v;
}

}  // namespace

const Value* Value::find(std::string_view key) const noexcept {
  const auto it = std::lower_bound(members.begin(), members.end(), key,
                                   [](const auto& m, std::string_view k) { return m.key < k; });
  return it != members.end() && it->key == key ? &it->value : nullptr;
}

void Value::set(std::string key, Value v) {
  const auto it = std::lower_bound(members.begin(), members.end(), key,
                                   [](const auto& m, const std::string& k) { return m.key < k; });
  if (it != members.end() && it->key == key) {
    it->value = std::move(v);
  } else {
    members.insert(it, Member{std::move(key), std::move(v)});
  }
}

Value Value::null(core::Loc at) { return make(ValueKind::kNull, at); }

Value Value::of_bool(bool b, core::Loc at) {
  Value v = make(ValueKind::kBool, at);
  v.boolean = b;
  return v;
}

Value Value::of_number(double n, core::Loc at) {
  Value v = make(ValueKind::kNumber, at);
  v.number = n;
  return v;
}

Value Value::of_string(std::string s, core::Loc at) {
  Value v = make(ValueKind::kString, at);
  v.text = std::move(s);
  return v;
}

Value Value::list(std::vector<Value> items, core::Loc at) {
  Value v = make(ValueKind::kList, at);
  v.items = std::move(items);
  return v;
}

Value Value::object(core::Loc at) { return make(ValueKind::kObject, at); }

Value Value::unknown(std::string reason, core::Loc at) {
  Value v = make(ValueKind::kUnknown, at);
  v.text = std::move(reason);
  return v;
}

bool equal(const Value& a, const Value& b) {
  if (!a.known() || !b.known() || a.kind != b.kind) return false;
  switch (a.kind) {
    case ValueKind::kNull:
      return true;
    case ValueKind::kBool:
      return a.boolean == b.boolean;
    case ValueKind::kNumber:
      return a.number == b.number;
    case ValueKind::kString:
      return a.text == b.text;
    case ValueKind::kList:
      return std::equal(a.items.begin(), a.items.end(), b.items.begin(), b.items.end(), equal);
    case ValueKind::kObject:
      return std::equal(
          a.members.begin(), a.members.end(), b.members.begin(), b.members.end(),
          [](const auto& x, const auto& y) { return x.key == y.key && equal(x.value, y.value); });
    case ValueKind::kUnknown:
      break;
  }
  return false;
}

std::string number_text(double n) {
  if (std::isfinite(n) && n == std::trunc(n) && std::fabs(n) < 1e18) {
    return std::to_string(static_cast<long long>(n));
  }
  char buf[512];
  const auto r = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

bool to_text(const Value& v, std::string& out) {
  switch (v.kind) {
    case ValueKind::kString:
      out = v.text;
      return true;
    case ValueKind::kNumber:
      out = number_text(v.number);
      return true;
    case ValueKind::kBool:
      out = v.boolean ? "true" : "false";
      return true;
    default:
      return false;
  }
}

const Value* first_unknown(const std::vector<Value>& values) noexcept {
  for (const Value& v : values) {
    if (!v.known()) return &v;
  }
  return nullptr;
}

}  // namespace ecsguard::parse::terraform::eval
