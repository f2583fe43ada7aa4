// The HTML report: one self-contained page (inline style and script, inline SVG, a
// Content-Security-Policy that forbids loading anything) a person can read on a phone. It shows the
// layer picture of ARCHITECTURE.md — the layers the user secures and AWS's layers on Fargate,
// each user layer coloured by its worst finding with its counts — and then every finding,
// filterable by layer, severity and status, with its message, why it matters and the fix for its
// input format.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/formats.h"
#include "ecsguard/report/html_assets.h"
#include "ecsguard/report/layer_names.h"
#include "ecsguard/report/projection.h"

namespace ecsguard::report {

namespace {

namespace msg = i18n::msg::formats;
using i18n::Lang;

struct LayerCounts {
  std::size_t fail = 0, warn = 0, unknown = 0;
  bool any_fail = false;
  core::Severity worst = core::Severity::kInfo;  // of the failing findings
};

using AllCounts = std::array<LayerCounts, std::size(core::kAllLayers)>;

AllCounts count_layers(const ReportData& data) {
  AllCounts out{};
  for (const auto& f : data.findings) {
    if (!f.entry) continue;
    auto& c = out.at(static_cast<std::size_t>(f.entry->layer));
    if (f.status == core::Status::kFail) {
      ++c.fail;
      if (!c.any_fail || f.severity > c.worst) c.worst = f.severity;
      c.any_fail = true;
    } else if (f.status == core::Status::kWarn) {
      ++c.warn;
    } else if (f.status == core::Status::kUnknown) {
      ++c.unknown;
    }
  }
  return out;
}

// SVG geometry (user units; the picture scales to the screen width).
constexpr int kWidth = 360;
constexpr int kBoxHeight = 50;
constexpr int kStep = 56;
constexpr int kHeading = 28;

struct Box {
  std::string layer_key;  // data-layer (filter value), empty for boxes that filter nothing
  std::string name;
  std::string detail;
  std::string fill;
  bool dark_text = false;
};

std::string box_svg(const Box& b, int y) {
  const std::string text_fill = b.dark_text ? "#1b1f24" : "#fff";
  std::string out = "<g";
  if (!b.layer_key.empty()) {
    out += R"( class="clickable" role="button" tabindex="0" data-layer=")" + b.layer_key + R"(")";
  }
  out += R"(><rect x="4" y=")" + std::to_string(y) + R"(" width=")" + std::to_string(kWidth - 8) +
         R"(" height=")" + std::to_string(kBoxHeight) + R"(" rx="6" fill=")" + b.fill + R"("/>)";
  out += R"(<text x="16" y=")" + std::to_string(y + 21) +
         R"(" font-size="15" font-weight="700" fill=")" + text_fill + R"(">)" + xml_escape(b.name) +
         "</text>";
  out += R"(<text x="16" y=")" + std::to_string(y + 40) + R"(" font-size="12.5" fill=")" +
         text_fill + R"(">)" + xml_escape(b.detail) + "</text></g>\n";
  return out;
}

std::string severity_colour(core::Severity s) {
  return "var(--" + core::to_lower(core::to_string(s)) + ")";
}

Box user_box(core::Layer layer, const LayerCounts& c, bool checked, Lang lang) {
  Box b{std::string(core::to_string(layer)), layer_name(layer, lang), "", "var(--clean)"};
  const std::size_t total = c.fail + c.warn + c.unknown;
  if (total > 0) {
    b.detail = i18n::render(
        msg::html::LayerCounts{.fail = c.fail, .warn = c.warn, .unknown = c.unknown}, lang);
    if (c.any_fail) {
      b.fill = severity_colour(c.worst);
    } else {
      b.fill = "var(--review)";
      b.dark_text = true;
    }
  } else if (!checked) {
    b.detail = i18n::render(msg::html::NotChecked::kId, lang);
    b.fill = "var(--unchecked)";
    b.layer_key.clear();
  } else {
    b.detail = i18n::render(msg::html::Clean::kId, lang);
  }
  return b;
}

