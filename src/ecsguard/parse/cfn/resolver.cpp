#include "ecsguard/parse/cfn/resolver.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <unordered_map>

#include "ecsguard/core/json_writer.h"
#include "ecsguard/core/strings.h"

namespace ecsguard::parse::cfn {

namespace {

// Thrown only inside this file (limits, cycles) and caught at the public functions.
struct Failure {
  core::Error error;
};

[[noreturn]] void fail(core::Errc code, std::string message, core::Loc where) {
  throw Failure{core::make_error(code, std::move(message), where)};
}

// {"Ref": x} or {"Fn::Name": x}: a one-member map whose key names an intrinsic function.
bool as_intrinsic(const Node& n, std::string_view& name, const Node*& arg) noexcept {
  if (!n.is_map() || n.members.size() != 1) return false;
  const std::string& k = n.members[0].key.text;
  if (k == "Ref" || (k.size() > 4 && k.compare(0, 4, "Fn::") == 0)) {
    name = k;
    arg = &n.members[0].value;
    return true;
  }
  return false;
}

void add_ref(std::vector<std::string>& refs, std::string_view id) {
  for (const auto& r : refs) {
    if (r == id) return;
  }
  refs.emplace_back(id);
}

void add_refs(std::vector<std::string>& refs, const std::vector<std::string>& more) {
  for (const auto& r : more) add_ref(refs, r);
}

// Every ref found anywhere in a resolved subtree (Fn::If on an unknown condition keeps the refs of
// both branches, so a service's TaskDefinition: !If [...] still links to both task definitions).
void collect_refs(const Node& n, std::vector<std::string>& out, unsigned depth = 0) {
  add_refs(out, n.refs);
  if (depth > 512) return;
  for (const auto& item : n.items) collect_refs(item, out, depth + 1);
  for (const auto& m : n.members) collect_refs(m.value, out, depth + 1);
}

bool is_known_text(const Node& n) noexcept { return n.is_known_scalar(); }

std::string describe(std::string_view what, std::size_t max = 80) {
  std::string s(what.substr(0, max));
  if (what.size() > max) s += "...";
  return s;
}

Node unknown(std::string reason, core::Loc loc, std::vector<std::string> refs = {}) {
  Node n = Node::make_unknown(std::move(reason), loc);
  n.refs = std::move(refs);
  return n;
}

// Concatenation of known, partial and unknown parts (Fn::Sub, Fn::Join). A partial result keeps
// one kUnknown node per kUnknownMark segment in `items` (node.h), so reasons survive.
class Concat {
 public:
  void literal(std::string_view s) {
    text_.append(s);
    if (!s.empty()) any_literal_ = true;
  }
  void value(const Node& v) {
    ++parts_;
    add_refs(refs_, v.refs);
    if (v.is_string()) {
      text_.append(v.text);
      if (v.partial) {
        partial_ = true;
        any_partial_string_ = true;
        segments_.insert(segments_.end(), v.items.begin(), v.items.end());
      } else if (!v.text.empty()) {
        any_literal_ = true;
      }
      return;
    }
    if (v.kind == NodeKind::kNumber || v.kind == NodeKind::kBool) {
      text_.append(v.scalar_text());
      any_literal_ = true;
      return;
    }
    text_.push_back(kUnknownMark);
    partial_ = true;
    if (v.is_unknown()) {
      segments_.push_back(unknown(v.text, v.loc, v.refs));
    } else {
      segments_.push_back(unknown(
          v.is_null() ? "null inside a string" : "a list or map inside a string", v.loc, v.refs));
    }
    ++unknown_parts_;
  }
  [[nodiscard]] std::size_t size() const noexcept { return text_.size(); }
  Node finish(core::Loc loc) {
    // The whole value is one unknown: keep it as such rather than a bare marker.
    if (!any_literal_ && !any_partial_string_ && unknown_parts_ == 1 && parts_ == 1) {
      Node n = std::move(segments_.front());
      n.loc = loc;
      return n;
    }
    Node n = Node::make_string(std::move(text_), loc);
    n.partial = partial_;
    n.refs = std::move(refs_);
    if (partial_) n.items = std::move(segments_);
    return n;
  }

