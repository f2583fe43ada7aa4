#include "ecsguard/guard/expr.h"

#include <fnmatch.h>
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "ecsguard/guard/paths.h"

namespace ecsguard::guard {
namespace {

constexpr unsigned kMaxMacroDepth = 256;
constexpr std::size_t kMaxRegexLength = 4096;
constexpr std::int64_t kMaxRegexMemory = std::int64_t{1} << 20;  // per pattern (RE2's DFA budget)

// Heterogeneous lookup: `proc.name in (...)` probes with a string_view, no temporary string.
struct StringHash {
  using is_transparent = void;  // NOLINT(readability-identifier-naming): the standard name
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

enum class Op : std::uint8_t {
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kContains,
  kIContains,
  kBContains,
  kStartsWith,
  kBStartsWith,
  kEndsWith,
  kGlob,
  kIGlob,
  kIn,
  kIntersects,
  kPmatch,
  kRegex,
  kExists,
};

// Field transformers, applied innermost first (Falco's tolower, toupper, b64, basename, len).
enum class Tx : std::uint8_t { kToLower, kToUpper, kB64, kBasename, kLen };

std::optional<Tx> tx_from(std::string_view s) {
  if (s == "tolower") return Tx::kToLower;
  if (s == "toupper") return Tx::kToUpper;
  if (s == "b64") return Tx::kB64;
  if (s == "basename") return Tx::kBasename;
  if (s == "len") return Tx::kLen;
  return std::nullopt;
}

// Standard base64 (RFC 4648, padding optional); nullopt when the input is not base64.
std::optional<std::string> b64_decode(std::string_view in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  if (in.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(in.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = val(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6U) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> static_cast<unsigned>(bits)) & 0xFFU);
    }
  }
  return out;
}

std::optional<Op> op_from(std::string_view s) {
  if (s == "=" || s == "==") return Op::kEq;
  if (s == "!=") return Op::kNe;
  if (s == "<") return Op::kLt;
  if (s == "<=") return Op::kLe;
  if (s == ">") return Op::kGt;
  if (s == ">=") return Op::kGe;
  if (s == "contains") return Op::kContains;
  if (s == "icontains") return Op::kIContains;
  if (s == "bcontains") return Op::kBContains;
  if (s == "startswith") return Op::kStartsWith;
  if (s == "bstartswith") return Op::kBStartsWith;
  if (s == "endswith") return Op::kEndsWith;
  if (s == "glob") return Op::kGlob;
  if (s == "iglob") return Op::kIGlob;
  if (s == "in") return Op::kIn;
  if (s == "intersects") return Op::kIntersects;
  if (s == "pmatch") return Op::kPmatch;
  if (s == "regex") return Op::kRegex;
  if (s == "exists") return Op::kExists;
  return std::nullopt;
}

EvtSet all_types() {
  EvtSet s;
  s.set();
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool parse_int(std::string_view s, std::int64_t& out) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    std::uint64_t u = 0;
    auto [p, ec] = std::from_chars(s.data() + 2, s.data() + s.size(), u, 16);
    if (ec != std::errc{} || p != s.data() + s.size()) return false;
    out = static_cast<std::int64_t>(u);
    return true;
  }
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

bool decode_hex(std::string_view s, std::string& out) {
  if (s.size() % 2 != 0) return false;
  out.clear();
  for (std::size_t i = 0; i < s.size(); i += 2) {
    unsigned v = 0;
    if (std::from_chars(s.data() + i, s.data() + i + 2, v, 16).ec != std::errc{}) return false;
    out += static_cast<char>(v);
  }
  return true;
}

// Path-prefix match: "/usr/bin" matches "/usr/bin" and "/usr/bin/x", not "/usr/binx".
bool prefix_match(std::string_view value, std::string_view prefix) {
  if (prefix.empty()) return false;
  if (prefix == "/") return !value.empty() && value[0] == '/';
  if (value.size() < prefix.size() || value.substr(0, prefix.size()) != prefix) return false;
  return value.size() == prefix.size() || value[prefix.size()] == '/';
}

class ConstExpr final : public Expr {
 public:
  explicit ConstExpr(Tri v) : v_(v) {}
  Tri eval(EvalCtx&) const override { return v_; }
  EvtTypes evttypes() const override { return {all_types(), all_types()}; }
  void visit(const std::function<void(const CheckInfo&)>&) const override {}
  bool implies_rawres_at_most(std::int64_t) const override { return false; }

