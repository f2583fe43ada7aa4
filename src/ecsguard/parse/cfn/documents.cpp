#include "ecsguard/parse/cfn/documents.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ecsguard/parse/json_loader.h"

namespace ecsguard::parse::cfn {

namespace {

using fields::element;
using fields::Field;
using fields::field;
using fields::member_field;

// Gives every node of an embedded document the location of the string it came from (positions
// inside the string are not file positions), and marks strings that contain unknown segments,
// handing them the source's segment reasons in document order (JSON keeps the text order).
struct Relocate {
  core::Loc loc;
  const Node& source;
  std::size_t next_segment = 0;

  std::size_t marks(const std::string& s) const {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), kUnknownMark));
  }
  void take(Node& n, std::size_t count) {
    n.partial = true;
    n.items.clear();
    for (std::size_t i = 0; i < count && next_segment < source.items.size(); ++i) {
      const Node& seg = source.items[next_segment++];
      n.items.push_back(seg);
      for (const auto& r : seg.refs) {
        if (std::find(n.refs.begin(), n.refs.end(), r) == n.refs.end()) n.refs.push_back(r);
      }
    }
    if (n.items.empty()) n.refs = source.refs;
  }
  void run(Node& n, unsigned depth = 0) {
    n.loc = loc;
    if (source.partial && n.is_string()) {
      if (const std::size_t k = marks(n.text)) take(n, k);
    }
    if (depth > 1024) return;
    for (auto& item : n.items) {
      if (!n.is_string()) run(item, depth + 1);
    }
    for (auto& m : n.members) {
      m.key.loc = loc;
      if (source.partial) next_segment += marks(m.key.text);
      run(m.value, depth + 1);
    }
  }
};

// JSON text (possibly partial) -> document node. On failure, `reason` says why.
std::optional<Node> parse_embedded(const Node& text, const core::Limits& limits,
                                   std::string& reason) {
  std::string json;
  json.reserve(text.text.size());
  if (text.partial) {
    // The marker is a control character, invalid raw inside JSON; its \u escape decodes back to
    // the marker, so unknown segments inside JSON strings survive parsing.
    for (const char c : text.text) {
      if (c == kUnknownMark) {
        json += "\\u001a";
      } else {
        json.push_back(c);
      }
    }
  } else {
    json = text.text;
  }
  auto parsed = load_json(json, text.loc.file, limits);
  if (!parsed.ok()) {
    reason = text.partial ? "partially known JSON text that cannot be parsed without its "
                            "deploy-time values"
                          : "not valid JSON: " + parsed.error().message;
    return std::nullopt;
  }
  Node doc = std::move(parsed).value();
  Relocate{text.loc, text}.run(doc);
  return doc;
}

// The document node for a property given as an object or as JSON text. Sets `state`/`reason`.
std::optional<Node> document_node(const Field& f, const core::Limits& limits,
                                  model::Presence& state, std::string& reason) {
  state = fields::presence(f);
  if (state == model::Presence::kAbsent) return std::nullopt;
  if (state == model::Presence::kUnknown) {
    reason = f.unknown ? f.reason : fields::unknown_reason(*f.node);
    return std::nullopt;
  }
  const Node& n = *f.node;
  if (n.is_map()) return std::nullopt;  // used in place
  if (n.is_string()) {
    auto doc = parse_embedded(n, limits, reason);
    if (!doc) {
      state = model::Presence::kUnknown;
      return std::nullopt;
    }
    if (!doc->is_map()) {
      state = model::Presence::kUnknown;
      reason = "the JSON text is not an object";
      return std::nullopt;
    }
    return doc;
  }
  state = model::Presence::kUnknown;
  reason = "expected an object or JSON text";
  return std::nullopt;
}

std::vector<model::Principal> principals(const Field& f) {
  std::vector<model::Principal> out;
  if (f.absent()) return out;
  if (f.unknown || f.node->is_unknown() || (f.node->is_string() && f.node->partial)) {
    model::Principal p;
    p.value = fields::to_str(f);
    out.push_back(std::move(p));
    return out;
  }
  const Node& n = *f.node;
  if (n.is_known_scalar()) {  // Principal: "*"
    model::Principal p;
    p.type = n.scalar_text() == "*" ? "*" : "";
    p.value = fields::to_str(f);
    out.push_back(std::move(p));
    return out;
  }
  if (n.is_map()) {
    for (const auto& m : n.members) {
      const Field typed = member_field(m);
      if (typed.absent()) continue;
      const model::StrList values = fields::to_str_list(typed, /*scalar_as_list=*/true);
      if (!values.known()) {
        model::Principal p;
        p.type = m.key.text;
        p.value.state = values.state;
        p.value.reason = values.reason;
        p.value.loc = values.loc;
        p.value.refs = values.refs;
        out.push_back(std::move(p));
        continue;
      }
      for (const auto& v : values.value) {
        model::Principal p;
        p.type = m.key.text;
        p.value = v;
        if (!p.value.loc.valid()) p.value.loc = typed.loc;
        out.push_back(std::move(p));
      }
    }
    return out;
  }
  model::Principal p;
  p.value = model::Str::unknown_because("Principal is neither \"*\" nor a map", f.loc);
  out.push_back(std::move(p));
  return out;
}

