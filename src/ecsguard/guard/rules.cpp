#include "ecsguard/guard/rules.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "ecsguard/guard/yaml_tree.h"

namespace ecsguard::guard {
namespace {

struct Where {
  std::string file;
  std::uint32_t line = 0;
};

struct ListDef {
  std::vector<std::string> items;
  Where where;
};

struct MacroDef {
  std::string condition;
  Where where;
};

struct ExceptionDef {
  std::string name;
  YNode fields;
  YNode comps;
  std::vector<YNode> values;
  Where where;
};

struct RuleDef {
  std::string name;
  std::string condition;
  std::string output;
  std::string desc;
  Priority priority = Priority::kWarning;
  std::vector<std::string> tags;
  bool enabled = true;
  std::string source = "syscall";
  std::vector<ExceptionDef> exceptions;
  EnforceAction action = EnforceAction::kDefault;
  Where where;
};

// Keys a rule item may have (others are ignored with a warning).
bool is_rule_key(std::string_view key) {
  static const std::set<std::string, std::less<>> kKeys = {"rule",
                                                           "condition",
                                                           "output",
                                                           "desc",
                                                           "priority",
                                                           "tags",
                                                           "enabled",
                                                           "exceptions",
                                                           "source",
                                                           "append",
                                                           "override",
                                                           "warn_evttypes",
                                                           "skip-if-unknown-filter",
                                                           "capture",
                                                           "capture_duration",
                                                           "enforce",
                                                           "required_engine_version"};
  return kKeys.count(key) != 0;
}

class Collector {
 public:
  std::vector<Diagnostic> diags;
  std::vector<std::string> list_order, macro_order;
  std::map<std::string, ListDef, std::less<>> lists;
  std::map<std::string, MacroDef, std::less<>> macros;
  std::vector<RuleDef> rules;
  std::map<std::string, std::size_t, std::less<>> rule_index;

  void add(const RuleSource& src) {
    auto docs = parse_yaml(src.text);
    if (!docs) {
      error(Where{src.name, docs.error().where.line}, "", docs.error().message);
      return;
    }
    for (const auto& doc : *docs) {
      if (doc.is_null()) continue;
      if (!doc.is_seq()) {
        error(Where{src.name, doc.line}, "", "a rules file must be a YAML list of items");
        continue;
      }
      for (const auto& item : doc.items) item_(src.name, item);
    }
  }

 private:
  void diag(Diagnostic::Level l, const Where& w, std::string item, std::string msg) {
    diags.push_back(Diagnostic{l, w.file, w.line, std::move(item), std::move(msg)});
  }
  void error(const Where& w, std::string item, std::string msg) {
    diag(Diagnostic::Level::kError, w, std::move(item), std::move(msg));
  }
  void warn(const Where& w, std::string item, std::string msg) {
    diag(Diagnostic::Level::kWarning, w, std::move(item), std::move(msg));
  }

  static std::optional<std::string> scalar(const YNode* n) {
    if (n == nullptr) return std::nullopt;
    if (n->is_null()) return std::string();
    if (!n->is_scalar()) return std::nullopt;
    return n->text;
  }

  static std::optional<bool> boolean(const YNode* n) {
    auto s = scalar(n);
    if (!s) return std::nullopt;
    if (*s == "true" || *s == "True" || *s == "TRUE" || *s == "yes") return true;
    if (*s == "false" || *s == "False" || *s == "FALSE" || *s == "no") return false;
    return std::nullopt;
  }

  bool strings(const YNode* n, std::vector<std::string>& out, const Where& w,
               const std::string& item, std::string_view key) {
    if (n == nullptr || n->is_null()) return true;
    if (!n->is_seq()) {
      error(w, item, std::string(key) + " must be a list");
      return false;
    }
    for (const auto& i : n->items) {
      if (!i.is_scalar()) {
        error(Where{w.file, i.line}, item, std::string(key) + " items must be scalars");
        return false;
      }
      out.push_back(i.text);
    }
    return true;
  }