 private:
  Tri v_;
};

class Junction final : public Expr {
 public:
  Junction(bool is_and, std::vector<ExprPtr> kids) : and_(is_and), kids_(std::move(kids)) {}
  Tri eval(EvalCtx& ctx) const override {
    bool unknown = false;
    for (const auto& k : kids_) {
      Tri t = k->eval(ctx);
      if (and_ && t == Tri::kFalse) return Tri::kFalse;
      if (!and_ && t == Tri::kTrue) return Tri::kTrue;
      if (t == Tri::kUnknown) unknown = true;
    }
    if (unknown) return Tri::kUnknown;
    return and_ ? Tri::kTrue : Tri::kFalse;
  }
  EvtTypes evttypes() const override {
    EvtTypes out;
    if (and_) {
      out.pos.set();
    } else {
      out.neg.set();
    }
    for (const auto& k : kids_) {
      EvtTypes t = k->evttypes();
      if (and_) {
        out.pos &= t.pos;
        out.neg |= t.neg;
      } else {
        out.pos |= t.pos;
        out.neg &= t.neg;
      }
    }
    return out;
  }
  void visit(const std::function<void(const CheckInfo&)>& fn) const override {
    for (const auto& k : kids_) k->visit(fn);
  }
  bool implies_rawres_at_most(std::int64_t k) const override {
    if (and_) {
      return std::any_of(kids_.begin(), kids_.end(),
                         [k](const ExprPtr& e) { return e->implies_rawres_at_most(k); });
    }
    return !kids_.empty() && std::all_of(kids_.begin(), kids_.end(), [k](const ExprPtr& e) {
      return e->implies_rawres_at_most(k);
    });
  }

 private:
  bool and_;
  std::vector<ExprPtr> kids_;
};

class NotExpr final : public Expr {
 public:
  explicit NotExpr(ExprPtr kid) : kid_(std::move(kid)) {}
  Tri eval(EvalCtx& ctx) const override {
    switch (kid_->eval(ctx)) {
      case Tri::kTrue:
        return Tri::kFalse;
      case Tri::kFalse:
        return Tri::kTrue;
      case Tri::kUnknown:
        return Tri::kUnknown;
    }
    return Tri::kUnknown;
  }
  EvtTypes evttypes() const override {
    EvtTypes t = kid_->evttypes();
    return {t.neg, t.pos};
  }
  void visit(const std::function<void(const CheckInfo&)>& fn) const override { kid_->visit(fn); }
  bool implies_rawres_at_most(std::int64_t) const override { return false; }

 private:
  ExprPtr kid_;
};

class CheckExpr final : public Expr {
 public:
  FieldRef ref;
  Op op = Op::kEq;
  std::string op_text;
  std::vector<std::string> raw;  // operands as written (after list expansion)
  std::vector<std::string> sops;
  StringSet sset;
  std::vector<std::int64_t> iops;
  std::unordered_set<std::int64_t> iset;
  bool bop = false;
  std::vector<IpNet> nets;
  bool evt_type_check = false;
  EvtSet evt_set;
  std::vector<Tx> transforms;           // innermost first
  FieldType type = FieldType::kString;  // after the transformers
  std::shared_ptr<const re2::RE2> re;

