// Conformance of the implemented checks against the peers' fixtures of the external corpus
// ($ECSGUARD_CORPUS/manifest.json). Every CloudFormation (JSON/YAML) and task definition fixture
// whose `ecsguard_checks` name an implemented check is scanned alone, with only those checks:
//   expected=fail (compare_fail != false): detected when a fail/warn finding of a mapped check
//     exists (per expected resource when the manifest locates them: checkov resource ids, KICS
//     lines mapped to the resource that encloses them) -> recall;
//   expected=pass (compare_pass != false): a false alarm when a mapped check reports fail or warn
//     (per listed resource when checkov names the passing resources) -> false-alarm rate; the same
//     statuses count on both sides, so a WARN is never a detection yet harmless;
//   peer_specific, expected=unknown and the entries of tests/conformance/disagreements are
//   excluded (each disagreement carries its reason).
// A fixture whose input does not load is never a clean pass: a pass fixture that does not load is
// left out of the pass count and listed; a fail fixture that does not load counts as a miss. The
// formats scored here are formats ecsguard claims to read, so any fixture that does not load fails
// the test unless tests/conformance/disagreements lists it with the reason.
// Prints per-source and per-check tables, every miss and false alarm, and one summary line
// `conformance: recall=R false_alarms=F (n_fail=.., n_pass=..)`, then asserts the targets.
// ECSGUARD_CONFORMANCE_VERBOSE=1 also lists every scored fixture with its units.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ecsguard/core/strings.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/parse/terraform/hcl/parser.h"
#include "ecsguard/parse/yaml_loader.h"
#include "ecsguard/scan/scan.h"

#include "terraform_scope.h"