 private:
  std::string text_;
  bool partial_ = false;
  bool any_literal_ = false;
  bool any_partial_string_ = false;
  int parts_ = 0;
  int unknown_parts_ = 0;
  std::vector<Node> segments_;
  std::vector<std::string> refs_;
};

void json_escape(std::string& out, std::string_view s) { core::append_json_string(out, s); }

bool json_text(const Node& n, std::string& out, unsigned depth) {
  if (depth > 1024) return false;
  switch (n.kind) {
    case NodeKind::kNull:
      out += "null";
      return true;
    case NodeKind::kBool:
      out += n.boolean ? "true" : "false";
      return true;
    case NodeKind::kNumber:
      out += n.text;
      return true;
    case NodeKind::kString:
      if (n.partial) return false;
      json_escape(out, n.text);
      return true;
    case NodeKind::kUnknown:
      return false;
    case NodeKind::kSeq: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : n.items) {
        if (!first) out.push_back(',');
        first = false;
        if (!json_text(item, out, depth + 1)) return false;
      }
      out.push_back(']');
      return true;
    }
    case NodeKind::kMap: {
      out.push_back('{');
      bool first = true;
      for (const auto& m : n.members) {
        if (!first) out.push_back(',');
        first = false;
        json_escape(out, m.key.text);
        out.push_back(':');
        if (!json_text(m.value, out, depth + 1)) return false;
      }
      out.push_back('}');
      return true;
    }
  }
  return false;
}

constexpr std::string_view kUnknownPseudo[] = {"AWS::Region",    "AWS::AccountId",
                                               "AWS::StackName", "AWS::StackId",
                                               "AWS::Partition", "AWS::NotificationARNs"};

}  // namespace

std::optional<std::string> to_json_text(const Node& node) {
  std::string out;
  if (!json_text(node, out, 0)) return std::nullopt;
  return out;
}

struct Resolver::Impl {
  using Opt = std::optional<Node>;

  const Node& root;
  core::Limits limits;
  ParameterValues passed;
  const Node* parameters = nullptr;
  const Node* mappings = nullptr;
  const Node* conditions = nullptr;
  std::unordered_map<std::string_view, std::string_view> resource_types;

  struct Memo {
    bool running = false;
    ConditionResult result;
  };
  std::unordered_map<std::string, Memo> condition_memo;
  std::vector<std::string> condition_chain;

  std::size_t nodes_left = 0;
  std::size_t bytes_left = 0;

  Impl(const Node& r, const core::Limits& l, ParameterValues p)
      : root(r), limits(l), passed(std::move(p)) {
    if (root.is_map()) {
      parameters = root.find("Parameters");
      mappings = root.find("Mappings");
      conditions = root.find("Conditions");
      if (const Node* resources = root.find("Resources"); resources && resources->is_map()) {
        resource_types.reserve(resources->members.size());
        for (const auto& m : resources->members) {
          std::string_view type;
          if (m.value.is_map()) {
            if (const Node* t = m.value.find("Type"); t && t->is_string()) type = t->text;
          }
          resource_types.emplace(m.key.text, type);
        }
      }
    }
    nodes_left = 2 * limits.max_nodes;
    bytes_left = 2 * limits.max_file_bytes + limits.max_scalar_bytes;
  }

  void charge(std::size_t nodes, std::size_t bytes, core::Loc loc) {
    if (nodes > nodes_left || bytes > bytes_left) {
      fail(core::Errc::kLimit,
           "intrinsic function resolution produced too much data (limit derived from "
           "max_nodes / max_file_bytes)",
           loc);
    }
    nodes_left -= nodes;
    bytes_left -= bytes;
  }

  void check_depth(unsigned depth, unsigned idepth, core::Loc loc) const {
    if (idepth > limits.max_intrinsic_depth) {
      fail(core::Errc::kLimit,
           "intrinsic functions nested deeper than " + std::to_string(limits.max_intrinsic_depth) +
               " (max_intrinsic_depth)",
           loc);
    }
    if (depth > limits.max_depth) {
      fail(core::Errc::kLimit,
           "value nested deeper than " + std::to_string(limits.max_depth) + " (max_depth)", loc);
    }
  }

  Node copy(const Node& n, core::Loc loc) {
    charge(1, n.text.size(), loc);
    Node out = n;
    return out;
  }

  // ---- values ---------------------------------------------------------------------------