  Tri eval(EvalCtx& ctx) const override {
    Values& v = ctx.scratch();
    extract(ctx, ref, v);
    if (v.state == Values::State::kPending) return Tri::kUnknown;
    if (v.state == Values::State::kOk && !transforms.empty()) transform(ctx, v);
    if (op == Op::kExists) return v.state == Values::State::kOk ? Tri::kTrue : Tri::kFalse;
    if (v.state != Values::State::kOk) return Tri::kFalse;
    bool m = false;
    switch (type) {
      case FieldType::kString:
        m = match_str(v);
        break;
      case FieldType::kInt:
        m = match_int(v);
        break;
      case FieldType::kBool:
        m = (v.boolean == bop) == (op == Op::kEq);
        break;
      case FieldType::kIp:
        m = match_ip(v);
        break;
    }
    return m ? Tri::kTrue : Tri::kFalse;
  }

  EvtTypes evttypes() const override {
    if (!evt_type_check) return {all_types(), all_types()};
    EvtSet inv = ~evt_set;
    if (op == Op::kNe) return {inv, evt_set};
    return {evt_set, inv};
  }

  void visit(const std::function<void(const CheckInfo&)>& fn) const override {
    CheckInfo info;
    info.field = &ref;
    info.op = op_text;
    info.operands = &raw;
    fn(info);
  }

  bool implies_rawres_at_most(std::int64_t k) const override {
    if (ref.def == nullptr || (ref.name != "evt.rawres" && ref.name != "fd.num")) return false;
    if (!transforms.empty()) return false;
    if (iops.empty()) return false;
    std::int64_t max = *std::max_element(iops.begin(), iops.end());
    switch (op) {
      case Op::kEq:
      case Op::kIn:
      case Op::kIntersects:
        return max <= k;
      case Op::kLe:
        return iops.front() <= k;
      case Op::kLt:
        return iops.front() - 1 <= k;
      default:
        return false;
    }
  }

 private:
  // Falco's semantics: a value that cannot be transformed (b64 of non-base64) fails the
  // extraction, and the comparison is false.
  void transform(EvalCtx& ctx, Values& v) const {
    for (Tx t : transforms) {
      if (t == Tx::kLen) {
        v.ints.clear();
        for (auto s : v.strs) v.ints.push_back(static_cast<std::int64_t>(s.size()));
        v.strs.clear();
        continue;
      }
      for (auto& s : v.strs) {
        switch (t) {
          case Tx::kToLower:
            s = ctx.keep(lower(s));
            break;
          case Tx::kToUpper:
            s = ctx.keep(upper(s));
            break;
          case Tx::kBasename:
            s = path_basename(s);
            break;
          case Tx::kB64: {
            auto d = b64_decode(s);
            if (!d) {
              v.reset();
              return;
            }
            s = ctx.keep(std::move(*d));
            break;
          }
          case Tx::kLen:
            break;
        }
      }
    }
  }

  bool match_str(const Values& v) const {
    auto any = [&](auto pred) { return std::any_of(v.strs.begin(), v.strs.end(), pred); };
    switch (op) {
      case Op::kEq:
        return any([&](std::string_view s) { return s == sops.front(); });
      case Op::kNe:
        return !any([&](std::string_view s) { return s == sops.front(); });
      case Op::kContains:
      case Op::kBContains:
        return any(
            [&](std::string_view s) { return s.find(sops.front()) != std::string_view::npos; });
      case Op::kIContains:
        return any(
            [&](std::string_view s) { return lower(s).find(sops.front()) != std::string::npos; });
      case Op::kStartsWith:
      case Op::kBStartsWith:
        return any(
            [&](std::string_view s) { return s.substr(0, sops.front().size()) == sops.front(); });
      case Op::kEndsWith:
        return any([&](std::string_view s) {
          return s.size() >= sops.front().size() &&
                 s.substr(s.size() - sops.front().size()) == sops.front();
        });
      case Op::kGlob:
      case Op::kIGlob: {
        int flags = op == Op::kIGlob ? FNM_CASEFOLD : 0;
        return any([&](std::string_view s) {
          std::string z(s);
          return ::fnmatch(sops.front().c_str(), z.c_str(), flags) == 0;
        });
      }
      case Op::kIn:
      case Op::kIntersects:
        return any([&](std::string_view s) { return sset.find(s) != sset.end(); });
      case Op::kPmatch:
        return any([&](std::string_view s) {
          return std::any_of(sops.begin(), sops.end(),
                             [&](const std::string& p) { return prefix_match(s, p); });
        });
      case Op::kRegex:  // RE2, linear time; the whole value must match (Falco: ANCHOR_BOTH)
        return any([&](std::string_view s) {
          return re->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::ANCHOR_BOTH,
                           nullptr, 0);
        });
      default:
        return false;
    }
  }

