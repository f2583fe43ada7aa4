#include "ecsguard/policy/source_skips.h"

#include <fmt/format.h>

#include <algorithm>

#include "ecsguard/config/config.h"
#include "ecsguard/core/glob.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/parse/yaml_loader.h"
#include "ecsguard/policy/matching.h"

namespace ecsguard::policy {

namespace {

namespace msg = i18n::msg::policy;

constexpr std::string_view kMarker = "ecsguard:skip=";

// A resource's lines in its file: the header line to the line before the next resource or
// top-level key.
struct Range {
  std::string name;
  unsigned from = 0, to = 0;
};

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_blank_or_comment(std::string_view line) {
  const auto t = core::trim(line);
  return t.empty() || t.front() == '#' || t.starts_with("//");
}

// Terraform `resource "TYPE" "NAME" {` at the start of a line -> "TYPE.NAME".
std::string terraform_header(std::string_view line) {
  if (!line.starts_with("resource ")) return {};
  std::vector<std::string_view> quoted;
  std::size_t i = 0;
  while (quoted.size() < 2) {
    const auto open = line.find('"', i);
    if (open == std::string_view::npos) return {};
    const auto close = line.find('"', open + 1);
    if (close == std::string_view::npos) return {};
    quoted.push_back(line.substr(open + 1, close - open - 1));
    i = close + 1;
  }
  return fmt::format("{}.{}", quoted[0], quoted[1]);
}

// Ranges from the CloudFormation document (Resources keys) or Terraform headers, closed by the
// next resource or the next line at column 1 that is no comment (a top-level key or block).
std::vector<Range> resource_ranges(const std::vector<std::string_view>& lines,
                                   const parse::Node* root) {
  std::vector<Range> out;
  const parse::Node* resources = root && root->is_map() ? root->find("Resources") : nullptr;
  if (resources && resources->is_map()) {
    for (const auto& m : resources->members) out.push_back(Range{m.key.text, m.key.loc.line, 0});
  }
  if (out.empty()) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (auto name = terraform_header(lines[i]); !name.empty()) {
        out.push_back(Range{std::move(name), static_cast<unsigned>(i + 1), 0});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Range& a, const Range& b) { return a.from < b.from; });
  const bool yaml_like = resources != nullptr;
  for (std::size_t r = 0; r < out.size(); ++r) {
    const auto next =
        r + 1 < out.size() ? out[r + 1].from : static_cast<unsigned>(lines.size() + 1);
    unsigned to = next - 1;
    for (unsigned l = out[r].from + 1; l < next; ++l) {
      const auto line = lines[l - 1];
      if (line.empty() || line.front() == ' ' || line.front() == '\t' || line.front() == '#') {
        continue;
      }
      to = (line.front() == '}' && !yaml_like) ? l : l - 1;  // a Terraform block ends at its '}'
      break;
    }
    out[r].to = std::max(to, out[r].from);
  }
  return out;
}

// The scope of a comment on `line`: the resource it sits in, or the one it directly precedes.
void scope_comment(SourceSkip& s, const std::vector<Range>& ranges,
                   const std::vector<std::string_view>& lines) {
  unsigned next = s.line + 1;
  while (next <= lines.size() && is_blank_or_comment(lines[next - 1])) ++next;
  for (const auto& r : ranges) {
    if (r.from == next || (r.from <= s.line && s.line <= r.to)) {
      s.resource = r.name;
      s.from = r.from;
      s.to = r.to;
      return;
    }
  }
  s.whole_file = true;
}

class Collector {
 public:
  Collector(const std::string& display, i18n::Lang lang) : display_(display), lang_(lang) {}

  void refuse(unsigned line, const i18n::Message& why) {
    engine::Diagnostic d;
    d.code = core::Errc::kSkipped;  // a note: the finding it meant to skip still counts
    d.file = display_;
    d.line = line;
    d.column = 1;
    d.message = i18n::render(why, lang_);
    out.refused.push_back(std::move(d));
  }