  void item_(const std::string& file, const YNode& item) {
    Where w{file, item.line};
    if (!item.is_map()) {
      error(w, "", "each item must be a map (list, macro, rule, required_engine_version)");
      return;
    }
    if (const YNode* v = item.get("required_engine_version")) {
      engine_version(w, v);
    } else if (item.get("required_plugin_versions") != nullptr) {
      diag(Diagnostic::Level::kInfo, w, "",
           "required_plugin_versions ignored: container.* fields come from ECS task metadata");
    } else if (item.get("list") != nullptr) {
      list(w, item);
    } else if (item.get("macro") != nullptr) {
      macro(w, item);
    } else if (item.get("rule") != nullptr) {
      rule(w, item);
    } else {
      error(w, "", "unknown item (expected list, macro, rule or required_engine_version)");
    }
  }

  void engine_version(const Where& w, const YNode* v) {
    auto s = scalar(v);
    if (!s) {
      error(w, "", "required_engine_version must be a scalar");
      return;
    }
    std::array<unsigned, 3> want{};
    std::size_t part = 0;
    std::string_view t(*s);
    bool ok = true;
    while (part < 3 && !t.empty()) {
      std::size_t dot = t.find('.');
      auto piece = t.substr(0, dot);
      if (std::from_chars(piece.data(), piece.data() + piece.size(), want[part]).ec !=
          std::errc{}) {
        ok = false;
        break;
      }
      ++part;
      if (dot == std::string_view::npos) break;
      t.remove_prefix(dot + 1);
    }
    if (!ok) {
      error(w, "", "required_engine_version '" + *s + "' is not a version");
      return;
    }
    if (part == 1) return;  // legacy integer versions (<= 0.26) are all satisfied
    if (want > kFalcoEngineVersion) {
      warn(w, "",
           "rules require Falco engine " + *s +
               "; ecsguard follows 0.57.0: newer fields or "
               "operators will disable the rules that use them");
    }
  }

  void list(const Where& w, const YNode& item) {
    auto name = scalar(item.get("list"));
    if (!name || name->empty()) {
      error(w, "", "list without a name");
      return;
    }
    std::vector<std::string> items;
    if (!strings(item.get("items"), items, w, *name, "items")) return;
    std::string mode = override_mode(w, *name, item, "items");
    auto it = lists.find(*name);
    if (mode == "append") {
      if (it == lists.end()) {
        error(w, *name, "list '" + *name + "' appended to, but not defined before");
        return;
      }
      it->second.items.insert(it->second.items.end(), items.begin(), items.end());
      return;
    }
    if (it == lists.end()) list_order.push_back(*name);
    lists[*name] = ListDef{std::move(items), w};
  }

  void macro(const Where& w, const YNode& item) {
    auto name = scalar(item.get("macro"));
    if (!name || name->empty()) {
      error(w, "", "macro without a name");
      return;
    }
    auto cond = scalar(item.get("condition"));
    if (!cond) {
      error(w, *name, "macro '" + *name + "' has no condition");
      return;
    }
    std::string mode = override_mode(w, *name, item, "condition");
    auto it = macros.find(*name);
    if (mode == "append") {
      if (it == macros.end()) {
        error(w, *name, "macro '" + *name + "' appended to, but not defined before");
        return;
      }
      it->second.condition += " " + *cond;
      return;
    }
    if (it == macros.end()) macro_order.push_back(*name);
    macros[*name] = MacroDef{*cond, w};
  }

  // "append" / "replace" / "" for lists and macros (legacy append: true, or override: {key: ...}).
  std::string override_mode(const Where& w, const std::string& name, const YNode& item,
                            std::string_view key) {
    if (auto a = boolean(item.get("append")); a && *a) return "append";
    const YNode* ov = item.get("override");
    if (ov == nullptr) return "";
    if (!ov->is_map()) {
      error(w, name, "override must be a map");
      return "";
    }
    std::string mode;
    for (const auto& [k, v] : ov->members) {
      if (k.text != key) {
        error(w, name, "override of '" + k.text + "' is not allowed here");
        continue;
      }
      mode = v.text;
    }
    if (!mode.empty() && mode != "append" && mode != "replace") {
      error(w, name, "override mode must be append or replace, not '" + mode + "'");
      return "";
    }
    return mode;
  }