  bool match_int(const Values& v) const {
    auto any = [&](auto pred) { return std::any_of(v.ints.begin(), v.ints.end(), pred); };
    std::int64_t o = iops.empty() ? 0 : iops.front();
    switch (op) {
      case Op::kEq:
        return any([&](std::int64_t x) { return x == o; });
      case Op::kNe:
        return !any([&](std::int64_t x) { return x == o; });
      case Op::kLt:
        return any([&](std::int64_t x) { return x < o; });
      case Op::kLe:
        return any([&](std::int64_t x) { return x <= o; });
      case Op::kGt:
        return any([&](std::int64_t x) { return x > o; });
      case Op::kGe:
        return any([&](std::int64_t x) { return x >= o; });
      case Op::kIn:
      case Op::kIntersects:
        return any([&](std::int64_t x) { return iset.count(x) != 0; });
      default:
        return false;
    }
  }

  bool match_ip(const Values& v) const {
    auto in_any = [&](const IpAddr& ip) {
      return std::any_of(nets.begin(), nets.end(), [&](const IpNet& n) { return n.contains(ip); });
    };
    bool hit = std::any_of(v.ips.begin(), v.ips.end(), in_any);
    return op == Op::kNe ? !hit : hit;
  }
};

bool op_allowed(FieldType t, Op op) {
  switch (t) {
    case FieldType::kString:
      return op != Op::kLt && op != Op::kLe && op != Op::kGt && op != Op::kGe;
    case FieldType::kInt:
      return op == Op::kEq || op == Op::kNe || op == Op::kLt || op == Op::kLe || op == Op::kGt ||
             op == Op::kGe || op == Op::kIn || op == Op::kIntersects || op == Op::kExists;
    case FieldType::kBool:
      return op == Op::kEq || op == Op::kNe || op == Op::kExists;
    case FieldType::kIp:
      return op == Op::kEq || op == Op::kNe || op == Op::kIn || op == Op::kIntersects ||
             op == Op::kExists;
  }
  return false;
}

}  // namespace

ExprPtr make_and(std::vector<ExprPtr> kids) {
  if (kids.size() == 1) return kids.front();
  return std::make_shared<Junction>(true, std::move(kids));
}

ExprPtr make_not(ExprPtr kid) { return std::make_shared<NotExpr>(std::move(kid)); }

core::Result<ExprPtr> Compiler::compile_text(std::string_view condition) {
  auto ast = parse_condition(condition);
  if (!ast) return ast.error();
  return compile(*ast);
}

core::Result<ExprPtr> Compiler::compile(const CondAst& ast) { return compile_node(ast, 0); }