  Opt eval(const Node& n, unsigned depth, unsigned idepth) {
    check_depth(depth, idepth, n.loc);
    std::string_view name;
    const Node* arg = nullptr;
    if (as_intrinsic(n, name, arg)) {
      charge(1, 0, n.loc);  // bounds the work of shared sub-expressions (Mappings DAGs)
      Opt r = call(name, *arg, n.loc, depth + 1, idepth + 1);
      if (r) r->loc = n.loc;
      return r;
    }
    switch (n.kind) {
      case NodeKind::kMap: {
        charge(1, 0, n.loc);
        Node out;
        out.kind = NodeKind::kMap;
        out.loc = n.loc;
        out.members.reserve(n.members.size());
        for (const auto& m : n.members) {
          Opt v = eval(m.value, depth + 1, idepth);
          if (!v) continue;  // AWS::NoValue removes the property
          charge(1, m.key.text.size(), m.key.loc);
          out.members.push_back(Member{m.key, std::move(*v)});
        }
        return out;
      }
      case NodeKind::kSeq: {
        charge(1, 0, n.loc);
        Node out;
        out.kind = NodeKind::kSeq;
        out.loc = n.loc;
        out.items.reserve(n.items.size());
        for (const auto& item : n.items) {
          Opt v = eval(item, depth + 1, idepth);
          if (v) out.items.push_back(std::move(*v));  // AWS::NoValue removes the element
        }
        return out;
      }
      default:
        return copy(n, n.loc);
    }
  }

  // A value that must be a known string (function names, delimiters, keys); nullopt if not.
  std::optional<std::string> known_text(const Node& n, unsigned depth, unsigned idepth,
                                        Node* unknown_out = nullptr) {
    Opt v = eval(n, depth, idepth);
    if (v && is_known_text(*v)) return v->scalar_text();
    if (unknown_out) {
      if (v && v->is_unknown()) {
        *unknown_out = std::move(*v);
      } else if (v && v->is_string() && v->partial) {
        *unknown_out = unknown("partially known value", v->loc, v->refs);
      } else {
        *unknown_out = unknown("expected a string", n.loc);
      }
    }
    return std::nullopt;
  }

  Opt call(std::string_view name, const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    if (name == "Ref") return ref(arg, loc, depth, idepth);
    if (name == "Fn::GetAtt") return get_att(arg, loc, depth, idepth);
    if (name == "Fn::Sub") return sub(arg, loc, depth, idepth);
    if (name == "Fn::Join") return join(arg, loc, depth, idepth);
    if (name == "Fn::Select") return select(arg, loc, depth, idepth);
    if (name == "Fn::Split") return split(arg, loc, depth, idepth);
    if (name == "Fn::If") return if_(arg, loc, depth, idepth);
    if (name == "Fn::FindInMap") return find_in_map(arg, loc, depth, idepth);
    if (name == "Fn::Base64") return eval(arg, depth, idepth);  // the text is kept, not encoded
    if (name == "Fn::GetAZs") {
      return unknown("Fn::GetAZs: the Availability Zones are known at deploy time", loc);
    }
    if (name == "Fn::Cidr") return unknown("Fn::Cidr: address blocks computed at deploy time", loc);
    if (name == "Fn::ImportValue") {
      Node why;
      const auto export_name = known_text(arg, depth, idepth, &why);
      return unknown("Fn::ImportValue: value exported by another stack" +
                         (export_name ? " ('" + describe(*export_name) + "')" : std::string()),
                     loc);
    }
    if (name == "Fn::ToJsonString") {
      Opt v = eval(arg, depth, idepth);
      if (!v) return unknown("Fn::ToJsonString of a removed value", loc);
      if (auto text = to_json_text(*v)) {
        charge(1, text->size(), loc);
        return Node::make_string(std::move(*text), loc);
      }
      std::vector<std::string> refs;
      collect_refs(*v, refs);
      return unknown("Fn::ToJsonString of a value that is not fully known", loc, std::move(refs));
    }
    if (name == "Fn::Length") {
      Opt v = eval(arg, depth, idepth);
      if (v && v->is_seq()) {
        Node n;
        n.kind = NodeKind::kNumber;
        n.text = std::to_string(v->items.size());
        n.loc = loc;
        return n;
      }
      std::vector<std::string> refs;
      if (v) collect_refs(*v, refs);
      return unknown("Fn::Length of a list that is not known", loc, std::move(refs));
    }
    if (name == "Fn::Equals" || name == "Fn::Not" || name == "Fn::And" || name == "Fn::Or") {
      Node wrapper;
      wrapper.kind = NodeKind::kMap;
      wrapper.loc = loc;
      wrapper.members.push_back(Member{Node::make_string(std::string(name), loc), arg});
      std::string reason;
      const core::Tri t = eval_condition(wrapper, depth, idepth, reason);
      if (t == core::Tri::kUnknown) return unknown(reason, loc);
      Node b;
      b.kind = NodeKind::kBool;
      b.boolean = t == core::Tri::kYes;
      b.loc = loc;
      return b;
    }
    return unknown("intrinsic function " + std::string(name) + " is not evaluated statically", loc);
  }

