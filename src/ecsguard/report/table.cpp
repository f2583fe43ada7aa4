// Terminal report, for a person: the layer picture first (the exposure paths go before it once the
// stack analysis provides them), then the findings grouped by resource (task definition ›
// container), one line each (severity, id, what is wrong, file:line), most severe first, wrapped
// to the terminal on word boundaries; then input problems and the verdict. Suppressed, accepted
// and baselined findings stay, labelled in the severity column with why on the next line.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/table_style.h"
#include "ecsguard/report/text_wrap.h"

namespace ecsguard::report {

namespace {

namespace msg = i18n::msg::table;
using table::Style;
using Kind = engine::Suppression::Kind;

constexpr std::size_t kLabelColumns = 8;
constexpr std::string_view kIndent = "    ";

// Sort key of a finding: counting before suppressed, fail before warn before unknown, then the
// most severe first.
std::tuple<bool, int, int> rank(const engine::Finding& f) {
  const int status = f.status == core::Status::kFail ? 0 : f.status == core::Status::kWarn ? 1 : 2;
  return {f.suppressed(), status, -static_cast<int>(f.severity)};
}

// The severity column: the severity of a failure, else what the finding is (WARN, UNKNOWN,
// SKIPPED, ACCEPTED, BASELINE), padded to the column.
std::string label(const engine::Finding& f, const Style& st) {
  std::string text;
  std::string_view colour;
  if (f.suppressed()) {
    const Kind k = f.suppression->kind;
    text = st.tr(k == Kind::kAccepted   ? i18n::Message(msg::AcceptedLabel{})
                 : k == Kind::kBaseline ? i18n::Message(msg::BaselineLabel{})
                                        : i18n::Message(msg::SkippedLabel{}));
    colour = "2";
  } else if (f.status == core::Status::kWarn) {
    text = st.tr(msg::WarnLabel{});
    colour = "33";
  } else if (f.status == core::Status::kUnknown) {
    text = st.tr(msg::UnknownLabel{});
    colour = "36";
  } else {
    text = std::string(core::to_string(f.severity));
    colour = f.severity == core::Severity::kCritical ? "1;35"
             : f.severity == core::Severity::kHigh   ? "1;31"
             : f.severity == core::Severity::kMedium ? "33"
             : f.severity == core::Severity::kLow    ? "34"
                                                     : "2";
  }
  const std::size_t w = display_width(text);
  text.append(w < kLabelColumns ? kLabelColumns - w : 0, ' ');
  return st.wrap(colour, text);
}

// Why a finding does not count (or counts again): the line under it.
std::string mark(const engine::Finding& f, const Style& st) {
  if (!f.suppression) return {};
  const auto& s = *f.suppression;
  if (s.expired && s.kind == Kind::kAccepted) {
    return st.tr(
        msg::MarkAcceptanceExpired{.owner = s.owner, .expires = s.expires, .reason = s.reason});
  }
  if (s.expired) {
    return st.tr(
        msg::MarkSkipExpired{.source = s.source, .expires = s.expires, .reason = s.reason});
  }
  switch (s.kind) {
    case Kind::kAccepted:
      return st.tr(msg::MarkAccepted{.owner = s.owner, .expires = s.expires, .reason = s.reason});
    case Kind::kBaseline:
      return st.tr(msg::MarkBaseline{.path = s.reason});
    case Kind::kSuppressed:
      break;
  }
  if (!s.expires.empty()) {
    return st.tr(
        msg::MarkSkippedUntil{.source = s.source, .expires = s.expires, .reason = s.reason});
  }
  return st.tr(msg::MarkSkipped{.source = s.source, .reason = s.reason});
}

std::string where(const engine::Finding& f) { return fmt::format("{}:{}", f.file, f.loc.line); }

// The remediation snippet for the finding's input format.
std::pair<std::string_view, std::string_view> fix_for(const engine::Finding& f) {
  if (!f.check) return {};
  const auto& r = f.check->remediation;
  if (f.file.ends_with(".tf") || f.file.ends_with(".tf.json")) return {"Terraform", r.terraform};
  if (!f.cdk_path.empty()) return {"AWS CDK", r.cdk};
  return {"CloudFormation", r.cloudformation};
}

class FindingsWriter {
 public:
  FindingsWriter(const TableOptions& o, std::ostream& out)
      : o_(o), st_{o.color, o.lang}, out_(out) {}

  // Wraps `text` after a prefix of `indent` columns.
  void lines(std::string_view first_prefix, std::size_t indent, std::string_view text,
             bool dim = false) {
    const std::size_t room = o_.width > indent + 10 ? o_.width - indent : 10;
    const auto wrapped = wrap_text(text, room);
    for (std::size_t i = 0; i < wrapped.size(); ++i) {
      out_ << (i == 0 ? std::string(first_prefix) : std::string(indent, ' '))
           << (dim ? st_.dim(wrapped[i]) : wrapped[i]) << '\n';
    }
  }

