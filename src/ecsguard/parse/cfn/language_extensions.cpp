#include "ecsguard/parse/cfn/language_extensions.h"

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecsguard::parse::cfn {

namespace {

constexpr std::string_view kForEach = "Fn::ForEach::";
constexpr std::string_view kSections[] = {"Conditions", "Resources", "Outputs"};

// `&{Identifier}`: the element with only its alphanumeric characters (for logical ids).
std::string alphanumeric(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out += c;
  }
  return out;
}

void replace_all(std::string& s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) {
    s.replace(at, what.size(), with);
    at += with.size();
  }
}

struct Binding {
  std::string dollar;  // ${Identifier}
  std::string amp;     // &{Identifier}
  std::string identifier;
  std::string value;
  std::string value_alnum;
};

Binding bind(const std::string& identifier, const std::string& value) {
  return {"${" + identifier + "}", "&{" + identifier + "}", identifier, value, alphanumeric(value)};
}

void substitute_text(std::string& s, const Binding& b) {
  if (s.find('{') == std::string::npos) return;
  replace_all(s, b.dollar, b.value);
  replace_all(s, b.amp, b.value_alnum);
}

class Expander {
 public:
  Expander(Resolver& resolver, const core::Limits& limits)
      : resolver_(resolver), limits_(limits), nodes_left_(limits.max_nodes) {}

  // Expands every loop in `n` (in place).
  bool expand(Node& n, unsigned depth) {
    if (depth > limits_.max_depth) return fail("Fn::ForEach nesting deeper than max_depth", n.loc);
    if (n.is_seq()) {
      for (auto& item : n.items) {
        if (!expand(item, depth + 1)) return false;
      }
      return true;
    }
    if (!n.is_map()) return true;
    std::vector<Member> pending = std::move(n.members);
    n.members.clear();
    // Generated members are expanded in turn (a fragment may hold a nested loop).
    for (auto& member : pending) {
      if (!member.key.text.starts_with(kForEach)) {
        if (!expand(member.value, depth + 1)) return false;
        if (!add_member(n, std::move(member))) return false;
        continue;
      }
      std::vector<Member> generated;
      if (!expand_loop(member, generated, depth)) return false;
      for (auto& g : generated) {
        if (g.key.text.starts_with(kForEach)) {
          Node holder;
          holder.kind = NodeKind::kMap;
          holder.members.push_back(std::move(g));
          if (!expand(holder, depth + 1)) return false;
          for (auto& m : holder.members) {
            if (!add_member(n, std::move(m))) return false;
          }
        } else {
          if (!expand(g.value, depth + 1)) return false;
          if (!add_member(n, std::move(g))) return false;
        }
      }
    }
    return true;
  }

  core::Error take_error() { return std::move(error_); }

 private:
  bool fail(std::string message, core::Loc where) {
    error_ = core::make_error(core::Errc::kInvalid, std::move(message), where);
    return false;
  }

  bool add_member(Node& map, Member m) {
    for (const auto& existing : map.members) {
      if (existing.key.text == m.key.text) {
        return fail("Fn::ForEach generates '" + m.key.text + "', which already exists", m.key.loc);
      }
    }
    map.members.push_back(std::move(m));
    return true;
  }

  // Copies `n` with `b` substituted; false when the node budget is spent.
  bool substitute(Node& n, const Binding& b, unsigned depth) {
    if (nodes_left_ == 0) {
      return fail("Fn::ForEach generates more than max_nodes nodes", n.loc);
    }
    --nodes_left_;
    if (depth > limits_.max_depth) return fail("Fn::ForEach fragment deeper than max_depth", n.loc);
    if (n.is_map() && n.members.size() == 1 && n.members[0].key.text == "Ref" &&
        n.members[0].value.is_string() && n.members[0].value.text == b.identifier) {
      n = Node::make_string(b.value, n.loc);
      return true;
    }
    if (n.is_string()) substitute_text(n.text, b);
    for (auto& item : n.items) {
      if (!substitute(item, b, depth + 1)) return false;
    }
    for (auto& m : n.members) {
      substitute_text(m.key.text, b);
      if (!substitute(m.value, b, depth + 1)) return false;
    }
    return true;
  }