std::string layer_picture(const ReportData& data, const AllCounts& counts, Lang lang) {
  std::vector<Box> user;
  for (auto layer : core::kAllLayers) {
    user.push_back(user_box(layer, counts.at(static_cast<std::size_t>(layer)),
                            data.layer_checked(layer), lang));
  }
  user.push_back({"", i18n::render(i18n::msg::table::layer::Application::kId, lang),
                  i18n::render(msg::html::OutOfScope::kId, lang), "var(--unchecked)"});
  std::vector<Box> aws;
  for (const i18n::Id id :
       {i18n::msg::table::layer::Orchestrator::kId, i18n::msg::table::layer::HostOs::kId,
        i18n::msg::table::layer::ContainerRuntime::kId}) {
    aws.push_back({"", i18n::render(id, lang),
                   i18n::render(msg::html::AwsResponsibility::kId, lang), "var(--aws)"});
  }
  const int aws_heading = kHeading + static_cast<int>(user.size()) * kStep + 16;
  const int height = aws_heading + kHeading + static_cast<int>(aws.size()) * kStep;
  std::string out = R"(<svg class="layers" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )" +
                    std::to_string(kWidth) + " " + std::to_string(height) +
                    R"(" role="img" aria-label=")" +
                    xml_escape(i18n::render(msg::html::LayersHeading::kId, lang)) +
                    R"(">)"
                    "\n";
  out += R"(<text x="4" y="18" font-size="14" font-weight="700" fill="#1b1f24">)" +
         xml_escape(i18n::render(msg::html::UserLayers::kId, lang)) + "</text>\n";
  int y = kHeading;
  for (const auto& b : user) {
    out += box_svg(b, y);
    y += kStep;
  }
  out += R"(<line x1="4" x2=")" + std::to_string(kWidth - 4) + R"(" y1=")" +
         std::to_string(aws_heading - 8) + R"(" y2=")" + std::to_string(aws_heading - 8) +
         R"(" stroke="#57606a" stroke-dasharray="6 4"/>)"
         "\n";
  out += R"(<text x="4" y=")" + std::to_string(aws_heading + 12) +
         R"(" font-size="14" font-weight="700" fill="#1b1f24">)" +
         xml_escape(i18n::render(msg::html::AwsLayers::kId, lang)) + "</text>\n";
  y = aws_heading + kHeading - 6;
  for (const auto& b : aws) {
    out += box_svg(b, y);
    y += kStep;
  }
  out += "</svg>\n";
  return out;
}

std::string legend(Lang lang) {
  std::string out =
      R"(<p class="legend">)" + xml_escape(i18n::render(msg::html::Legend::kId, lang)) + "<br>";
  for (auto s : {core::Severity::kCritical, core::Severity::kHigh, core::Severity::kMedium,
                 core::Severity::kLow, core::Severity::kInfo}) {
    out += R"(<span><i style="background:)" + severity_colour(s) + R"("></i>)" +
           std::string(core::to_string(s)) + "</span>";
  }
  out += R"x(<span><i style="background:var(--review)"></i>)x" +
         xml_escape(status_word(core::Status::kWarn, lang) + " / " +
                    status_word(core::Status::kUnknown, lang)) +
         "</span>";
  out += R"x(<span><i style="background:var(--clean)"></i>)x" +
         xml_escape(i18n::render(msg::html::Clean::kId, lang)) + "</span>";
  out += R"x(<span><i style="background:var(--unchecked)"></i>)x" +
         xml_escape(i18n::render(msg::html::NotChecked::kId, lang)) + "</span></p>\n";
  return out;
}

std::string select_box(std::string_view key, const std::string& label,
                       const std::vector<std::pair<std::string, std::string>>& options, Lang lang) {
  std::string out = "<label>" + xml_escape(label) + R"( <select id="filter-)" + std::string(key) +
                    R"("><option value="">)" +
                    xml_escape(i18n::render(msg::label::All::kId, lang)) + "</option>";
  for (const auto& [value, text] : options) {
    out += R"(<option value=")" + xml_escape(value) + R"(">)" + xml_escape(text) + "</option>";
  }
  return out + "</select></label>\n";
}

std::string filters(Lang lang) {
  const auto tr = [lang](i18n::Id id) { return i18n::render(id, lang); };
  std::vector<std::pair<std::string, std::string>> layers, severities, statuses;
  for (auto layer : core::kAllLayers) {
    layers.emplace_back(core::to_string(layer), layer_name(layer, lang));
  }
  for (auto s : {core::Severity::kCritical, core::Severity::kHigh, core::Severity::kMedium,
                 core::Severity::kLow, core::Severity::kInfo}) {
    severities.emplace_back(core::to_string(s), core::to_string(s));
  }
  for (auto s : {core::Status::kFail, core::Status::kWarn, core::Status::kUnknown}) {
    statuses.emplace_back(core::to_string(s), status_word(s, lang));
  }
  return R"(<form class="filters" aria-label=")" + xml_escape(tr(msg::html::FilterHeading::kId)) +
         R"(">)"
         "\n" +
         select_box("layer", tr(msg::label::Layer::kId), layers, lang) +
         select_box("severity", tr(msg::label::Severity::kId), severities, lang) +
         select_box("status", tr(msg::label::Status::kId), statuses, lang) + "</form>\n";
}