  bool exceptions(const Where& w, const std::string& rule, const YNode* n,
                  std::vector<ExceptionDef>& out) {
    if (n == nullptr || n->is_null()) return true;
    if (!n->is_seq()) {
      error(w, rule, "exceptions must be a list");
      return false;
    }
    for (const auto& e : n->items) {
      Where ew{w.file, e.line};
      if (!e.is_map()) {
        error(ew, rule, "each exception must be a map");
        return false;
      }
      ExceptionDef ex;
      ex.where = ew;
      auto name = scalar(e.get("name"));
      if (!name || name->empty()) {
        error(ew, rule, "exception without a name");
        return false;
      }
      ex.name = *name;
      if (const YNode* f = e.get("fields")) ex.fields = *f;
      if (const YNode* c = e.get("comps")) ex.comps = *c;
      if (const YNode* v = e.get("values")) {
        if (!v->is_null() && !v->is_seq()) {
          error(ew, rule, "exception values must be a list");
          return false;
        }
        ex.values = v->items;
      }
      out.push_back(std::move(ex));
    }
    return true;
  }

  static void merge_exceptions(std::vector<ExceptionDef>& into, std::vector<ExceptionDef> add) {
    for (auto& ex : add) {
      auto it = std::find_if(into.begin(), into.end(),
                             [&](const ExceptionDef& e) { return e.name == ex.name; });
      if (it == into.end()) {
        into.push_back(std::move(ex));
      } else {
        it->values.insert(it->values.end(), ex.values.begin(), ex.values.end());
        if (!ex.fields.is_null()) it->fields = ex.fields;
        if (!ex.comps.is_null()) it->comps = ex.comps;
      }
    }
  }

  std::optional<EnforceAction> action(const Where& w, const std::string& rule, const YNode* n) {
    auto s = scalar(n);
    if (!s) {
      error(w, rule, "enforce must be deny, kill or none");
      return std::nullopt;
    }
    if (*s == "deny") return EnforceAction::kDeny;
    if (*s == "kill") return EnforceAction::kKill;
    if (*s == "none" || *s == "alert" || *s == "off") return EnforceAction::kNone;
    if (*s == "default" || s->empty()) return EnforceAction::kDefault;
    error(w, rule, "enforce must be deny, kill or none, not '" + *s + "'");
    return std::nullopt;
  }

  // Sets `key` of `r` from the item; append or replace.
  bool apply_key(const Where& w, RuleDef& r, const YNode& item, std::string_view key, bool append) {
    const YNode* v = item.get(key);
    if (v == nullptr) {
      error(w, r.name, "override lists '" + std::string(key) + "' but the item has no such key");
      return false;
    }
    if (key == "condition" || key == "output" || key == "desc") {
      auto s = scalar(v);
      if (!s) {
        error(w, r.name, std::string(key) + " must be a string");
        return false;
      }
      std::string& field = key == "condition" ? r.condition : key == "output" ? r.output : r.desc;
      field = append ? field + " " + *s : *s;
      return true;
    }
    if (key == "tags") {
      std::vector<std::string> tags;
      if (!strings(v, tags, w, r.name, "tags")) return false;
      if (!append) r.tags.clear();
      r.tags.insert(r.tags.end(), tags.begin(), tags.end());
      return true;
    }
    if (key == "exceptions") {
      std::vector<ExceptionDef> ex;
      if (!exceptions(w, r.name, v, ex)) return false;
      if (append) {
        merge_exceptions(r.exceptions, std::move(ex));
      } else {
        r.exceptions = std::move(ex);
      }
      return true;
    }
    if (append) {
      error(w, r.name, "'" + std::string(key) + "' can only be replaced, not appended");
      return false;
    }
    if (key == "priority") {
      auto p = parse_priority(scalar(v).value_or(""));
      if (!p) {
        error(w, r.name, "invalid priority '" + scalar(v).value_or("") + "'");
        return false;
      }
      r.priority = *p;
    } else if (key == "enabled") {
      auto b = boolean(v);
      if (!b) {
        error(w, r.name, "enabled must be true or false");
        return false;
      }
      r.enabled = *b;
    } else if (key == "source") {
      r.source = scalar(v).value_or("syscall");
    } else if (key == "enforce") {
      auto a = action(w, r.name, v);
      if (!a) return false;
      r.action = *a;
    }
    // warn_evttypes, skip-if-unknown-filter, capture*: accepted, no effect here.
    return true;
  }