  Opt ref(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    std::string target;
    if (arg.is_string() && !arg.partial) {
      target = arg.text;
    } else {
      Node why;
      auto t = known_text(arg, depth, idepth, &why);
      if (!t) return unknown("Ref to a name that cannot be determined", loc, why.refs);
      target = std::move(*t);
    }
    return ref_name(target, loc, depth, idepth);
  }

  Opt ref_name(std::string_view target, core::Loc loc, unsigned depth, unsigned idepth) {
    if (target == "AWS::NoValue") return std::nullopt;
    if (target == "AWS::URLSuffix") return Node::make_string("amazonaws.com", loc);
    for (const auto p : kUnknownPseudo) {
      if (target == p) {
        return unknown("pseudo parameter " + std::string(target) + " is known at deploy time", loc);
      }
    }
    for (const auto& [pname, pvalue] : passed) {
      if (pname == target) {
        Node v = copy_tree(pvalue, loc, depth);
        v.loc = loc;
        return as_parameter_type(target, std::move(v), loc);
      }
    }
    if (parameters && parameters->is_map()) {
      if (const Node* decl = parameters->find(target)) {
        return parameter_default(target, *decl, loc, depth, idepth);
      }
    }
    if (auto it = resource_types.find(target); it != resource_types.end()) {
      return unknown("runtime value of " + describe_resource(it->second, target), loc,
                     {std::string(target)});
    }
    if (core::starts_with_i(target, "AWS::")) {
      return unknown("pseudo parameter " + describe(target) + " is not known statically", loc);
    }
    return unknown("Ref to undefined name '" + describe(target) + "'", loc);
  }

  static std::string describe_resource(std::string_view type, std::string_view id) {
    std::string s = type.empty() ? std::string("resource") : std::string(type);
    s += ' ';
    s += id;
    return s;
  }

  Node copy_tree(const Node& n, core::Loc loc, unsigned depth) {
    check_depth(depth, 0, loc);
    charge(1, n.text.size(), loc);
    Node out;
    out.kind = n.kind;
    out.boolean = n.boolean;
    out.quoted = n.quoted;
    out.partial = n.partial;
    out.loc = n.loc;
    out.text = n.text;
    out.refs = n.refs;
    out.items.reserve(n.items.size());
    for (const auto& item : n.items) out.items.push_back(copy_tree(item, loc, depth + 1));
    out.members.reserve(n.members.size());
    for (const auto& m : n.members) {
      charge(1, m.key.text.size(), loc);
      out.members.push_back(Member{m.key, copy_tree(m.value, loc, depth + 1)});
    }
    return out;
  }

  [[nodiscard]] std::string_view parameter_type(std::string_view name) const {
    if (!parameters || !parameters->is_map()) return {};
    const Node* decl = parameters->find(name);
    if (!decl || !decl->is_map()) return {};
    const Node* type = decl->find("Type");
    return type && type->is_string() ? std::string_view(type->text) : std::string_view();
  }

  static bool list_type(std::string_view type) {
    return type.starts_with("List<") || type == "CommaDelimitedList";
  }

  // A passed or default value as the parameter's type reads it: lists split at commas.
  Node as_parameter_type(std::string_view name, Node v, core::Loc loc) {
    if (!list_type(parameter_type(name))) return v;
    if (v.is_known_scalar() && v.kind != NodeKind::kBool) {
      Node list;
      list.kind = NodeKind::kSeq;
      list.loc = loc;
      for (const auto part : core::split(v.text, ',')) {
        charge(1, part.size(), loc);
        list.items.push_back(Node::make_string(std::string(core::trim(part)), loc));
      }
      return list;
    }
    return v;
  }