core::Result<ExprPtr> Compiler::compile_node(const CondAst& ast, unsigned depth) {
  if (depth > kMaxMacroDepth)
    return core::make_error(core::Errc::kLimit, "condition nested too deeply");
  switch (ast.kind) {
    case CondAst::Kind::kAnd:
    case CondAst::Kind::kOr: {
      std::vector<ExprPtr> kids;
      kids.reserve(ast.children.size());
      for (const auto& c : ast.children) {
        auto k = compile_node(c, depth + 1);
        if (!k) return k.error();
        kids.push_back(std::move(*k));
      }
      return ExprPtr(std::make_shared<Junction>(ast.kind == CondAst::Kind::kAnd, std::move(kids)));
    }
    case CondAst::Kind::kNot: {
      auto k = compile_node(ast.children.front(), depth + 1);
      if (!k) return k.error();
      return make_not(std::move(*k));
    }
    case CondAst::Kind::kMacro:
      return compile_macro(ast.macro, depth + 1);
    case CondAst::Kind::kCheck:
      if (!ast.transformer.empty()) {
        return core::make_error(core::Errc::kUnsupported,
                                "field transformer " + ast.transformer + " is not supported");
      }
      return compile_check(ast);
  }
  return core::make_error(core::Errc::kInternal, "unknown condition node");
}

core::Result<ExprPtr> Compiler::compile_macro(const std::string& name, unsigned depth) {
  if (auto it = macro_cache_.find(name); it != macro_cache_.end()) return it->second;
  if (std::find(macro_stack_.begin(), macro_stack_.end(), name) != macro_stack_.end()) {
    return core::make_error(core::Errc::kInvalid, "macro '" + name + "' refers to itself");
  }
  auto def = defs_.macros.find(name);
  if (def == defs_.macros.end()) {
    return core::make_error(core::Errc::kInvalid, "undefined macro '" + name + "'");
  }
  auto ast = parse_condition(def->second);
  if (!ast) {
    return core::make_error(ast.error().code, ast.error().message + " (in macro '" + name + "')");
  }
  macro_stack_.push_back(name);
  auto compiled = compile_node(*ast, depth);
  macro_stack_.pop_back();
  if (!compiled && compiled.error().message.find("(in macro ") == std::string::npos) {
    // Name the innermost macro where the problem is, once.
    compiled = core::make_error(compiled.error().code,
                                compiled.error().message + " (in macro '" + name + "')");
  }
  macro_cache_.emplace(name, compiled);
  return compiled;
}

core::Result<std::vector<std::string>> Compiler::expand_list(std::string_view name) {
  if (auto it = list_cache_.find(name); it != list_cache_.end()) return it->second;
  std::string key(name);
  if (std::find(list_stack_.begin(), list_stack_.end(), key) != list_stack_.end()) {
    return core::make_error(core::Errc::kInvalid, "list '" + key + "' refers to itself");
  }
  auto def = defs_.lists.find(name);
  if (def == defs_.lists.end()) {
    return core::make_error(core::Errc::kInvalid, "undefined list '" + key + "'");
  }
  list_stack_.push_back(key);
  std::vector<std::string> out;
  for (const auto& item : def->second) {
    if (defs_.lists.count(item) != 0) {
      auto sub = expand_list(item);
      if (!sub) {
        list_stack_.pop_back();
        return sub.error();
      }
      out.insert(out.end(), sub->begin(), sub->end());
    } else {
      out.push_back(unquote_list_item(item));
    }
  }
  list_stack_.pop_back();
  list_cache_.emplace(key, out);
  return out;
}

core::Result<std::vector<std::string>> Compiler::operands(const CondAst& ast) {
  std::vector<std::string> out;
  if (!ast.list_ref.empty()) return expand_list(ast.list_ref);
  for (const auto& v : ast.values) {
    if (!v.quoted && is_list_operator(ast.op) && defs_.lists.count(v.text) != 0) {
      auto sub = expand_list(v.text);
      if (!sub) return sub.error();
      out.insert(out.end(), sub->begin(), sub->end());
    } else {
      out.push_back(v.text);
    }
  }
  return out;
}