  void rule(const Where& w, const YNode& item) {
    auto name = scalar(item.get("rule"));
    if (!name || name->empty()) {
      error(w, "", "rule without a name");
      return;
    }
    for (const auto& [k, v] : item.members) {
      if (!is_rule_key(k.text)) warn(w, *name, "unknown key '" + k.text + "' ignored");
    }
    auto existing = rule_index.find(*name);
    const YNode* ov = item.get("override");
    bool legacy_append = boolean(item.get("append")).value_or(false);
    if (ov != nullptr || legacy_append) {
      if (existing == rule_index.end()) {
        error(w, *name, "rule '" + *name + "' is overridden/appended, but not defined before");
        return;
      }
      RuleDef& r = rules[existing->second];
      if (legacy_append) {
        for (std::string_view key : {"condition", "exceptions", "output", "desc", "tags"}) {
          if (item.get(key) != nullptr) apply_key(w, r, item, key, true);
        }
        return;
      }
      if (!ov->is_map()) {
        error(w, *name, "override must be a map");
        return;
      }
      for (const auto& [k, v] : ov->members) {
        if (v.text != "append" && v.text != "replace") {
          error(w, *name, "override mode must be append or replace, not '" + v.text + "'");
          continue;
        }
        apply_key(w, r, item, k.text, v.text == "append");
      }
      return;
    }
    // `- rule: X` + `enabled: bool` only: toggles an existing rule.
    if (item.members.size() == 2 && item.get("enabled") != nullptr) {
      if (existing == rule_index.end()) {
        error(w, *name, "rule '" + *name + "' enabled/disabled, but not defined before");
        return;
      }
      apply_key(w, rules[existing->second], item, "enabled", false);
      return;
    }
    RuleDef r;
    r.name = *name;
    r.where = w;
    for (std::string_view key : {"condition", "output", "desc", "priority"}) {
      if (item.get(key) == nullptr) {
        error(w, *name, "rule '" + *name + "' has no " + std::string(key));
        return;
      }
    }
    bool ok = true;
    for (std::string_view key : {"condition", "output", "desc", "priority", "tags", "exceptions",
                                 "enabled", "source", "enforce"}) {
      if (item.get(key) != nullptr) ok = apply_key(w, r, item, key, false) && ok;
    }
    if (!ok) return;
    if (existing != rule_index.end()) {
      rules[existing->second] = std::move(r);  // a redefinition replaces the rule
    } else {
      rule_index[r.name] = rules.size();
      rules.push_back(std::move(r));
    }
  }
};

// "proc.aname[2]" -> name, arg
void split_field(const std::string& f, CondAst& check) {
  std::size_t lb = f.find('[');
  if (lb != std::string::npos && f.back() == ']') {
    check.field = f.substr(0, lb);
    check.field_arg = f.substr(lb + 1, f.size() - lb - 2);
    check.has_arg = true;
  } else {
    check.field = f;
  }
}

Operand operand_of(const YNode& n) {
  Operand o;
  o.text = unquote_list_item(n.text);
  o.quoted = n.text.size() >= 2 && (n.text.front() == '"' || n.text.front() == '\'');
  return o;
}

// Falco's exception semantics: each exception is `and not (...)`; with a single field, the values
// are its list; with a list of fields, each value is a tuple and the tuples are alternatives.
core::Result<CondAst> exception_ast(const ExceptionDef& ex) {
  auto err = [&](const std::string& m) {
    return core::make_error(core::Errc::kInvalid, "exception '" + ex.name + "': " + m);
  };
  CondAst any;
  any.kind = CondAst::Kind::kOr;
  if (ex.fields.is_scalar()) {
    std::string comp = ex.comps.is_scalar() ? ex.comps.text : "in";
    CondAst check;
    split_field(ex.fields.text, check);
    check.op = comp;
    if (is_list_operator(comp)) {
      check.list_value = true;
      for (const auto& v : ex.values) {
        if (!v.is_scalar()) return err("values must be scalars for a single field");
        check.values.push_back(operand_of(v));
      }
      if (check.values.empty()) return any;
      any.children.push_back(std::move(check));
    } else {
      for (const auto& v : ex.values) {
        if (!v.is_scalar()) return err("values must be scalars for a single field");
        CondAst c = check;
        c.values = {operand_of(v)};
        any.children.push_back(std::move(c));
      }
    }
    return any;
  }
  if (!ex.fields.is_seq()) return err("fields must be a field or a list of fields");
  std::vector<std::string> comps;
  if (ex.comps.is_seq()) {
    for (const auto& c : ex.comps.items) comps.push_back(c.text);
  }
  if (!comps.empty() && comps.size() != ex.fields.items.size()) {
    return err("fields and comps must have the same length");
  }
  for (const auto& tuple : ex.values) {
    if (!tuple.is_seq() || tuple.items.size() != ex.fields.items.size()) {
      return err("each value must be a list as long as fields");
    }
    CondAst all;
    all.kind = CondAst::Kind::kAnd;
    for (std::size_t i = 0; i < tuple.items.size(); ++i) {
      CondAst check;
      split_field(ex.fields.items[i].text, check);
      check.op = comps.empty() ? "=" : comps[i];
      const YNode& v = tuple.items[i];
      if (v.is_seq()) {
        check.list_value = true;
        for (const auto& item : v.items) check.values.push_back(operand_of(item));
      } else if (is_list_operator(check.op)) {
        check.values.push_back(operand_of(v));
        check.list_value = true;
      } else {
        check.values.push_back(operand_of(v));
      }
      all.children.push_back(std::move(check));
    }
    any.children.push_back(std::move(all));
  }
  return any;
}

bool is_syscall_type(EvtType t) { return !is_exec(t); }

}  // namespace

bool RuleSet::has_errors() const noexcept {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.level == Diagnostic::Level::kError; });
}