  Opt parameter_default(std::string_view name, const Node& decl, core::Loc loc, unsigned depth,
                        unsigned idepth) {
    (void)idepth;
    const std::string_view type = parameter_type(name);
    if (type.starts_with("AWS::SSM::Parameter::Value<")) {
      return unknown(
          "parameter " + std::string(name) + " is read from SSM Parameter Store at deploy time",
          loc);
    }
    // A secret by declaration: whatever value is passed lands in plaintext where it is used
    // (CTR-007 reads the marker "from NoEcho parameter").
    if (const Node* no_echo = decl.is_map() ? decl.find("NoEcho") : nullptr;
        no_echo != nullptr && no_echo->is_known_scalar() &&
        core::iequals(no_echo->scalar_text(), "true")) {
      return unknown("value from NoEcho parameter " + std::string(name), loc);
    }
    const Node* def = decl.is_map() ? decl.find("Default") : nullptr;
    if (def == nullptr || def->is_null()) {
      return unknown("parameter " + std::string(name) + " has no default", loc);
    }
    Node v = copy_tree(*def, loc, depth);
    v.loc = loc;
    return as_parameter_type(name, std::move(v), loc);
  }

  Opt get_att(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    std::string id;
    std::string attr;
    if (arg.is_string()) {
      const auto dot = arg.text.find('.');
      id = arg.text.substr(0, dot);
      if (dot != std::string::npos) attr = arg.text.substr(dot + 1);
    } else if (arg.is_seq() && !arg.items.empty()) {
      auto first = known_text(arg.items[0], depth, idepth);
      if (!first) return unknown("Fn::GetAtt of a resource that cannot be determined", loc);
      id = std::move(*first);
      if (arg.items.size() > 1) {
        if (auto a = known_text(arg.items[1], depth, idepth)) attr = std::move(*a);
      }
    } else {
      return unknown("malformed Fn::GetAtt", loc);
    }
    if (auto it = resource_types.find(id); it != resource_types.end()) {
      std::string what = describe_resource(it->second, id);
      if (!attr.empty()) what += "." + describe(attr);
      return unknown("runtime value of " + what, loc, {id});
    }
    return unknown("Fn::GetAtt to undefined resource '" + describe(id) + "'", loc);
  }

  Opt sub(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    std::string tmpl;
    const Node* vars = nullptr;
    if (arg.is_string() && !arg.partial) {
      tmpl = arg.text;
    } else if (arg.is_seq() && !arg.items.empty()) {
      Node why;
      auto t = known_text(arg.items[0], depth, idepth, &why);
      if (!t) return unknown("Fn::Sub template cannot be determined", loc, why.refs);
      tmpl = std::move(*t);
      if (arg.items.size() > 1) vars = &arg.items[1];
    } else {
      Node why;
      auto t = known_text(arg, depth, idepth, &why);
      if (!t) return unknown("Fn::Sub template cannot be determined", loc, why.refs);
      tmpl = std::move(*t);
    }
    std::unordered_map<std::string, Node> var_cache;
    Concat out;
    std::size_t i = 0;
    while (i < tmpl.size()) {
      const std::size_t open = tmpl.find("${", i);
      if (open == std::string::npos) {
        out.literal(std::string_view(tmpl).substr(i));
        break;
      }
      out.literal(std::string_view(tmpl).substr(i, open - i));
      if (open + 2 < tmpl.size() && tmpl[open + 2] == '!') {  // ${!Literal} -> ${Literal}
        out.literal("${");
        i = open + 3;
        continue;
      }
      const std::size_t close = tmpl.find('}', open + 2);
      if (close == std::string::npos) {
        out.literal(std::string_view(tmpl).substr(open));
        break;
      }
      const std::string var(core::trim(std::string_view(tmpl).substr(open + 2, close - open - 2)));
      i = close + 1;
      auto cached = var_cache.find(var);
      if (cached == var_cache.end()) {
        Node value = sub_variable(var, vars, loc, depth, idepth);
        cached = var_cache.emplace(var, std::move(value)).first;
      }
      out.value(cached->second);
      charge(0, cached->second.text.size(), loc);
    }
    return out.finish(loc);
  }

