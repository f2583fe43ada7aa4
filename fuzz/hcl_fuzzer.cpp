// Fuzz target: bytes -> parse::terraform::hcl::parse_hcl (Terraform's HCL2 native syntax).
// Besides sanitizer findings, aborts (fuzz_invariants.h) when a node, attribute, block or
// diagnostic has no location or the wrong file, a span lies outside the input or ends before it
// begins, the tree has more nodes than max_nodes or is deeper than the nesting limits allow, or
// a failed parse has no diagnostic / a diagnostic has no message. Parsing the same bytes twice
// must give the same number of nodes and diagnostics (no hidden state between parses).
// Then every attribute of the file and of its blocks is evaluated statically (eval/evaluator.h,
// no file loader) and every block's count / for_each expanded: no crash, and every Unknown
// carries a reason.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ecsguard/parse/terraform/eval/evaluator.h"
#include "ecsguard/parse/terraform/eval/json.h"
#include "ecsguard/parse/terraform/hcl/parser.h"
#include "fuzz_invariants.h"

namespace {

using ecsguard::core::Loc;
using ecsguard::fuzz::check_loc;
using ecsguard::fuzz::violated;
namespace hcl = ecsguard::parse::terraform::hcl;

struct Stats {
  std::size_t nodes = 0;
  std::uint32_t height = 0;
};

void check_span(hcl::Span s, std::size_t size, const Loc& loc) {
  if (s.begin > s.end || s.end > size) violated("span outside the input", loc);
}

void check_expr(const hcl::Expr& e, std::size_t size, std::uint32_t height, Stats& stats) {
  ++stats.nodes;
  if (height > stats.height) stats.height = height;
  check_loc(e.loc, "expression without a location");
  check_span(e.span, size, e.loc);
  for (const hcl::Expr& item : e.items) check_expr(item, size, height + 1, stats);
}

void check_body(const hcl::Body& body, std::size_t size, std::uint32_t depth, Stats& stats) {
  if (depth > stats.height) stats.height = depth;
  for (const hcl::Attribute& a : body.attributes) {
    check_loc(a.loc, "attribute without a location");
    check_span(a.span, size, a.loc);
    if (a.name.empty()) violated("attribute without a name", a.loc);
    check_expr(a.value, size, depth + 1, stats);
  }
  for (const hcl::Block& b : body.blocks) {
    check_loc(b.loc, "block without a location");
    check_span(b.span, size, b.loc);
    if (b.labels.size() != b.label_locs.size()) violated("label without a location", b.loc);
    for (const Loc& l : b.label_locs) check_loc(l, "label without a location");
    check_body(b.body, size, depth + 1, stats);
  }
}

namespace eval = ecsguard::parse::terraform::eval;

void check_value(const eval::Value& v) {
  if (const eval::Value* u = eval::find_unknown(v); u != nullptr && u->text.empty()) {
    violated("Unknown without a reason", u->loc);
  }
}

void evaluate_all(const hcl::File& file) {
  const eval::Module module = eval::collect_module({&file}, "m");
  eval::EvalLimits limits;
  limits.max_work = 20'000;
  eval::Evaluator ev(module, nullptr, limits);
  for (const hcl::Attribute& a : file.body.attributes) check_value(ev.eval(a.value));
  for (const hcl::Block& b : file.body.blocks) {
    const eval::Expansion x = eval::expand_instances(b, ev);
    check_value(x.unknown);
    const eval::Bindings names =
        x.instances.empty() ? eval::Bindings{} : eval::bindings(x, x.instances.front());
    for (const hcl::Attribute& a : b.body.attributes) check_value(ev.eval(a.value, names));
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const hcl::Limits kLimits = hcl::Limits::from(ecsguard::fuzz::fuzz_limits());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const hcl::ParseResult r = hcl::parse_hcl(text, ecsguard::fuzz::kFuzzFile, kLimits);
  for (const ecsguard::core::Error& e : r.diagnostics) ecsguard::fuzz::check_error(e);
  Stats stats;
  check_body(r.file.body, size, 0, stats);
  if (stats.nodes > kLimits.max_nodes) violated("more nodes than max_nodes", Loc{});
  // Each nesting level (bracket, operator chain link, directive) adds a bounded number of tree
  // levels; 4x the limits is far above any real tree and far below a stack overflow.
  if (stats.height > 4 * (kLimits.max_depth + kLimits.max_template_depth)) {
    violated("tree deeper than the nesting limits allow", Loc{});
  }
  const hcl::ParseResult again = hcl::parse_hcl(text, ecsguard::fuzz::kFuzzFile, kLimits);
  Stats stats2;
  check_body(again.file.body, size, 0, stats2);
  if (stats2.nodes != stats.nodes || again.diagnostics.size() != r.diagnostics.size()) {
    violated("two parses of the same bytes differ", Loc{});
  }
  evaluate_all(r.file);
  return 0;
}
