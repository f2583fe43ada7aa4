#pragma once
// Compiled conditions. Evaluation is three-valued: a field that cannot be known yet (a syscall's
// result at its entry, or anything while deriving the seccomp filter) makes a comparison Unknown,
// and and/or/not propagate it (Kleene logic). At a syscall entry, Unknown means "look again at the
// exit" — the second ptrace stop is taken only for events that may still match.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/guard/condition.h"
#include "ecsguard/guard/event.h"
#include "ecsguard/guard/fields.h"

namespace ecsguard::guard {

enum class Tri : std::uint8_t { kFalse, kTrue, kUnknown };

// Event types a condition may match (pos) and may fail to match (neg); see evttypes().
struct EvtTypes {
  EvtSet pos;
  EvtSet neg;
};

class Expr {
 public:
  Expr() = default;
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
  Expr(Expr&&) = delete;
  Expr& operator=(Expr&&) = delete;

  [[nodiscard]] virtual Tri eval(EvalCtx& ctx) const = 0;
  [[nodiscard]] virtual EvtTypes evttypes() const = 0;
  // Calls fn for every field comparison (for field-driven needs: drift, DNS, results).
  virtual void visit(const std::function<void(const struct CheckInfo&)>& fn) const = 0;
  // True when every match of this condition has evt.rawres <= k (dup2/dup3 filter test).
  [[nodiscard]] virtual bool implies_rawres_at_most(std::int64_t k) const = 0;
};

struct CheckInfo {
  const FieldRef* field = nullptr;
  std::string_view op;
  const std::vector<std::string>* operands = nullptr;
};

using ExprPtr = std::shared_ptr<const Expr>;

// Names the compiler can resolve: macros (their condition text) and lists (their raw items).
struct Definitions {
  std::map<std::string, std::string, std::less<>> macros;
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
};

// Compiles conditions against one set of definitions; macros are compiled once and shared.
// Errors: kUnsupported (a field/operator/transformer the guard cannot evaluate: disable the rule),
// kSyntax / kInvalid (a broken rule: a load error, as in Falco).
class Compiler {
 public:
  explicit Compiler(const Definitions& defs) : defs_(defs) {}

  core::Result<ExprPtr> compile(const CondAst& ast);
  core::Result<ExprPtr> compile_text(std::string_view condition);
  // Lists expanded recursively (items may name other lists); quoted items are unquoted.
  core::Result<std::vector<std::string>> expand_list(std::string_view name);

 private:
  core::Result<ExprPtr> compile_node(const CondAst& ast, unsigned depth);
  core::Result<ExprPtr> compile_macro(const std::string& name, unsigned depth);
  core::Result<ExprPtr> compile_check(const CondAst& ast);
  core::Result<std::vector<std::string>> operands(const CondAst& ast);

  const Definitions& defs_;
  std::map<std::string, core::Result<ExprPtr>, std::less<>> macro_cache_;
  std::vector<std::string> macro_stack_;
  std::map<std::string, std::vector<std::string>, std::less<>> list_cache_;
  std::vector<std::string> list_stack_;
};

ExprPtr make_and(std::vector<ExprPtr> kids);
ExprPtr make_not(ExprPtr kid);

}  // namespace ecsguard::guard
