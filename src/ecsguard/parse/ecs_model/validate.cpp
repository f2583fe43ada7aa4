#include "ecsguard/parse/ecs_model/validate.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/parse/ecs_model/shapes.h"

namespace ecsguard::parse::ecs_model {

namespace {

using model::ApiViolation;

// CloudFormation property names that are not the API member's name in another case.
struct Rename {
  std::string_view cloudformation;
  std::string_view api;
};
constexpr Rename kRenames[] = {{"ProxyConfigurationProperties", "properties"}};

std::string_view api_name(std::string_view written, Spelling spelling) noexcept {
  if (spelling == Spelling::kCloudFormation) {
    for (const auto& r : kRenames) {
      if (core::iequals(written, r.cloudformation)) return r.api;
    }
  }
  return written;
}

// The name of a model member as the input's format spells it (for a missing member).
std::string spelled(std::string_view api, Spelling spelling) {
  std::string out(api);
  if (spelling == Spelling::kCloudFormation && !out.empty()) {
    out.front() = core::to_upper(out.substr(0, 1)).front();
  }
  return out;
}

std::string short_name(const Shape& s) {
  switch (s.kind) {
    case Kind::kString:
      return s.value_count > 0 ? std::string(s.name) : "string";
    case Kind::kInteger:
      return "integer";
    case Kind::kNumber:
      return "number";
    case Kind::kBoolean:
      return "boolean";
    case Kind::kStructure:
      return s.name.empty() ? "object" : std::string(s.name);
    case Kind::kList:
      return "list";
    case Kind::kMap:
      return "map";
  }
  return "value";
}

// The expected shape, as the messages print it: "list of Secret", "object (PortMapping)".
std::string describe(const Shape& s) {
  switch (s.kind) {
    case Kind::kStructure:
      return s.name.empty() ? "object" : "object (" + std::string(s.name) + ")";
    case Kind::kList:
      return "list of " + short_name(shape(s.element));
    case Kind::kMap:
      return "map of " + short_name(shape(s.element));
    default:
      return short_name(s);
  }
}

std::string found(const Node& n) {
  switch (n.kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return "boolean";
    case NodeKind::kNumber:
      return "number " + n.text;
    case NodeKind::kString:  // the text helps when a Ref was forgotten ("AppHostPort")
      return "string '" + (n.text.size() > 40 ? n.text.substr(0, 40) + "..." : n.text) + "'";
    case NodeKind::kSeq:
      return "list";
    case NodeKind::kMap:
      return "object";
    case NodeKind::kUnknown:
      break;
  }
  return "unknown";
}

bool integer_text(std::string_view t) noexcept {
  t = core::trim(t);
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) t.remove_prefix(1);
  return !t.empty() && t.size() <= 19 &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool number_text(std::string_view t) noexcept {
  t = core::trim(t);
  if (t.empty()) return false;
  bool digit = false;
  for (const char c : t) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
      return false;
    }
  }
  return digit;
}

struct Walker {
  Spelling spelling = Spelling::kApi;
  std::vector<ApiViolation>& out;
  core::Loc last_located{};  // for values the resolver made without a location

  void add(ApiViolation::Kind kind, std::string path, std::string expected, std::string what,
           core::Loc loc) {
    if (out.size() >= kMaxViolations) return;
    out.push_back(ApiViolation{.kind = kind,
                               .path = std::move(path),
                               .expected = std::move(expected),
                               .found = std::move(what),
                               .loc = loc.valid() ? loc : last_located});
  }

  void mismatch(const Node& n, const Shape& s, const std::string& path) {
    add(ApiViolation::Kind::kType, path, describe(s), found(n), n.loc);
  }

  bool scalar_ok(const Node& n, const Shape& s) const {
    switch (s.kind) {
      case Kind::kString:
        return n.is_string() || n.kind == NodeKind::kNumber || n.kind == NodeKind::kBool;
      case Kind::kInteger:
        return (n.kind == NodeKind::kNumber || n.is_string()) && integer_text(n.text);
      case Kind::kNumber:
        return (n.kind == NodeKind::kNumber || n.is_string()) && number_text(n.text);
      case Kind::kBoolean:
        return n.kind == NodeKind::kBool ||
               (n.is_string() && (core::iequals(n.text, "true") || core::iequals(n.text, "false")));
      default:
        return false;
    }
  }