namespace ecsguard::conformance {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double kMinRecall = 0.90;
constexpr double kMaxFalseAlarms = 0.05;

// A check is scored on a format only when that format's frontend builds what it reads.
bool built_from(const std::string& check, const std::string& format) {
  return format != "terraform-hcl" || conformance::kNotFromTerraformYet.count(check) == 0;
}

const std::set<std::string> kFormats = {"cloudformation-json", "cloudformation-yaml",
                                        "taskdef-json", "terraform-hcl"};

std::optional<fs::path> corpus_dir() {
  const char* env = std::getenv("ECSGUARD_CORPUS");
  if (env == nullptr || *env == '\0') return std::nullopt;
  fs::path p(env);
  std::error_code ec;
  if (!fs::is_regular_file(p / "manifest.json", ec)) return std::nullopt;
  return p;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// tests/conformance/disagreements: `<fixture id | corpus_path> [<Type.LogicalId>]  # reason`, one
// per line. With a resource, only that resource of a multi-resource fixture is excluded.
struct Disagreement {
  std::string key;
  std::string unit;  // "AWS::ECR::Repository.CondAllPass"; empty = the whole fixture
  std::string reason;
  int line = 0;
  bool used = false;
};

std::vector<Disagreement> read_disagreements(const fs::path& p, std::vector<std::string>& errors) {
  std::vector<Disagreement> out;
  std::ifstream in(p);
  if (!in) {
    errors.push_back("cannot read " + p.string());
    return out;
  }
  std::string text;
  int lineno = 0;
  while (std::getline(in, text)) {
    ++lineno;
    const auto hash = text.find('#');
    const std::string_view key = core::trim(std::string_view(text).substr(0, hash));
    if (key.empty()) continue;  // blank or comment line
    Disagreement d;
    const auto space = key.find_first_of(" \t");
    d.key = std::string(key.substr(0, space));
    if (space != std::string_view::npos) d.unit = std::string(core::trim(key.substr(space)));
    d.line = lineno;
    if (hash != std::string::npos) d.reason = std::string(core::trim(text.substr(hash + 1)));
    if (d.reason.empty()) {
      errors.push_back(
          fmt::format("{}:{}: '{}' has no reason (`<fixture>  # why ecsguard is "
                      "right and the peer is not`)",
                      p.string(), lineno, d.key));
    }
    out.push_back(std::move(d));
  }
  return out;
}

// A resource of the fixture file and the lines it spans (for KICS line expectations).
struct ResourceSpan {
  std::string name;
  std::string type;
  std::uint32_t first = 0;
  std::uint32_t last = 0;  // inclusive; UINT32_MAX = to the end of the file
};

// Terraform: every `resource "type" "name" { ... }` block (name = the Terraform address).
std::vector<ResourceSpan> terraform_spans(const std::string& text) {
  std::vector<ResourceSpan> out;
  const auto parsed = parse::terraform::hcl::parse_hcl(text, 0);
  for (const auto& b : parsed.file.body.blocks) {
    if (b.type != "resource" || b.labels.size() != 2) continue;
    ResourceSpan r;
    r.name = b.labels[0] + "." + b.labels[1];
    r.first = b.loc.line;
    r.last = b.loc.line + static_cast<std::uint32_t>(std::count(text.begin() + b.span.begin,
                                                                text.begin() + b.span.end, '\n'));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<ResourceSpan> resource_spans(const std::string& text, bool terraform) {
  if (terraform) return terraform_spans(text);
  std::vector<ResourceSpan> out;
  auto doc = parse::load_document(text, 0, core::Limits{});
  if (!doc || !doc->is_map()) return out;
  const parse::Node& root = doc.value();
  std::uint32_t section_end = UINT32_MAX;
  const parse::Member* resources = nullptr;
  for (const auto& m : root.members) {
    if (resources != nullptr && m.key.loc.line > resources->key.loc.line) {
      section_end = std::min(section_end, m.key.loc.line - 1);
    }
    if (m.key.text == "Resources") resources = &m;
  }
  if (resources == nullptr || !resources->value.is_map()) return out;
  for (const auto& m : resources->value.members) {
    ResourceSpan r;
    r.name = m.key.text;
    if (const auto* t = m.value.find("Type"); t != nullptr && t->is_string()) r.type = t->text;
    r.first = m.key.loc.line;
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(),
            [](const ResourceSpan& a, const ResourceSpan& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].last = i + 1 < out.size() ? out[i + 1].first - 1 : section_end;
  }
  return out;
}

// One scored unit: the whole file, or one resource of it.
struct Unit {
  std::string type;  // empty: whole file
  std::string name;
  // Terraform: the lines of the resource block. A finding located inside it is on this unit
  // even when it names another resource (an aws_ecr_repository_policy's statement is judged as
  // part of the repository it attaches to, and located in the policy's block).
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  [[nodiscard]] bool whole_file() const { return name.empty(); }
  [[nodiscard]] std::string label() const {
    if (whole_file()) return "(file)";
    return type.empty() ? name : type + "." + name;
  }
  friend bool operator<(const Unit& a, const Unit& b) {
    return std::tie(a.type, a.name) < std::tie(b.type, b.name);
  }
};

bool finding_on(const engine::Finding& f, const Unit& u) {
  if (u.whole_file()) return true;
  if (u.first != 0 && f.loc.line >= u.first && f.loc.line <= u.last) return true;
  return f.resource_name == u.name && (u.type.empty() || f.resource_type == u.type);
}

// "AWS::ECR::Repository.ImageScanFalse" -> {type, logical id}; a Terraform address
// ("aws_ecs_service.fail") is the resource name itself (findings name Terraform resources by it).
std::optional<Unit> checkov_resource(const std::string& s) {
  const auto dot = s.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  if (s.rfind("aws_", 0) == 0) return Unit{"", s};
  if (s.rfind("AWS::", 0) != 0) return std::nullopt;
  return Unit{s.substr(0, dot), s.substr(dot + 1)};
}

struct Tally {
  int fail_fixtures = 0;
  int pass_fixtures = 0;
  int fail_units = 0;
  int detected = 0;
  int pass_units = 0;
  int false_alarms = 0;
  // Per-check rows: units this check itself detected / failed (other mapped checks aside).
  int own_detected = 0;
  int own_false_alarms = 0;
  [[nodiscard]] double recall() const {
    return fail_units == 0 ? 1.0 : static_cast<double>(detected) / fail_units;
  }
  [[nodiscard]] double false_alarm_rate() const {
    return pass_units == 0 ? 0.0 : static_cast<double>(false_alarms) / pass_units;
  }
};

std::string pct(int num, int den) {
  if (den == 0) return "-";
  return fmt::format("{:.3f} ({}/{})", static_cast<double>(num) / den, num, den);
}

std::string short_message(const engine::Finding& f) {
  std::string m = f.message;
  if (m.size() > 110) m = m.substr(0, 107) + "...";
  return m;
}

std::string describe(const engine::Finding& f) {
  std::string who = f.resource_name;
  if (!f.container.empty()) who += "/" + f.container;
  return fmt::format("{} {} {}:{} {}: {}", f.id(), core::to_string(f.status), f.file, f.loc.line,
                     who, short_message(f));
}

TEST(Conformance, PeerFixturesForImplementedChecks) {
  const auto corpus = corpus_dir();
  if (!corpus) {
    GTEST_SKIP() << "ECSGUARD_CORPUS is not set or has no manifest.json: conformance not scored";
  }
  const json manifest = json::parse(read_text(*corpus / "manifest.json"), nullptr, false);
  ASSERT_TRUE(manifest.is_array()) << "manifest.json is not a JSON array";

  std::set<std::string> implemented;
  for (const auto* c : engine::registered_checks()) implemented.emplace(c->id);
  ASSERT_FALSE(implemented.empty()) << "no registered checks";

  std::vector<std::string> setup_errors;
  auto disagreements = read_disagreements(ECSGUARD_DISAGREEMENTS, setup_errors);
  for (const auto& e : setup_errors) ADD_FAILURE() << e;

  std::map<std::string, Tally> by_source;
  std::map<std::string, Tally> by_format;
  std::map<std::string, Tally> by_check;
  Tally total;
  std::map<std::string, int> excluded;  // reason -> fixtures
  std::vector<std::string> misses;
  std::vector<std::string> false_alarms;
  std::vector<std::string> load_problems;
  std::vector<std::string> disagreement_lines;
  // ECSGUARD_CONFORMANCE_VERBOSE=1: one line per scored fixture (units and verdicts).
  const char* verbose_env = std::getenv("ECSGUARD_CONFORMANCE_VERBOSE");
  const bool verbose = verbose_env != nullptr && *verbose_env != '\0' && *verbose_env != '0';
  std::vector<std::string> scored_lines;

  for (const auto& e : manifest) {
    const std::string id = e.value("id", "");
    const std::string cpath = e.value("corpus_path", "");
    for (auto& d : disagreements) {
      if (d.key == id || d.key == cpath) d.used = true;
    }
    if (kFormats.count(e.value("format", "")) == 0) continue;
    std::vector<std::string> checks;
    if (e.contains("ecsguard_checks") && e["ecsguard_checks"].is_array()) {
      for (const auto& c : e["ecsguard_checks"]) {
        if (c.is_string() && implemented.count(c.get<std::string>()) &&
            built_from(c.get<std::string>(), e.value("format", ""))) {
          checks.push_back(c.get<std::string>());
        }
      }
    }
    if (checks.empty()) continue;
    std::sort(checks.begin(), checks.end());
    checks.erase(std::unique(checks.begin(), checks.end()), checks.end());

    const std::string expected = e.value("expected", "");
    const std::string source = e.value("source", "?");
    const auto disagreement = std::find_if(
        disagreements.begin(), disagreements.end(),
        [&](const Disagreement& d) { return d.unit.empty() && (d.key == id || d.key == cpath); });
    if (e.value("peer_specific", false)) {
      ++excluded["peer_specific (peer-only suppression metadata or configuration)"];
      continue;
    }
    if (expected != "fail" && expected != "pass") {
      ++excluded["expected=" + expected];
      continue;
    }
    if (expected == "fail" && e.contains("compare_fail") && e["compare_fail"] == false) {
      ++excluded["compare_fail=false (peer's fail verdict does not carry over)"];
      continue;
    }
    if (expected == "pass" && e.contains("compare_pass") && e["compare_pass"] == false) {
      ++excluded["compare_pass=false (peer's pass verdict does not carry over)"];
      continue;
    }
    if (disagreement != disagreements.end()) {
      ++excluded["listed in tests/conformance/disagreements"];
      disagreement_lines.push_back(fmt::format("  {} [{}] expected={}: {}", cpath,
                                               fmt::join(checks, ","), expected,
                                               disagreement->reason));
      continue;
    }

    const fs::path file = *corpus / cpath;
    const bool fail_fixture = expected == "fail";

    // Units: per resource when the manifest locates them, else the whole file.
    std::set<Unit> units;
    const char* unit_key = fail_fixture ? "expected_locations" : "expected_pass_resources";
    if (e.contains(unit_key) && e[unit_key].is_array()) {
      std::vector<ResourceSpan> spans;
      bool spans_loaded = false;
      const bool terraform = e.value("format", "") == "terraform-hcl";
      for (const auto& loc : e[unit_key]) {
        if (loc.is_string()) {
          auto u = checkov_resource(loc.get<std::string>());
          if (u && terraform) {
            if (!spans_loaded) {
              spans = resource_spans(read_text(file), true);
              spans_loaded = true;
            }
            for (const auto& r : spans) {
              if (r.name == u->name) {
                u->first = r.first;
                u->last = r.last;
              }
            }
          }
          if (u) units.insert(*u);
        } else if (loc.is_object() && loc.contains("line") && loc["line"].is_number_integer()) {
          if (!spans_loaded) {
            spans = resource_spans(read_text(file), terraform);
            spans_loaded = true;
          }
          const auto line = loc["line"].get<std::uint32_t>();
          for (const auto& r : spans) {
            if (line >= r.first && line <= r.last) {
              units.insert(terraform ? Unit{r.type, r.name, r.first, r.last}
                                     : Unit{r.type, r.name});
            }
          }
        }
      }
    }
    if (units.empty()) units.insert(Unit{});
    for (const auto& d : disagreements) {
      if (d.unit.empty() || (d.key != id && d.key != cpath)) continue;
      const auto u = std::find_if(units.begin(), units.end(),
                                  [&](const Unit& x) { return x.label() == d.unit; });
      if (u == units.end()) {
        ADD_FAILURE() << "tests/conformance/disagreements:" << d.line << ": " << d.unit
                      << " is not a scored resource of " << cpath;
        continue;
      }
      units.erase(u);
      disagreement_lines.push_back(fmt::format("  {} {} [{}] expected={}: {}", cpath, d.unit,
                                               fmt::join(checks, ","), expected, d.reason));
    }
    if (units.empty()) {
      ++excluded["listed in tests/conformance/disagreements"];
      continue;
    }

    scan::ScanRequest req;
    req.paths = {file.string()};
    req.only_checks = checks;
    req.threads = 1;
    const scan::ScanResult res = scan::run_scan(req);
    std::string load_error;
    for (const auto& d : res.diagnostics) {
      if (d.loses_input()) {
        load_error = fmt::format("{}:{}: {}", d.file, d.line, d.message);
        load_problems.push_back(fmt::format("  {} [{}] expected={}: {}", cpath,
                                            e.value("format", ""), expected, load_error));
        break;
      }
    }
    if (load_error.empty() && res.files_scanned == 0) {
      load_error = "not recognised as an input";
      load_problems.push_back(fmt::format("  {} [{}] expected={}: {}", cpath, e.value("format", ""),
                                          expected, load_error));
    }
    if (!load_error.empty() && !fail_fixture) {
      // Never a clean pass: out of the pass count (listed above).
      ++excluded["expected=pass, input did not load (listed under 'Inputs that did not load')"];
      continue;
    }

    Tally t;
    std::map<std::string, int> own;  // check id -> units it detected (fail) / failed (pass)
    if (fail_fixture) {
      t.fail_fixtures = 1;
      for (const auto& u : units) {
        ++t.fail_units;
        std::set<std::string> hits;
        std::vector<std::string> unknowns;
        for (const auto& f : res.findings) {
          if (!finding_on(f, u)) continue;
          if (f.status == core::Status::kFail || f.status == core::Status::kWarn) {
            hits.emplace(f.id());
          }
          if (f.status == core::Status::kUnknown) unknowns.push_back(describe(f));
        }
        for (const auto& c : hits) ++own[c];
        if (!hits.empty()) {
          ++t.detected;
          continue;
        }
        std::string why = !load_error.empty()    ? "input lost: " + load_error
                          : !unknowns.empty()    ? "only unknown: " + unknowns.front()
                          : res.findings.empty() ? std::string("no finding")
                                                 : "findings on other resources only";
        misses.push_back(fmt::format("  [{}] {} {} ({}): {}", fmt::join(checks, ","), cpath,
                                     u.label(), source, why));
      }
    } else {
      t.pass_fixtures = 1;
      for (const auto& u : units) {
        ++t.pass_units;
        std::vector<std::string> wrong;
        std::set<std::string> failing;
        for (const auto& f : res.findings) {
          // The statuses that count as a detection on fail fixtures (fail, warn) count as a
          // false alarm here.
          const bool reported = f.status == core::Status::kFail || f.status == core::Status::kWarn;
          if (reported && finding_on(f, u)) {
            wrong.push_back(describe(f));
            failing.emplace(f.id());
          }
        }
        for (const auto& c : failing) ++own[c];
        if (wrong.empty()) continue;
        ++t.false_alarms;
        for (const auto& w : wrong) {
          false_alarms.push_back(fmt::format("  [{}] {} {} ({}): {}", fmt::join(checks, ","), cpath,
                                             u.label(), source, w));
        }
      }
    }
    auto add = [&t](Tally& into) {
      into.fail_fixtures += t.fail_fixtures;
      into.pass_fixtures += t.pass_fixtures;
      into.fail_units += t.fail_units;
      into.detected += t.detected;
      into.pass_units += t.pass_units;
      into.false_alarms += t.false_alarms;
    };
    if (verbose) {
      std::vector<std::string> labels;
      for (const auto& u : units) labels.push_back(u.label());
      scored_lines.push_back(fmt::format(
          "  {} expected={} [{}] units: {} -> {}", cpath, expected, fmt::join(checks, ","),
          fmt::join(labels, " "),
          fail_fixture ? fmt::format("detected {}/{}", t.detected, t.fail_units)
                       : fmt::format("false alarms {}/{}", t.false_alarms, t.pass_units)));
    }
    add(total);
    add(by_source[source]);
    add(by_format[e.value("format", "")]);
    for (const auto& c : checks) {
      Tally& row = by_check[c];
      add(row);
      (fail_fixture ? row.own_detected : row.own_false_alarms) += own[c];
    }
  }

  for (const auto& d : disagreements) {
    EXPECT_TRUE(d.used) << "tests/conformance/disagreements:" << d.line << ": '" << d.key
                        << "' matches no fixture id or corpus_path of the manifest";
  }

  std::ostringstream out;
  auto table = [&out](const char* title, const std::map<std::string, Tally>& rows,
                      bool own_columns) {
    out << fmt::format("\n{:<22} {:>8} {:>8}  {:<22} {:<22}", title, "fail fx", "pass fx",
                       "recall (units)", "false alarms (units)");
    out << (own_columns ? fmt::format(" {:<22} {:<22}\n", "recall (this check)",
                                      "false alarms (this check)")
                        : std::string("\n"));
    for (const auto& [name, t] : rows) {
      out << fmt::format("{:<22} {:>8} {:>8}  {:<22} {:<22}", name, t.fail_fixtures,
                         t.pass_fixtures, pct(t.detected, t.fail_units),
                         pct(t.false_alarms, t.pass_units));
      out << (own_columns ? fmt::format(" {:<22} {:<22}\n", pct(t.own_detected, t.fail_units),
                                        pct(t.own_false_alarms, t.pass_units))
                          : std::string("\n"));
    }
  };
  out << "Conformance against " << corpus->string() << " (" << implemented.size()
      << " implemented checks)\n";
  table("source", by_source, false);
  table("format", by_format, false);
  out << "\nPer check (a fixture mapped to several checks counts for each; 'recall' = detected by "
         "any mapped check, as scored):";
  table("check", by_check, true);
  out << fmt::format("{:<22} {:>8} {:>8}  {:<22} {:<22}\n", "TOTAL", total.fail_fixtures,
                     total.pass_fixtures, pct(total.detected, total.fail_units),
                     pct(total.false_alarms, total.pass_units));
  out << "\nExcluded fixtures:\n";
  for (const auto& [why, n] : excluded) out << fmt::format("  {:>4}  {}\n", n, why);
  auto list = [&out](const char* title, const std::vector<std::string>& lines) {
    out << "\n" << title << " (" << lines.size() << "):\n";
    for (const auto& l : lines) out << l << "\n";
  };
  if (verbose) list("Scored fixtures", scored_lines);
  list("Misses (expected fail, nothing reported)", misses);
  list("False alarms (expected pass, ecsguard fails or warns)", false_alarms);
  list("Inputs that did not load", load_problems);
  list("Disagreements (tests/conformance/disagreements, each with its reason; excluded)",
       disagreement_lines);
  out << fmt::format("\nconformance: recall={:.3f} false_alarms={:.3f} (n_fail={}, n_pass={})\n",
                     total.recall(), total.false_alarm_rate(), total.fail_units, total.pass_units);
  std::cout << out.str() << std::flush;

  EXPECT_TRUE(load_problems.empty())
      << load_problems.size()
      << " fixture(s) of a format ecsguard reads did not load (listed above): fix the loader, or "
         "list them in tests/conformance/disagreements with the reason";
  ASSERT_GT(total.fail_units + total.pass_units, 0)
      << "no corpus fixture maps to an implemented check: nothing was scored";
  EXPECT_GE(total.recall(), kMinRecall) << "recall below target; misses listed above";
  EXPECT_LE(total.false_alarm_rate(), kMaxFalseAlarms)
      << "false-alarm rate above target; false alarms listed above";
}

}  // namespace
}  // namespace ecsguard::conformance