  // "CTR-001,CTR-002[:exp:YYYY-MM-DD]:reason" after the marker.
  void comment(std::string_view rest, unsigned line, const std::vector<Range>& ranges,
               const std::vector<std::string_view>& lines) {
    SourceSkip s;
    s.file = display_;
    s.line = line;
    s.source = "inline";
    const auto colon = rest.find(':');
    for (auto id : core::split(rest.substr(0, colon), ',')) {
      if (auto t = core::trim(id); !t.empty()) s.ids.push_back(core::to_upper(t));
    }
    std::string_view tail =
        colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (tail.starts_with("exp:")) {
      s.expires = std::string(tail.substr(4, 10));
      tail = tail.size() > 14 && tail[14] == ':' ? tail.substr(15) : std::string_view{};
      if (!config::is_date(s.expires)) {
        refuse(line, msg::SkipBadDate{.value = s.expires});
        return;
      }
    }
    s.reason = std::string(core::trim(tail));
    if (!finish(s, line)) return;
    scope_comment(s, ranges, lines);
    out.skips.push_back(std::move(s));
  }

  // Metadata.ecsguard.skip of a resource (`range`) or of the template (null).
  void metadata(const parse::Node& owner, const Range* range) {
    const parse::Node* md = owner.find("Metadata");
    const parse::Node* eg = md && md->is_map() ? md->find("ecsguard") : nullptr;
    const parse::Node* list = eg && eg->is_map() ? eg->find("skip") : nullptr;
    if (!list) return;
    if (!list->is_seq()) {
      refuse(list->loc.line, msg::SkipMetadataShape{});
      return;
    }
    for (const auto& item : list->items) {
      SourceSkip s;
      s.file = display_;
      s.line = item.loc.line;
      s.source = "metadata";
      const auto text = [&](std::string_view k) {
        const parse::Node* n = item.is_map() ? item.find(k) : nullptr;
        return n && n->is_known_scalar() ? n->scalar_text() : std::string();
      };
      if (auto id = text("id"); !id.empty()) s.ids.push_back(core::to_upper(core::trim(id)));
      s.reason = text("comment");
      if (s.reason.empty()) s.reason = text("reason");
      s.expires = text("expires");
      if (!s.expires.empty() && !config::is_date(s.expires)) {
        refuse(s.line, msg::SkipBadDate{.value = s.expires});
        continue;
      }
      if (!finish(s, s.line)) continue;
      if (range) {
        s.resource = range->name;
        s.from = range->from;
        s.to = range->to;
      } else {
        s.whole_file = true;
      }
      out.skips.push_back(std::move(s));
    }
  }

  FileSkips out;

 private:
  bool finish(SourceSkip& s, unsigned line) {
    if (s.ids.empty()) {
      refuse(line, msg::SkipNoId{});
      return false;
    }
    if (s.reason.empty()) {
      refuse(line, msg::SkipNoReason{.ids = fmt::format("{}", fmt::join(s.ids, ","))});
      return false;
    }
    return true;
  }

  const std::string& display_;
  i18n::Lang lang_;
};

core::Limits skip_limits() {
  core::Limits l;  // the scan already accepted this file under the same defaults
  return l;
}

}  // namespace

bool SourceSkip::covers(const engine::Finding& f) const {
  if (f.file != file) return false;
  if (!whole_file && f.resource_name != resource && (f.loc.line < from || f.loc.line > to)) {
    return false;
  }
  return std::any_of(ids.begin(), ids.end(),
                     [&](const std::string& id) { return id_matches(id, f.id()); });
}

bool may_contain_skips(std::string_view text) noexcept {
  return text.find("ecsguard") != std::string_view::npos;
}

FileSkips collect_skips(std::string_view text, const std::string& display, i18n::Lang lang) {
  Collector c(display, lang);
  const auto lines = lines_of(text);
  auto doc = parse::load_document(text, 0, skip_limits());
  const parse::Node* root = doc ? &*doc : nullptr;
  const auto ranges = resource_ranges(lines, root);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = lines[i];
    const auto at = line.find(kMarker);
    if (at == std::string_view::npos) continue;
    const auto hash = line.find('#');
    const auto slashes = line.find("//");
    if (std::min(hash, slashes) > at) continue;  // not inside a comment
    c.comment(line.substr(at + kMarker.size()), static_cast<unsigned>(i + 1), ranges, lines);
  }
  if (root && root->is_map()) {
    c.metadata(*root, nullptr);
    if (const auto* resources = root->find("Resources"); resources && resources->is_map()) {
      for (const auto& m : resources->members) {
        const auto r = std::find_if(ranges.begin(), ranges.end(),
                                    [&](const Range& x) { return x.name == m.key.text; });
        if (m.value.is_map()) c.metadata(m.value, r == ranges.end() ? nullptr : &*r);
      }
    }
  }
  return std::move(c.out);
}

}  // namespace ecsguard::policy