  Node sub_variable(const std::string& var, const Node* vars, core::Loc loc, unsigned depth,
                    unsigned idepth) {
    if (vars && vars->is_map()) {
      if (const Node* v = vars->find(var)) {
        Opt r = eval(*v, depth + 1, idepth);
        if (!r) return Node::make_string("", loc);
        return std::move(*r);
      }
    }
    const auto dot = var.find('.');
    if (dot != std::string::npos) {
      Node arg;
      arg.kind = NodeKind::kSeq;
      arg.items.push_back(Node::make_string(var.substr(0, dot), loc));
      arg.items.push_back(Node::make_string(var.substr(dot + 1), loc));
      Opt r = get_att(arg, loc, depth, idepth);
      return r ? std::move(*r) : Node::make_string("", loc);
    }
    Opt r = ref_name(var, loc, depth, idepth);
    return r ? std::move(*r) : Node::make_string("", loc);
  }

  Opt join(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    if (!arg.is_seq() || arg.items.size() != 2) return unknown("malformed Fn::Join", loc);
    Node why;
    auto delim = known_text(arg.items[0], depth, idepth, &why);
    if (!delim) return unknown("Fn::Join delimiter cannot be determined", loc, why.refs);
    Opt list = eval(arg.items[1], depth, idepth);
    if (!list) return Node::make_string("", loc);
    if (list->is_unknown()) return unknown(list->text, loc, list->refs);
    if (!list->is_seq()) return unknown("Fn::Join expects a list", loc, list->refs);
    Concat out;
    bool first = true;
    for (const auto& item : list->items) {
      if (!first) out.literal(*delim);
      first = false;
      out.value(item);
      if (out.size() > limits.max_scalar_bytes) {
        fail(core::Errc::kLimit, "Fn::Join result longer than max_scalar_bytes", loc);
      }
    }
    charge(1, out.size(), loc);
    return out.finish(loc);
  }

  static bool to_index(const Node& n, std::size_t& out) {
    if (!n.is_known_scalar() || n.kind == NodeKind::kBool) return false;
    const std::string_view t = core::trim(n.text);
    unsigned long long v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return false;
    out = static_cast<std::size_t>(v);
    return true;
  }

  Opt select(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    if (!arg.is_seq() || arg.items.size() != 2) return unknown("malformed Fn::Select", loc);
    Opt index = eval(arg.items[0], depth, idepth);
    Opt list = eval(arg.items[1], depth, idepth);
    std::vector<std::string> refs;
    if (list) collect_refs(*list, refs);
    std::size_t i = 0;
    if (!index || !to_index(*index, i)) {
      return unknown("Fn::Select index cannot be determined", loc, std::move(refs));
    }
    if (!list || !list->is_seq()) {
      std::string reason = list && list->is_unknown() ? list->text
                                                      : "Fn::Select of a list that "
                                                        "is not known";
      return unknown(std::move(reason), loc, std::move(refs));
    }
    if (i >= list->items.size()) return unknown("Fn::Select index out of range", loc);
    Node out = std::move(list->items[i]);
    return out;
  }

  Opt split(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    if (!arg.is_seq() || arg.items.size() != 2) return unknown("malformed Fn::Split", loc);
    Node why;
    auto delim = known_text(arg.items[0], depth, idepth, &why);
    if (!delim || delim->empty()) return unknown("Fn::Split delimiter cannot be determined", loc);
    Node src_why;
    auto src = known_text(arg.items[1], depth, idepth, &src_why);
    if (!src) {
      return unknown("Fn::Split of a value that is not fully known (" + src_why.text + ")", loc,
                     src_why.refs);
    }
    Node out;
    out.kind = NodeKind::kSeq;
    out.loc = loc;
    std::size_t start = 0;
    while (true) {
      const std::size_t pos = src->find(*delim, start);
      const std::string_view part =
          std::string_view(*src).substr(start, pos == std::string::npos ? pos : pos - start);
      charge(1, part.size(), loc);
      out.items.push_back(Node::make_string(std::string(part), loc));
      if (pos == std::string::npos) break;
      start = pos + delim->size();
    }
    return out;
  }

