#include "ecsguard/config/config.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>

#include "ecsguard/config/detail.h"
#include "ecsguard/core/file_io.h"
#include "ecsguard/core/suggest.h"
#include "ecsguard/i18n/messages.gen.h"

namespace ecsguard::config {

namespace {

namespace msg = i18n::msg::policy;
namespace fs = std::filesystem;
using detail::Reader;

constexpr std::string_view kKeys[] = {
    "check",          "skip-check",     "severity-overrides",    "fail-on",
    "accepted-risks", "baseline",       "approved-registries",   "trusted-accounts",
    "own-accounts",   "writable-paths", "secret-name-allowlist",
};

// Relative to the folder of the configuration file: the file means the same from any directory.
std::string beside(const std::string& config_path, const std::string& value) {
  if (value.empty() || fs::path(value).is_absolute()) return value;
  return (fs::path(config_path).parent_path() / value).lexically_normal().string();
}

core::Result<bool> read_key(Reader& r, const parse::Member& m, Config& c) {
  const std::string& key = m.key.text;
  const parse::Node& v = m.value;
  const auto list = [&](std::vector<std::string>& out) { return r.strings(key, v, out); };
  const auto optional_list = [&](std::optional<std::vector<std::string>>& out) {
    out.emplace();
    return r.strings(key, v, *out);
  };
  if (key == "check") return list(c.checks);
  if (key == "skip-check") return list(c.skip_checks);
  if (key == "severity-overrides") return r.severity_map(key, v, c.severity_overrides);
  if (key == "fail-on") return r.fail_on(key, v, c.fail_on);
  if (key == "accepted-risks") return r.accepted_risks(v, c.accepted_risks);
  if (key == "baseline") {
    auto ok = r.string(key, v, c.baseline);
    c.baseline = beside(r.display(), c.baseline);
    return ok;
  }
  if (key == "approved-registries") return optional_list(c.approved_registries);
  if (key == "trusted-accounts") return optional_list(c.trusted_accounts);
  if (key == "own-accounts") return optional_list(c.own_accounts);
  if (key == "writable-paths") return optional_list(c.writable_paths);
  if (key == "secret-name-allowlist") return optional_list(c.secret_name_allowlist);
  if (auto near = core::closest(key, kKeys)) {
    return r.error(m.key, msg::ConfigUnknownKeySuggest{.key = key, .suggestion = *near});
  }
  return r.error(m.key, msg::ConfigUnknownKey{.key = key});
}

bool is_digits(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

core::Result<std::string> read_text(const std::string& path, i18n::Lang lang) {
  auto text = core::read_regular_file(path, detail::kMaxConfigBytes);
  if (!text) {
    return core::make_error(
        core::Errc::kUsage,
        i18n::render(msg::ConfigUnreadable{.path = path, .reason = text.error().message}, lang));
  }
  return std::move(*text);
}

}  // namespace

bool is_date(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!is_digits(s.substr(0, 4)) || !is_digits(s.substr(5, 2)) || !is_digits(s.substr(8, 2))) {
    return false;
  }
  const int year = std::stoi(std::string(s.substr(0, 4)));
  const int month = std::stoi(std::string(s.substr(5, 2)));
  const int day = std::stoi(std::string(s.substr(8, 2)));
  constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[static_cast<std::size_t>(month - 1)]) {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::span<const std::string_view> known_keys() noexcept { return kKeys; }

core::Result<Config> parse_config(std::string_view text, const std::string& display_path,
                                  i18n::Lang lang) {
  Reader r(display_path, lang);
  auto root = r.load(text);
  if (!root) return std::move(root).error();
  Config c;
  c.path = display_path;
  if (root->is_null()) return c;  // an empty file: the defaults
  if (!root->is_map()) return r.error(*root, msg::ConfigNotAMapping{});
  for (const auto& m : root->members) {
    if (auto ok = read_key(r, m, c); !ok) return std::move(ok).error();
  }
  return c;
}

core::Result<Config> load_config(const std::string& path, i18n::Lang lang) {
  auto text = read_text(path, lang);
  if (!text) return std::move(text).error();
  return parse_config(*text, path, lang);
}

core::Result<std::vector<AcceptedRisk>> load_accepted_risks(const std::string& path,
                                                            i18n::Lang lang) {
  auto text = read_text(path, lang);
  if (!text) return std::move(text).error();
  Reader r(path, lang);
  auto root = r.load(*text);
  if (!root) return std::move(root).error();
  std::vector<AcceptedRisk> out;
  if (root->is_null()) return out;
  const parse::Node* list = root->is_map() ? root->find("accepted-risks") : nullptr;
  if (list == nullptr || root->members.size() != 1) {
    return r.error(*root, msg::AcceptedRisksShape{});
  }
  if (auto ok = r.accepted_risks(*list, out); !ok) return std::move(ok).error();
  return out;
}

std::optional<std::string> find_config(std::span<const std::string> scan_paths) {
  std::vector<fs::path> dirs;
  std::error_code ec;
  for (const auto& p : scan_paths) {
    if (p == "-") continue;
    dirs.push_back(fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path());
    break;
  }
  if (scan_paths.empty()) dirs.emplace_back(".");
  dirs.emplace_back(".");
  if (const char* home = std::getenv("HOME"); home && *home) dirs.emplace_back(home);
  for (const auto& d : dirs) {
    for (const char* name : {".ecsguard.yaml", ".ecsguard.yml"}) {
      const fs::path candidate = (d.empty() ? fs::path(".") : d) / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal().string();
    }
  }
  return std::nullopt;
}

}  // namespace ecsguard::config