std::vector<model::ConditionEntry> conditions(const Field& f) {
  std::vector<model::ConditionEntry> out;
  if (f.absent()) return out;
  if (f.unknown || !f.node->is_map()) {
    model::ConditionEntry e;
    e.values = fields::to_str_list(f, true);
    if (e.values.known()) {
      e.values = model::StrList::unknown_because("Condition is not a map", f.loc);
    }
    out.push_back(std::move(e));
    return out;
  }
  for (const auto& op : f.node->members) {
    const Field opf = member_field(op);
    if (opf.absent()) continue;
    if (!opf.node->is_map()) {
      model::ConditionEntry e;
      e.op = op.key.text;
      e.values = fields::to_str_list(opf, true);
      if (e.values.known()) {
        e.values =
            model::StrList::unknown_because("condition operator value is not a map", opf.loc);
      }
      out.push_back(std::move(e));
      continue;
    }
    for (const auto& key : opf.node->members) {
      model::ConditionEntry e;
      e.op = op.key.text;
      e.key = key.key.text;
      e.values = fields::to_str_list(member_field(key), true);
      out.push_back(std::move(e));
    }
  }
  return out;
}

model::Statement statement(const Field& s) {
  model::Statement st;
  st.loc = s.loc;
  if (s.unknown || !s.node->is_map()) {
    st.effect = fields::to_str(s);
    if (st.effect.known()) st.effect = model::Str::unknown_because("statement is not a map", s.loc);
    return st;
  }
  st.sid = fields::to_str(field(s, "Sid"));
  st.effect = fields::to_str(field(s, "Effect"));
  const Field principal = field(s, "Principal");
  const Field not_principal = field(s, "NotPrincipal");
  st.has_principal = !principal.absent() || !not_principal.absent();
  st.principals = principals(principal);
  st.not_principals = principals(not_principal);
  st.actions = fields::to_str_list(field(s, "Action"), true);
  st.not_actions = fields::to_str_list(field(s, "NotAction"), true);
  st.resources = fields::to_str_list(field(s, "Resource"), true);
  st.not_resources = fields::to_str_list(field(s, "NotResource"), true);
  st.conditions = conditions(field(s, "Condition"));
  return st;
}

}  // namespace

model::PolicyDocument build_policy_document(const Field& doc, const core::Limits& limits) {
  model::PolicyDocument out;
  out.loc = doc.loc;
  std::optional<Node> parsed = document_node(doc, limits, out.state, out.reason);
  if (out.state != model::Presence::kKnown) return out;
  const Node& root = parsed ? *parsed : *doc.node;
  Field root_field;
  root_field.node = &root;
  root_field.loc = doc.loc;
  const Field st = field(root_field, "Statement");
  if (st.absent()) return out;
  if (!st.unknown && st.node->is_seq()) {
    for (const auto& item : st.node->items) {
      const Field e = element(item);
      if (!e.absent()) out.statements.push_back(statement(e));
    }
  } else if (!st.unknown && st.node->is_map()) {
    Field e = element(*st.node);
    if (!e.loc.valid()) e.loc = st.loc;
    out.statements.push_back(statement(e));
  } else {
    out.state = model::Presence::kUnknown;
    out.reason = st.unknown              ? st.reason
                 : st.node->is_unknown() ? fields::unknown_reason(*st.node)
                                         : "Statement is neither a list nor a map";
  }
  return out;
}

model::LifecyclePolicy build_lifecycle_policy(const Field& lifecycle_policy,
                                              const core::Limits& limits) {
  model::LifecyclePolicy out;
  out.loc = lifecycle_policy.loc;
  const model::Presence outer = fields::presence(lifecycle_policy);
  if (outer == model::Presence::kAbsent) return out;
  if (outer == model::Presence::kUnknown) {
    out.state = model::Presence::kUnknown;
    out.reason = lifecycle_policy.unknown ? lifecycle_policy.reason
                                          : fields::unknown_reason(*lifecycle_policy.node);
    return out;
  }
  const Field text = field(lifecycle_policy, "LifecyclePolicyText");
  std::optional<Node> parsed = document_node(text, limits, out.state, out.reason);
  if (out.state != model::Presence::kKnown) return out;
  const Node& root = parsed ? *parsed : *text.node;
  Field root_field;
  root_field.node = &root;
  root_field.loc = text.loc;
  std::vector<Field> rules;
  model::Presence rules_state = model::Presence::kAbsent;
  std::string rules_reason;
  if (!fields::list_elements(field(root_field, "rules"), rules, rules_state, rules_reason)) {
    if (rules_state == model::Presence::kUnknown) {
      out.state = model::Presence::kUnknown;
      out.reason = "rules: " + rules_reason;
    }
    return out;
  }
  for (const auto& r : rules) {
    model::LifecycleRule rule;
    rule.priority = fields::to_int(field(r, "rulePriority"));
    const Field selection = field(r, "selection");
    rule.tag_status = fields::to_str(field(selection, "tagStatus"));
    rule.count_type = fields::to_str(field(selection, "countType"));
    rule.count_number = fields::to_int(field(selection, "countNumber"));
    rule.tag_prefix_list = fields::to_str_list(field(selection, "tagPrefixList"));
    rule.tag_pattern_list = fields::to_str_list(field(selection, "tagPatternList"));
    rule.action_type = fields::to_str(field(field(r, "action"), "type"));
    out.rules.push_back(std::move(rule));
  }
  return out;
}

}  // namespace ecsguard::parse::cfn