const RuleInfo* RuleSet::info(std::string_view rule) const noexcept {
  for (const auto& i : infos) {
    if (i.name == rule) return &i;
  }
  return nullptr;
}

std::string_view level_name(Diagnostic::Level l) noexcept {
  switch (l) {
    case Diagnostic::Level::kError:
      return "error";
    case Diagnostic::Level::kWarning:
      return "warning";
    case Diagnostic::Level::kInfo:
      return "info";
  }
  return "warning";
}

std::unique_ptr<RuleSet> load_rules(const std::vector<RuleSource>& sources,
                                    const LoadOptions& options) {
  Collector col;
  for (const auto& s : sources) col.add(s);
  auto set = std::make_unique<RuleSet>();
  set->diagnostics = std::move(col.diags);
  set->lists = col.lists.size();
  set->macros = col.macros.size();

  Definitions defs;
  for (const auto& [name, l] : col.lists) defs.lists.emplace(name, l.items);
  for (const auto& [name, m] : col.macros) defs.macros.emplace(name, m.condition);
  Compiler compiler(defs);
  auto diag = [&](Diagnostic::Level l, const Where& w, const std::string& item, std::string msg) {
    set->diagnostics.push_back(Diagnostic{l, w.file, w.line, item, std::move(msg)});
  };

  set->rules.reserve(col.rules.size());
  for (const auto& r : col.rules) {
    RuleInfo info;
    info.name = r.name;
    info.file = r.where.file;
    info.line = r.where.line;
    info.priority = r.priority;
    info.tags = r.tags;
    info.action = r.action;
    auto disable = [&](std::string why) {
      info.enabled = false;
      info.reason = std::move(why);
      set->infos.push_back(info);
    };
    if (r.source != "syscall") {
      disable("source '" + r.source + "' is not supported (syscall only)");
      continue;
    }
    auto ast = parse_condition(r.condition);
    if (!ast) {
      diag(Diagnostic::Level::kError, r.where, r.name, "condition: " + ast.error().message);
      disable("invalid condition: " + ast.error().message);
      continue;
    }
    CondAst full = std::move(*ast);
    bool bad_exception = false;
    for (const auto& ex : r.exceptions) {
      auto e = exception_ast(ex);
      if (!e) {
        diag(Diagnostic::Level::kError, ex.where, r.name, e.error().message);
        disable(e.error().message);
        bad_exception = true;
        break;
      }
      if (e->children.empty()) continue;
      CondAst conj;
      conj.kind = CondAst::Kind::kAnd;
      conj.children.push_back(std::move(full));
      CondAst neg;
      neg.kind = CondAst::Kind::kNot;
      neg.children.push_back(std::move(*e));
      conj.children.push_back(std::move(neg));
      full = std::move(conj);
    }
    if (bad_exception) continue;
    auto expr = compiler.compile(full);
    if (!expr) {
      const auto& e = expr.error();
      if (e.code == core::Errc::kUnsupported) {
        diag(Diagnostic::Level::kWarning, r.where, r.name, "disabled: " + e.message);
        disable(e.message);
      } else {
        diag(Diagnostic::Level::kError, r.where, r.name, e.message);
        disable("invalid: " + e.message);
      }
      continue;
    }
    // Event types: what the condition can match, and which named types are not traced.
    EvtTypes types = (*expr)->evttypes();
    std::set<std::string> untraced, unknown;
    (*expr)->visit([&](const CheckInfo& c) {
      if (c.field->name != "evt.type" || c.operands == nullptr) return;
      for (const auto& n : *c.operands) {
        if (evt_from_name(n)) continue;
        (evt_known_untraced(n) ? untraced : unknown).insert(n);
      }
    });
    auto join = [](const std::set<std::string>& s) {
      std::string out;
      for (const auto& n : s) out += (out.empty() ? "" : ", ") + n;
      return out;
    };
    info.evttypes = types.pos;
    info.any_evttype = types.pos.all();
    if (types.pos.none()) {
      if (!untraced.empty() || !unknown.empty()) {
        std::string why = "needs event types ecsguard does not trace: " + join(untraced);
        if (!unknown.empty())
          why += (untraced.empty() ? "" : "; ") + std::string("unknown: ") + join(unknown);
        diag(Diagnostic::Level::kWarning, r.where, r.name, "disabled: " + why);
        disable(why);
      } else {
        disable("the condition cannot match any event");
      }
      continue;
    }
    if (!untraced.empty()) {
      diag(Diagnostic::Level::kInfo, r.where, r.name,
           "event types " + join(untraced) +
               " are not traced (hot syscalls); the rule matches the others");
    }
    if (info.any_evttype) {
      diag(Diagnostic::Level::kWarning, r.where, r.name,
           "no evt.type restriction: evaluated on every traced event");
    }
    std::vector<std::string> unknown_out;
    OutputTemplate out = OutputTemplate::compile(r.output, &unknown_out);
    if (!unknown_out.empty()) {
      std::string names;
      for (const auto& n : unknown_out) names += (names.empty() ? "" : ", ") + n;
      diag(Diagnostic::Level::kInfo, r.where, r.name, "output fields rendered as <NA>: " + names);
    }
    if (!r.enabled) {
      disable("disabled in the rules file (enabled: false)");
      continue;
    }
    if (r.priority > options.min_priority) {
      disable("priority below the configured minimum");
      continue;
    }
    info.enabled = true;
    set->infos.push_back(info);
    CompiledRule cr;
    cr.name = r.name;
    cr.priority = r.priority;
    cr.tags = r.tags;
    cr.condition = std::move(*expr);
    cr.output = std::move(out);
    cr.action = r.action;
    cr.evttypes = types.pos;
    cr.index = set->rules.size();
    set->rules.push_back(std::move(cr));
  }

  // Index and derive what the kernel must stop on.
  Services scratch_services;
  for (const auto& cr : set->rules) {
    const bool any = cr.evttypes.all();
    for (std::size_t t = 0; t < kEvtCount; ++t) {
      if (!cr.evttypes.test(t)) continue;
      set->by_type[t].push_back(&cr);
      auto type = static_cast<EvtType>(t);
      if (any || !is_syscall_type(type)) continue;
      set->needs.events.set(t);
      if ((type == EvtType::kOpen || type == EvtType::kOpenat) && !set->needs.open_reads) {
        Event ev;
        ev.type = type;
        ev.phase = Phase::kAbstract;
        ev.live = false;
        ev.abstract_open_write = false;
        EvalCtx ctx(ev, scratch_services);
        if (cr.condition->eval(ctx) != Tri::kFalse) set->needs.open_reads = true;
      }
      if ((type == EvtType::kDup2 || type == EvtType::kDup3) &&
          !cr.condition->implies_rawres_at_most(2)) {
        set->needs.dup_any_fd = true;
      }
    }
    cr.condition->visit([&](const CheckInfo& c) {
      const std::string& f = c.field->name;
      if (f == "proc.is_exe_upper_layer") set->needs.drift = true;
      if (f.rfind("app.", 0) == 0) set->needs.app_start = true;
      if ((f == "fd.sip.name" || f == "fd.cip.name" || f == "fd.rip.name" || f == "fd.lip.name") &&
          c.operands != nullptr &&
          (c.op == "=" || c.op == "==" || c.op == "in" || c.op == "intersects")) {
        for (const auto& n : *c.operands) {
          if (std::find(set->needs.dns_names.begin(), set->needs.dns_names.end(), n) ==
              set->needs.dns_names.end()) {
            set->needs.dns_names.push_back(n);
          }
        }
      }
    });
  }
  return set;
}

}  // namespace ecsguard::guard