core::Result<ExprPtr> Compiler::compile_check(const CondAst& ast) {
  auto ref = resolve_field(ast.field, ast.has_arg, ast.field_arg);
  if (!ref) return ref.error();
  auto op = op_from(ast.op);
  if (!op) {
    return core::make_error(core::Errc::kUnsupported, "operator " + ast.op + " is not supported");
  }
  auto check = std::make_shared<CheckExpr>();
  check->type = ref->def->type;
  const std::vector<std::string> innermost_first(ast.transformers.rbegin(),
                                                 ast.transformers.rend());
  for (const auto& name : innermost_first) {
    auto t = tx_from(name);
    if (!t) {
      return core::make_error(core::Errc::kUnsupported,
                              "field transformer " + name + " is not supported");
    }
    if (check->type != FieldType::kString) {
      return core::make_error(
          core::Errc::kInvalid,
          "transformer " + name + " cannot be applied to the non-string " + ref->name);
    }
    if (*t == Tx::kLen) check->type = FieldType::kInt;
    check->transforms.push_back(*t);
  }
  if (!op_allowed(check->type, *op)) {
    return core::make_error(core::Errc::kInvalid,
                            "operator " + ast.op + " cannot be applied to " + ref->name);
  }
  auto ops = operands(ast);
  if (!ops) return ops.error();
  check->ref = std::move(*ref);
  check->op = *op;
  check->op_text = ast.op;
  check->raw = *ops;
  const bool list_op = *op == Op::kIn || *op == Op::kIntersects || *op == Op::kPmatch;
  if (*op != Op::kExists && !list_op && ops->size() != 1) {
    return core::make_error(core::Errc::kSyntax, "operator " + ast.op + " needs one value");
  }
  auto bad = [&](const std::string& v, const char* what) {
    return core::make_error(core::Errc::kInvalid,
                            "'" + v + "' is not " + what + " (" + check->ref.name + ")");
  };
  if (*op == Op::kRegex) {
    if (ops->front().size() > kMaxRegexLength) return bad(ops->front(), "a regex within the limit");
    re2::RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(kMaxRegexMemory);
    auto re = std::make_shared<const re2::RE2>(ops->front(), o);
    if (!re->ok()) {
      return core::make_error(core::Errc::kInvalid, "invalid regex '" + ops->front() + "' (" +
                                                        check->ref.name + "): " + re->error());
    }
    check->re = std::move(re);
  }
  switch (check->type) {
    case FieldType::kString:
      for (const auto& v : *ops) {
        std::string s = v;
        if (*op == Op::kIContains) s = lower(v);
        if (*op == Op::kBContains || *op == Op::kBStartsWith) {
          if (!decode_hex(v, s)) return bad(v, "a hex byte string");
        }
        if (*op == Op::kPmatch) {
          while (s.size() > 1 && s.back() == '/') s.pop_back();
        }
        check->sops.push_back(s);
        if (list_op) check->sset.insert(std::move(s));
      }
      break;
    case FieldType::kInt:
      for (const auto& v : *ops) {
        std::int64_t n = 0;
        if (!parse_int(v, n)) return bad(v, "a number");
        check->iops.push_back(n);
        check->iset.insert(n);
      }
      break;
    case FieldType::kBool:
      if (!ops->empty()) {
        std::string v = lower(ops->front());
        if (v != "true" && v != "false") return bad(ops->front(), "true or false");
        check->bop = v == "true";
      }
      break;
    case FieldType::kIp:
      for (const auto& v : *ops) {
        auto net = IpNet::parse(v);
        if (!net) return bad(v, "an IP address or network");
        check->nets.push_back(*net);
      }
      break;
  }
  if (check->ref.name == "evt.type" && check->transforms.empty() &&
      (*op == Op::kEq || *op == Op::kNe || *op == Op::kIn || *op == Op::kIntersects)) {
    check->evt_type_check = true;
    for (const auto& v : *ops) {
      if (auto t = evt_from_name(v)) check->evt_set.set(evt_index(*t));
    }
  }
  return ExprPtr(std::move(check));
}

}  // namespace ecsguard::guard