  void scalar(const Node& n, const Shape& s, const std::string& path) {
    if (!scalar_ok(n, s)) {
      mismatch(n, s, path);
      return;
    }
    if (s.value_count == 0 || !n.is_string()) return;
    const auto values = enum_values(s);
    if (std::find(values.begin(), values.end(), n.text) != values.end()) return;
    std::string expected;
    for (const auto v : values) {
      if (!expected.empty()) expected += " | ";
      expected += v;
    }
    add(ApiViolation::Kind::kEnum, path, std::move(expected), n.text, n.loc);
  }

  void value(const Node& n, const Shape& s, const std::string& path) {
    if (n.is_unknown() || n.is_null() || n.partial) return;  // not judged
    if (n.loc.valid()) last_located = n.loc;
    switch (s.kind) {
      case Kind::kStructure:
        if (n.is_map()) {
          structure(n, s, path, /*check_required=*/true);
        } else {
          mismatch(n, s, path);
        }
        return;
      case Kind::kList:
        if (n.is_seq()) {
          list(n, shape(s.element), path);
        } else {
          mismatch(n, s, path);
        }
        return;
      case Kind::kMap:
        if (n.is_map()) {
          for (const auto& m : n.members) value(m.value, shape(s.element), path + "." + m.key.text);
        } else {
          mismatch(n, s, path);
        }
        return;
      default:
        scalar(n, s, path);
    }
  }

  void list(const Node& n, const Shape& element, const std::string& path) {
    std::size_t i = 0;
    for (const auto& item : n.items) {
      value(item, element, path + "[" + std::to_string(i++) + "]");
    }
  }

  void structure(const Node& n, const Shape& s, const std::string& path, bool check_required) {
    const std::string prefix = path.empty() ? path : path + ".";
    const auto model_members = members(s);
    for (const auto& m : n.members) {
      const std::string_view name = api_name(m.key.text, spelling);
      const auto it = std::find_if(model_members.begin(), model_members.end(),
                                   [&](const Member& mm) { return core::iequals(mm.name, name); });
      if (it == model_members.end()) continue;  // newer than the model, or output-only
      value(m.value, shape(it->shape), prefix + m.key.text);
    }
    if (!check_required) return;
    for (const auto& mm : model_members) {
      if (!mm.required) continue;
      const bool written = std::any_of(n.members.begin(), n.members.end(), [&](const auto& m) {
        return core::iequals(api_name(m.key.text, spelling), mm.name) && !m.value.is_null();
      });
      if (!written) {
        add(ApiViolation::Kind::kRequired, prefix + spelled(mm.name, spelling),
            describe(shape(mm.shape)), "", n.loc);
      }
    }
  }
};

const Shape* container_shape() noexcept {
  for (const auto& m : members(root())) {
    if (m.name == "containerDefinitions") return &shape(shape(m.shape).element);
  }
  return nullptr;
}

}  // namespace

void validate_task_definition(const Node& body, Spelling spelling, std::vector<ApiViolation>& out) {
  if (!body.is_map()) return;
  Walker w{spelling, out, body.loc};
  w.structure(body, root(), "", spelling == Spelling::kApi);
}

void validate_container_definitions(const Node& list, Spelling spelling,
                                    std::vector<ApiViolation>& out) {
  const Shape* c = container_shape();
  if (c == nullptr || !list.is_seq()) return;
  Walker w{spelling, out, list.loc};
  w.list(list, *c, "");
}

void validate_container_definition(const Node& definition, const std::string& path,
                                   Spelling spelling, std::vector<ApiViolation>& out) {
  const Shape* c = container_shape();
  if (c == nullptr) return;
  Walker w{spelling, out, definition.loc};
  w.value(definition, *c, path);
}

}  // namespace ecsguard::parse::ecs_model
