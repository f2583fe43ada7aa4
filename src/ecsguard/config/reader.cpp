#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "ecsguard/config/detail.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/core/suggest.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/parse/yaml_loader.h"

namespace ecsguard::config::detail {

namespace {

namespace msg = i18n::msg::policy;

constexpr std::string_view kRiskKeys[] = {"check", "resource", "file",
                                          "owner", "reason",   "expires"};

core::Limits config_limits() {
  core::Limits l;
  l.max_file_bytes = kMaxConfigBytes;
  l.max_depth = 16;
  l.max_nodes = 100000;
  l.max_alias_expansions = 100;
  return l;
}

}  // namespace

core::Result<parse::Node> Reader::load(std::string_view text) const {
  auto root = parse::load_yaml(text, 0, config_limits());
  if (!root) {
    const auto& e = root.error();
    return core::make_error(
        core::Errc::kUsage,
        fmt::format("{}:{}:{}: {}", display_, e.where.line, e.where.column,
                    i18n::render(msg::ConfigSyntax{.reason = e.message}, lang_)));
  }
  return root;
}

std::string Reader::where(const parse::Node& at) const {
  return fmt::format("{}:{}:{}", display_, at.loc.line, at.loc.column);
}

core::Error Reader::error(const parse::Node& at, const i18n::Message& m) const {
  return core::make_error(core::Errc::kUsage,
                          fmt::format("{}: {}", where(at), i18n::render(m, lang_)));
}

core::Result<bool> Reader::string(std::string_view key, const parse::Node& v,
                                  std::string& out) const {
  if (!v.is_known_scalar()) return error(v, msg::ConfigExpectedString{.key = key});
  out = v.scalar_text();
  return true;
}

core::Result<bool> Reader::strings(std::string_view key, const parse::Node& v,
                                   std::vector<std::string>& out) const {
  const auto add = [&](const parse::Node& item) -> core::Result<bool> {
    if (!item.is_known_scalar()) return error(item, msg::ConfigExpectedList{.key = key});
    const std::string text = item.scalar_text();
    for (auto part : core::split(text, ',')) {
      if (auto t = core::trim(part); !t.empty()) out.emplace_back(t);
    }
    return true;
  };
  if (v.is_null()) return true;
  if (!v.is_seq()) return add(v);
  for (const auto& item : v.items) {
    if (auto ok = add(item); !ok) return ok;
  }
  return true;
}

core::Result<bool> Reader::severity_map(
    std::string_view key, const parse::Node& v,
    std::vector<std::pair<std::string, core::Severity>>& out) const {
  if (v.is_null()) return true;
  if (!v.is_map()) return error(v, msg::ConfigExpectedMap{.key = key});
  for (const auto& m : v.members) {
    const auto sev =
        m.value.is_known_scalar() ? core::parse_severity(m.value.scalar_text()) : std::nullopt;
    if (!sev) return error(m.value, msg::ConfigBadSeverity{.value = m.value.scalar_text()});
    out.emplace_back(core::to_upper(m.key.text), *sev);
  }
  return true;
}

core::Result<bool> Reader::fail_on(std::string_view key, const parse::Node& v,
                                   std::optional<std::string>& out) const {
  // One severity, or a list of them (`fail-on: [CRITICAL, HIGH]`): the lowest one listed.
  std::vector<std::string> values;
  if (auto ok = strings(key, v, values); !ok) return ok;
  std::optional<core::Severity> lowest;
  for (const auto& s : values) {
    if (core::iequals(s, "never")) {
      out = "never";
      return true;
    }
    const auto sev = core::parse_severity(s);
    if (!sev) return error(v, msg::ConfigBadFailOn{.value = s});
    if (!lowest || *sev < *lowest) lowest = sev;
  }
  if (lowest) out = core::to_lower(core::to_string(*lowest));
  return true;
}

core::Result<bool> Reader::accepted_risks(const parse::Node& v,
                                          std::vector<AcceptedRisk>& out) const {
  if (v.is_null()) return true;
  if (!v.is_seq()) return error(v, msg::ConfigExpectedList{.key = "accepted-risks"});
  for (const auto& item : v.items) {
    if (auto ok = accepted_risk(item, out); !ok) return ok;
  }
  return true;
}

core::Result<bool> Reader::accepted_risk(const parse::Node& v,
                                         std::vector<AcceptedRisk>& out) const {
  if (!v.is_map()) return error(v, msg::ConfigExpectedMap{.key = "accepted-risks"});
  AcceptedRisk r;
  r.source_file = display_;
  r.line = v.loc.line;
  for (const auto& m : v.members) {
    const std::string& k = m.key.text;
    std::string* field = k == "check"      ? &r.check
                         : k == "resource" ? &r.resource
                         : k == "file"     ? &r.file
                         : k == "owner"    ? &r.owner
                         : k == "reason"   ? &r.reason
                         : k == "expires"  ? &r.expires
                                           : nullptr;
    if (field == nullptr) {
      if (auto near = core::closest(k, kRiskKeys)) {
        return error(m.key, msg::ConfigUnknownKeySuggest{.key = k, .suggestion = *near});
      }
      return error(m.key, msg::ConfigUnknownKey{.key = k});
    }
    if (auto ok = string(k, m.value, *field); !ok) return ok;
    *field = std::string(core::trim(*field));
  }
  for (auto [name, value] : {std::pair{"check", &r.check}, std::pair{"resource", &r.resource},
                             std::pair{"owner", &r.owner}, std::pair{"reason", &r.reason},
                             std::pair{"expires", &r.expires}}) {
    if (value->empty()) return error(v, msg::AcceptedRiskMissing{.field = name});
  }
  if (!is_date(r.expires)) {
    const auto* at = v.find("expires");
    return error(at ? *at : v, msg::ConfigBadDate{.value = r.expires});
  }
  r.check = core::to_upper(r.check);
  out.push_back(std::move(r));
  return true;
}

}  // namespace ecsguard::config::detail
