#include "ecsguard/analysis/exposure.h"

#include <algorithm>
#include <string>
#include <vector>

namespace ecsguard::analysis {

namespace {

bool refs(const model::Str& v, const std::string& id) {
  return std::find(v.refs.begin(), v.refs.end(), id) != v.refs.end();
}

// Listener addresses (in `scope`) whose default actions, or one of whose rules, forward to `tg`.
std::vector<std::string> listeners_forwarding_to(const model::Stack& stack, model::ScopeId scope,
                                                 const std::string& tg) {
  std::vector<std::string> out;
  for (const auto& l : stack.listeners) {
    if (l.id.scope != scope) continue;
    const bool forwards = std::any_of(l.target_groups.begin(), l.target_groups.end(),
                                      [&](const model::Str& t) { return refs(t, tg); });
    if (!forwards) continue;
    if (l.listener.absent()) {
      out.push_back(l.id.name);
    } else {  // a listener rule: the listener it belongs to
      out.insert(out.end(), l.listener.refs.begin(), l.listener.refs.end());
    }
  }
  return out;
}

}  // namespace

Tri target_group_internet_facing(const model::Stack& stack, model::ScopeId scope,
                                 const std::string& tg) {
  const std::vector<std::string> listeners = listeners_forwarding_to(stack, scope, tg);
  Tri out = Tri::kNo;
  bool found_lb = false;
  for (const auto& l : stack.listeners) {
    if (l.id.scope != scope || !l.listener.absent()) continue;
    if (std::find(listeners.begin(), listeners.end(), l.id.name) == listeners.end()) continue;
    for (const auto& lb : stack.load_balancers) {
      if (lb.id.scope != scope || !refs(l.load_balancer, lb.id.name)) continue;
      found_lb = true;
      if (lb.scheme.unknown()) {
        if (out == Tri::kNo) out = Tri::kUnknown;
      } else if (lb.scheme.absent() || lb.scheme.value == "internet-facing") {  // case-sensitive
        return Tri::kYes;  // the default scheme is internet-facing
      }
    }
  }
  return found_lb ? out : Tri::kUnknown;
}

Tri service_internet_facing(const model::Stack& stack, const model::Service& s) {
  const auto& ip = s.network.assign_public_ip;
  if (ip.known() && ip.valid && ip.on) return Tri::kYes;
  Tri out = ip.unknown() ? Tri::kUnknown : Tri::kNo;
  for (const auto& lb : s.load_balancers) {
    Tri f = Tri::kUnknown;
    for (const auto& tg : lb.target_group.refs) {
      const Tri t = target_group_internet_facing(stack, s.id.scope, tg);
      if (t == Tri::kYes) return Tri::kYes;
      if (t == Tri::kNo) f = Tri::kNo;
    }
    if (f == Tri::kUnknown) out = Tri::kUnknown;
  }
  return out;
}

Exposure exposure(const Links& links, const model::TaskDefinition& td) {
  Exposure e;
  for (const auto* s : links.services_of(td)) {
    const Tri f = service_internet_facing(links.stack(), *s);
    if (f == Tri::kYes) return {Tri::kYes, s};
    if (f == Tri::kUnknown && e.facing == Tri::kNo) e = {Tri::kUnknown, s};
  }
  return e;
}

namespace {

// Two unknown values that come from the same source: the same Ref / Sub of parameters, pseudo
// parameters or resource attributes resolves to the same text (known segments), the same reasons
// and the same refs, and stands for the same value at deploy time. A value behind a condition is
// excluded (two Fn::If on one condition may pick different branches).
bool same_unknown(const model::Str& a, const model::Str& b) {
  return a.unknown() && b.unknown() && a.value == b.value && a.reason == b.reason &&
         a.refs == b.refs && a.reason.find("depends on condition") == std::string::npos;
}

}  // namespace

Tri fronted_by_load_balancer(const Links& links, const model::TaskDefinition& td,
                             const model::Container& c) {
  Tri out = Tri::kNo;
  for (const auto* s : links.services_of(td)) {
    for (const auto& lb : s->load_balancers) {
      if (same_unknown(lb.container_name, c.name)) return Tri::kYes;
      if (lb.container_name.unknown() || c.name.unknown()) {
        out = Tri::kUnknown;
        continue;
      }
      if (lb.container_name.known() && c.name.known() && lb.container_name.value == c.name.value) {
        return Tri::kYes;
      }
    }
  }
  return out;
}

}  // namespace ecsguard::analysis