  Opt if_(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    if (!arg.is_seq() || arg.items.size() != 3 || !arg.items[0].is_string()) {
      return unknown("malformed Fn::If", loc);
    }
    const std::string& cname = arg.items[0].text;
    const ConditionResult c = named_condition(cname, arg.items[0].loc, idepth);
    if (c.value == core::Tri::kYes) return eval(arg.items[1], depth, idepth);
    if (c.value == core::Tri::kNo) return eval(arg.items[2], depth, idepth);
    Opt a = eval(arg.items[1], depth, idepth);
    Opt b = eval(arg.items[2], depth, idepth);
    if (a && b && a->is_known_scalar() && b->is_known_scalar() && a->kind == b->kind &&
        a->scalar_text() == b->scalar_text()) {
      return a;  // both branches agree
    }
    std::vector<std::string> refs;
    if (a) collect_refs(*a, refs);
    if (b) collect_refs(*b, refs);
    return unknown("depends on condition '" + describe(cname) + "' (" + c.reason + ")", loc,
                   std::move(refs));
  }

  Opt find_in_map(const Node& arg, core::Loc loc, unsigned depth, unsigned idepth) {
    if (!arg.is_seq() || arg.items.size() < 3) return unknown("malformed Fn::FindInMap", loc);
    const Node* default_value = nullptr;
    if (arg.items.size() > 3 && arg.items[3].is_map()) {
      default_value = arg.items[3].find("DefaultValue");
    }
    std::string keys[3];
    for (int k = 0; k < 3; ++k) {
      Node why;
      auto t = known_text(arg.items[static_cast<std::size_t>(k)], depth, idepth, &why);
      if (!t) {
        return unknown("Fn::FindInMap key cannot be determined (" + why.text + ")", loc, why.refs);
      }
      keys[k] = std::move(*t);
    }
    const Node* v = nullptr;
    if (mappings && mappings->is_map()) {
      if (const Node* m = mappings->find(keys[0]); m && m->is_map()) {
        if (const Node* top = m->find(keys[1]); top && top->is_map()) v = top->find(keys[2]);
      }
    }
    if (v == nullptr) {
      if (default_value) return eval(*default_value, depth, idepth);
      return unknown("Fn::FindInMap: no entry " + describe(keys[0]) + "/" + describe(keys[1]) +
                         "/" + describe(keys[2]),
                     loc);
    }
    return eval(*v, depth, idepth);
  }

  // ---- conditions -----------------------------------------------------------------------

  // After a failure unwound through condition evaluations: forget the half-evaluated ones, so a
  // later query evaluates them again (and fails the same way) instead of seeing a false cycle.
  void abandon_conditions() {
    for (auto it = condition_memo.begin(); it != condition_memo.end();) {
      it = it->second.running ? condition_memo.erase(it) : std::next(it);
    }
    condition_chain.clear();
  }

  ConditionResult named_condition(const std::string& name, core::Loc where, unsigned idepth) {
    check_depth(0, idepth, where);
    auto it = condition_memo.find(name);
    if (it != condition_memo.end()) {
      if (it->second.running) {
        std::string chain;
        bool in = false;
        for (const auto& c : condition_chain) {
          if (c == name) in = true;
          if (in) chain += c + " -> ";
        }
        chain += name;
        fail(core::Errc::kInvalid, "condition cycle: " + chain, where);
      }
      return it->second.result;
    }
    const Member* decl =
        conditions && conditions->is_map() ? conditions->find_member(name) : nullptr;
    if (decl == nullptr) {
      return ConditionResult{core::Tri::kUnknown,
                             "condition '" + describe(name) + "' is not defined"};
    }
    condition_memo[name].running = true;
    condition_chain.push_back(name);
    ConditionResult r;
    r.value = eval_condition(decl->value, 0, idepth + 1, r.reason);
    if (r.value == core::Tri::kUnknown && r.reason.empty()) r.reason = "cannot be evaluated";
    condition_chain.pop_back();
    Memo& memo = condition_memo[name];
    memo.running = false;
    memo.result = r;
    return r;
  }