  // The elements of a loop's collection, each a known scalar.
  bool collection(const std::string& loop, const Node& expr, std::vector<std::string>& out) {
    auto resolved = resolver_.resolve(expr);
    if (!resolved.ok()) {
      core::Error e = std::move(resolved).error();
      return fail(loop + ": " + e.message, e.where.valid() ? e.where : expr.loc);
    }
    const std::optional<Node>& v = resolved.value();
    if (!v || v->is_unknown() || !v->is_seq()) {
      const std::string why = !v                ? "it is AWS::NoValue"
                              : v->is_unknown() ? v->text
                                                : "it is not a list";
      return fail(loop + " cannot be expanded: its collection is not known statically (" + why +
                      "); the resources it generates would not be scanned",
                  expr.loc);
    }
    if (v->items.size() > limits_.max_resources) {
      return fail(loop + ": collection of more than max_resources elements", expr.loc);
    }
    for (const auto& item : v->items) {
      if (!item.is_known_scalar()) {
        return fail(loop + " cannot be expanded: an element of its collection is not known (" +
                        (item.is_unknown() ? item.text : std::string("not a scalar")) + ")",
                    item.loc.valid() ? item.loc : expr.loc);
      }
      out.push_back(item.scalar_text());
    }
    return true;
  }

  bool expand_loop(const Member& loop, std::vector<Member>& out, unsigned depth) {
    const std::string& name = loop.key.text;
    const Node& v = loop.value;
    if (!v.is_seq() || v.items.size() != 3 || !v.items[0].is_string() || !v.items[2].is_map()) {
      return fail(name + " is malformed: it takes [Identifier, Collection, {OutputKey: Value}]",
                  loop.key.loc);
    }
    const std::string& identifier = v.items[0].text;
    std::vector<std::string> elements;
    if (!collection(name, v.items[1], elements)) return false;
    for (const auto& element : elements) {
      const Binding b = bind(identifier, element);
      for (const auto& m : v.items[2].members) {
        Member copy = m;
        substitute_text(copy.key.text, b);
        if (!substitute(copy.value, b, depth + 1)) return false;
        out.push_back(std::move(copy));
        if (out.size() > limits_.max_resources) {
          return fail(name + " generates more than max_resources members", loop.key.loc);
        }
      }
    }
    return true;
  }

  Resolver& resolver_;
  const core::Limits& limits_;
  std::size_t nodes_left_;
  core::Error error_;
};

bool is_language_extensions(const Node& n) noexcept {
  return n.is_string() && n.text == "AWS::LanguageExtensions";
}

}  // namespace

bool uses_language_extensions(const Node& root) noexcept {
  const Node* t = root.find("Transform");
  if (t == nullptr) return false;
  if (is_language_extensions(*t)) return true;
  if (!t->is_seq()) return false;
  for (const auto& item : t->items) {
    if (is_language_extensions(item)) return true;
  }
  return false;
}

core::Result<Node> expand_language_extensions(const Node& root, const core::Limits& limits,
                                              const ParameterValues& parameters) {
  // Collections are resolved against the template as written (Parameters and Mappings are not
  // generated by loops).
  Resolver resolver(root, limits, parameters);
  Expander expander(resolver, limits);
  Node out = root;
  for (auto& section : out.members) {
    bool listed = false;
    for (const auto s : kSections) listed = listed || section.key.text == s;
    if (!listed || !section.value.is_map()) continue;
    if (!expander.expand(section.value, 1)) return expander.take_error();
  }
  return out;
}

}  // namespace ecsguard::parse::cfn
