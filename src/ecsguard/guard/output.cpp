#include "ecsguard/guard/output.h"

#include <algorithm>

namespace ecsguard::guard {
namespace {

bool field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

}  // namespace

std::optional<Priority> parse_priority(std::string_view s) noexcept {
  std::string l;
  for (char c : s) l += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (l == "emergency") return Priority::kEmergency;
  if (l == "alert") return Priority::kAlert;
  if (l == "critical") return Priority::kCritical;
  if (l == "error") return Priority::kError;
  if (l == "warning") return Priority::kWarning;
  if (l == "notice") return Priority::kNotice;
  if (l == "informational" || l == "info") return Priority::kInformational;
  if (l == "debug") return Priority::kDebug;
  return std::nullopt;
}

std::string_view priority_name(Priority p) noexcept {
  switch (p) {
    case Priority::kEmergency:
      return "Emergency";
    case Priority::kAlert:
      return "Alert";
    case Priority::kCritical:
      return "Critical";
    case Priority::kError:
      return "Error";
    case Priority::kWarning:
      return "Warning";
    case Priority::kNotice:
      return "Notice";
    case Priority::kInformational:
      return "Informational";
    case Priority::kDebug:
      return "Debug";
  }
  return "Warning";
}

OutputTemplate OutputTemplate::compile(std::string_view text, std::vector<std::string>* unknown) {
  OutputTemplate t;
  t.text_ = std::string(text);
  Part cur;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c != '%' || i + 1 >= text.size() || !field_char(text[i + 1])) {
      cur.literal += c;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && field_char(text[j])) ++j;
    std::string name(text.substr(i + 1, j - i - 1));
    while (!name.empty() && name.back() == '.') {  // "%fd.name." at the end of a sentence
      name.pop_back();
      --j;
    }
    std::string arg;
    bool has_arg = false;
    if (j < text.size() && text[j] == '[') {
      std::size_t close = text.find(']', j);
      if (close != std::string_view::npos) {
        has_arg = true;
        arg = std::string(text.substr(j + 1, close - j - 1));
        j = close + 1;
      }
    }
    t.parts_.push_back(std::move(cur));
    cur = Part{};
    Part f;
    f.field_name = has_arg ? name + "[" + arg + "]" : name;
    auto ref = resolve_field(name, has_arg, arg);
    if (ref) {
      f.field = std::move(*ref);
    } else if (unknown != nullptr) {
      unknown->push_back(f.field_name);
    }
    t.parts_.push_back(std::move(f));
    i = j;
  }
  t.parts_.push_back(std::move(cur));
  return t;
}

FieldValue field_value(EvalCtx& ctx, const FieldRef& ref) {
  Values v;
  extract(ctx, ref, v);
  if (v.state != Values::State::kOk) return std::monostate{};
  switch (ref.def->type) {
    case FieldType::kString:
      if (v.strs.empty()) return std::monostate{};
      return std::string(v.strs.front());
    case FieldType::kInt:
      if (v.ints.empty()) return std::monostate{};
      return v.ints.front();
    case FieldType::kBool:
      return v.boolean;
    case FieldType::kIp:
      if (v.ips.empty()) return std::monostate{};
      return v.ips.front().str();
  }
  return std::monostate{};
}

std::string field_value_text(const FieldValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return "<NA>";
}

void OutputTemplate::render(EvalCtx& ctx, Alert& alert) const {
  alert.output.clear();
  for (const auto& p : parts_) {
    alert.output += p.literal;
    if (p.field_name.empty()) continue;
    FieldValue v = p.field ? field_value(ctx, *p.field) : FieldValue{};
    alert.output += field_value_text(v);
    auto it = std::find_if(alert.fields.begin(), alert.fields.end(),
                           [&](const auto& kv) { return kv.first == p.field_name; });
    if (it == alert.fields.end()) alert.fields.emplace_back(p.field_name, std::move(v));
  }
}

}  // namespace ecsguard::guard