void write_finding(std::ostream& out, const engine::Finding& f, RepoPaths& paths, Lang lang) {
  const auto tr = [lang](i18n::Id id) { return i18n::render(id, lang); };
  const std::string sev(core::to_string(f.severity));
  out << R"(<article class="finding sev-)" << sev << R"(" data-layer=")"
      << (f.entry ? core::to_string(f.entry->layer) : std::string_view{}) << R"(" data-severity=")"
      << sev << R"(" data-status=")" << core::to_string(f.status) << R"("><details><summary>)"
      << R"(<span class="badge sev-)" << sev << R"(">)" << sev << "</span>";
  if (f.status != core::Status::kFail) {
    out << R"(<span class="status">)" << xml_escape(status_word(f.status, lang)) << "</span>";
  }
  out << "<code>" << xml_escape(f.id()) << R"(</code> <span class="title">)"
      << xml_escape(title_of(f, lang)) << R"(</span><span class="where">)"
      << xml_escape(paths.relative(f.file)) << ':' << f.loc.line << " · "
      << xml_escape(f.resource_type) << ' ' << xml_escape(subject_of(f)) << "</span></summary>\n"
      << R"(<div class="body"><p class="msg">)" << xml_escape(f.message) << "</p>\n";
  if (const std::string why = rationale_of(f, lang); !why.empty()) {
    out << "<h4>" << xml_escape(tr(msg::label::Why::kId)) << "</h4><p>" << xml_escape(why)
        << "</p>\n";
  }
  const auto snippets = remediation_for(f);
  if (!snippets.empty()) out << "<h4>" << xml_escape(tr(msg::label::HowToFix::kId)) << "</h4>\n";
  for (const auto& s : snippets) {
    out << "<p>" << xml_escape(s.label) << "</p><pre><code>" << xml_escape(s.code)
        << "</code></pre>\n";
  }
  if (f.entry) {
    out << R"(<p><a href=")" << xml_escape(help_uri(f)) << R"(" rel="noopener noreferrer">)"
        << xml_escape(tr(msg::html::CheckDocs::kId)) << "</a></p>";
  }
  out << "</div></details></article>\n";
}

void write_problems(std::ostream& out, const ReportData& data, RepoPaths& paths, Lang lang) {
  if (data.diagnostics.empty()) return;
  out << R"(<section class="problems"><h2>)"
      << xml_escape(i18n::render(msg::markdown::InputProblems::kId, lang)) << "</h2><ul>\n";
  for (const auto& d : data.diagnostics) {
    out << "<li><code>" << xml_escape(paths.relative(d.file));
    if (d.line) out << ':' << d.line;
    out << "</code> " << xml_escape(d.message) << "</li>\n";
  }
  out << "</ul></section>\n";
}

}  // namespace

void write_html(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  const Lang lang = options.lang;
  const auto tr = [lang](i18n::Id id) { return i18n::render(id, lang); };
  const AllCounts counts = count_layers(data);
  std::size_t fail = 0, warn = 0, unknown = 0;
  for (const auto& c : counts) {
    fail += c.fail;
    warn += c.warn;
    unknown += c.unknown;
  }
  const char* verdict_class = data.scanned_nothing() || data.policy.fail_never ? "neutral"
                              : count_failing(data) || data.files_failed       ? "fail"
                                                                               : "pass";
  out << "<!DOCTYPE html>"
         "\n"
         R"(<html lang=")"
      << (lang == Lang::kJa ? "ja" : "en")
      << R"(">)"
         "\n"
         "<head>"
         "\n"
      << R"(<meta charset="utf-8">)"
         "\n"
      << R"(<meta name="viewport" content="width=device-width, initial-scale=1">)"
         "\n"
      << R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; )"
         R"(style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">)"
         "\n"
      << "<title>" << xml_escape(tr(msg::html::Title::kId)) << "</title>\n<style>"
      << html_assets::kStyle << "</style>\n</head>\n<body>\n<main>\n<header><h1>"
      << xml_escape(tr(msg::html::Title::kId))
      << "</h1>"
         "\n"
         R"(<p class="verdict )"
      << verdict_class << R"(">)" << xml_escape(verdict_text(data, lang))
      << "</p>"
         "\n"
         R"(<p class="meta">)"
      << xml_escape(i18n::render(msg::markdown::Counts{.scanned = data.files_scanned,
                                                       .discovered = data.files_discovered,
                                                       .fail = fail,
                                                       .warn = warn,
                                                       .unknown = unknown},
                                 lang))
      << "</p></header>\n";
  out << R"(<section id="layers"><h2>)" << xml_escape(tr(msg::html::LayersHeading::kId))
      << "</h2>\n"
      << layer_picture(data, counts, lang) << legend(lang) << "</section>\n";
  out << R"(<section id="findings"><h2>)" << xml_escape(tr(msg::html::FindingsHeading::kId))
      << "</h2>\n"
      << filters(lang) << R"(<p class="shown" id="shown" data-template=")"
      << xml_escape(i18n::text(msg::html::Shown::kId, lang))
      << R"("></p>)"
         "\n";
  if (data.findings.empty()) {
    out << "<p>" << xml_escape(tr(msg::markdown::NoFindings::kId)) << "</p>\n";
  }
  RepoPaths paths;
  for (const auto* f : reading_order(data.findings)) write_finding(out, *f, paths, lang);
  out << "</section>\n";
  write_problems(out, data, paths, lang);
  out << "<footer><p>"
      << xml_escape(i18n::render(
             msg::html::Generated{.tool = core::kToolName, .version = core::kVersion}, lang))
      << "</p></footer>\n</main>\n<script>" << html_assets::kScript
      << "</script>\n</body>\n</html>\n";
}

}  // namespace ecsguard::report
