#include "ecsguard/analysis/iam/permissions.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "ecsguard/analysis/iam/managed.h"
#include "ecsguard/core/glob.h"

namespace ecsguard::analysis::iam {

namespace {

constexpr core::GlobOptions kGlob{.ignore_case = true, .question_mark = true};

// Field by field: GCC 12 misreads nested designated initialisers of strings as uninitialised.
Unknown make_unknown(Unknown::Why why, Source source, std::string reason, core::Loc loc) {
  Unknown u;
  u.why = why;
  u.source = std::move(source);
  u.reason = std::move(reason);
  u.loc = loc;
  return u;
}

// Does any element of a known / unknown pattern list match `value`?
Tri list_matches(const model::StrList& list, std::string_view value) {
  if (list.unknown()) return Tri::kUnknown;
  if (!list.known()) return Tri::kNo;
  Tri any = Tri::kNo;
  for (const auto& e : list.value) {
    if (e.known()) {
      if (core::glob_match(e.value, value, kGlob)) return Tri::kYes;
    } else if (!e.absent()) {
      any = Tri::kUnknown;
    }
  }
  return any;
}

bool has_star(const model::StrList& list) {
  if (!list.known()) return false;
  for (const auto& e : list.value) {
    if (e.known() && e.value == "*") return true;
  }
  return false;
}

bool effect_is(const model::Statement& s, std::string_view effect) noexcept {
  return s.effect.known() && s.effect.value == effect;
}

void add_managed_arn(Permissions& out, const Links& links, const model::Role& role,
                     const model::Str& arn) {
  if (links.managed_policy_named(role.id.scope, arn) != nullptr) return;  // via policies_of
  const std::string name = aws_managed_policy_name(arn);
  if (name.empty()) {
    out.add_unknown(make_unknown(Unknown::Why::kPolicyArnNotKnown,
                                 {Source::Kind::kPolicy, arn.known() ? arn.value : std::string()},
                                 arn.known() ? arn.value : arn.reason, arn.loc));
    return;
  }
  const Source source{Source::Kind::kAwsManaged, name};
  if (const auto* doc = aws_managed_document("arn:aws:iam::aws:policy/" + name)) {
    out.add(*doc, source, arn.loc);
  } else {
    out.add_unknown(make_unknown(Unknown::Why::kManagedNotInTable, source, std::string(), arn.loc));
  }
}

}  // namespace

bool is_allow(const model::Statement& s) noexcept { return effect_is(s, "Allow"); }
bool is_deny(const model::Statement& s) noexcept { return effect_is(s, "Deny"); }

Tri matches_action(const model::Statement& s, std::string_view action) {
  if (!s.not_actions.absent()) return core::tri_not(list_matches(s.not_actions, action));
  return list_matches(s.actions, action);
}

Tri on_all_resources(const model::Statement& s) {
  if (!s.not_resources.absent()) return Tri::kYes;  // everything but the listed ones
  if (has_star(s.resources)) return Tri::kYes;
  if (s.resources.unknown()) return Tri::kUnknown;
  if (s.resources.known()) {
    for (const auto& e : s.resources.value) {
      if (e.unknown()) return Tri::kUnknown;
    }
  }
  return Tri::kNo;
}

void Permissions::add(const model::PolicyDocument& doc, const Source& source, core::Loc loc) {
  if (doc.state == model::Presence::kAbsent) return;
  if (doc.state == model::Presence::kUnknown) {
    add_unknown(
        make_unknown(Unknown::Why::kModel, source, doc.reason, doc.loc.valid() ? doc.loc : loc));
    return;
  }
  for (const auto& st : doc.statements) {
    SourcedStatement entry{&st, source, st.loc.valid() ? st.loc : loc};
    if (is_allow(st)) {
      allows_.push_back(std::move(entry));
    } else if (is_deny(st)) {
      denies_.push_back(std::move(entry));
    } else if (!st.effect.known()) {
      add_unknown(make_unknown(Unknown::Why::kModel, source,
                               st.effect.absent() ? "statement without Effect" : st.effect.reason,
                               entry.loc));
    }
  }
}

Grant Permissions::allows(std::string_view action) const {
  Grant g;
  bool unconditional = false;
  for (const auto& s : allows_) {
    const Tri m = matches_action(*s.statement, action);
    if (m == Tri::kYes) {
      if (g.by == nullptr) g.by = &s;
      if (s.statement->conditions.empty()) unconditional = true;
      if (on_all_resources(*s.statement) == Tri::kYes) g.all_resources = true;
    }
    g.allowed = core::tri_or(g.allowed, m);
  }
  if (g.allowed == Tri::kNo && !unknowns_.empty()) {
    g.allowed = Tri::kUnknown;
    g.unknown = &unknowns_.front();
  }
  g.conditional = g.allowed == Tri::kYes && !unconditional;
  for (const auto& d : denies_) {
    const Tri m = matches_action(*d.statement, action);
    if (m == Tri::kNo) continue;
    if (m == Tri::kYes && d.statement->conditions.empty() &&
        on_all_resources(*d.statement) == Tri::kYes && d.statement->not_resources.absent()) {
      return Grant{};  // denied everywhere
    }
    if (g.allowed == Tri::kYes && (m == Tri::kUnknown || !d.statement->conditions.empty())) {
      g.allowed = Tri::kUnknown;
      g.maybe_denied = true;
    }
  }
  return g;
}

std::vector<Action> Permissions::granted_on_all_resources(
    const std::function<bool(const Action&)>& keep, std::size_t limit) const {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  std::vector<Action> out;
  const auto consider = [&](const Action& a) {
    if (!keep(a) || seen.contains({a.service, a.name})) return;
    seen.insert({a.service, a.name});
    out.push_back(a);
  };
  for (const auto& s : allows_) {
    const model::Statement& st = *s.statement;
    if (!st.conditions.empty() || on_all_resources(st) != Tri::kYes) continue;
    if (!st.not_actions.absent()) {
      if (!st.not_actions.known()) continue;
      for_each_match("*", [&](const Action& a) {
        const std::string full = std::string(a.service) + ":" + std::string(a.name);
        if (list_matches(st.not_actions, full) == Tri::kNo) consider(a);
      });
    } else if (st.actions.known()) {
      for (const auto& e : st.actions.value) {
        if (e.known()) for_each_match(e.value, consider);
      }
    }
  }
  std::erase_if(out, [&](const Action& a) {
    return allows(std::string(a.service) + ":" + std::string(a.name)).allowed != Tri::kYes;
  });
  std::sort(out.begin(), out.end(), [](const Action& a, const Action& b) {
    return std::pair(a.service, a.name) < std::pair(b.service, b.name);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Permissions permissions_of(const Links& links, const model::Role& role) {
  Permissions out;
  for (const auto& p : role.policies) {
    out.add(p.document, {Source::Kind::kInline, p.name.known() ? p.name.value : std::string()},
            p.loc);
  }
  for (const auto* p : links.policies_of(role)) {
    out.add(p->document, {Source::Kind::kPolicy, p->id.name}, p->id.loc);
  }
  if (role.managed_policy_arns.unknown()) {
    out.add_unknown(make_unknown(Unknown::Why::kModel, {Source::Kind::kAwsManaged, {}},
                                 role.managed_policy_arns.reason, role.managed_policy_arns.loc));
  } else if (role.managed_policy_arns.known()) {
    for (const auto& arn : role.managed_policy_arns.value) add_managed_arn(out, links, role, arn);
  }
  return out;
}

}  // namespace ecsguard::analysis::iam