  core::Tri eval_condition(const Node& n, unsigned depth, unsigned idepth, std::string& reason) {
    check_depth(depth, idepth, n.loc);
    if (n.kind == NodeKind::kBool) return n.boolean ? core::Tri::kYes : core::Tri::kNo;
    if (n.is_string() && !n.partial) {
      if (core::iequals(n.text, "true")) return core::Tri::kYes;
      if (core::iequals(n.text, "false")) return core::Tri::kNo;
    }
    if (!n.is_map() || n.members.size() != 1) {
      reason = "not a condition";
      return core::Tri::kUnknown;
    }
    const std::string& fn = n.members[0].key.text;
    const Node& arg = n.members[0].value;
    if (fn == "Condition") {
      if (!arg.is_string()) {
        reason = "malformed Condition";
        return core::Tri::kUnknown;
      }
      ConditionResult c = named_condition(arg.text, arg.loc, idepth + 1);
      if (c.value == core::Tri::kUnknown)
        reason = "condition '" + describe(arg.text) + "': " + c.reason;
      return c.value;
    }
    if (fn == "Fn::Equals") {
      if (!arg.is_seq() || arg.items.size() != 2) {
        reason = "malformed Fn::Equals";
        return core::Tri::kUnknown;
      }
      Opt a = eval(arg.items[0], depth + 1, idepth + 1);
      Opt b = eval(arg.items[1], depth + 1, idepth + 1);
      const Node empty = Node::make_string("");
      const Node& x = a ? *a : empty;
      const Node& y = b ? *b : empty;
      if (x.is_known_scalar() && y.is_known_scalar()) {
        return x.scalar_text() == y.scalar_text() ? core::Tri::kYes : core::Tri::kNo;
      }
      auto jx = to_json_text(x);
      auto jy = to_json_text(y);
      if (jx && jy) return *jx == *jy ? core::Tri::kYes : core::Tri::kNo;
      const Node& u = jx ? y : x;
      reason = u.is_unknown() ? u.text : "compares a value that is not fully known";
      return core::Tri::kUnknown;
    }
    if (fn == "Fn::Not") {
      const Node* inner = &arg;
      if (arg.is_seq()) {
        if (arg.items.size() != 1) {
          reason = "malformed Fn::Not";
          return core::Tri::kUnknown;
        }
        inner = &arg.items[0];
      }
      const core::Tri t = eval_condition(*inner, depth + 1, idepth + 1, reason);
      if (t == core::Tri::kUnknown) return t;
      return t == core::Tri::kYes ? core::Tri::kNo : core::Tri::kYes;
    }
    if (fn == "Fn::And" || fn == "Fn::Or") {
      if (!arg.is_seq()) {
        reason = "malformed " + fn;
        return core::Tri::kUnknown;
      }
      const bool is_and = fn == "Fn::And";
      bool any_unknown = false;
      std::string first_reason;
      for (const auto& c : arg.items) {
        std::string r;
        const core::Tri t = eval_condition(c, depth + 1, idepth + 1, r);
        if (t == core::Tri::kUnknown) {
          if (!any_unknown) first_reason = r;
          any_unknown = true;
        } else if (is_and && t == core::Tri::kNo) {
          return core::Tri::kNo;
        } else if (!is_and && t == core::Tri::kYes) {
          return core::Tri::kYes;
        }
      }
      if (any_unknown) {
        reason = first_reason;
        return core::Tri::kUnknown;
      }
      return is_and ? core::Tri::kYes : core::Tri::kNo;
    }
    reason = "unsupported condition function " + describe(fn);
    return core::Tri::kUnknown;
  }
};

Resolver::Resolver(const Node& root, const core::Limits& limits, ParameterValues parameters)
    : impl_(std::make_unique<Impl>(root, limits, std::move(parameters))) {}

Resolver::~Resolver() = default;

core::Result<std::optional<Node>> Resolver::resolve(const Node& value) {
  try {
    return impl_->eval(value, 0, 0);
  } catch (Failure& f) {
    impl_->abandon_conditions();
    return std::move(f.error);
  }
}

core::Result<ConditionResult> Resolver::condition(std::string_view name, core::Loc where) {
  try {
    return impl_->named_condition(std::string(name), where, 0);
  } catch (Failure& f) {
    impl_->abandon_conditions();
    return std::move(f.error);
  }
}

std::string_view Resolver::resource_type(std::string_view logical_id) const noexcept {
  auto it = impl_->resource_types.find(logical_id);
  return it == impl_->resource_types.end() ? std::string_view() : it->second;
}

}  // namespace ecsguard::parse::cfn