  void finding(const engine::Finding& f) {
    const std::string id(f.id());
    const std::string prefix = fmt::format("{}{}  {}  ", kIndent, label(f, st_), st_.bold(id));
    const std::size_t indent = kIndent.size() + kLabelColumns + 2 + display_width(id) + 2;
    lines(prefix, indent, fmt::format("{}  {}", f.message, where(f)));
    const std::string pad(indent, ' ');
    if (const std::string m = mark(f, st_); !m.empty()) lines(pad, indent, m, true);
    if (!o_.verbose) return;
    if (f.check)
      lines(pad, indent, st_.tr(msg::Why{.text = i18n::render(f.check->rationale, o_.lang)}), true);
    const auto [format, snippet] = fix_for(f);
    if (snippet.empty()) return;
    out_ << pad << st_.dim(st_.tr(msg::FixIn{.format = format})) << '\n';
    std::size_t start = 0;
    while (start <= snippet.size()) {
      const auto end = snippet.find('\n', start);
      const auto line = snippet.substr(start, end == std::string_view::npos ? end : end - start);
      out_ << pad << "  " << line << '\n';
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  }

  void resource(const std::vector<const engine::Finding*>& group) {
    const engine::Finding& head = *group.front();
    std::string title =
        fmt::format("{}  {} · {}", head.resource_name, head.resource_type, head.file);
    if (!head.cdk_path.empty()) title += " · cdk: " + head.cdk_path;
    lines("  ", 2, title);
    std::string container;
    for (const auto* f : group) {
      if (f->container != container) {
        container = f->container;
        out_ << "  " << st_.bold("› " + container) << '\n';
      }
      finding(*f);
    }
    out_ << '\n';
  }

  void compact(const engine::Finding& f) {
    std::string subject = f.resource_name;
    if (!f.container.empty()) subject += "/" + f.container;
    out_ << label(f, st_) << ' ' << f.id() << ' ' << where(f) << ' ' << subject << ": "
         << f.message;
    if (const std::string m = mark(f, st_); !m.empty()) out_ << " [" << m << ']';
    out_ << '\n';
  }

  [[nodiscard]] const Style& style() const noexcept { return st_; }

 private:
  const TableOptions& o_;
  Style st_;
  std::ostream& out_;
};

// The findings shown (all, or only the failing ones with --quiet).
std::vector<const engine::Finding*> shown(const ReportData& data, const TableOptions& o) {
  std::vector<const engine::Finding*> out;
  for (const auto& f : data.findings) {
    if (!o.quiet || policy::fails(data.policy, f)) out.push_back(&f);
  }
  return out;
}

// Findings grouped by (file, resource), groups ordered by their most severe finding; inside a
// group the resource's own findings come first, then each container's.
std::vector<std::vector<const engine::Finding*>> by_resource(
    const std::vector<const engine::Finding*>& findings) {
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<const engine::Finding*>>
      groups;
  for (const auto* f : findings) groups[{f->file, f->resource_type, f->resource_name}].push_back(f);
  std::vector<std::vector<const engine::Finding*>> out;
  out.reserve(groups.size());
  for (auto& [key, g] : groups) {
    std::stable_sort(g.begin(), g.end(), [](const auto* a, const auto* b) {
      if (a->container != b->container) return a->container < b->container;
      return rank(*a) < rank(*b);
    });
    out.push_back(std::move(g));
  }
  const auto best = [](const std::vector<const engine::Finding*>& g) {
    return std::min_element(g.begin(), g.end(),
                            [](const auto* a, const auto* b) { return rank(*a) < rank(*b); })
        .
        operator*();
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto& a, const auto& b) { return rank(*best(a)) < rank(*best(b)); });
  return out;
}

void write_diagnostics(const ReportData& data, const TableOptions& o, const Style& st,
                       std::ostream& out) {
  bool any = false;
  for (const auto& d : data.diagnostics) {
    if (o.quiet && !d.loses_input()) continue;
    if (!any) out << st.bold(st.tr(msg::InputProblems{})) << '\n';
    any = true;
    const std::string at = d.line ? fmt::format("{}:{}:{}", d.file, d.line, d.column) : d.file;
    out << "  "
        << (d.loses_input() ? st.wrap("1;31", st.tr(msg::ErrorLabel{}))
                            : st.dim(st.tr(msg::NoteLabel{})))
        << "  " << at << ": " << d.message << '\n';
  }
  if (any) out << '\n';
}

}  // namespace

void write_table(const ReportData& data, std::ostream& out, const TableOptions& o) {
  FindingsWriter w(o, out);
  const Style& st = w.style();
  const auto counts = table::count_by_layer(data);
  auto findings = shown(data, o);
  if (o.compact) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const auto* a, const auto* b) { return rank(*a) < rank(*b); });
    for (const auto* f : findings) w.compact(*f);
  } else {
    // The exposure paths (analysis/exposure_path) belong here, before the layer picture.
    if (!data.scanned_nothing() && !o.quiet) table::write_layers(data, counts, st, out);
    if (!findings.empty()) out << st.bold(st.tr(msg::FindingsHeading{})) << '\n';
    for (const auto& group : by_resource(findings)) w.resource(group);
    if (!findings.empty() && !o.verbose) w.lines("", 0, st.tr(msg::ExplainHint{}), true);
    if (!findings.empty()) out << '\n';
  }
  if (o.quiet && findings.size() < data.findings.size()) {
    out << st.dim(st.tr(msg::QuietHidden{.count = data.findings.size() - findings.size()})) << '\n';
  }
  write_diagnostics(data, o, st, out);
  if (data.scanned_nothing()) {  // no layer results and no PASSED for a run that saw nothing
    out << st.wrap("1;33",
                   st.tr(msg::ScannedNothing{.tool = core::kToolName, .version = core::kVersion}))
        << '\n';
    return;
  }
  table::write_verdict(data, counts, st, out);
}

}  // namespace ecsguard::report
